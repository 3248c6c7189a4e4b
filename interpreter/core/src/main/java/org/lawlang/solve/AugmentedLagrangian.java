package org.lawlang.solve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lawlang.compile.SmoothFunction;

/**
 * One run of the augmented Lagrangian method from one start: minimise
 * f + Σ ν_i h_i + ρ/2 Σ h_i² + 1/(2ρ) Σ (max(0, λ_j + ρ g_j)² − λ_j²) by {@link Newton},
 * update ν and λ, and raise ρ when the violation does not fall fourfold. Constraints are
 * h_i(u) = 0 and g_j(u) <= 0, already scaled to relative size. Bounds are hard: Newton projects
 * onto the box; they count as g's of their own only for the end game's KKT and second-order tests.
 */
final class AugmentedLagrangian {
  private final SmoothFunction f;
  private final double sign;
  private final List<SmoothFunction> eqs;
  private final List<SmoothFunction> ineqs;
  private final double[][] bounds;

  AugmentedLagrangian(SmoothFunction f, double sign, List<SmoothFunction> eqs, List<SmoothFunction> ineqs, double[][] bounds) {
    this.f = f;
    this.sign = sign;
    this.eqs = eqs;
    this.ineqs = ineqs;
    this.bounds = bounds;
  }

  /**
   * An end point: the objective (as minimised), feasibility, the violated constraints, and
   * (null unless the second-order test failed there) a direction of negative curvature.
   */
  record Result(double[] u, double objective, double violation, boolean converged, boolean diverged, List<Integer> violated,
      int iterations, double[] saddle) {
    Result(double[] u, double objective, double violation, boolean converged, boolean diverged, List<Integer> violated,
        int iterations) {
      this(u, objective, violation, converged, diverged, violated, iterations, null);
    }

    boolean feasible() {
      return violation <= 1e-7;
    }

    boolean better(Result o) {
      if (feasible() != o.feasible()) {
        return feasible();
      }
      if (!feasible()) {
        return violation < o.violation;
      }
      if (Math.abs(objective - o.objective) <= 1e-10 * Math.max(1, Math.abs(o.objective))) {
        return converged && !o.converged;
      }
      return objective < o.objective;
    }
  }

  /** How many times a run that ends at a saddle restarts from a point just off it. */
  static final int ESCAPES = 4;

  /**
   * One run from {@code u0}: the augmented Lagrangian iterations, then the end game of
   * {@link ActiveSet} — the active constraints are solved exactly, and the point counts as
   * converged only if it passes the first-order (KKT) and the second-order test. A run that
   * ends where the second-order test fails (a saddle or a maximum on the active set) starts
   * again a little way along the direction of negative curvature.
   */
  Result run(double[] u0) {
    Result r = runOnce(u0);
    int iterations = r.iterations();
    for (int escape = 0; escape < ESCAPES && !r.diverged() && r.saddle() != null; escape++) {
      double[] next = offSaddle(r.u(), r.saddle());
      if (next == null) {
        break;
      }
      Result again = runOnce(next);
      iterations += again.iterations();
      if (again.diverged()) {
        return new Result(again.u(), again.objective(), again.violation(), false, true, again.violated(), iterations);
      }
      r = again.feasible() || !r.feasible() ? again : r;
    }
    return new Result(r.u(), r.objective(), r.violation(), r.converged(), r.diverged(), r.violated(), iterations, r.saddle());
  }

  /** A point along ±d from a saddle u that lowers the objective and keeps the constraints; null if none. */
  private double[] offSaddle(double[] u, double[] d) {
    ActiveSet.Problem p = scaled(Math.abs(f.value(u)) > 0 ? Math.abs(f.value(u)) : 1);
    double f0 = p.objective(u, null, null);
    double scale = 1;
    for (double v : u) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (double t = 0.1 * scale; t > 1e-8 * scale; t *= 0.5) {
      for (int sgn = 1; sgn >= -1; sgn -= 2) {
        double[] x = u.clone();
        for (int i = 0; i < x.length; i++) {
          x[i] += sgn * t * d[i];
        }
        if (p.objective(x, null, null) < f0 && ActiveSet.feasible(p, x)) {
          return x;
        }
      }
    }
    return null;
  }

