package org.lawlang.solve;

import java.util.function.BooleanSupplier;

/**
 * A local minimiser of a fit's objective from one start: what {@link MultiStart} runs for
 * every start, every bootstrap refit, every cross-validation fold and every restart after a
 * failure. {@link LevenbergMarquardt} is the one the interpreter uses; another is one class
 * implementing {@link #on}, passed in {@link MultiStart.Options}.
 *
 * <p>Coordinates are the solver's ({@link FitProblem#theta}: a parameter declared positive is
 * fitted as its logarithm) and the objective follows the ½ convention of {@link FitProblem}.
 */
public interface LocalMinimiser {
  /**
   * One worker's minimiser for {@code prob}, holding whatever buffers it reuses between runs:
   * a worker is used by one thread at a time, and each thread of a parallel phase asks for its own.
   */
  Worker on(FitProblem prob);

  /** A minimiser bound to one problem and one thread. */
  interface Worker {
    /**
     * Minimises from {@code start} (clamped to the box) with row multiplicities {@code mult}
     * (null for 1 each: a bootstrap resample or a cross-validation fold sets them), stopping
     * at {@code tol} or when {@code cancelled} says so (then with {@link Status#ITERATION_LIMIT}).
     */
    Result minimise(double[] start, double[] mult, Tolerances tol, BooleanSupplier cancelled);
  }

  /** How a run ended. */
  enum Status {
    CONVERGED, ITERATION_LIMIT, STALLED, FAILED
  }

  /** A run's end point (solver coordinates), objective (½ convention), evaluations and status. */
  record Result(double[] theta, double f, int iterations, Status status, double gradientCosine) {}

  /**
   * Tolerances: gradient cosine, relative reduction, the evaluation budget, and whether the run
   * is one of many screened starts (a minimiser may then take a faster path to the same
   * stopping rule; a polish or a single fit keeps the reference path).
   */
  record Tolerances(double gtol, double ftol, int maxEvaluations, boolean screen) {
    public Tolerances(double gtol, double ftol, int maxEvaluations) {
      this(gtol, ftol, maxEvaluations, false);
    }

    public Tolerances {
      if (!(gtol >= 0) || !(ftol >= 0) || maxEvaluations < 1) {
        throw new IllegalArgumentException("tolerances must be non-negative and the budget at least 1 evaluation");
      }
    }

    public static Tolerances standard() {
      return new Tolerances(1e-10, 1e-15, 10000);
    }

    /** For screening many starts: stops once the objective settles to about 1e-9 relative. */
    public static Tolerances screening() {
      return new Tolerances(1e-5, 1e-8, 300, true);
    }

    /** The gradient cosine below which tiny relative reductions count as convergence. */
    double settled() {
      return Math.max(1e-6, gtol * 100);
    }
  }
}
