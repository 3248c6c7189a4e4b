package org.lawlang.eval.stdlib;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.eval.Env;
import org.lawlang.eval.Interpreter;
import org.lawlang.eval.LawValue;
import org.lawlang.eval.Services;
import org.lawlang.eval.TableValue;
import org.lawlang.eval.Value;
import org.lawlang.eval.Values;
import org.lawlang.semantics.Law;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.ExprPrinter;
import org.lawlang.syntax.Stmt;

/**
 * The `compare L1, L2 at (N = 70B, D = 1.4T)` statement: evaluates each law at one point
 * and prints them side by side — the law as written, its source (the citation's short
 * name), the value and its unit. Named inputs go to the laws that have an input of that
 * name (a law of N alone ignores D); positional ones go to every law in order. Each call
 * passes the law-call hook, so extrapolation warnings appear as for a plain call.
 * Registered in {@code Services.standard()}.
 */
public final class Comparison implements Services.CompareService {
  @Override
  public void compare(Stmt.Compare node, Interpreter in, Env env) {
    List<Law> laws = new ArrayList<>();
    for (Expr e : node.laws()) {
      Value v = in.eval(e, env);
      if (!(v instanceof LawValue lv)) {
        throw LawException.of(Msg.COMPARE_NOT_A_LAW, e.span(), "'" + ExprPrinter.print(e) + "' (" + v.typeName() + ")")
            .hint("name laws, e.g. compare chinchilla_L, epoch_L at (N = 70B, D = 1.4T)");
      }
      laws.add(lv.law());
    }
    Map<String, Value> named = new LinkedHashMap<>();
    List<Value> positional = new ArrayList<>();
    Map<String, Expr.Arg> argOf = new LinkedHashMap<>();
    Boolean byName = null;
    for (Expr.Arg a : node.at()) {
      if (byName == null) {
        byName = a.name() != null;
      } else if (byName != (a.name() != null)) {
        throw LawException.of(Msg.COMPARE_MIXED_ARGS, a.span());
      }
      Value v = in.eval(a.value(), env);
      if (a.name() == null) {
        positional.add(v);
      } else {
        if (named.containsKey(a.name())) {
          throw LawException.of(Msg.DUPLICATE_BINDING, a.span(), a.name());
        }
        named.put(a.name(), v);
        argOf.put(a.name(), a);
      }
    }
    if (!named.isEmpty()) {
      Set<String> used = new LinkedHashSet<>();
      laws.forEach(l -> used.addAll(l.inputs()));
      for (String name : named.keySet()) {
        if (!used.contains(name)) {
          throw LawException.of(Msg.COMPARE_UNUSED_INPUT, argOf.get(name).span(), name)
              .hint("their inputs are " + String.join(", ", used));
        }
      }
    }
    List<List<Value>> rows = new ArrayList<>();
    for (int i = 0; i < laws.size(); i++) {
      Law law = laws.get(i);
      Expr e = node.laws().get(i);
      List<Value> args = named.isEmpty() ? positional : argsFor(law, named, e);
      Value value = in.callLaw(law, args, e.span());
      String source = Citations.shortName(law.meta().cite());
      String unit = law.meta().unit();
      rows.add(List.of(new Values.Str(ExprPrinter.print(e)), new Values.Str(source == null ? "-" : source), value,
          new Values.Str(unit == null ? "" : unit)));
    }
    TableValue table = new TableValue(List.of("law", "source", "value", "unit"), rows);
    in.print("at " + point(node, named, positional) + ":\n" + table.show(), List.of(table));
  }

  private static List<Value> argsFor(Law law, Map<String, Value> named, Expr at) {
    List<Value> args = new ArrayList<>();
    for (String input : law.inputs()) {
      Value v = named.get(input);
      if (v == null) {
        throw LawException.of(Msg.COMPARE_MISSING_INPUT, at.span(), law.name(), input)
            .hint("add " + input + " = ... to 'at (...)'; " + law.name() + " takes " + String.join(", ", law.inputs()));
      }
      args.add(v);
    }
    return args;
  }

  private static String point(Stmt.Compare node, Map<String, Value> named, List<Value> positional) {
    List<String> parts = new ArrayList<>();
    if (!named.isEmpty()) {
      named.forEach((k, v) -> parts.add(k + " = " + v.show()));
    } else {
      positional.forEach(v -> parts.add(v.show()));
    }
    return "(" + String.join(", ", parts) + ")";
  }
}
