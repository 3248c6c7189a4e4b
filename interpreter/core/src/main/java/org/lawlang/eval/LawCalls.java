package org.lawlang.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lawlang.diag.Diagnostic;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Span;
import org.lawlang.eval.Values.ListVal;
import org.lawlang.eval.Values.Num;
import org.lawlang.semantics.Law;

/**
 * Evaluates a law's formula at concrete inputs: elementwise over list arguments, with the
 * law's fixed parameters and called laws in scope. An error inside the formula is reported
 * at the call, naming the law and pointing to where its formula is written.
 */
final class LawCalls {
  private LawCalls() {}

  static Value apply(Law law, List<Value> args, Span at, Interpreter in) {
    int n = -1;
    for (Value a : args) {
      if (a instanceof ListVal l) {
        if (n >= 0 && n != l.items().size()) {
          throw LawException.of(org.lawlang.diag.Msg.LIST_LENGTHS, at, n, l.items().size());
        }
        n = l.items().size();
      }
    }
    if (n < 0) {
      return scalar(law, args, at, in);
    }
    List<Value> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<Value> row = new ArrayList<>(args.size());
      for (Value a : args) {
        row.add(a instanceof ListVal l ? l.items().get(i) : a);
      }
      out.add(scalar(law, row, at, in));
    }
    return new ListVal(out);
  }

  private static Value scalar(Law law, List<Value> args, Span at, Interpreter in) {
    Env env = new Env(null);
    for (Map.Entry<String, Double> e : law.fixed().entrySet()) {
      env.define(e.getKey(), new Num(e.getValue()));
    }
    for (Map.Entry<String, Law> e : law.callees().entrySet()) {
      env.define(e.getKey(), new LawValue(e.getValue()));
    }
    for (int i = 0; i < args.size(); i++) {
      env.define(law.inputs().get(i), new Num(Values.num(args.get(i), at, "input " + law.inputs().get(i) + " of " + law.name())));
    }
    in.enter(at);
    try {
      return in.eval(law.body(), env);
    } catch (LawException e) {
      Diagnostic first = e.first();
      if (first.span().source() == at.source() && first.span().start() >= at.start() && first.span().end() <= at.end()) {
        throw e;
      }
      String where = first.span().source() == Span.NOWHERE_SOURCE ? "" : " (the formula is at " + first.span().location() + ")";
      throw new LawException(new Diagnostic(first.severity(), first.code(), at,
          first.message() + " in " + law.name() + "(" + String.join(", ", args.stream().map(Value::show).toList()) + ")",
          first.hint() == null ? where.isEmpty() ? null : where.substring(2, where.length() - 1) : first.hint() + where));
    } finally {
      in.exitCall();
    }
  }
}
