package org.lawlang.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.lawlang.diag.LawException;
import org.lawlang.semantics.Builtin;
import org.lawlang.syntax.Expr;

/**
 * Evaluates once the parts of a per-row expression (a `where` filter, a derived column) that
 * do not depend on the row, such as {@code largest(all.loss, 5)} in
 * {@code where loss < largest(all.loss, 5)}. Without this, each row would build the whole
 * column again, quadratic in the rows: minutes for 100,000 of them.
 *
 * <p>Only calls of builtins are hoisted (pure functions of their arguments, except
 * {@code warn_if}; a law can warn about extrapolation, a proc can print), and only those that
 * give a number, which the AST can hold as a literal. A part that fails is left in place, so that the
 * error is still reported at its row.
 */
final class RowInvariants {
  private RowInvariants() {}

  /**
   * Builtins whose value is a number: the ones worth evaluating ahead, since a literal can stand
   * for the result. Every math function (min and max included) and the numeric list summaries.
   */
  private static final Set<Builtin> SCALAR = scalarBuiltins();

  private static Set<Builtin> scalarBuiltins() {
    Set<Builtin> out = java.util.EnumSet.of(Builtin.SUM, Builtin.MEAN, Builtin.MEDIAN, Builtin.COUNT,
        Builtin.LARGEST, Builtin.SMALLEST, Builtin.ROUND, Builtin.ARGMIN, Builtin.ARGMAX);
    for (Builtin b : Builtin.values()) {
      if (b.math) {
        out.add(b);
      }
    }
    return out;
  }

  /** {@code e} with its row-invariant builtin calls replaced by their values. */
  static Expr hoist(Expr e, Set<String> columns, Env env, Interpreter in) {
    if (e instanceof Expr.Call c && SCALAR.contains(builtinCalled(c, columns, env)) && invariant(c, columns, env)) {
      try {
        Value v = in.eval(c, env);
        if (v instanceof Values.Num n) {
          return new Expr.Num(c.span(), n.value());
        }
        if (v instanceof Values.Bool b) {
          return new Expr.Bool(c.span(), b.value());
        }
      } catch (LawException x) {
        // evaluated per row, where the error names its row
      }
      return e;
    }
    if (e instanceof Expr.Binary b) {
      Expr l = hoist(b.lhs(), columns, env, in);
      Expr r = hoist(b.rhs(), columns, env, in);
      return l == b.lhs() && r == b.rhs() ? e : new Expr.Binary(b.span(), b.op(), l, r);
    }
    if (e instanceof Expr.Unary u) {
      Expr x = hoist(u.operand(), columns, env, in);
      return x == u.operand() ? e : new Expr.Unary(u.span(), u.op(), x);
    }
    if (e instanceof Expr.Call c) {
      List<Expr.Arg> args = new ArrayList<>(c.args().size());
      boolean changed = false;
      for (Expr.Arg a : c.args()) {
        Expr v = hoist(a.value(), columns, env, in);
        changed |= v != a.value();
        args.add(v == a.value() ? a : new Expr.Arg(a.span(), a.name(), v));
      }
      return changed ? new Expr.Call(c.span(), c.callee(), args) : e;
    }
    return e;
  }

  /** The builtin a call calls, resolved as in a row (columns, then the scope, then builtins), or null. */
  private static Builtin builtinCalled(Expr.Call c, Set<String> columns, Env env) {
    if (!(c.callee() instanceof Expr.Name callee) || columns.contains(callee.name())) {
      return null;
    }
    Value bound = env.lookup(callee.name());
    if (bound != null) {
      return bound instanceof BuiltinValue bv ? bv.builtin() : null;
    }
    return Builtin.named(callee.name()).orElse(null);
  }

  /** Whether an expression has the same value on every row, and computing it has no effect but its value. */
  static boolean invariant(Expr e, Set<String> columns, Env env) {
    if (e instanceof Expr.Num || e instanceof Expr.Str || e instanceof Expr.Bool) {
      return true;
    }
    if (e instanceof Expr.Name n) {
      return !columns.contains(n.name()) && env.lookup(n.name()) != null;
    }
    if (e instanceof Expr.Field f) {
      return invariant(f.target(), columns, env);
    }
    if (e instanceof Expr.Index x) {
      return invariant(x.target(), columns, env) && invariant(x.index(), columns, env);
    }
    if (e instanceof Expr.Unary u) {
      return invariant(u.operand(), columns, env);
    }
    if (e instanceof Expr.Binary b) {
      return invariant(b.lhs(), columns, env) && invariant(b.rhs(), columns, env);
    }
    if (e instanceof Expr.ListLit l) {
      for (Expr item : l.items()) {
        if (!invariant(item, columns, env)) {
          return false;
        }
      }
      return true;
    }
    if (e instanceof Expr.Call c) {
      Builtin b = builtinCalled(c, columns, env);
      if (b == null || b == Builtin.WARN_IF) {
        return false;
      }
      for (Expr.Arg a : c.args()) {
        if (!invariant(a.value(), columns, env)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }
}
