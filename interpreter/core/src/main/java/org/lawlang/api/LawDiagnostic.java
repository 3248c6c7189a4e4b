package org.lawlang.api;

import org.lawlang.diag.Diagnostic;
import org.lawlang.diag.Span;

/**
 * One error or warning about law source, as plain data: severity ("error" or "warning"),
 * the stable code (L201, ... see docs/errors.md), the message and hint, and where — the
 * source name (a file, "&lt;eval&gt;", "&lt;java&gt;") with 1-based line and column of the start
 * and end. {@link #rendered()} is the full text a user sees, caret and all. Immutable.
 */
public record LawDiagnostic(String severity, String code, String message, String hint, String source, int line,
    int column, int endLine, int endColumn, String rendered) {

  /** Converts the interpreter's diagnostic. */
  static LawDiagnostic of(Diagnostic d) {
    Span s = d.span();
    int end = Math.max(s.start(), s.end());
    return new LawDiagnostic(d.severity().name().toLowerCase(java.util.Locale.ROOT), d.code(), d.message(), d.hint(),
        s.source().name(), s.line(), s.column(), s.source().lineOf(end), s.source().columnOf(end), d.toString());
  }

  /**
   * Whether this is an error rather than a warning.
   *
   * @return true for an error
   */
  public boolean isError() {
    return severity.equals("error");
  }

  /** {@code source:line:col: message [code]}, on one line. */
  @Override
  public String toString() {
    return source + ":" + line + ":" + column + ": " + severity + ": " + message + " [" + code + "]";
  }
}
