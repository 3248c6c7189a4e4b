package org.lawlang.solve;

import java.util.ArrayList;
import java.util.List;
import org.lawlang.compile.GeometricForm;
import org.lawlang.compile.GeometricForm.Inequality;
import org.lawlang.compile.GeometricForm.Linear;

/**
 * Solves a power-law problem ({@link GeometricForm}) globally in log space: the monomial
 * equalities are linear in x = ln v and are eliminated exactly (x = x0 + Z·y, from the SVD
 * of {@link SmallSvd}), the log of the objective posynomial is minimised over y by Newton's method —
 * with a log barrier for the inequalities, after a phase-I search for a strictly feasible
 * point. The problem is convex in y, so the optimum is global. Answers null when a relaxed
 * equality is not tight at the optimum, or when the feasible set has no interior (the
 * caller then uses the local method).
 */
public final class LogSpaceSolver {
  private LogSpaceSolver() {}

  static final double LIMIT = 600;
  /** Where a variable that runs away is stopped for the dual bound (e^±600, inside the double range). */
  static final double FAR = 600;

  public static Solution solve(GeometricForm gf) {
    String method = "log-space Newton, convex";
    if (!gf.contradictions().isEmpty()) {
      return new Solution(Solution.Status.INFEASIBLE, null, true, 0, 1, method, gf.contradictions(), List.of());
    }
    int n = gf.n();
    double[] x0 = new double[n];
    double[][] z = null;
    int k = n;
    List<Linear> eqs = gf.equalities();
    if (!eqs.isEmpty()) {
      int m = eqs.size();
      int rows = Math.max(m, n);
      double[][] a = new double[rows][n];
      double[] b = new double[rows];
      for (int i = 0; i < m; i++) {
        a[i] = eqs.get(i).a().clone();
        b[i] = eqs.get(i).b();
      }
      SmallSvd svd = SmallSvd.of(a);
      double[] s = svd.singularValues();
      int rank = SmallSvd.rank(s);
      double[] xp = svd.solve(b);
      double[] residual = new double[m];
      boolean bad = false;
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          residual[i] += a[i][j] * xp[j];
        }
        residual[i] -= b[i];
        bad |= Math.abs(residual[i]) > 1e-8 * (1 + Math.abs(b[i]));
      }
      if (bad) {
        // ν = G·x_ls − h is orthogonal to G's columns and −ν·h = |G·x_ls − h|² > 0
        List<Integer> all = eqs.stream().map(Linear::constraint).toList();
        Certificate.Farkas proof = new Certificate.Farkas(new double[gf.inequalities().size()],
            new double[gf.inequalities().size()][], residual);
        return new Solution(Solution.Status.INFEASIBLE, null, true, 0, 1, method, all, List.of(), proof);
      }
      x0 = xp;
      k = n - rank;
      z = new double[n][k];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < k; j++) {
          z[i][j] = svd.v(i, rank + j);
        }
      }
    }
    LogSumExp f0 = LogSumExp.reduce(gf.objective(), x0, z);
    List<Inequality> ineqs = gf.inequalities();
    LogSumExp[] fs = new LogSumExp[ineqs.size()];
    for (int j = 0; j < fs.length; j++) {
      fs[j] = LogSumExp.reduce(ineqs.get(j).lse(), x0, z);
    }
    double[] y = new double[k];
    double[] feasible = y;
    int iterations = 0;
    boolean escaped = false;
    boolean limited = false;
    if (k > 0 && fs.length == 0) {
      Newton.Result r = Newton.minimize((yy, g, h) -> f0.eval(yy, g, h), y, 1e-12, 200, LIMIT);
      iterations = r.iterations();
      y = r.x();
      escaped = r.diverged();
      limited = !r.converged() && !escaped;
    } else if (fs.length > 0) {
      PhaseOne.Result p1 = PhaseOne.find(fs, y);
      iterations += p1.iterations();
      if (p1.y() == null && p1.least() <= 1e-7) {
        return null; // feasible only on the boundary (e.g. a <= and a >= that meet): no interior for the barrier
      }
      if (p1.y() == null) {
        List<Integer> conflict = new ArrayList<>();
        eqs.forEach(e -> conflict.add(e.constraint()));
        for (int j : p1.active()) {
          conflict.add(ineqs.get(j).constraint());
        }
        Certificate.Farkas proof = GpEvidence.farkas(gf, logPoint(x0, z, p1.end()));
        return new Solution(Solution.Status.INFEASIBLE, null, true, iterations, 1, method, conflict, List.of(), proof);
      }
      y = p1.y();
      feasible = y;
      if (k > 0) {
        Barrier.Result r = Barrier.minimize(f0, fs, y);
        iterations += r.iterations();
        y = r.y();
        escaped = r.diverged();
        limited = !r.converged() && !escaped;
      }
    }
    boolean relaxed = ineqs.stream().anyMatch(Inequality::relaxed);
    double[] ray = null;
    if (escaped || !notAttained(x0, z, y, f0, fs).isEmpty()) {
      // no finite optimum of the convex problem: prove it with a recession ray, which is a
      // ray of the original problem only when no equality was relaxed
      ray = relaxed ? null : GpEvidence.recession(gf);
      if (relaxed) {
        return null;
      }
      if (ray != null) {
        List<Integer> away = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          if (Math.abs(ray[i]) > 1e-9) {
            away.add(i);
          }
        }
        Certificate.Ray proof = new Certificate.Ray(point(x0, z, feasible), ray);
        return new Solution(Solution.Status.UNBOUNDED, point(x0, z, feasible), true, iterations, 1, method, List.of(), away, proof);
      }
      // no ray along which the objective falls: its infimum is approached along a curve (or the
      // variables that run away do not change it); the dual bound at the far point certifies
      // the value, valid for the original problem when the relaxed equalities are tight there
      for (int j = 0; j < fs.length; j++) {
        if (ineqs.get(j).relaxed() && fs[j].value(y) < -1e-7) {
          return null;
        }
      }
      double[] lx = logPoint(x0, z, y);
      List<Integer> away = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (Math.abs(lx[i]) > Math.log(LocalSolver.DIVERGING)) {
          away.add(i);
        }
        lx[i] = Math.max(-FAR, Math.min(FAR, lx[i]));
      }
      double[] far = new double[n];
      for (int i = 0; i < n; i++) {
        far[i] = Math.exp(lx[i]);
      }
      return new Solution(Solution.Status.NOT_ATTAINED, far, true, iterations, 1, method, List.of(), away, GpEvidence.dual(gf, lx));
    }
    for (int j = 0; j < fs.length; j++) {
      if (ineqs.get(j).relaxed() && fs[j].value(y) < -1e-7) {
        return null;
      }
    }
    double[] kkt = limited ? KktPolish.toKkt(f0, fs, y) : null;
    if (kkt != null) {
      // the barrier ran out of iterations near a vertex, where its Hessian is ill-conditioned, but
      // Newton on the KKT system reaches the optimum from there (checked by the dual bound)
      limited = false;
      y = kkt;
    }
    if (limited) {
      return new Solution(Solution.Status.ITERATION_LIMIT, point(x0, z, y), true, iterations, 1, method, List.of(), List.of());
    }
    // stationarity to rounding level before the dual point is built from it (see KktPolish)
    y = KktPolish.polish(f0, fs, y);
    double[] lx = logPoint(x0, z, y);
    return new Solution(Solution.Status.OPTIMAL, point(x0, z, y), true, iterations, 1, method, List.of(), List.of(),
        GpEvidence.dual(gf, lx));
  }

  /**
   * The variables that the barrier pushed beyond {@link LocalSolver#DIVERGING} (or below its
   * inverse) along a recession direction: moving them further out (within the equalities)
   * raises no term of the objective or of any inequality, so the point only approaches an
   * infimum it never attains (D → ∞ in `minimize N subject to L(N, D) = 2`) or the variable
   * is not pinned down. A variable far out that an equality or a rising term holds in place
   * (N ≈ 1e135 for a budget of 1e300) is a genuine optimum and is not listed.
   */
  private static List<Integer> notAttained(double[] x0, double[][] z, double[] y, LogSumExp f0, LogSumExp[] fs) {
    double[] lx = logPoint(x0, z, y);
    double far = Math.log(LocalSolver.DIVERGING);
    List<Integer> away = new ArrayList<>();
    for (int i = 0; i < lx.length; i++) {
      if (!(Math.abs(lx[i]) > far)) {
        continue;
      }
      double sign = Math.signum(lx[i]);
      double[] d = new double[y.length];
      double norm = 0;
      for (int j = 0; j < y.length; j++) {
        d[j] = sign * (z == null ? (i == j ? 1 : 0) : z[i][j]);
        norm = Math.max(norm, Math.abs(d[j]));
      }
      if (norm < 1e-9) {
        continue; // fixed by the equalities
      }
      boolean recedes = !rises(f0, d);
      for (LogSumExp g : fs) {
        recedes &= !rises(g, d);
      }
      if (recedes) {
        away.add(i);
      }
    }
    return away;
  }

  /** Whether some term of {@code f} grows along {@code d}. */
  private static boolean rises(LogSumExp f, double[] d) {
    for (double[] e : f.e) {
      double slope = 0;
      for (int j = 0; j < d.length; j++) {
        slope += e[j] * d[j];
      }
      if (slope > 1e-9) {
        return true;
      }
    }
    return false;
  }

  static double[] logPoint(double[] x0, double[][] z, double[] y) {
    double[] x = x0.clone();
    for (int i = 0; i < x.length; i++) {
      if (z == null) {
        x[i] += y[i];
      } else {
        for (int j = 0; j < y.length; j++) {
          x[i] += z[i][j] * y[j];
        }
      }
    }
    return x;
  }

  private static double[] point(double[] x0, double[][] z, double[] y) {
    double[] x = logPoint(x0, z, y);
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.exp(x[i]);
    }
    return x;
  }
}
