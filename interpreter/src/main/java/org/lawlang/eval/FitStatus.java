package org.lawlang.eval;

import java.util.List;
import org.lawlang.semantics.Param;
import org.lawlang.solve.LevenbergMarquardt;
import org.lawlang.syntax.NumberFormat;

/**
 * Judges a fit's status, in order of severity: failed, iteration-limit, at-bound,
 * not-identifiable (a singular Jacobian, naming the parameters its null space moves, or two
 * parameters correlated beyond ±0.99999, so the data cannot tell them apart), ill-conditioned (condition number of the column-scaled Jacobian above 1e10), converged.
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
    int[] confounded = o.stats().confounded();
    if (confounded.length > 0 && Double.isNaN(o.stats().correlation()[0][0])) {
      // a singular Jacobian leaves every correlation NaN: name the parameters its null space moves
      return new String[] {"not-identifiable", confoundedText(free, confounded, null)};
    }
    double[][] c = o.stats().correlation();
    for (int i = 0; i < c.length; i++) {
      for (int j = i + 1; j < c.length; j++) {
        if (!(Math.abs(c[i][j]) <= CORRELATION_LIMIT)) {
          if (confounded.length >= 2) {
            // near a null direction every pair correlates, so the first pair may be the wrong one:
            // the weakest direction of the Jacobian names the right parameters
            return new String[] {"not-identifiable", confoundedText(free, confounded, c)};
          }
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

  /**
   * Why the parameters at these indices are not identifiable: for a singular Jacobian
   * ({@code c} null), or a nearly singular one (then with the correlation of the first two).
   */
  static String confoundedText(List<Param> free, int[] idx, double[][] c) {
    if (idx.length == 1) {
      return free.get(idx[0]).name() + " does not change the model here (its Jacobian column is zero), so the data cannot fix it";
    }
    StringBuilder names = new StringBuilder();
    for (int k = 0; k < idx.length; k++) {
      names.append(k == 0 ? "" : k == idx.length - 1 ? " and " : ", ").append(free.get(idx[k]).name());
    }
    String why = c == null ? "does not change when they move together in one direction (the Jacobian is singular)"
        : "hardly changes when they move together in one direction (" + free.get(idx[0]).name() + " and "
            + free.get(idx[1]).name() + " are correlated " + NumberFormat.show(c[idx[0]][idx[1]], 6) + ")";
    return names + " cannot be told apart: the model " + why + ", so the data fix only a combination of them";
  }
}
