package org.lawlang.solve;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A second {@link LocalMinimiser}, for tests only: one Gauss–Newton step from the start, the
 * least-squares solution of the model linearised there. For a model linear in its parameters
 * (fitted on raw with least squares, no parameter fitted as its logarithm) that step lands on
 * the exact minimum, so a fit run through it must agree with Levenberg–Marquardt's. It counts
 * its runs, so a test can see that every phase of a fit went through it.
 */
public final class ExactLinearLeastSquares implements LocalMinimiser {
  private final AtomicLong runs = new AtomicLong();

  /** How many local minimisations ran through this minimiser. */
  public long runs() {
    return runs.get();
  }

  @Override
  public Worker on(FitProblem prob) {
    LeastSquaresPass nm = new LeastSquaresPass(prob);
    return (start, mult, tol, cancelled) -> {
      runs.incrementAndGet();
      int p = prob.parameters();
      double[] x = start.clone();
      if (!(nm.full(x, mult) < Double.POSITIVE_INFINITY)) {
        return new Result(x, Double.POSITIVE_INFINITY, 1, Status.FAILED, Double.NaN);
      }
      double[] step = new double[p];
      if (!DampedSteps.solve(nm.r, nm.qtr, new double[p], 0, new boolean[p], p, step)) {
        return new Result(x, nm.f, 1, Status.STALLED, Double.NaN);
      }
      for (int j = 0; j < p; j++) {
        x[j] += step[j];
      }
      double f = nm.objective(x, mult);
      return new Result(x, f, 2, Status.CONVERGED, 0);
    };
  }
}
