package org.lawlang.solve;

import java.util.ArrayList;
import java.util.List;

/**
 * Phase I of the barrier method: finds y with F_j(y) < 0 for every j by minimising s subject
 * to F_j(y) <= s (and s >= -1), stopping as soon as s goes negative. When the least s is
 * positive the constraints cannot hold together; {@link Result#active} then names those
 * that meet at that least violation — the ones in conflict — and {@link Result#end} is where
 * the search ended, the point at which the Farkas multipliers are taken.
 */
final class PhaseOne {
  private PhaseOne() {}

  /** {@code least}: the least max_j F_j found (positive when infeasible, near 0 when the set has no interior). */
  record Result(double[] y, int iterations, List<Integer> active, double least, double[] end) {
    Result(double[] y, int iterations, List<Integer> active, double least) {
      this(y, iterations, active, least, y);
    }
  }

  /** How far from the origin (in the log-space coordinates) phase I looks: e^500 is 1e217. */
  static final double REACH = 500;

  static Result find(LogSumExp[] fs, double[] y0) {
    int k = y0.length;
    double worst = Double.NEGATIVE_INFINITY;
    for (LogSumExp f : fs) {
      worst = Math.max(worst, f.value(y0));
    }
    if (worst < 0) {
      return new Result(y0, 0, List.of(), worst);
    }
    double[] z = new double[k + 1];
    System.arraycopy(y0, 0, z, 0, k);
    z[k] = worst + 1;
    double[] gj = new double[k];
    double[][] hj = new double[k][k];
    int iterations = 0;
    double[] y = new double[k];
    for (double t = 1; t < 1e16; t *= 20) {
      final double tt = t;
      Newton.Result r = Newton.minimize((zz, g, h) -> {
        double s = zz[k];
        if (!(s > -1)) {
          return Double.NaN;
        }
        java.util.Arrays.fill(g, 0);
        for (double[] row : h) {
          java.util.Arrays.fill(row, 0);
        }
        double v = tt * s - Math.log(s + 1);
        g[k] = tt - 1 / (s + 1);
        h[k][k] = 1 / ((s + 1) * (s + 1));
        double[] yy = java.util.Arrays.copyOf(zz, k);
        for (LogSumExp f : fs) {
          double d = s - f.eval(yy, gj, hj);
          if (!(d > 0)) {
            return Double.NaN;
          }
          v -= Math.log(d);
          // ∇(−ln d) with d = s − F: (∇F/d, −1/d)
          for (int a = 0; a < k; a++) {
            g[a] += gj[a] / d;
            for (int b = 0; b < k; b++) {
              h[a][b] += hj[a][b] / d + gj[a] * gj[b] / (d * d);
            }
            h[a][k] -= gj[a] / (d * d);
            h[k][a] -= gj[a] / (d * d);
          }
          g[k] -= 1 / d;
          h[k][k] += 1 / (d * d);
        }
        // a box |y| < REACH keeps the search finite: without it a variable that only loosens
        // constraints as it grows ran the search out of range, which then read as infeasible
        for (int a = 0; a < k; a++) {
          double up = REACH - zz[a];
          double down = REACH + zz[a];
          if (!(up > 0 && down > 0)) {
            return Double.NaN;
          }
          v -= Math.log(up) + Math.log(down);
          g[a] += 1 / up - 1 / down;
          h[a][a] += 1 / (up * up) + 1 / (down * down);
        }
        return v;
      }, z, 1e-10, 200, LogSpaceSolver.LIMIT, null, zz -> {
        // a strictly feasible point ends phase I: going on would follow the barrier's pull
        // towards infinity when a constraint is a single power-law term (linear in log space)
        double[] yy = java.util.Arrays.copyOf(zz, k);
        for (LogSumExp f : fs) {
          if (!(f.value(yy) < -1e-9)) {
            return false;
          }
        }
        return true;
      });
      iterations += r.iterations();
      z = r.x();
      System.arraycopy(z, 0, y, 0, k);
      double max = Double.NEGATIVE_INFINITY;
      for (LogSumExp f : fs) {
        max = Math.max(max, f.value(y));
      }
      if (max < 0) {
        return new Result(y, iterations, List.of(), max);
      }
      if (!r.converged() || (fs.length + 1) / t < 1e-12) {
        break;
      }
    }
    double max = Double.NEGATIVE_INFINITY;
    double[] vals = new double[fs.length];
    for (int j = 0; j < fs.length; j++) {
      vals[j] = fs[j].value(y);
      max = Math.max(max, vals[j]);
    }
    List<Integer> active = new ArrayList<>();
    for (int j = 0; j < fs.length; j++) {
      if (vals[j] >= max - 1e-6 * Math.max(1, Math.abs(max))) {
        active.add(j);
      }
    }
    return new Result(null, iterations, active, max, y);
  }
}
