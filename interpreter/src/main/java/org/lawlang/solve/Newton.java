package org.lawlang.solve;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealVector;

/**
 * Damped Newton minimisation of a smooth function with its exact gradient and Hessian: the
 * step solves (H + λI) s = −g by Commons Math's Cholesky factorisation, λ growing until the
 * matrix is positive definite (Levenberg), then a backtracking line search that also rejects
 * points outside the function's domain (a NaN or infinite value). Used by the log-space
 * solver ({@link LogSpaceSolver}) and the local method ({@link LocalSolver}).
 */
final class Newton {
  private Newton() {}

  /** A twice differentiable function: fills {@code g} and {@code h}, returns the value. */
  interface Smooth {
    double eval(double[] x, double[] g, double[][] h);
  }

  /** Where the minimisation stopped: the point, its value, iterations, and why. */
  record Result(double[] x, double value, int iterations, boolean converged, boolean diverged) {}

  /**
   * Minimises {@code f} from {@code x0}; stops when the Newton decrement is below {@code tol},
   * after {@code maxIter} steps, or when a coordinate exceeds {@code limit} in size.
   */
  static Result minimize(Smooth f, double[] x0, double tol, int maxIter, double limit) {
    int n = x0.length;
    double[] x = x0.clone();
    double[] g = new double[n];
    double[][] h = new double[n][n];
    double fx = f.eval(x, g, h);
    if (!Double.isFinite(fx)) {
      return new Result(x, fx, 0, false, false);
    }
    double lambda = 0;
    double[] xn = new double[n];
    double[] gn = new double[n];
    double[][] hn = new double[n][n];
    for (int it = 1; it <= maxIter; it++) {
      double[] step = step(g, h, lambda);
      if (step == null) {
        return new Result(x, fx, it, false, false);
      }
      double decrement = 0;
      for (int i = 0; i < n; i++) {
        decrement -= g[i] * step[i];
      }
      if (decrement <= tol * tol + 1e-13 * Math.abs(fx) || gradientSmall(g, tol * 1e-3)) {
        // a last full step (quadratic convergence), kept if it does not make things worse
        for (int i = 0; i < n; i++) {
          xn[i] = x[i] + step[i];
        }
        double fn = f.eval(xn, gn, hn);
        if (Double.isFinite(fn) && fn <= fx + 1e-14 * Math.abs(fx)) {
          return new Result(xn.clone(), fn, it, true, false);
        }
        return new Result(x, fx, it, true, false);
      }
      double t = 1;
      double fn = Double.NaN;
      boolean accepted = false;
      for (int ls = 0; ls < 60; ls++) {
        for (int i = 0; i < n; i++) {
          xn[i] = x[i] + t * step[i];
        }
        fn = f.eval(xn, gn, hn);
        if (Double.isFinite(fn) && fn <= fx - 1e-4 * t * decrement) {
          accepted = true;
          break;
        }
        t *= 0.5;
      }
      if (!accepted) {
        if (lambda < 1e12) {
          lambda = Math.max(1e-8, lambda * 100);
          continue;
        }
        return new Result(x, fx, it, decrement < 1e-8, false);
      }
      lambda = t == 1 ? lambda / 10 : lambda;
      if (lambda < 1e-12) {
        lambda = 0;
      }
      boolean small = Math.abs(fx - fn) <= 1e-15 * (1 + Math.abs(fx)) && t == 1;
      System.arraycopy(xn, 0, x, 0, n);
      System.arraycopy(gn, 0, g, 0, n);
      for (int i = 0; i < n; i++) {
        System.arraycopy(hn[i], 0, h[i], 0, n);
      }
      fx = fn;
      for (double xi : x) {
        if (Math.abs(xi) > limit) {
          return new Result(x, fx, it, false, true);
        }
      }
      if (small && gradientSmall(g, 1e-9)) {
        return new Result(x, fx, it, true, false);
      }
    }
    return new Result(x, fx, maxIter, false, false);
  }

  private static boolean gradientSmall(double[] g, double tol) {
    for (double v : g) {
      if (!(Math.abs(v) <= tol)) {
        return false;
      }
    }
    return true;
  }

  /** Solves (H + λI) s = −g, raising λ until H + λI is positive definite; null if hopeless. */
  private static double[] step(double[] g, double[][] h, double lambda0) {
    int n = g.length;
    if (n == 1) {
      double lam = lambda0;
      double d = h[0][0];
      while (!(d + lam > 1e-14 * Math.max(1, Math.abs(d))) && lam < 1e20) {
        lam = Math.max(1e-8, lam * 10 + Math.abs(d));
      }
      double v = -g[0] / (d + lam);
      return Double.isFinite(v) ? new double[] {v} : null;
    }
    double lam = lambda0;
    for (int attempt = 0; attempt < 40; attempt++) {
      double[][] m = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          m[i][j] = 0.5 * (h[i][j] + h[j][i]);
        }
        m[i][i] += lam;
      }
      try {
        RealVector s = new CholeskyDecomposition(new Array2DRowRealMatrix(m, false), 1e-12, 1e-14)
            .getSolver().solve(new ArrayRealVector(g).mapMultiply(-1));
        double[] out = s.toArray();
        boolean ok = true;
        for (double v : out) {
          ok &= Double.isFinite(v);
        }
        if (ok) {
          return out;
        }
      } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
        // raise the damping and try again
      }
      double scale = 0;
      for (int i = 0; i < n; i++) {
        scale = Math.max(scale, Math.abs(h[i][i]));
      }
      lam = Math.max(1e-10 * Math.max(1, scale), lam * 10);
    }
    return null;
  }
}