  /** The problem as {@link ActiveSet} sees it: the objective scaled as the runs minimise it. */
  private ActiveSet.Problem scaled(double fscale) {
    return new ActiveSet.Problem() {
      @Override
      public int equalities() {
        return eqs.size();
      }

      @Override
      public int constraints() {
        return eqs.size() + ineqs.size() + 2 * bounds.length;
      }

      @Override
      public double objective(double[] u, double[] g, double[][] h) {
        double v = g == null ? f.value(u) : f.eval(u, g, h);
        if (g != null) {
          for (int a = 0; a < g.length; a++) {
            g[a] *= sign / fscale;
            for (int b = 0; b < g.length; b++) {
              h[a][b] *= sign / fscale;
            }
          }
        }
        return sign * v / fscale;
      }

      @Override
      public double constraint(int k, double[] u, double[] g, double[][] h) {
        if (k < eqs.size()) {
          return g == null ? eqs.get(k).value(u) : eqs.get(k).eval(u, g, h);
        }
        return AugmentedLagrangian.this.constraint(k - eqs.size(), u, g, h);
      }
    };
  }

  private Result runOnce(double[] u0) {
    int n = u0.length;
    int m = eqs.size();
    int q = ineqs.size() + 2 * n;
    double f0 = f.value(u0);
    double fscale = Double.isFinite(f0) && f0 != 0 ? Math.abs(f0) : 1;
    double[] nu = new double[m];
    double[] lam = new double[q];
    double rho = 10;
    double[] u = u0.clone();
    double prev = Double.POSITIVE_INFINITY;
    int iterations = 0;
    boolean converged = false;
    double limit = 600;
    for (double[] b : bounds) {
      if (!Double.isInfinite(b[0]) || !Double.isInfinite(b[1])) {
        limit = Math.max(limit, 1e3 * Math.max(Math.abs(b[0]) < Double.POSITIVE_INFINITY ? Math.abs(b[0]) : 0,
            Math.abs(b[1]) < Double.POSITIVE_INFINITY ? Math.abs(b[1]) : 0));
      }
    }
    double[] gi = new double[n];
    double[][] hi = new double[n][n];
    for (int outer = 0; outer < 60; outer++) {
      final double r = rho;
      final double[] nuf = nu.clone();
      final double[] lamf = lam.clone();
      // the bounds are hard (Newton projects onto the box), so only the general inequalities
      // enter the penalty; the bounds' multipliers are read off the gradient at the end
      Newton.Smooth obj = (x, g, h) -> {
        double v = sign * f.eval(x, g, h) / fscale;
        for (int a = 0; a < n; a++) {
          g[a] *= sign / fscale;
          for (int b = 0; b < n; b++) {
            h[a][b] *= sign / fscale;
          }
        }
        for (int i = 0; i < m; i++) {
          double hv = eqs.get(i).eval(x, gi, hi);
          double w = nuf[i] + r * hv;
          v += nuf[i] * hv + 0.5 * r * hv * hv;
          accumulate(g, h, gi, hi, w, r);
        }
        for (int j = 0; j < ineqs.size(); j++) {
          double gv = constraint(j, x, gi, hi);
          if (Double.isNaN(gv)) {
            continue;
          }
          double w = lamf[j] + r * gv;
          if (w > 0) {
            v += (w * w - lamf[j] * lamf[j]) / (2 * r);
            accumulate(g, h, gi, hi, w, r);
          } else {
            v -= lamf[j] * lamf[j] / (2 * r);
          }
        }
        return v;
      };
      double[] before = u;
      Newton.Result res = Newton.minimize(obj, u, 1e-10, 100, limit, bounds);
      iterations += res.iterations();
      u = res.x();
      // an objective at the edge of the floating-point range: the run is chasing it to
      // infinity (an exponential outgrows the quadratic penalty), whatever the constraints say;
      // not so at a corner of the box, where a value near 1e300 is simply the answer (x³ at 1e100)
      boolean runaway = res.diverged() || !Double.isFinite(f.value(u)) || (!(Math.abs(f.value(u)) < 1e300) && !atCorner(u));
      double violation = runaway ? Double.POSITIVE_INFINITY : 0;
      for (int i = 0; i < m && !runaway; i++) {
        violation = Math.max(violation, Math.abs(eqs.get(i).value(u)));
      }
      for (int j = 0; j < ineqs.size() && !runaway; j++) {
        double gv = constraint(j, u, null, null);
        if (!Double.isNaN(gv)) {
          violation = Math.max(violation, Math.max(0, gv));
        }
      }
      // a subproblem whose objective outran a still-small penalty (−y² against ρ·(x²y)²) left
      // the constraints far behind: go back and try again with a much larger penalty, rather
      // than follow it away (or give up) while the constrained problem has a finite optimum
      if (!(violation <= 1e3 * Math.max(Math.min(prev, violation(before)), 1e-3)) && rho < 1e12 && outer < 59) {
        u = before;
        rho = Math.min(rho * 100, 1e12);
        continue;
      }
      if (runaway) {
        return new Result(u, Double.NaN, Double.POSITIVE_INFINITY, false, true, List.of(), iterations);
      }
      for (int i = 0; i < m; i++) {
        nu[i] += rho * eqs.get(i).value(u);
      }
      for (int j = 0; j < ineqs.size(); j++) {
        double gv = constraint(j, u, null, null);
        if (!Double.isNaN(gv)) {
          lam[j] = Math.max(0, lam[j] + rho * gv);
        }
      }
      if (!Double.isFinite(violation)) {
        break;
      }
      if (violation < 1e-11 && res.converged() && outer > 0) {
        converged = true;
        break;
      }
      if (violation > 0.25 * prev) {
        rho = Math.min(rho * 10, 1e12);
      }
      prev = violation;
    }
    boundMultipliers(u, fscale, nu, lam);
    double[] saddle = null;
    if (violation(u) <= 1e-7) {
      ActiveSet.Problem sp = scaled(fscale);
      double[] mult = new double[m + q];
      System.arraycopy(nu, 0, mult, 0, m);
      System.arraycopy(lam, 0, mult, m, q);
      ActiveSet.Point pt = ActiveSet.polish(sp, u, mult);
      if (pt != null) {
        // the active constraints solved exactly: a KKT point, with its own multipliers
        u = pt.u();
        System.arraycopy(pt.multipliers(), 0, nu, 0, m);
        System.arraycopy(pt.multipliers(), m, lam, 0, q);
        System.arraycopy(pt.multipliers(), 0, mult, 0, m + q);
        converged = converged || stationary(u, fscale, nu, lam);
      }
      saddle = ActiveSet.secondOrder(sp, u, mult);
      if (saddle != null) {
        converged = false; // a gradient that vanishes at a saddle or a maximum is not a minimum
      }
    }
    List<Integer> violated = new ArrayList<>();
    double violation = 0;
    for (int i = 0; i < m; i++) {
      double hv = Math.abs(eqs.get(i).value(u));
      violation = Math.max(violation, hv);
      if (!(hv <= 1e-7)) {
        violated.add(i);
      }
    }
    for (int j = 0; j < q; j++) {
      double gv = constraint(j, u, null, null);
      if (Double.isNaN(gv)) {
        continue;
      }
      violation = Math.max(violation, Math.max(0, gv));
      if (gv > 1e-7) {
        violated.add(m + j);
      }
    }
    double obj = sign * f.value(u);
    if (converged && !stationary(u, fscale, nu, lam)) {
      converged = false;
    }
    return new Result(u, obj, Double.isNaN(violation) ? Double.POSITIVE_INFINITY : violation, converged, false, violated, iterations,
        saddle);
  }

