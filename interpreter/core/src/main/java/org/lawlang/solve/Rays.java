package org.lawlang.solve;

import java.util.ArrayList;
import java.util.List;

/**
 * Looks for a ray u0 + t·d (t → ∞, in the local method's coordinates) along which every
 * constraint and bound holds and the objective falls without limit: the evidence of an
 * unbounded problem that the local method's runs, which only ever see finite points, cannot
 * give. Candidate directions are the axes and their signed pairs (and, for up to four
 * variables, every direction with components in {−1, 0, 1}), plus the directions in which
 * runs ran away; bases are the feasible points the runs found. Deterministic. A ray found here
 * is a claim for org.lawlang.certify.Verifier to check.
 */
final class Rays {
  private Rays() {}

  /** A ray of {@code al}'s problem from one of {@code bases}, or null. */
  static Certificate.Ray find(AugmentedLagrangian al, List<double[]> bases, List<double[]> runaway, boolean[] log,
      java.util.function.Predicate<Certificate.Ray> confirmed) {
    int n = log.length;
    List<double[]> dirs = new ArrayList<>(runaway);
    if (n <= 4) {
      int total = (int) Math.pow(3, n);
      for (int code = 0; code < total; code++) {
        double[] d = new double[n];
        int c = code;
        boolean any = false;
        for (int i = 0; i < n; i++) {
          d[i] = c % 3 - 1;
          any |= d[i] != 0;
          c /= 3;
        }
        if (any) {
          dirs.add(d);
        }
      }
    } else {
      for (int i = 0; i < n; i++) {
        for (int j = i; j < n; j++) {
          for (int si = -1; si <= 1; si += 2) {
            for (int sj = -1; sj <= 1; sj += 2) {
              double[] d = new double[n];
              d[i] += si;
              d[j] += sj;
              if (i != j || si == sj) {
                dirs.add(d);
              }
            }
          }
        }
      }
    }
    for (double[] u0 : bases) {
      if (!Double.isFinite(al.objective(u0))) {
        continue;
      }
      for (double[] d : dirs) {
        if (falls(al, u0, d, log)) {
          // the quick test here measures violations absolutely; the checker's relative test decides
          Certificate.Ray ray = new Certificate.Ray(LocalSolver.toVariables(u0, log), d.clone());
          if (confirmed.test(ray)) {
            return ray;
          }
        }
      }
    }
    return null;
  }

  /**
   * Whether, from some point of the ray on, every point is feasible and the objective falls
   * strictly, ever faster, by a million times its size before the arithmetic overflows (the
   * tail is what proves unboundedness; the ray may first climb, as −y²/x + x²y does).
   */
  private static boolean falls(AugmentedLagrangian al, double[] u0, double[] d, boolean[] log) {
    double start = Double.NaN;
    double previous = Double.NaN;
    double first = Double.NaN;
    double last = Double.NaN;
    int samples = 0;
    for (int k = 0; k < 6000; k++) {
      double t = Math.pow(2, k / 4.0 - 4);
      double[] u = u0.clone();
      boolean inRange = true;
      for (int i = 0; i < u.length; i++) {
        u[i] += t * d[i];
        inRange &= Math.abs(u[i]) < (log[i] ? 700 : 1e150);
      }
      if (!inRange) {
        break; // beyond, exp(u) overflows: what the formula gives there is not the ray's
      }
      double fv = al.objective(u);
      double violation = al.violation(u);
      if (!Double.isFinite(fv) || !Double.isFinite(violation)) {
        break;
      }
      if (!(violation <= 1e-9) || !(samples == 0 || fv < previous)) {
        samples = 0; // the tail starts again here
      }
      if (!(violation <= 1e-9)) {
        continue;
      }
      if (samples == 0) {
        start = fv;
      } else {
        last = previous - fv;
        if (samples == 1) {
          first = last;
        }
      }
      previous = fv;
      samples++;
    }
    return samples >= 8 && previous <= start - 1e6 * Math.max(1, Math.abs(start)) && last >= first;
  }
}
