package org.lawlang.eval;

import java.util.List;
import org.lawlang.diag.Span;
import org.lawlang.syntax.Stmt;

/** A procedure written in law (`proc frontier(L, lo, hi, n) { ... }`) with the scope it was defined in. */
public record ProcValue(Stmt.Proc proc, Env closure) implements Callable {
  @Override
  public String typeName() {
    return "proc";
  }

  @Override
  public String show() {
    return "proc " + proc.name().name() + "(" + String.join(", ", proc.params().stream().map(p -> p.name()).toList()) + ")";
  }

  @Override
  public Value call(Interpreter interpreter, List<Value> args, Span at) {
    return interpreter.callProc(this, args, at);
  }
}