  /**
   * The multipliers of the bounds at u, from the Lagrangian's gradient without them: a variable
   * at its lower bound takes max(0, ∂L/∂u), at its upper bound max(0, −∂L/∂u); 0 off its bounds.
   */
  private void boundMultipliers(double[] u, double fscale, double[] nu, double[] lam) {
    int n = u.length;
    int base = ineqs.size();
    for (int j = base; j < lam.length; j++) {
      lam[j] = 0;
    }
    double[] lag = new double[n];
    if (!Double.isFinite(lagrangianGradient(u, fscale, nu, lam, lag, new double[1]))) {
      return;
    }
    for (int a = 0; a < n; a++) {
      if (!Double.isFinite(lag[a])) {
        continue;
      }
      if (u[a] <= bounds[a][0]) {
        lam[base + 2 * a] = Math.max(0, lag[a]);
      } else if (u[a] >= bounds[a][1]) {
        lam[base + 2 * a + 1] = Math.max(0, -lag[a]);
      }
    }
  }

  /** The objective at u as the runs minimise it (sign applied); NaN outside its domain. */
  /** Whether every variable sits on one of its finite bounds. */
  private boolean atCorner(double[] u) {
    for (int i = 0; i < u.length; i++) {
      if (!(u[i] == bounds[i][0] || u[i] == bounds[i][1])) {
        return false;
      }
    }
    return true;
  }

