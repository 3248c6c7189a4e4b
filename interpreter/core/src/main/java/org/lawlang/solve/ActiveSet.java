package org.lawlang.solve;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;

/**
 * The end game of the local method. The augmented Lagrangian approaches a bound or an
 * inequality only as fast as its multiplier converges, so it may stop a little inside one
 * (x = 9.99994 for x ≤ 10). {@link #polish} guesses which constraints are active and solves
 * their KKT equations by Newton's method (∇f + Σ μ_k ∇c_k = 0, c_k = 0), which lands on the
 * boundary exactly. {@link #secondOrder} then checks the second-order condition: the Hessian of
 * the Lagrangian must be positive semidefinite on the null space of the active constraints'
 * gradients, otherwise the point is a saddle or a maximum (−x² at 0), not a minimum.
 */
final class ActiveSet {
  private ActiveSet() {}

  /** The scaled problem: an objective and constraints k (equalities first, then inequalities ≤ 0). */
  interface Problem {
    int equalities();

    int constraints();

    double objective(double[] u, double[] g, double[][] h);

    /** Constraint k with gradient and Hessian (either may be null); NaN when absent. */
    double constraint(int k, double[] u, double[] g, double[][] h);
  }

  /** A polished point, its active constraints and their multipliers (zero elsewhere). */
  record Point(double[] u, boolean[] active, double[] multipliers) {}

  /** A constraint within this (they are scaled to relative size) counts as satisfied or tight. */
  static final double TIGHT = 1e-9;

  /**
   * Newton on the KKT equations of the constraints that look active at {@code u} (equalities,
   * inequalities with a positive multiplier or within 10⁻⁴ of their bound). Accepted only if it
   * converges to a feasible point, no worse than {@code u}, whose inequality multipliers are
   * not negative; an inequality with a negative multiplier is released and the solve retried.
   * Returns null when no such point is found (the caller keeps {@code u}).
   */
  static Point polish(Problem p, double[] u, double[] mult) {
    int q = p.constraints();
    boolean[] active = new boolean[q];
    for (int k = 0; k < q; k++) {
      double c = p.constraint(k, u, null, null);
      if (Double.isNaN(c)) {
        continue;
      }
      active[k] = k < p.equalities() || mult[k] > 0 || c > -1e-4;
    }
    independent(p, u, active, mult);
    double f0 = p.objective(u, null, null);
    for (int attempt = 0; attempt < 4; attempt++) {
      Point pt = kktNewton(p, u, mult, active);
      if (pt == null) {
        return null;
      }
      int worst = -1;
      for (int k = p.equalities(); k < q; k++) {
        if (active[k] && pt.multipliers()[k] < 0 && (worst < 0 || pt.multipliers()[k] < pt.multipliers()[worst])) {
          worst = k;
        }
      }
      if (worst >= 0) {
        active[worst] = false; // pushing against a bound that pulls the wrong way: not active
        continue;
      }
      double fp = p.objective(pt.u(), null, null);
      if (!feasible(p, pt.u()) || !(fp <= f0 + 1e-8 * Math.max(1, Math.abs(f0)))) {
        return null;
      }
      return pt;
    }
    return null;
  }

  /**
   * Keeps a linearly independent subset of the active constraints (equalities first, then
   * inequalities by decreasing multiplier): at a corner more bounds may touch than there are
   * variables, and the KKT matrix of all of them would be singular. The dropped ones still
   * hold, since they touch.
   */
  private static void independent(Problem p, double[] u, boolean[] active, double[] mult) {
    int n = u.length;
    List<Integer> order = indices(active);
    order.sort((a, b) -> a < p.equalities() || b < p.equalities() ? Integer.compare(a, b) : Double.compare(mult[b], mult[a]));
    List<double[]> basis = new ArrayList<>();
    double[] g = new double[n];
    double[][] h = new double[n][n];
    for (int k : order) {
      p.constraint(k, u, g, h);
      double[] v = g.clone();
      double norm0 = norm(v);
      for (double[] b : basis) {
        double dot = 0;
        for (int i = 0; i < n; i++) {
          dot += v[i] * b[i];
        }
        for (int i = 0; i < n; i++) {
          v[i] -= dot * b[i];
        }
      }
      double norm = norm(v);
      if (basis.size() < n && norm > 1e-8 * norm0) {
        for (int i = 0; i < n; i++) {
          v[i] /= norm;
        }
        basis.add(v);
      } else {
        active[k] = false;
      }
    }
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }

  /** Every constraint holds to within {@link #TIGHT}. */
  static boolean feasible(Problem p, double[] u) {
    for (int k = 0; k < p.constraints(); k++) {
      double c = p.constraint(k, u, null, null);
      if (Double.isNaN(c)) {
        continue;
      }
      if (k < p.equalities() ? !(Math.abs(c) <= TIGHT) : !(c <= TIGHT)) {
        return false;
      }
    }
    return true;
  }

