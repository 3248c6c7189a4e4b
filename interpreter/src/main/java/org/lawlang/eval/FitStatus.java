package org.lawlang.eval;

import java.util.List;
import org.lawlang.semantics.Param;
import org.lawlang.solve.LevenbergMarquardt;
import org.lawlang.syntax.NumberFormat;

/**
 * Judges a fit's status, in order of severity: failed, iteration-limit, at-bound,
 * not-identifiable (two parameters correlated beyond ±0.99999, so the data cannot tell them
 * apart), ill-conditioned (condition number of the column-scaled Jacobian above 1e10), converged.
 */
final class FitStatus {
  static final double CORRELATION_LIMIT = 0.99999;
  static final double CONDITION_LIMIT = 1e10;

  private FitStatus() {}

  /** {status word, one-line explanation}. */
  static String[] judge(List<Param> free, FitValue.Outcome o) {
    LevenbergMarquardt.Result best = o.best();
    if (best.status() == LevenbergMarquardt.Status.FAILED) {
      return new String[] {"failed", "the model could not be evaluated at the start"};
    }
    if (best.status() == LevenbergMarquardt.Status.STALLED) {
      return new String[] {"failed", "the solver stopped making progress before it converged (gradient cosine "
          + NumberFormat.show(best.gradientCosine(), 2) + ")"};
    }
    if (best.status() == LevenbergMarquardt.Status.ITERATION_LIMIT) {
      return new String[] {"iteration-limit", "the solver reached its limit of " + best.iterations()
          + " evaluations before it converged (gradient cosine " + NumberFormat.show(best.gradientCosine(), 2) + ")"};
    }
    if (!o.atBounds().isEmpty()) {
      StringBuilder s = new StringBuilder();
      o.atBounds().forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(v.equals("open lower")
          ? " tends to 0, which its bound > 0 excludes; declare " + k + " >= 0 to allow it" : " at its " + v + " bound"));
      return new String[] {"at-bound", s.toString()};
    }
    double[][] c = o.stats().correlation();
    for (int i = 0; i < c.length; i++) {
      for (int j = i + 1; j < c.length; j++) {
        if (!(Math.abs(c[i][j]) <= CORRELATION_LIMIT)) {
          return new String[] {"not-identifiable", free.get(i).name() + " and " + free.get(j).name()
              + " are correlated " + (Double.isNaN(c[i][j]) ? "completely (the Jacobian is singular)" : NumberFormat.show(c[i][j], 6))
              + "; the data cannot tell them apart"};
        }
      }
    }
    if (o.stats().condition() > CONDITION_LIMIT) {
      return new String[] {"ill-conditioned", "condition number " + NumberFormat.show(o.stats().condition(), 3)};
    }
    return new String[] {"converged", "condition number " + NumberFormat.show(o.stats().condition(), 3)};
  }
}
