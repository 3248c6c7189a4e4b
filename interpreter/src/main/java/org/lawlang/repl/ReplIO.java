package org.lawlang.repl;

import java.io.PrintWriter;
import java.util.List;
import org.lawlang.diag.Diagnostic;
import org.lawlang.eval.Output;
import org.lawlang.eval.Value;

/**
 * Where the REPL writes: the terminal's writer, for results, `print` output, warnings and
 * diagnostics alike (a terminal has one screen), flushed after each write so that output of
 * a long evaluation shows as it comes. Also the engine's {@link Output}.
 */
final class ReplIO implements Output {
  private final PrintWriter out;

  ReplIO(PrintWriter out) {
    this.out = out;
  }

  void println(String text) {
    synchronized (out) {
      out.println(text);
      out.flush();
    }
  }

  /** A rendered diagnostic (already ends with a newline). */
  void error(String rendered) {
    synchronized (out) {
      out.print(rendered);
      out.flush();
    }
  }

  PrintWriter writer() {
    return out;
  }

  @Override
  public void print(String text, List<Value> values) {
    println(text);
  }

  @Override
  public void warning(Diagnostic warning) {
    error(warning.toString());
  }
}
