package org.lawlang.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lawlang.diag.Span;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Expr.*;

/**
 * A flattened expression as a function of the solver's coordinates u, with its exact
 * gradient and Hessian from {@link Symbolic}, all compiled into one {@link ScalarProgram}. A
 * variable marked as logarithmic is v = exp(u), so that the solver works on ln v (scale-free
 * for quantities like N ~ 1e10); the others are v = u. Built once per question; evaluated
 * many times.
 */
public final class SmoothFunction {
  /** Outputs: the value, then the gradient, then the Hessian's lower triangle row by row. */
  private final ScalarProgram program;
  private final int n;
  private final int order;

  private SmoothFunction(ScalarProgram program, int n, int order) {
    this.program = program;
    this.n = n;
    this.order = order;
  }

  /** {@code e} over {@code vars}; {@code secondOrder} false skips the Hessian. */
  public static SmoothFunction of(Expr e, List<String> vars, boolean[] logVar, boolean secondOrder) {
    return of(e, vars, logVar, secondOrder ? 2 : 1);
  }

  /** {@code e} over {@code vars} with derivatives up to {@code order} (0: the value alone, for checks that only evaluate). */
  public static SmoothFunction of(Expr e, List<String> vars, boolean[] logVar, int order) {
    Map<String, Expr> subst = new HashMap<>();
    for (int i = 0; i < vars.size(); i++) {
      if (logVar[i]) {
        Span s = Span.NOWHERE;
        subst.put(vars.get(i), new Call(s, new Name(s, "exp"), List.of(new Arg(s, null, new Name(s, vars.get(i))))));
      }
    }
    Expr u = Symbolic.simplify(substitute(e, subst));
    int n = vars.size();
    List<Expr> outputs = new ArrayList<>();
    outputs.add(u);
    if (order >= 1) {
      List<Expr> grad = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        grad.add(Symbolic.derivative(u, vars.get(i)));
      }
      outputs.addAll(grad);
      if (order >= 2) {
        for (int i = 0; i < n; i++) {
          for (int j = 0; j <= i; j++) {
            outputs.add(Symbolic.derivative(grad.get(i), vars.get(j)));
          }
        }
      }
    }
    return new SmoothFunction(ScalarProgram.of(vars, outputs), n, Math.min(order, 2));
  }

  public double value(double[] u) {
    return program.value(u);
  }

  /** The value; fills the gradient {@code g} and, when given, the Hessian {@code h}. */
  public double eval(double[] u, double[] g, double[][] h) {
    double[] out = new double[program.outputs()];
    program.evaluate(u, out);
    System.arraycopy(out, 1, g, 0, n);
    if (h != null) {
      if (order < 2) {
        throw new IllegalStateException("built without its Hessian");
      }
      int k = 1 + n;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j <= i; j++) {
          h[i][j] = out[k++];
          h[j][i] = h[i][j];
        }
      }
    }
    return out[0];
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