  double objective(double[] u) {
    double v = sign * f.value(u);
    return Double.isFinite(v) ? v : Double.NaN;
  }

  /** The largest violation of any constraint at u (0 when feasible; +inf when undefined). */
  double violation(double[] u) {
    double worst = 0;
    for (SmoothFunction e : eqs) {
      worst = Math.max(worst, Math.abs(e.value(u)));
    }
    for (int j = 0; j < ineqs.size() + 2 * bounds.length; j++) {
      double gv = constraint(j, u, null, null);
      if (!Double.isNaN(gv)) {
        worst = Math.max(worst, gv);
      }
    }
    return Double.isNaN(worst) ? Double.POSITIVE_INFINITY : worst;
  }

  /**
   * The Lagrangian's gradient at u into {@code lag}: the objective's (signed, scaled by fscale)
   * plus each multiplier times its constraint's gradient (equalities, then every inequality
   * whose multiplier is not 0). {@code size[0]} gets the largest entry of the objective's part.
   * Returns the objective's value at u, which may be NaN or infinite.
   */
  private double lagrangianGradient(double[] u, double fscale, double[] nu, double[] lam, double[] lag, double[] size) {
    int n = u.length;
    double[] gf = new double[n];
    double[][] hf = new double[n][n];
    double value = f.eval(u, gf, hf);
    size[0] = 0;
    for (int a = 0; a < n; a++) {
      lag[a] = sign * gf[a] / fscale;
      size[0] = Math.max(size[0], Math.abs(lag[a]));
    }
    double[] gi = new double[n];
    double[][] hi = new double[n][n];
    for (int i = 0; i < eqs.size(); i++) {
      eqs.get(i).eval(u, gi, hi);
      for (int a = 0; a < n; a++) {
        lag[a] += nu[i] * gi[a];
      }
    }
    for (int j = 0; j < lam.length; j++) {
      if (lam[j] == 0 || Double.isNaN(constraint(j, u, gi, hi))) {
        continue;
      }
      for (int a = 0; a < n; a++) {
        lag[a] += lam[j] * gi[a];
      }
    }
    return value;
  }

  /** The Lagrangian's gradient, relative to the objective's, below this counts as a KKT point. */
  static final double STATIONARY = 1e-6;

  /**
   * The first-order (KKT) test at the end point, with the final multipliers: the inner Newton
   * can stop on a step shrunk by heavy damping, which is not a minimum, and the multiplier
   * updates alone never show it.
   */
  private boolean stationary(double[] u, double fscale, double[] nu, double[] lam) {
    int n = u.length;
    double[] lag = new double[n];
    double[] size = new double[1];
    lagrangianGradient(u, fscale, nu, lam, lag, size);
    double worst = 0;
    for (double v : lag) {
      worst = Math.max(worst, Math.abs(v));
    }
    // relative to the objective's own gradient and value (not to its value at the start, which
    // may be far larger), so that a run that is still descending is never taken for a minimum
    double scale = Math.max(size[0], Math.abs(f.value(u)) / fscale);
    return worst <= STATIONARY * scale || worst <= 1e-12;
  }

  /** Inequality j (user constraints, then lo/hi bounds per variable); NaN when absent. */
  private double constraint(int j, double[] x, double[] g, double[][] h) {
    if (j < ineqs.size()) {
      return g == null ? ineqs.get(j).value(x) : ineqs.get(j).eval(x, g, h);
    }
    int k = j - ineqs.size();
    int var = k / 2;
    boolean upper = k % 2 == 1;
    double b = bounds[var][upper ? 1 : 0];
    if (Double.isInfinite(b)) {
      return Double.NaN;
    }
    if (g != null) {
      Arrays.fill(g, 0);
      for (double[] row : h) {
        Arrays.fill(row, 0);
      }
      g[var] = upper ? 1 : -1;
    }
    return upper ? x[var] - b : b - x[var];
  }

  private static void accumulate(double[] g, double[][] h, double[] gi, double[][] hi, double w, double r) {
    int n = g.length;
    for (int a = 0; a < n; a++) {
      g[a] += w * gi[a];
      for (int b = 0; b < n; b++) {
        h[a][b] += w * hi[a][b] + r * gi[a] * gi[b];
      }
    }
  }
}
