package org.lawlang.compile;

import java.util.ArrayList;
import java.util.List;
import org.lawlang.compile.Formula.*;
import org.lawlang.semantics.MathFunction;

/**
 * A lowered formula as a function of the solver's coordinates u, with its exact gradient and
 * Hessian from {@link Symbolic}, all compiled to one {@link ScalarProgram} (the value, the
 * partials and the Hessian share their common terms). A variable marked as logarithmic is
 * v = exp(u), so that the solver works on ln v (scale-free for quantities like N ~ 1e10); the
 * others are v = u. Built once per question; evaluated many times.
 */
public final class SmoothFunction {
  private final ScalarProgram program;
  private final int n;
  private final int order;

  private SmoothFunction(ScalarProgram program, int n, int order) {
    this.program = program;
    this.n = n;
    this.order = order;
  }

  /** {@code e} over {@code vars}; {@code secondOrder} false skips the Hessian. */
  public static SmoothFunction of(Formula e, List<Ref> vars, boolean[] logVar, boolean secondOrder) {
    return of(e, vars, logVar, secondOrder ? 2 : 1);
  }

  private record Key(Formula e, List<Ref> vars, List<Boolean> logVar, int order) {}

  private static final Programs<Key, SmoothFunction> RECENT = new Programs<>();

  /** {@code e} over {@code vars} with derivatives up to {@code order} (0: the value alone, for checks that only evaluate). */
  public static SmoothFunction of(Formula e, List<Ref> vars, boolean[] logVar, int order) {
    if (order == 0) {
      return compile(e, vars, logVar, 0); // the value alone compiles about as fast as its key hashes
    }
    List<Boolean> logs = new ArrayList<>();
    for (boolean b : logVar) {
      logs.add(b);
    }
    return RECENT.get(new Key(e, List.copyOf(vars), logs, order), k -> compile(e, k.vars(), logVar, order));
  }

  private static SmoothFunction compile(Formula e, List<Ref> vars, boolean[] logVar, int order) {
    Formula u = Symbolic.simplify(inLogs(e, vars, logVar));
    int n = vars.size();
    List<Formula> outputs = new ArrayList<>();
    outputs.add(u);
    if (order >= 1) {
      List<Formula> grad = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        grad.add(Symbolic.derivative(u, vars.get(i)));
      }
      outputs.addAll(grad);
      if (order >= 2) {
        // the lower triangle, row by row
        for (int i = 0; i < n; i++) {
          for (int j = 0; j <= i; j++) {
            outputs.add(Symbolic.derivative(grad.get(i), vars.get(j)));
          }
        }
      }
    }
    return new SmoothFunction(ScalarProgram.of(vars, outputs), n, order);
  }

  public double value(double[] u) {
    double[] out = new double[1];
    program.evaluate(u, out, 1);
    return out[0];
  }

  /** The value; fills the gradient {@code g} and, when given, the Hessian {@code h}. */
  public double eval(double[] u, double[] g, double[][] h) {
    if (order < 1 || (h != null && order < 2)) {
      throw new IllegalStateException("derivatives of order " + (h != null ? 2 : 1) + " were not compiled");
    }
    double[] out = new double[h != null ? program.outputs() : 1 + n];
    program.evaluate(u, out, out.length);
    System.arraycopy(out, 1, g, 0, n);
    if (h != null) {
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

  /** {@code e} with each logarithmic variable v replaced by exp(v): its slot then holds ln v. */
  private static Formula inLogs(Formula e, List<Ref> vars, boolean[] logVar) {
    boolean any = false;
    for (boolean b : logVar) {
      any |= b;
    }
    if (!any) {
      return e;
    }
    return Formula.replace(e, r -> {
      int i = vars.indexOf(r);
      return i >= 0 && logVar[i] ? new Apply(MathFunction.EXP, r) : r;
    });
  }
}