  /** Newton's method on the square KKT system of the active set; null if it does not converge. */
  private static Point kktNewton(Problem p, double[] u0, double[] mult0, boolean[] active) {
    int n = u0.length;
    List<Integer> act = indices(active);
    int a = act.size();
    double[] u = u0.clone();
    double[] mu = new double[a];
    for (int i = 0; i < a; i++) {
      mu[i] = mult0[act.get(i)];
    }
    double[] g = new double[n];
    double[][] h = new double[n][n];
    double[] gc = new double[n];
    double[][] hc = new double[n][n];
    // the sizes of the terms of the Lagrangian's gradient, seen so far: stationarity is judged
    // relative to them (the objective is scaled by its size at the start, which can make every
    // gradient tiny in absolute terms, so an absolute test would pass anywhere)
    double terms = 0;
    for (int it = 0; it < 50; it++) {
      double[][] kkt = new double[n + a][n + a];
      double[] rhs = new double[n + a];
      double fv = p.objective(u, g, h);
      if (!Double.isFinite(fv)) {
        return null;
      }
      double curvature = 0;
      double reach = 1;
      for (int i = 0; i < n; i++) {
        rhs[i] = -g[i];
        terms = Math.max(terms, Math.abs(g[i]));
        reach = Math.max(reach, Math.abs(u[i]));
        System.arraycopy(h[i], 0, kkt[i], 0, n);
        for (int j = 0; j < n; j++) {
          curvature = Math.max(curvature, Math.abs(h[i][j]));
        }
      }
      double residual = 0;
      for (int r = 0; r < a; r++) {
        double c = p.constraint(act.get(r), u, gc, hc);
        if (!Double.isFinite(c)) {
          return null;
        }
        rhs[n + r] = -c;
        residual = Math.max(residual, Math.abs(c));
        for (int i = 0; i < n; i++) {
          rhs[i] -= mu[r] * gc[i];
          terms = Math.max(terms, Math.abs(mu[r] * gc[i]));
          kkt[i][n + r] = gc[i];
          kkt[n + r][i] = gc[i];
          for (int j = 0; j < n; j++) {
            kkt[i][j] += mu[r] * hc[i][j];
          }
        }
      }
      double stationarity = 0;
      for (int i = 0; i < n; i++) {
        stationarity = Math.max(stationarity, Math.abs(rhs[i]));
      }
      // the floor is the rounding error of a gradient evaluated near u (curvature times |u| times ε)
      if (residual <= 1e-13 && stationarity <= Math.max(1e-10 * terms, 1e-13 * curvature * reach)) {
        double[] full = new double[active.length];
        for (int r = 0; r < a; r++) {
          full[act.get(r)] = mu[r];
        }
        return new Point(u, active.clone(), full);
      }
      double[] d;
      try {
        d = new LUDecomposition(new Array2DRowRealMatrix(kkt, false), 1e-14).getSolver().solve(new ArrayRealVector(rhs)).toArray();
      } catch (org.apache.commons.math3.exception.MathIllegalArgumentException | org.apache.commons.math3.exception.MathArithmeticException e) {
        return null; // dependent active gradients or a singular reduced Hessian: keep the AL point
      }
      for (int i = 0; i < n; i++) {
        u[i] += d[i];
      }
      for (int r = 0; r < a; r++) {
        mu[r] += d[n + r];
      }
    }
    return null;
  }

  private static List<Integer> indices(boolean[] b) {
    List<Integer> out = new ArrayList<>();
    for (int k = 0; k < b.length; k++) {
      if (b[k]) {
        out.add(k);
      }
    }
    return out;
  }

  /** Curvature below this, relative to the Lagrangian Hessian's size (or 1), fails the test. */
  static final double CURVATURE = 1e-7;

  /**
   * The second-order necessary condition at a KKT point: the Hessian of the Lagrangian,
   * projected on the null space of the gradients of the equalities and of the inequalities
   * with a positive multiplier, has no negative eigenvalue. Returns null when it holds, or a
   * direction of negative curvature in that null space (to escape along) when it does not.
   */
  static double[] secondOrder(Problem p, double[] u, double[] mult) {
    int n = u.length;
    double[] g = new double[n];
    double[][] h = new double[n][n];
    p.objective(u, g, h);
    double[] gc = new double[n];
    double[][] hc = new double[n][n];
    List<double[]> rows = new ArrayList<>();
    for (int k = 0; k < p.constraints(); k++) {
      double c = p.constraint(k, u, gc, hc);
      if (Double.isNaN(c)) {
        continue;
      }
      boolean eq = k < p.equalities();
      if (mult[k] != 0) {
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            h[i][j] += mult[k] * hc[i][j];
          }
        }
      }
      if (eq || (mult[k] > 0 && Math.abs(c) <= 1e-6)) {
        rows.add(gc.clone());
      }
    }
    double[][] z = SmallSvd.nullSpace(rows, n);
    int k = z[0].length;
    if (k == 0) {
      return null; // a vertex: the active constraints fix the point
    }
    double[][] reduced = new double[k][k];
    double size = 1;
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        double v = 0;
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            v += z[i][a] * 0.5 * (h[i][j] + h[j][i]) * z[j][b];
          }
        }
        if (!Double.isFinite(v)) {
          return null;
        }
        reduced[a][b] = v;
        size = Math.max(size, Math.abs(v));
      }
    }
    for (double[] row : reduced) {
      for (int b = 0; b < k; b++) {
        row[b] /= size;
      }
    }
    // the symmetric eigenproblem by Jacobi rotations (Commons Math's general EigenDecomposition
    // threw "zero norm" on some of these reduced Hessians)
    Jacobi.Eigen e = Jacobi.decompose(reduced);
    double[] ev = e.values();
    int least = 0;
    for (int i = 1; i < k; i++) {
      if (ev[i] < ev[least]) {
        least = i;
      }
    }
    if (!(ev[least] < -CURVATURE)) {
      return null;
    }
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < k; a++) {
        d[i] += z[i][a] * e.vectors()[least][a];
      }
    }
    return d;
  }



}
