package org.lawlang.diag;

import java.util.List;

/**
 * The one exception type that carries a user's mistake out of any stage: it holds
 * diagnostics, never a raw library exception, so callers print them and move on.
 */
public class LawException extends RuntimeException {
  private final transient List<Diagnostic> diagnostics;

  public LawException(List<Diagnostic> diagnostics) {
    super(diagnostics.isEmpty() ? "error" : diagnostics.get(0).message(), null, false, false);
    this.diagnostics = List.copyOf(diagnostics);
  }

  public LawException(Diagnostic diagnostic) {
    this(List.of(diagnostic));
  }

  public static LawException of(Msg msg, Span span, Object... args) {
    return new LawException(Diagnostic.error(msg, span, args));
  }

  public LawException hint(String hint) {
    Diagnostic first = diagnostics.get(0).withHint(hint);
    java.util.ArrayList<Diagnostic> all = new java.util.ArrayList<>(diagnostics);
    all.set(0, first);
    return new LawException(all);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  public Diagnostic first() {
    return diagnostics.get(0);
  }
}
