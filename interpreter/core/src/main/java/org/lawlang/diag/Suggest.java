package org.lawlang.diag;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * "Did you mean …?": the closest known name by edit distance, when it is close enough to be a
 * likely typo. Close enough means at most a third of the name's letters (one for short names)
 * and fewer edits than the typed name has letters, so that a one-letter name is never "nearly"
 * another one ('a' is not a typo of 'K'; 'Ll' is one of 'L'). Among equally close names, one of the
 * kind the context wants comes first (a callable where a call is made, a dataset after `to`),
 * then one that holds the typed letters in order (`lg` is `log` with a letter dropped, not `L`
 * with one added), then one with the same case, then the alphabetically first.
 */
public final class Suggest {
  private Suggest() {}

  public static Optional<String> closest(String name, Collection<String> candidates) {
    return closest(name, candidates, c -> true);
  }

  /** As {@link #closest(String, Collection)}, preferring candidates that {@code wanted} accepts. */
  public static Optional<String> closest(String name, Collection<String> candidates, Predicate<String> wanted) {
    String lower = name.toLowerCase(Locale.ROOT);
    int allowed = Math.max(1, Math.min(3, name.length() / 3));
    String best = null;
    int[] bestKey = null;
    for (String candidate : candidates) {
      if (candidate.equals(name)) {
        continue;
      }
      int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
      if (d > allowed || d >= name.length()) {
        continue;
      }
      int[] key = {wanted.test(candidate) ? 0 : 1, d, subsequence(lower, candidate.toLowerCase(Locale.ROOT)) ? 0 : 1,
          distance(name, candidate)};
      if (best == null || compare(key, bestKey) < 0 || compare(key, bestKey) == 0 && candidate.compareTo(best) < 0) {
        best = candidate;
        bestKey = key;
      }
    }
    return Optional.ofNullable(best);
  }

  public static String hint(String name, Collection<String> candidates) {
    return hint(name, candidates, c -> true);
  }

  public static String hint(String name, Collection<String> candidates, Predicate<String> wanted) {
    return closest(name, candidates, wanted).map(s -> "did you mean '" + s + "'?").orElse(null);
  }

  private static int compare(int[] a, int[] b) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i]) {
        return Integer.compare(a[i], b[i]);
      }
    }
    return 0;
  }

  /** Whether every letter of {@code a} appears in {@code b}, in order. */
  private static boolean subsequence(String a, String b) {
    int j = 0;
    for (int i = 0; i < b.length() && j < a.length(); i++) {
      if (a.charAt(j) == b.charAt(i)) {
        j++;
      }
    }
    return j == a.length();
  }

  /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
