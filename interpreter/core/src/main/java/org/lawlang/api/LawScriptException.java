package org.lawlang.api;

import java.util.List;
import org.lawlang.diag.Diagnostic;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Source;
import org.lawlang.diag.Span;

/**
 * The one exception the API throws for anything wrong with law code or with values handed to
 * it: a syntax error, an unknown name, bad data, a solver that failed, a cancelled run. It
 * carries every diagnostic with its position ({@link #problems()}); {@link #getMessage()} is
 * the first one on a line. No library exception (ANTLR, Commons Math) escapes the API: an
 * unexpected one arrives here as an internal error (code L990) with its cause attached.
 */
public final class LawScriptException extends LawException {
  private final transient List<LawDiagnostic> problems;
  private final Throwable cause;

  LawScriptException(List<Diagnostic> diagnostics, Throwable cause) {
    super(diagnostics);
    this.problems = diagnostics.stream().map(LawDiagnostic::of).toList();
    this.cause = cause;
  }

  /** The library exception behind an internal error (L990), else null. */
  @Override
  public synchronized Throwable getCause() {
    return cause;
  }

  /** Every diagnostic, errors first as the interpreter reported them. */
  public List<LawDiagnostic> problems() {
    return problems;
  }

  /** The first diagnostic. */
  public LawDiagnostic problem() {
    return problems.get(0);
  }

  /** The code of the first diagnostic (L201, L311 for a cancelled run, ...). */
  public String code() {
    return problems.get(0).code();
  }

  @Override
  public String getMessage() {
    return problems == null || problems.isEmpty() ? super.getMessage() : problems.get(0).toString();
  }

  /** The diagnostics as a user would see them, carets included. */
  public String rendered() {
    StringBuilder out = new StringBuilder();
    problems.forEach(p -> out.append(p.rendered()));
    return out.toString();
  }

  /** Wraps whatever a run threw into the API's one exception type. */
  static LawScriptException wrap(RuntimeException e) {
    if (e instanceof LawScriptException l) {
      return l;
    }
    if (e instanceof LawException l) {
      return new LawScriptException(l.diagnostics(), null);
    }
    return new LawScriptException(List.of(Diagnostic.error(Msg.INTERNAL, JAVA, e.toString())), e);
  }

  /** An error about a value handed over from Java. */
  static LawScriptException java(String message) {
    return new LawScriptException(List.of(Diagnostic.error(Msg.EMBED, JAVA, message)), null);
  }

  /** The position of things that come from Java rather than from law source. */
  static final Span JAVA = new Span(new Source("<java>", ""), 0, 0);
}
