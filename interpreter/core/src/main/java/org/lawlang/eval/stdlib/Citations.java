package org.lawlang.eval.stdlib;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short names of citations for tables and warnings: "Hoffmann et al. 2022" out of
 * "Hoffmann et al. 2022, Training Compute-Optimal Large Language Models, arXiv:2203.15556".
 * Used by {@link Comparison} and {@link Extrapolation}.
 */
public final class Citations {
  private static final Pattern UP_TO_YEAR = Pattern.compile("^(.*?\\b(19|20)\\d\\d[a-z]?)\\b");

  private Citations() {}

  /** The citation up to and including its first year, or the text before the first comma; null for none. */
  public static String shortName(String cite) {
    if (cite == null || cite.isBlank()) {
      return null;
    }
    Matcher m = UP_TO_YEAR.matcher(cite.strip());
    if (m.find() && m.group(1).length() <= 60) {
      return m.group(1);
    }
    int comma = cite.indexOf(',');
    String head = comma > 0 ? cite.substring(0, comma) : cite;
    return head.length() <= 60 ? head.strip() : head.substring(0, 57).strip() + "...";
  }
}
