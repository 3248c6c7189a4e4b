package org.lawlang.solve;

/**
 * The log-barrier method for min F0(y) subject to F_j(y) < 0 (all log-sum-exps, so convex):
 * Newton's method on t·F0 − Σ ln(−F_j) for t growing twentyfold until the duality gap m/t
 * is below 1e-13. Starts from a strictly feasible point.
 */
final class Barrier {
  private Barrier() {}

  record Result(double[] y, int iterations, boolean converged, boolean diverged) {}

  static Result minimize(LogSumExp f0, LogSumExp[] fs, double[] y0) {
    int k = y0.length;
    int m = fs.length;
    double[] gj = new double[k];
    double[][] hj = new double[k][k];
    double[] y = y0;
    int iterations = 0;
    for (double t = 1; ; t *= 20) {
      final double tt = t;
      Newton.Result r = Newton.minimize((yy, g, h) -> {
        double v = tt * f0.eval(yy, g, h);
        for (int a = 0; a < k; a++) {
          g[a] *= tt;
          for (int b = 0; b < k; b++) {
            h[a][b] *= tt;
          }
        }
        for (LogSumExp f : fs) {
          double fj = f.eval(yy, gj, hj);
          if (!(fj < 0)) {
            return Double.NaN;
          }
          v -= Math.log(-fj);
          for (int a = 0; a < k; a++) {
            g[a] += gj[a] / -fj;
            for (int b = 0; b < k; b++) {
              h[a][b] += hj[a][b] / -fj + gj[a] * gj[b] / (fj * fj);
            }
          }
        }
        return v;
      }, y, 1e-10, 200, LogSpaceSolver.LIMIT);
      iterations += r.iterations();
      y = r.x();
      if (r.diverged()) {
        return new Result(y, iterations, false, true);
      }
      if (!r.converged()) {
        return new Result(y, iterations, false, false);
      }
      if (m / t < 1e-13) {
        return new Result(y, iterations, true, false);
      }
    }
  }
}
