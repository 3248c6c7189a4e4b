package org.lawlang.solve;

import java.util.function.BooleanSupplier;

/**
 * A bounded Levenberg–Marquardt method for sums of per-row losses: least squares (plain LM)
 * and Huber (LM on the iteratively reweighted model, which majorises the Huber sum, so each
 * accepted step lowers the true objective and the fixed point is the true Huber minimum).
 * Steps come from the QR factor of {@link LeastSquaresPass}, scaled as in MINPACK; a parameter at a
 * bound whose gradient points outward is held for the step, and steps are projected onto the
 * box. Convergence is judged relative to the objective's own scale (the cosine between the
 * residual and each Jacobian column, and relative reductions), never by absolute tolerances,
 * so an objective of 1e-3 converges as tightly as one of 1e3.
 */
public final class LevenbergMarquardt implements LocalMinimiser {
  /** The one instance: the method keeps no state of its own (a worker's buffers live in its {@link LeastSquaresPass}). */
  public static final LevenbergMarquardt METHOD = new LevenbergMarquardt();

  private LevenbergMarquardt() {}

  @Override
  public Worker on(FitProblem prob) {
    LeastSquaresPass nm = new LeastSquaresPass(prob);
    return (start, mult, tol, cancelled) -> minimize(prob, nm, start, mult, tol, cancelled);
  }

  /** IRLS steps hand over to exact-Hessian Newton steps once the gradient cosine is below this. */
  static final double NEWTON_SWITCH = 1e-3;
  /** The most the damping may shrink after one good step. */
  static final double LAMBDA_SHRINK = 1.0 / 3;
  /**
   * A step that lowers the Huber sum by more than this multiple of its predicted decrease shows
   * the reweighted model (which majorises the sum) to be pessimistic. After two such steps in a
   * row while the damping is still above HEAVY_DAMPING, the damping shrinks by LAMBDA_SHRINK²
   * instead of LAMBDA_SHRINK: a run started far from the data sheds a damping of 1e8 in half
   * the steps. Screening only (see {@link #screening}): a polish keeps the path its digits
   * were checked on.
   */
  static final double PESSIMISTIC = 1.5;
  /** The damping above which {@link #PESSIMISTIC} steps shrink it faster. */
  static final double HEAVY_DAMPING = 1e3;

  /**
   * Whether a run screens one of many starts ({@link Tolerances#screening()}): then it takes the
   * faster path (fewer evaluations, same stopping rule); otherwise the reference path.
   */
  static boolean screening(Tolerances tol) {
    return tol.screen();
  }

