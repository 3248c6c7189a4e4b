package org.lawlang.eval;

import java.util.List;
import org.lawlang.diag.Diagnostic;

/**
 * Where a session's results go. Text front ends print {@code text}; structured front ends
 * (JSON, the API) read the values. Warnings arrive as diagnostics.
 */
public interface Output {
  /** A `print` statement, a loop's table or a REPL expression: the values and their text. */
  void print(String text, List<Value> values);

  /** A warning (extrapolation, a fit at a bound, ...). The run goes on. */
  void warning(Diagnostic warning);

  /** An output that writes text to two streams, warnings rendered in the diagnostic shape. */
  static Output streams(java.io.PrintStream out, java.io.PrintStream err) {
    return new Output() {
      @Override
      public void print(String text, List<Value> values) {
        out.println(text);
        out.flush();
      }

      @Override
      public void warning(Diagnostic warning) {
        err.print(warning);
        err.flush();
      }
    };
  }

  /** Everything into one buffer in order, as the golden tests read it. */
  static Output buffer(StringBuilder sink) {
    return new Output() {
      @Override
      public void print(String text, List<Value> values) {
        sink.append(text).append('\n');
      }

      @Override
      public void warning(Diagnostic warning) {
        sink.append(warning);
      }
    };
  }
}
