package org.lawlang.solve;

import java.util.ArrayList;
import java.util.List;

/**
 * Newton steps on the KKT system of the convex log-space problem min F0(y) subject to
 * F_j(y) ≤ 0, from the point where the (barrier) Newton method stopped, until stationarity is at
 * rounding level.
 *
 * <p>Why: the dual point of a power-law optimum ({@link GpEvidence#dual}) is built from the
 * primal point, and its stationarity residual r enters the dual bound as r·x, with x = ln v.
 * Newton's method stops on its decrement, which leaves a gradient of about 1e-9; times |ln v|
 * ≈ 40 that is a duality gap above the verifier's 1e-8, and it grows when a variable is merely
 * rescaled (which moves x, not the optimum). Quadratic convergence from there costs one or
 * two steps and leaves a gradient of about 1e-16.
 *
 * <p>The active set is the constraints within {@link GpEvidence#ACTIVE} of 0; unknowns are y
 * and their multipliers λ, the equations ∇F0 + Σ λ_j ∇F_j = 0 and F_j = 0 (least-norm
 * least-squares steps, so a flat direction or dependent constraints do no harm). A step is
 * kept only while it reduces the KKT residual and leaves every multiplier non-negative and
 * every other constraint strictly satisfied, so the result is never worse than the start: a
 * point that satisfies the KKT conditions of a convex problem is its global minimum.
 */
final class KktPolish {
  private KktPolish() {}

  private static final int MAX_STEPS = 8;

  /** The polished point, or {@code y} itself when no step improves it. */
  static double[] polish(LogSumExp f0, LogSumExp[] fs, double[] y) {
    int k = y.length;
    if (k == 0) {
      return y;
    }
    List<Integer> active = new ArrayList<>();
    for (int j = 0; j < fs.length; j++) {
      if (fs[j].value(y) >= -GpEvidence.ACTIVE) {
        active.add(j);
      }
    }
    double[] lambda = multipliers(f0, fs, active, y);
    if (lambda == null) {
      return y;
    }
    double residual = residual(f0, fs, active, y, lambda);
    for (int step = 0; step < MAX_STEPS && residual > 0; step++) {
      double[][] next = newtonStep(f0, fs, active, y, lambda);
      if (next == null || !inside(fs, active, next[0])) {
        break;
      }
      double r = residual(f0, fs, active, next[0], next[1]);
      if (!(r < residual)) {
        break;
      }
      y = next[0];
      lambda = next[1];
      residual = r;
    }
    return y;
  }

  /** One Newton step on (y, λ) for the KKT equations; null when it makes a multiplier negative. */
  private static double[][] newtonStep(LogSumExp f0, LogSumExp[] fs, List<Integer> active, double[] y, double[] lambda) {
    int k = y.length;
    int m = active.size();
    int size = k + m;
    double[] g = new double[k];
    double[][] h = new double[k][k];
    f0.eval(y, g, h);
    double[][] a = new double[size][size];
    double[] b = new double[size];
    for (int i = 0; i < k; i++) {
      System.arraycopy(h[i], 0, a[i], 0, k);
      b[i] = -g[i];
    }
    double[] gj = new double[k];
    double[][] hj = new double[k][k];
    for (int c = 0; c < m; c++) {
      double fj = fs[active.get(c)].eval(y, gj, hj);
      for (int i = 0; i < k; i++) {
        for (int l = 0; l < k; l++) {
          a[i][l] += lambda[c] * hj[i][l];
        }
        a[i][k + c] = gj[i];
        a[k + c][i] = gj[i];
        b[i] -= lambda[c] * gj[i];
      }
      b[k + c] = -fj;
    }
    double[] d = SmallSvd.of(a).solve(b);
    double[] yn = new double[k];
    double[] ln = new double[m];
    for (int i = 0; i < k; i++) {
      yn[i] = y[i] + d[i];
      if (!Double.isFinite(yn[i])) {
        return null;
      }
    }
    for (int c = 0; c < m; c++) {
      ln[c] = lambda[c] + d[k + c];
      if (!(ln[c] >= 0)) {
        return null;
      }
    }
    return new double[][] {yn, ln};
  }

  /**
   * Least-squares multipliers of the active constraints at y, non-negative; null when one
   * comes out negative (the active set is then not the optimum's, and nothing is polished).
   */
  private static double[] multipliers(LogSumExp f0, LogSumExp[] fs, List<Integer> active, double[] y) {
    int k = y.length;
    int m = active.size();
    double[] g = new double[k];
    f0.eval(y, g, new double[k][k]);
    if (m == 0) {
      return new double[0];
    }
    double[][] a = new double[Math.max(k, m)][m];
    double[] b = new double[Math.max(k, m)];
    double[] gj = new double[k];
    for (int c = 0; c < m; c++) {
      fs[active.get(c)].eval(y, gj, new double[k][k]);
      for (int i = 0; i < k; i++) {
        a[i][c] = gj[i];
      }
    }
    for (int i = 0; i < k; i++) {
      b[i] = -g[i];
    }
    double[] lambda = SmallSvd.of(a).solve(b);
    for (double l : lambda) {
      if (!(l >= 0)) {
        return null;
      }
    }
    return lambda;
  }

  /** max(|∇F0 + Σ λ_j ∇F_j|∞, max_j |F_j|) over the active constraints. */
  private static double residual(LogSumExp f0, LogSumExp[] fs, List<Integer> active, double[] y, double[] lambda) {
    int k = y.length;
    double[] g = new double[k];
    double v = f0.eval(y, g, new double[k][k]);
    if (!Double.isFinite(v)) {
      return Double.POSITIVE_INFINITY;
    }
    double worst = 0;
    double[] gj = new double[k];
    for (int c = 0; c < active.size(); c++) {
      double fj = fs[active.get(c)].eval(y, gj, new double[k][k]);
      worst = Math.max(worst, Math.abs(fj));
      for (int i = 0; i < k; i++) {
        g[i] += lambda[c] * gj[i];
      }
    }
    for (double x : g) {
      worst = Math.max(worst, Math.abs(x));
    }
    return Double.isNaN(worst) ? Double.POSITIVE_INFINITY : worst;
  }

  /** Whether every constraint outside the active set still holds strictly at y. */
  private static boolean inside(LogSumExp[] fs, List<Integer> active, double[] y) {
    for (int j = 0; j < fs.length; j++) {
      if (!active.contains(j) && !(fs[j].value(y) < 0)) {
        return false;
      }
    }
    return true;
  }
}