  /** Minimises from {@code theta0} with row multiplicities {@code mult} (null for 1), reusing {@code nm}'s buffers. */
  static Result minimize(FitProblem prob, LeastSquaresPass nm, double[] theta0, double[] mult, Tolerances tol,
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
    double cos = cosine(nm, g, x, prob);
    double res2 = nm.resNorm2;
    double lambda = 1e-3;
    double nu = 2;
    int smallSteps = 0;
    int pessimistic = 0;
    double[] step = new double[p];
    double[] xn = new double[p];
    boolean[] held = new boolean[p];
    boolean newtonAllowed = prob.hasHessian();
    boolean fastDamping = screening(tol) && prob.hasHessian();
    while (true) {
      if (cos <= tol.gtol() || prob.exact(res2)) {
        return new Result(x, f, evals, Status.CONVERGED, cos);
      }
      if (evals >= tol.maxEvaluations()) {
        return new Result(x, f, evals, Status.ITERATION_LIMIT, cos);
      }
      if (cancelled != null && evals % 16 == 0 && cancelled.getAsBoolean()) {
        return new Result(x, f, evals, Status.ITERATION_LIMIT, cos);
      }
      if (newtonAllowed && cos <= NEWTON_SWITCH) {
        Result nr = newton(prob, nm, x, mult, tol, evals, cancelled);
        if (nr.status() != Status.STALLED) {
          return nr;
        }
        // the exact-Hessian phase made no progress: go on with reweighted steps from its best point
        newtonAllowed = false;
        evals = nr.iterations() + 1;
        System.arraycopy(nr.theta(), 0, x, 0, p);
        f = nm.full(x, mult);
        res2 = nm.resNorm2;
        System.arraycopy(nm.r, 0, r, 0, r.length);
        System.arraycopy(nm.qtr, 0, qtr, 0, p);
        System.arraycopy(nm.grad, 0, g, 0, p);
        cos = cosine(nm, g, x, prob);
        continue;
      }
      for (int j = 0; j < p; j++) {
        held[j] = atBound(prob, nm, g, x, j);
      }
      if (!DampedSteps.solve(r, qtr, diag, lambda, held, p, step)) {
        lambda = Math.max(lambda * 10, 1e-10);
        if (lambda > 1e30) {
          return new Result(x, f, evals, prob.exact(res2) ? Status.CONVERGED : Status.STALLED, cos);
        }
        continue;
      }
      boolean moved = project(prob, x, step, xn);
      double pred = DampedSteps.predicted(r, qtr, step, p);
      if (!moved || pred <= 0) {
        if (++smallSteps > 3 || lambda > 1e20) {
          return new Result(x, f, evals, cos <= 1e-6 || prob.exact(res2) ? Status.CONVERGED : Status.STALLED, cos);
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
        res2 = nm.resNorm2;
        System.arraycopy(nm.r, 0, r, 0, r.length);
        System.arraycopy(nm.qtr, 0, qtr, 0, p);
        System.arraycopy(nm.grad, 0, g, 0, p);
        for (int j = 0; j < p; j++) {
          diag[j] = Math.max(diag[j], Math.sqrt(nm.colNorm2[j]));
        }
        cos = cosine(nm, g, x, prob);
        double t = 2 * ratio - 1;
        pessimistic = ratio > PESSIMISTIC ? pessimistic + 1 : 0;
        lambda *= fastDamping && lambda > HEAVY_DAMPING && pessimistic >= 2 ? LAMBDA_SHRINK * LAMBDA_SHRINK : Math.max(LAMBDA_SHRINK, 1 - t * t * t);
        nu = 2;
        smallSteps = 0;
        if ((tiny && cos <= tol.settled()) || f == 0) {
          return new Result(x, f, evals, Status.CONVERGED, cos);
        }
      } else {
        lambda *= nu;
        nu *= 2;
        pessimistic = 0;
        if (lambda > 1e30) {
          return new Result(x, f, evals, cos <= 1e-6 || prob.exact(res2) ? Status.CONVERGED : Status.STALLED, cos);
        }
      }
    }
  }

  /** xn = the box projection of x + step; step becomes the projected step. False if nothing moved. */
  private static boolean project(FitProblem prob, double[] x, double[] step, double[] xn) {
    boolean moved = false;
    for (int j = 0; j < x.length; j++) {
      xn[j] = Math.min(prob.hi[j], Math.max(prob.lo[j], x[j] + step[j]));
      step[j] = xn[j] - x[j];
      moved |= Math.abs(step[j]) > 4e-16 * Math.max(Math.abs(x[j]), 1e-300);
    }
    return moved;
  }

  /**
   * Damped Newton steps on the exact Hessian of the Huber sum (quadratic convergence once
   * the set of rows inside delta settles, where reweighting alone converges only linearly).
   * Returns STALLED, with the best point, when it cannot make progress.
   */
  private static Result newton(FitProblem prob, LeastSquaresPass nm, double[] x0, double[] mult, Tolerances tol, int evals0,
      BooleanSupplier cancelled) {
    int p = prob.p;
    double[] x = x0.clone();
    double f = nm.hessian(x, mult);
    int evals = evals0 + 1;
    if (!(f < Double.POSITIVE_INFINITY)) {
      return new Result(x0, f, evals, Status.STALLED, Double.NaN);
    }
    double[] h = nm.hess.clone();
    double[] g = nm.grad.clone();
    double[] d2 = new double[p];
    double cos = cosine(nm, g, x, prob);
    double lambda = 1e-6;
    double nu = 2;
    int rejected = 0;
    double[] step = new double[p];
    double[] xn = new double[p];
    boolean[] held = new boolean[p];
    boolean screening = screening(tol);
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
        d2[j] = Math.abs(h[j * p + j]) > 0 ? Math.abs(h[j * p + j]) : nm.colNorm2[j];
        // no curvature, no column and no gradient: the objective does not depend on this parameter
        // here (a coefficient that underflowed to 0 takes its exponent with it); its zero pivot
        // would fail the Cholesky factor at every damping, so hold it like a parameter at a bound
        // (screening only, like PESSIMISTIC)
        held[j] = atBound(prob, nm, g, x, j) || (screening && d2[j] == 0 && g[j] == 0);
      }
      if (!DampedSteps.newton(h, g, d2, lambda, held, p, step)) {
        lambda = Math.max(lambda * 10, 1e-8);
        if (lambda > 1e8) {
          return new Result(x, f, evals, Status.STALLED, cos);
        }
        continue;
      }
      boolean moved = project(prob, x, step, xn);
      double pred = DampedSteps.predictedNewton(h, g, step, p);
      if (!moved || !(pred > 0)) {
        return new Result(x, f, evals, cos <= 1e-6 ? Status.CONVERGED : Status.STALLED, cos);
      }
      double fn = nm.hessian(xn, mult);
      evals++;
      double act = f - fn;
      double ratio = act / pred;
      if (fn < Double.POSITIVE_INFINITY && ratio > 1e-4) {
        boolean tiny = act <= tol.ftol() * f && pred <= tol.ftol() * f;
        System.arraycopy(xn, 0, x, 0, p);
        f = fn;
        System.arraycopy(nm.hess, 0, h, 0, h.length);
        System.arraycopy(nm.grad, 0, g, 0, p);
        cos = cosine(nm, g, x, prob);
        lambda = ratio > 0.75 ? lambda / 10 : ratio < 0.25 ? lambda * 4 : lambda;
        lambda = Math.max(lambda, 1e-14);
        rejected = 0;
        if ((tiny && cos <= tol.settled()) || f == 0) {
          return new Result(x, f, evals, Status.CONVERGED, cos);
        }
      } else {
        lambda = Math.max(lambda * nu, 1e-8);
        nu *= 2;
        if (++rejected > 8) {
          return new Result(x, f, evals, Status.STALLED, cos);
        }
      }
    }
  }

  /**
   * A parameter's column below this fraction of the residual's norm, pushed towards an open
   * bound at 0, counts as having reached it (see {@link #atBound}).
   */
  static final double VANISHED = 1e-9;

  /**
   * Whether coordinate j is held at a bound: on a closed bound with the gradient pointing out,
   * or a parameter fitted as its logarithm with the open bound 0 (declared {@code > 0}) that
   * the gradient pushes towards 0 and whose column has vanished. In log coordinates that bound
   * lies at −∞ and is never reached, but the column ∂r/∂ln a = a·∂r/∂a is (to first order) the
   * whole change in the residuals if a went to 0, so once it is negligible the parameter
   * sits at its bound for every purpose; without this the scale-free convergence test would
   * chase it for ever.
   */
  private static boolean atBound(FitProblem prob, LeastSquaresPass nm, double[] g, double[] x, int j) {
    if ((x[j] <= prob.lo[j] && g[j] > 0) || (x[j] >= prob.hi[j] && g[j] < 0)) {
      return true;
    }
    return prob.logParam[j] && prob.lo[j] == Double.NEGATIVE_INFINITY && g[j] > 0
        && Math.sqrt(nm.colNorm2[j]) <= VANISHED * Math.sqrt(nm.resNorm2);
  }

  /** Per parameter, whether it sits at its open bound 0 at θ (see {@link #atBound}). */
  public static boolean[] atOpenBound(FitProblem prob, double[] theta) {
    LeastSquaresPass nm = new LeastSquaresPass(prob);
    boolean[] out = new boolean[prob.p];
    if (!(nm.full(theta, null) < Double.POSITIVE_INFINITY)) {
      return out;
    }
    // at an exact fit the residual is ~0, so measure a vanished column against the data's
    // own size too; and there the gradient's sign is rounding noise
    boolean exact = prob.exact(nm.resNorm2);
    double dataScale = 0;
    if (exact) {
      for (int i = 0; i < prob.n; i++) {
        double y = prob.logScale ? 1 : prob.target[i];
        dataScale += y * y;
      }
    }
    double floor = VANISHED * Math.max(Math.sqrt(nm.resNorm2), Math.sqrt(dataScale));
    for (int j = 0; j < prob.p; j++) {
      boolean open = prob.logParam[j] && prob.lo[j] == Double.NEGATIVE_INFINITY;
      // a logarithm so low that the value underflows to 0 has reached the bound outright (its column,
      // and so its gradient, is exactly 0: no sign to read)
      out[j] = open && (atBound(prob, nm, nm.grad, theta, j) || (exact && Math.sqrt(nm.colNorm2[j]) <= floor)
          || Math.exp(theta[j]) == 0);
    }
    return out;
  }

  /** Largest cosine between the residual and a free (not held) Jacobian column. */
  private static double cosine(LeastSquaresPass nm, double[] g, double[] x, FitProblem prob) {
    double rn = Math.sqrt(nm.resNorm2);
    if (rn == 0) {
      return 0;
    }
    double worst = 0;
    for (int j = 0; j < g.length; j++) {
      boolean held = atBound(prob, nm, g, x, j);
      double cn = Math.sqrt(nm.colNorm2[j]);
      if (!held && cn > 0) {
        worst = Math.max(worst, Math.abs(g[j]) / (cn * rn));
      }
    }
    return worst;
  }
}
