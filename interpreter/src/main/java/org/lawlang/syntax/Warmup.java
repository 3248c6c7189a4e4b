package org.lawlang.syntax;

import org.lawlang.diag.Source;

/**
 * Start-up aid: parses a tiny program on a background thread so that ANTLR's lexer and
 * parser state (deserialised ATNs, first DFA states) is built on the second core while
 * the main thread reads the user's file and sets up the session.
 */
public final class Warmup {
  private Warmup() {}

  public static void startInBackground() {
    Thread t = new Thread(Warmup::run, "law-warmup");
    t.setDaemon(true);
    t.start();
  }

  private static void run() {
    try {
      Parsing.parse(new Source("<warmup>", "let x = 2 * (1 + 3)^2\nlaw L(N) = E + A / N^a where E = 1, A = 2, a = 0.5\nprint L(x), [1, 2]\n"));
    } catch (RuntimeException ignored) {
      // warming up is best effort; the real parse reports its own errors
    }
  }
}
