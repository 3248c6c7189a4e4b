package org.lawlang.diag;

/**
 * One message to the user about their source: where, how serious, a stable code from
 * {@link Msg}, the message and an optional hint. Rendered by {@link DiagnosticPrinter}.
 */
public record Diagnostic(Severity severity, String code, Span span, String message, String hint) {

  public static Diagnostic error(Msg msg, Span span, Object... args) {
    return new Diagnostic(Severity.ERROR, msg.code(), span, msg.format(args), null);
  }

  public static Diagnostic warning(Msg msg, Span span, Object... args) {
    return new Diagnostic(Severity.WARNING, msg.code(), span, msg.format(args), null);
  }

  public Diagnostic withHint(String newHint) {
    return new Diagnostic(severity, code, span, message, newHint);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  @Override
  public String toString() {
    return DiagnosticPrinter.render(this);
  }
}
