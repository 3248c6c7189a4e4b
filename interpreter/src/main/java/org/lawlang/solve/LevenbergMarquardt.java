package org.lawlang.solve;

import java.util.function.BooleanSupplier;

/**
 * A bounded Levenberg–Marquardt method for sums of per-row losses: least squares (plain LM)
 * and Huber (LM on the iteratively reweighted model, which majorises the Huber sum, so each
 * accepted step lowers the true objective and the fixed point is the true Huber minimum).
 * Steps come from the QR factor of {@link Normal}, scaled as in MINPACK; a parameter at a
 * bound whose gradient points outward is held for the step, and steps are projected onto the
 * box. Convergence is judged relative to the objective's own scale (the cosine between the
 * residual and each Jacobian column, and relative reductions), never by absolute tolerances,
 * so an objective of 1e-3 converges as tightly as one of 1e3.
 */
public final class LevenbergMarquardt {
  private LevenbergMarquardt() {}

  /** How a run ended. */
  public enum Status {
    CONVERGED, ITERATION_LIMIT, STALLED, FAILED
  }

  /** A run's end point (solver coordinates), objective (½ convention), evaluations and status. */
  public record Result(double[] theta, double f, int iterations, Status status, double gradientCosine) {}

  /** Tolerances: gradient cosine, relative reduction, and the evaluation budget. */
  public record Tolerances(double gtol, double ftol, int maxEvaluations) {
    public static Tolerances standard() {
      return new Tolerances(1e-10, 1e-15, 1000);
    }
  }

  /** Minimises from {@code theta0} with row multiplicities {@code mult} (null for 1). */
  public static Result minimize(FitProblem prob, Normal nm, double[] theta0, double[] mult, Tolerances tol,
      BooleanSupplier cancelled) {
    int p = prob.p;
    double[] x = theta0.clone();
    for (int j = 0; j < p; j++) {
      x[j] = Math.min(prob.hi[j], Math.max(prob.lo[j], x[j]));
    }
    double f = nm.full(x, mult);
    int evals = 1;
    if (!(f < Double.POSITIVE_INFINITY)) {
      return new Result(x, f, evals, Status.FAILED, Double.NaN);
    }
    double[] r = nm.r.clone();
    double[] qtr = nm.qtr.clone();
    double[] g = nm.grad.clone();
    double[] diag = new double[p];
    for (int j = 0; j < p; j++) {
      diag[j] = Math.sqrt(nm.colNorm2[j]);
    }
    double cos = cosine(nm, g, diag, x, prob);
    double lambda = 1e-3;
    double nu = 2;
    int smallSteps = 0;
    double[] step = new double[p];
    double[] xn = new double[p];
    boolean[] held = new boolean[p];
    while (true) {
      if (cos <= tol.gtol()) {
        return new Result(x, f, evals, Status.CONVERGED, cos);
      }
      if (evals >= tol.maxEvaluations()) {
        return new Result(x, f, evals, Status.ITERATION_LIMIT, cos);
      }
      if (cancelled != null && evals % 16 == 0 && cancelled.getAsBoolean()) {
        return new Result(x, f, evals, Status.ITERATION_LIMIT, cos);
      }
      for (int j = 0; j < p; j++) {
        held[j] = (x[j] <= prob.lo[j] && g[j] > 0) || (x[j] >= prob.hi[j] && g[j] < 0);
      }
      if (!Steps.solve(r, qtr, diag, lambda, held, p, step)) {
        lambda = Math.max(lambda * 10, 1e-10);
        if (lambda > 1e30) {
          return new Result(x, f, evals, Status.STALLED, cos);
        }
        continue;
      }
      boolean moved = false;
      for (int j = 0; j < p; j++) {
        xn[j] = Math.min(prob.hi[j], Math.max(prob.lo[j], x[j] + step[j]));
        step[j] = xn[j] - x[j];
        moved |= Math.abs(step[j]) > 4e-16 * Math.max(Math.abs(x[j]), 1e-300);
      }
      double pred = Steps.predicted(r, qtr, step, p);
      if (!moved || pred <= 0) {
        if (++smallSteps > 3 || lambda > 1e20) {
          return new Result(x, f, evals, cos <= 1e-6 ? Status.CONVERGED : Status.STALLED, cos);
        }
        lambda = Math.max(lambda * nu, 1e-12);
        nu *= 2;
        continue;
      }
      double fn = nm.full(xn, mult);
      evals++;
      double act = f - fn;
      double ratio = act / pred;
      if (fn < Double.POSITIVE_INFINITY && ratio > 1e-4) {
        boolean tiny = act <= tol.ftol() * f && pred <= tol.ftol() * f;
        System.arraycopy(xn, 0, x, 0, p);
        f = fn;
        System.arraycopy(nm.r, 0, r, 0, r.length);
        System.arraycopy(nm.qtr, 0, qtr, 0, p);
        System.arraycopy(nm.grad, 0, g, 0, p);
        for (int j = 0; j < p; j++) {
          diag[j] = Math.max(diag[j], Math.sqrt(nm.colNorm2[j]));
        }
        cos = cosine(nm, g, diag, x, prob);
        double t = 2 * ratio - 1;
        lambda *= Math.max(1.0 / 3, 1 - t * t * t);
        nu = 2;
        smallSteps = 0;
        if (tiny && cos <= 1e-6) {
          return new Result(x, f, evals, Status.CONVERGED, cos);
        }
        if (f == 0) {
          return new Result(x, f, evals, Status.CONVERGED, 0);
        }
      } else {
        lambda *= nu;
        nu *= 2;
        if (lambda > 1e30) {
          return new Result(x, f, evals, cos <= 1e-6 ? Status.CONVERGED : Status.STALLED, cos);
        }
      }
    }
  }

  /** Largest cosine between the residual and a free (not held) Jacobian column. */
  private static double cosine(Normal nm, double[] g, double[] diag, double[] x, FitProblem prob) {
    double rn = Math.sqrt(nm.resNorm2);
    if (rn == 0) {
      return 0;
    }
    double worst = 0;
    for (int j = 0; j < g.length; j++) {
      boolean held = (x[j] <= prob.lo[j] && g[j] > 0) || (x[j] >= prob.hi[j] && g[j] < 0);
      double cn = Math.sqrt(nm.colNorm2[j]);
      if (!held && cn > 0) {
        worst = Math.max(worst, Math.abs(g[j]) / (cn * rn));
      }
    }
    return worst;
  }
}
