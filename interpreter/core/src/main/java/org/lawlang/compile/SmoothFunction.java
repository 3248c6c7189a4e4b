package org.lawlang.compile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lawlang.diag.Span;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Expr.*;

/**
 * A flattened expression as a function of the solver's coordinates u, with its exact
 * gradient and Hessian from {@link Symbolic}, compiled by {@link Compiled}. A variable marked
 * as logarithmic is v = exp(u), so that the solver works on ln v (scale-free for quantities
 * like N ~ 1e10); the others are v = u. Built once per question; evaluated many times.
 */
public final class SmoothFunction {
  private final Compiled.Fn value;
  private final Compiled.Fn[] grad;
  private final Compiled.Fn[][] hess;

  private SmoothFunction(Compiled.Fn value, Compiled.Fn[] grad, Compiled.Fn[][] hess) {
    this.value = value;
    this.grad = grad;
    this.hess = hess;
  }

  /** {@code e} over {@code vars}; {@code secondOrder} false skips the Hessian. */
  public static SmoothFunction of(Expr e, List<String> vars, boolean[] logVar, boolean secondOrder) {
    return of(e, vars, logVar, secondOrder ? 2 : 1);
  }

  /** {@code e} over {@code vars} with derivatives up to {@code order} (0: the value alone, for checks that only evaluate). */
  public static SmoothFunction of(Expr e, List<String> vars, boolean[] logVar, int order) {
    boolean secondOrder = order >= 2;
    Map<String, Integer> slots = new HashMap<>();
    Map<String, Expr> subst = new HashMap<>();
    for (int i = 0; i < vars.size(); i++) {
      slots.put(vars.get(i), i);
      if (logVar[i]) {
        Span s = Span.NOWHERE;
        subst.put(vars.get(i), new Call(s, new Name(s, "exp"), List.of(new Arg(s, null, new Name(s, vars.get(i))))));
      }
    }
    Expr u = Symbolic.simplify(substitute(e, subst));
    if (order == 0) {
      return new SmoothFunction(Compiled.compile(u, slots), null, null);
    }
    int n = vars.size();
    Compiled.Fn[] grad = new Compiled.Fn[n];
    Compiled.Fn[][] hess = secondOrder ? new Compiled.Fn[n][n] : null;
    for (int i = 0; i < n; i++) {
      Expr gi = Symbolic.derivative(u, vars.get(i));
      grad[i] = Compiled.compile(gi, slots);
      if (secondOrder) {
        for (int j = 0; j <= i; j++) {
          hess[i][j] = Compiled.compile(Symbolic.derivative(gi, vars.get(j)), slots);
          hess[j][i] = hess[i][j];
        }
      }
    }
    return new SmoothFunction(Compiled.compile(u, slots), grad, hess);
  }

  public double value(double[] u) {
    return value.apply(u);
  }

  /** The value; fills the gradient {@code g} and, when given, the Hessian {@code h}. */
  public double eval(double[] u, double[] g, double[][] h) {
    for (int i = 0; i < grad.length; i++) {
      g[i] = grad[i].apply(u);
      if (h != null) {
        for (int j = 0; j <= i; j++) {
          h[i][j] = hess[i][j].apply(u);
          h[j][i] = h[i][j];
        }
      }
    }
    return value.apply(u);
  }

  private static Expr substitute(Expr e, Map<String, Expr> subst) {
    if (subst.isEmpty()) {
      return e;
    }
    if (e instanceof Name n) {
      return subst.getOrDefault(n.name(), n);
    }
    if (e instanceof Unary u) {
      return new Unary(u.span(), u.op(), substitute(u.operand(), subst));
    }
    if (e instanceof Binary b) {
      return new Binary(b.span(), b.op(), substitute(b.lhs(), subst), substitute(b.rhs(), subst));
    }
    if (e instanceof Call c) {
      return new Call(c.span(), c.callee(), c.args().stream().map(a -> new Arg(a.span(), a.name(), substitute(a.value(), subst))).toList());
    }
    return e;
  }
}
