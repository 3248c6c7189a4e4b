package org.lawlang.syntax;

import org.lawlang.diag.Source;

/**
 * Start-up aid for the REPL: parses a tiny program on a background thread so that ANTLR's
 * lexer and parser state (deserialised ATNs, first DFA states) is built while the terminal
 * opens, and the highlighter's parse on the first key does not lag. (For `law run` it made no
 * measurable difference, so only the REPL uses it.)
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
