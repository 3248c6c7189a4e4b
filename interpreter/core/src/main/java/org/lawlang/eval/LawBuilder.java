package org.lawlang.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.semantics.Builtin;
import org.lawlang.semantics.Law;
import org.lawlang.semantics.LawMeta;
import org.lawlang.semantics.Param;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Expr.*;
import org.lawlang.syntax.NumberFormat;
import org.lawlang.syntax.Stmt.*;

/**
 * Turns a checked `law` declaration into a {@link Law}: binds the laws it calls, evaluates
 * `where` values and `with` bounds in the declaring scope, replaces qualified constants
 * (`units.PF_day`) by their values, and collects its metadata.
 */
final class LawBuilder {
  private LawBuilder() {}

  static Law build(LawDecl decl, Env env, Interpreter in) {
    Set<String> inputs = new LinkedHashSet<>();
    decl.inputs().forEach(i -> inputs.add(i.name()));
    Map<String, Law> callees = new LinkedHashMap<>();
    Expr body = resolveBody(decl.body(), env, in, callees);
    Set<String> paramNames = new LinkedHashSet<>();
    collectParams(body, inputs, callees.keySet(), paramNames);
    Set<String> used = new LinkedHashSet<>();
    org.lawlang.syntax.Walk.formulaNames(body, n -> used.add(n.name()));
    // a standard-library module keeps uniform signatures on purpose (paquette_xi_III(alpha, beta) = 0.5)
    boolean module = decl.span().source() != null && decl.span().source().name().startsWith("stdlib/");
    for (org.lawlang.syntax.Expr.Ident input : module ? List.<org.lawlang.syntax.Expr.Ident>of() : decl.inputs()) {
      if (!used.contains(input.name())) {
        // fitting or calling such a law ignores the input: almost always a typo in the formula
        in.warnOnce("unused-input " + decl.name().name() + " " + input.name(), org.lawlang.diag.Diagnostic.warning(
            org.lawlang.diag.Msg.UNUSED_INPUT, input.span(), input.name(), decl.name().name())
            .withHint("write it into the formula (x^2, not x²), or drop it from the inputs"));
      }
    }

    Map<String, Double> fixed = new LinkedHashMap<>();
    for (Binding b : decl.where()) {
      fixed.put(b.name().name(), Values.finite(in.eval(b.value(), env), b.value().span(), b.name().name()));
    }
    Map<String, Param> specs = new LinkedHashMap<>();
    for (ParamSpec p : decl.with()) {
      specs.put(p.name().name(), param(p, env, in));
    }
    List<Param> params = new ArrayList<>();
    for (String name : paramNames) {
      params.add(specs.getOrDefault(name, Param.free(name)));
    }
    return new Law(decl.name().name(), new ArrayList<>(inputs), body, fixed, params, callees, meta(decl.meta(), env, in), decl.span());
  }

  private static Param param(ParamSpec p, Env env, Interpreter in) {
    String name = p.name().name();
    double lo = Double.NEGATIVE_INFINITY;
    double hi = Double.POSITIVE_INFINITY;
    boolean loOpen = false;
    boolean hiOpen = false;
    if (p.relation() != null) {
      double bound = Values.finite(in.eval(p.bound(), env), p.bound().span(), "a bound");
      switch (p.relation()) {
        case GT -> {
          lo = bound;
          loOpen = true;
        }
        case GE -> lo = bound;
        case LT -> {
          hi = bound;
          hiOpen = true;
        }
        default -> hi = bound;
      }
    }
    if (p.interval() != null) {
      lo = Values.finite(in.eval(p.interval().lo(), env), p.interval().lo().span(), "a bound");
      hi = Values.finite(in.eval(p.interval().hi(), env), p.interval().hi().span(), "a bound");
      if (lo > hi) {
        throw LawException.of(Msg.BAD_BOUNDS, p.interval().span(), name, NumberFormat.show(lo), NumberFormat.show(hi));
      }
    }
    Double start = null;
    if (p.start() != null) {
      start = Values.finite(in.eval(p.start(), env), p.start().span(), "a start value");
      Param check = new Param(name, lo, hi, loOpen, hiOpen, null);
      if (!check.contains(start)) {
        throw LawException.of(Msg.FIT_START_OUT_OF_BOUNDS, p.start().span(), name, NumberFormat.show(start), name, check.boundsText());
      }
    }
    return new Param(name, lo, hi, loOpen, hiOpen, start);
  }

