package org.lawlang.api;

import java.util.List;
import org.lawlang.diag.Diagnostic;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Source;
import org.lawlang.diag.Span;

/**
 * The one exception the API throws, for anything wrong: law code (a syntax error, an unknown
 * name, bad data, a solver that failed), values handed over from Java (a null, a NaN, a
 * column that is not there, a result asked for as a type it is not), a cancelled or
 * interrupted run (L311), a limit (L901 work, L902 time) or a file outside what the engine
 * allows (L812). It carries every diagnostic with its position ({@link #problems()});
 * {@link #getMessage()} is the first one on a line. No library exception (ANTLR, Commons
 * Math) escapes the API: an unexpected one arrives here as an internal error (code L990) with
 * its cause attached.
 */
public final class LawScriptException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<LawDiagnostic> problems;

  LawScriptException(List<Diagnostic> diagnostics, Throwable cause) {
    super(diagnostics.isEmpty() ? "error" : diagnostics.get(0).message(), cause);
    this.problems = diagnostics.stream().map(LawDiagnostic::of).toList();
  }

  /**
   * Every diagnostic, errors first as the interpreter reported them.
   *
   * @return an immutable list, never empty
   */
  public List<LawDiagnostic> problems() {
    return problems;
  }

  /**
   * The first diagnostic.
   *
   * @return the diagnostic that stopped the run
   */
  public LawDiagnostic problem() {
    return problems.get(0);
  }

  /**
   * The code of the first diagnostic.
   *
   * @return L201, L311 for a cancelled run, ... (docs/errors.md)
   */
  public String code() {
    return problems.get(0).code();
  }

  @Override
  public String getMessage() {
    return problems == null || problems.isEmpty() ? super.getMessage() : problems.get(0).toString();
  }

  /**
   * The diagnostics as a user would see them, carets included.
   *
   * @return the rendered text of every diagnostic
   */
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
