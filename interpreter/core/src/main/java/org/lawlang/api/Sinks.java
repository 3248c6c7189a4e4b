package org.lawlang.api;

import java.util.List;
import java.util.function.Consumer;
import org.lawlang.diag.Diagnostic;
import org.lawlang.eval.Output;
import org.lawlang.eval.Value;

/** Adapts the API's sinks (a {@link LawListener}, text and warning consumers) to the interpreter's {@link Output}. */
final class Sinks {
  private Sinks() {}

  static Output listener(LawListener listener) {
    return new Output() {
      @Override
      public void print(String text, List<Value> values) {
        listener.printed(text, values.stream().map(Results::from).toList());
      }

      @Override
      public void warning(Diagnostic warning) {
        listener.warning(LawDiagnostic.of(warning));
      }
    };
  }

  /** Printed text to {@code sink}; warnings to {@code rest}. */
  static Output printTo(Consumer<String> sink, Output rest) {
    return new Output() {
      @Override
      public void print(String text, List<Value> values) {
        sink.accept(text);
      }

      @Override
      public void warning(Diagnostic warning) {
        rest.warning(warning);
      }
    };
  }

  /** Warnings to {@code sink}; printed text to {@code rest}. */
  static Output warnTo(Consumer<LawDiagnostic> sink, Output rest) {
    return new Output() {
      @Override
      public void print(String text, List<Value> values) {
        rest.print(text, values);
      }

      @Override
      public void warning(Diagnostic warning) {
        sink.accept(LawDiagnostic.of(warning));
      }
    };
  }
}