  private static LawMeta meta(LawMetaAst m, Env env, Interpreter in) {
    Map<String, double[]> fitted = new LinkedHashMap<>();
    for (RangeSpec r : m.fitted()) {
      double lo = Values.finite(in.eval(r.interval().lo(), env), r.interval().lo().span(), "a fitted range");
      double hi = Values.finite(in.eval(r.interval().hi(), env), r.interval().hi().span(), "a fitted range");
      if (lo > hi) {
        throw LawException.of(Msg.BAD_BOUNDS, r.interval().span(), r.name().name(), NumberFormat.show(lo), NumberFormat.show(hi));
      }
      fitted.put(r.name().name(), new double[] {lo, hi});
    }
    Map<String, String> inputs = new LinkedHashMap<>();
    m.inputs().forEach(d -> inputs.put(d.name().name(), d.text()));
    return new LawMeta(m.cite(), m.doc(), m.unit(), fitted, inputs);
  }

  /** Binds called laws and folds qualified constants; the result mentions only inputs, parameters and callees. */
  private static Expr resolveBody(Expr e, Env env, Interpreter in, Map<String, Law> callees) {
    if (e instanceof Unary u) {
      return new Unary(u.span(), u.op(), resolveBody(u.operand(), env, in, callees));
    }
    if (e instanceof Binary b) {
      return new Binary(b.span(), b.op(), resolveBody(b.lhs(), env, in, callees), resolveBody(b.rhs(), env, in, callees));
    }
    if (e instanceof Field f) {
      Value v = in.eval(f, env);
      if (v instanceof Values.Num n) {
        return new Num(f.span(), n.value());
      }
      throw LawException.of(Msg.TYPE, f.span(), "a number", Values.describe(v));
    }
    if (e instanceof Call c) {
      return resolveCall(c, env, in, callees);
    }
    return e;
  }

  private static Expr resolveCall(Call c, Env env, Interpreter in, Map<String, Law> callees) {
    String key;
    Value target = null;
    if (c.callee() instanceof Name n) {
      key = n.name();
      Value v = env.lookup(key);
      if (v instanceof LawValue) {
        target = v;
      } else if (v == null && Builtin.named(key).filter(b -> b.math).isPresent()) {
        key = null;
      } else {
        throw LawException.of(Msg.NOT_CALLABLE, n.span(), v == null ? "'" + key + "'" : Values.describe(v))
            .hint("a formula may call laws and the math functions " + org.lawlang.semantics.MathFunction.namesText());
      }
    } else {
      key = org.lawlang.syntax.ExprPrinter.print(c.callee());
      target = in.eval(c.callee(), env);
      if (!(target instanceof LawValue)) {
        throw LawException.of(Msg.NOT_CALLABLE, c.callee().span(), Values.describe(target));
      }
    }
    Expr callee = c.callee();
    if (key != null) {
      callees.put(key, ((LawValue) target).law());
      callee = new Name(c.callee().span(), key);
    }
    List<Arg> args = c.args().stream().map(a -> new Arg(a.span(), a.name(), resolveBody(a.value(), env, in, callees))).toList();
    return new Call(c.span(), callee, args);
  }

  private static void collectParams(Expr e, Set<String> inputs, Set<String> callees, Set<String> out) {
    if (e instanceof Name n) {
      if (!inputs.contains(n.name()) && !callees.contains(n.name())) {
        out.add(n.name());
      }
    } else if (e instanceof Unary u) {
      collectParams(u.operand(), inputs, callees, out);
    } else if (e instanceof Binary b) {
      collectParams(b.lhs(), inputs, callees, out);
      collectParams(b.rhs(), inputs, callees, out);
    } else if (e instanceof Call c) {
      c.args().forEach(a -> collectParams(a.value(), inputs, callees, out));
    }
  }
}
