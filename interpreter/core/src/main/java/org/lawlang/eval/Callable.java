package org.lawlang.eval;

import java.util.List;
import org.lawlang.diag.Span;

/** A value that can be called with arguments: laws, fits, procs and builtins. */
public interface Callable extends Value {
  Value call(Interpreter interpreter, List<Value> args, Span at);
}
