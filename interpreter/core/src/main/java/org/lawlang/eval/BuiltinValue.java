package org.lawlang.eval;

import java.util.List;
import org.lawlang.diag.Span;
import org.lawlang.semantics.Builtin;

/** A builtin function as a value, called like a law. */
public record BuiltinValue(Builtin builtin) implements Callable {
  @Override
  public String typeName() {
    return "function";
  }

  @Override
  public String show() {
    return "builtin " + builtin.name + ": " + builtin.doc;
  }

  @Override
  public Value call(Interpreter interpreter, List<Value> args, Span at) {
    if (Ensembles.size(args) >= 0) {
      return Ensembles.callBuiltin(interpreter, builtin, args, at);
    }
    return BuiltinCalls.call(builtin, args, at, interpreter);
  }
}
