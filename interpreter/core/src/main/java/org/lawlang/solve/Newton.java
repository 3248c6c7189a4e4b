package org.lawlang.solve;


/**
 * Damped Newton minimisation of a smooth function with its exact gradient and Hessian: the
 * step solves (H + λI) s = −g by Cholesky factorisation, λ growing until the
 * matrix is positive definite (Levenberg), then a backtracking line search that also rejects
 * points outside the function's domain (a NaN or infinite value). Used by the log-space
 * solver ({@link LogSpaceSolver}) and the local method ({@link LocalSolver}).
 *
 * <p>On a non-convex function the shifted matrix still makes every step a descent step, but a
 * small gradient no longer means a minimum: a maximum or saddle has one too. So before it
 * reports convergence, and whenever the Hessian is indefinite, Newton also searches along
 * the direction of most negative curvature and keeps that point when it is lower; it stops
 * only where the Hessian is positive semidefinite (to rounding).
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
    return minimize(f, x0, tol, maxIter, limit, null);
  }

  /**
   * As {@link #minimize(Smooth, double[], double, int, double)}, within the hard box
   * {@code box[i] = {lo, hi}} (infinite where absent; null for none): a projected Newton method.
   * Every trial point is clipped to the box, and a variable at a bound whose gradient points out
   * of the box is held there (its row and column leave the Newton system); convergence is judged
   * on the remaining, free variables.
   */
  static Result minimize(Smooth f, double[] x0, double tol, int maxIter, double limit, double[][] box) {
    return minimize(f, x0, tol, maxIter, limit, box, null);
  }

  /**
   * As above, stopping as converged at the first accepted point that satisfies {@code enough}
   * (phase I needs any strictly feasible point, not the minimiser of its auxiliary function,
   * which may lie at infinity).
   */
  static Result minimize(Smooth f, double[] x0, double tol, int maxIter, double limit, double[][] box,
      java.util.function.Predicate<double[]> enough) {
    int n = x0.length;
    double[] x = x0.clone();
    clip(x, box);
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
    double[] gr = new double[n];
    double[][] hr = new double[n][n];
    for (int it = 1; it <= maxIter; it++) {
      reduce(x, g, h, box, gr, hr);
      double[] step = step(gr, hr, lambda);
      if (step == null) {
        return new Result(x, fx, it, false, false);
      }
      double decrement = 0;
      for (int i = 0; i < n; i++) {
        decrement -= gr[i] * step[i];
      }
      double[] curve = negativeCurvature(gr, hr);
      if (curve != null) {
        // indefinite: move along the negative curvature when that beats the shifted Newton step
        // (at a maximum or saddle the Newton step is nil and this is the only way down)
        double fc = curvatureSearch(f, x, fx, curve, xn, gn, hn, box);
        if (fc < fx) {
          double fs = Double.POSITIVE_INFINITY;
          double[] xs = new double[n];
          for (int i = 0; i < n; i++) {
            xs[i] = x[i] + step[i];
          }
          clip(xs, box);
          double[] gs = new double[n];
          double[][] hs = new double[n][n];
          fs = f.eval(xs, gs, hs);
          if (!(Double.isFinite(fs) && fs < fc)) {
            fx = fc;
            accept(x, g, h, xn, gn, hn);
          } else {
            fx = fs;
            accept(x, g, h, xs, gs, hs);
          }
          if (enough != null && enough.test(x)) {
            return new Result(x, fx, it, true, false);
          }
          if (beyond(x, limit)) {
            return new Result(x, fx, it, false, true);
          }
          continue;
        }
      }
      if (decrement <= tol * tol + 1e-13 * Math.abs(fx) || gradientSmall(gr, tol * 1e-3)) {
        // a last full step (quadratic convergence), kept if it does not make things worse
        for (int i = 0; i < n; i++) {
          xn[i] = x[i] + step[i];
        }
        clip(xn, box);
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
        clip(xn, box);
        // Armijo on the step actually taken (the clipped one; the same as t·decrement without a box)
        double slope = 0;
        for (int i = 0; i < n; i++) {
          slope += gr[i] * (xn[i] - x[i]);
        }
        fn = f.eval(xn, gn, hn);
        if (Double.isFinite(fn) && fn <= fx + 1e-4 * Math.min(slope, 0)) {
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
      accept(x, g, h, xn, gn, hn);
      fx = fn;
      if (enough != null && enough.test(x)) {
        return new Result(x, fx, it, true, false);
      }
      if (beyond(x, limit)) {
        return new Result(x, fx, it, false, true);
      }
      reduce(x, g, h, box, gr, hr);
      if (small && gradientSmall(gr, 1e-9) && negativeCurvature(gr, hr) == null) {
        return new Result(x, fx, it, true, false);
      }
    }
    return new Result(x, fx, maxIter, false, false);
  }

  /** Clips x to the box (nothing when box is null). */
  static void clip(double[] x, double[][] box) {
    if (box == null) {
      return;
    }
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.max(box[i][0], Math.min(box[i][1], x[i]));
    }
  }

  /**
   * The gradient and Hessian of the free variables: a variable at a bound whose gradient points
   * out of the box is held (gradient 0, its Hessian row and column 0, diagonal 1).
   */
  private static void reduce(double[] x, double[] g, double[][] h, double[][] box, double[] gr, double[][] hr) {
    int n = x.length;
    System.arraycopy(g, 0, gr, 0, n);
    for (int i = 0; i < n; i++) {
      System.arraycopy(h[i], 0, hr[i], 0, n);
    }
    if (box == null) {
      return;
    }
    for (int i = 0; i < n; i++) {
      if ((x[i] <= box[i][0] && g[i] > 0) || (x[i] >= box[i][1] && g[i] < 0)) {
        gr[i] = 0;
        for (int j = 0; j < n; j++) {
          hr[i][j] = 0;
          hr[j][i] = 0;
        }
        hr[i][i] = 1;
      }
    }
  }

  private static void accept(double[] x, double[] g, double[][] h, double[] xn, double[] gn, double[][] hn) {
    int n = x.length;
    System.arraycopy(xn, 0, x, 0, n);
    System.arraycopy(gn, 0, g, 0, n);
    for (int i = 0; i < n; i++) {
      System.arraycopy(hn[i], 0, h[i], 0, n);
    }
  }

  private static boolean beyond(double[] x, double limit) {
    for (double xi : x) {
      if (Math.abs(xi) > limit) {
        return true;
      }
    }
    return false;
  }

  /** Curvature below this fraction of the Hessian's largest entry (or of 1) counts as negative. */
  static final double NEGATIVE = 1e-8;

  /**
   * The unit eigenvector of the Hessian's most negative eigenvalue, signed to go downhill (or
   * at least not uphill), with the eigenvalue appended as a last element; null when the
   * Hessian is positive semidefinite to within {@link #NEGATIVE} of its size.
   */
  static double[] negativeCurvature(double[] g, double[][] h) {
    int n = g.length;
    double size = 1;
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        m[i][j] = 0.5 * (h[i][j] + h[j][i]);
        size = Math.max(size, Math.abs(m[i][j]));
        if (!Double.isFinite(m[i][j])) {
          return null;
        }
      }
    }
    double[] vec;
    double least;
    if (n == 1) {
      least = m[0][0];
      vec = new double[] {1};
    } else {
      // scaled to unit size, so that rotations neither overflow nor underflow
      double[][] unit = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          unit[i][j] = m[i][j] / size;
        }
      }
      Jacobi.Eigen e = Jacobi.decompose(unit);
      double[] ev = e.values();
      int k = 0;
      for (int i = 1; i < n; i++) {
        if (ev[i] < ev[k]) {
          k = i;
        }
      }
      if (!Double.isFinite(ev[k])) {
        return null; // no reliable curvature: leave the step to the shifted Newton direction
      }
      least = ev[k] * size;
      vec = e.vectors()[k];
    }
    if (!(least < -NEGATIVE * size)) {
      return null;
    }
    double slope = 0;
    for (int i = 0; i < n; i++) {
      slope += g[i] * vec[i];
    }
    double[] out = new double[n + 1];
    for (int i = 0; i < n; i++) {
      out[i] = slope > 0 ? -vec[i] : vec[i];
    }
    out[n] = least;
    return out;
  }

  /**
   * A line search along a direction of negative curvature d (eigenvalue last in {@code curve}):
   * the first length t = 1, 1/2, 1/4, ... (or, if 1 works, 2, 4, ... while it keeps improving)
   * with f(x + t d) below f(x) + ½·10⁻⁴·t²·eigenvalue. Leaves the point in {@code xn}, its
   * gradient and Hessian in {@code gn}, {@code hn}; returns its value, or +inf if none descends.
   */
  private static double curvatureSearch(Smooth f, double[] x, double fx, double[] curve, double[] xn, double[] gn, double[][] hn,
      double[][] box) {
    int n = x.length;
    double least = curve[n];
    double scale = 1;
    for (double xi : x) {
      scale = Math.max(scale, Math.abs(xi));
    }
    double best = Double.POSITIVE_INFINITY;
    double bestT = 0;
    double t = 0.1 * scale;
    for (int ls = 0; ls < 80; ls++) {
      double v = valueAt(f, x, curve, t, xn, gn, hn, box);
      boolean descends = Double.isFinite(v) && v <= fx + 0.5e-4 * t * t * least;
      if (descends && v < best) {
        best = v;
        bestT = t;
        t *= 2;
      } else if (best < Double.POSITIVE_INFINITY) {
        break;
      } else {
        t *= 0.5;
        if (t < 1e-12 * scale) {
          break;
        }
      }
    }
    if (best == Double.POSITIVE_INFINITY) {
      return best;
    }
    return valueAt(f, x, curve, bestT, xn, gn, hn, box);
  }

  private static double valueAt(Smooth f, double[] x, double[] d, double t, double[] xn, double[] gn, double[][] hn,
      double[][] box) {
    for (int i = 0; i < x.length; i++) {
      xn[i] = x[i] + t * d[i];
    }
    clip(xn, box);
    return f.eval(xn, gn, hn);
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
    double[] minusG = new double[n];
    for (int i = 0; i < n; i++) {
      minusG[i] = -g[i];
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
      double[] out = Cholesky.solve(m, minusG, 1e-14);
      boolean ok = out != null;
      for (int i = 0; ok && i < n; i++) {
        ok = Double.isFinite(out[i]);
      }
      if (ok) {
        return out;
      }
      // not positive definite, or overflowed: raise the damping and try again
      double scale = 0;
      for (int i = 0; i < n; i++) {
        scale = Math.max(scale, Math.abs(h[i][i]));
      }
      lam = Math.max(1e-10 * Math.max(1, scale), lam * 10);
    }
    return null;
  }
}
