package org.lawlang.eval;

import java.util.List;
import java.util.Map;
import org.lawlang.semantics.Param;
import org.lawlang.solve.FitStatistics;
import org.lawlang.solve.LocalMinimiser;
import org.lawlang.syntax.NumberFormat;

/**
 * A fit's status, judged in order of severity: failed, iteration-limit, at-bound,
 * not-identifiable, ill-conditioned (condition number of the column-scaled Jacobian above
 * 1e10), converged. Not-identifiable means the data cannot determine some direction in
 * parameter space, and names the parameters it moves: the column-scaled Jacobian is singular
 * to working precision ({@link FitStatistics#SINGULAR}), or a parameter's standard error is
 * more than {@link #RELATIVE_SE_LIMIT} times its own size. A high correlation alone is not:
 * strongly correlated parameters can each be well determined (NIST's Bennett5: correlation
 * 0.999997, relative standard errors 2–12%), so it is shown as a note in the status line.
 */
enum FitStatus {
  /** The solver could not evaluate the model, or stopped making progress. */
  FAILED("failed"),
  /** The solver ran out of evaluations. */
  ITERATION_LIMIT("iteration-limit"),
  /** Some parameter ended on a bound. */
  AT_BOUND("at-bound"),
  /** The data do not determine some direction in parameter space. */
  NOT_IDENTIFIABLE("not-identifiable"),
  /** Converged, but the column-scaled Jacobian's condition number exceeds {@link #CONDITION_LIMIT}. */
  ILL_CONDITIONED("ill-conditioned"),
  CONVERGED("converged");

  /** Correlations beyond this are noted in the status line (they do not decide the status). */
  static final double CORRELATION_LIMIT = 0.99999;
  static final double CONDITION_LIMIT = 1e10;
  /** See {@link FitStatistics#UNDETERMINED}. */
  static final double RELATIVE_SE_LIMIT = FitStatistics.UNDETERMINED;

  /** The word shown in reports, warnings, {@code f.status} and JSON. */
  final String text;

  FitStatus(String text) {
    this.text = text;
  }

  /** Whether the solver itself stopped before it converged (for lack of progress or of evaluations). */
  boolean solverStopped() {
    return this == FAILED || this == ITERATION_LIMIT;
  }

  /** Whether a value computed from the fit may carry a local (delta-method) interval. */
  boolean locallyNormal() {
    return this == CONVERGED || this == ILL_CONDITIONED;
  }

  /** A status with its one-line explanation. */
  record Verdict(FitStatus status, String detail) {
    Verdict {
      java.util.Objects.requireNonNull(status, "status");
      java.util.Objects.requireNonNull(detail, "detail");
    }
  }

  /** Judges a finished fit. */
  static Verdict judge(List<Param> free, FitValue.Outcome o) {
    LocalMinimiser.Result best = o.optimum().best();
    String restarts = o.search().restartNote() == null ? "" : "; " + o.search().restartNote();
    switch (best.status()) {
      case FAILED:
        return new Verdict(FAILED, "the model could not be evaluated at the start");
      case STALLED:
        return new Verdict(FAILED, "the solver stopped making progress before it converged (gradient cosine "
            + NumberFormat.show(best.gradientCosine(), 2) + ")" + restarts);
      case ITERATION_LIMIT:
        return new Verdict(ITERATION_LIMIT, "the solver reached its limit of " + best.iterations()
            + " evaluations before it converged (gradient cosine " + NumberFormat.show(best.gradientCosine(), 2) + ")"
            + restarts);
      case CONVERGED:
        break;
    }
    Map<String, String> atBounds = o.optimum().atBounds();
    if (!atBounds.isEmpty()) {
      StringBuilder s = new StringBuilder();
      atBounds.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(v.equals("open lower")
          ? " tends to 0, which its bound > 0 excludes; declare " + k + " >= 0 to allow it" : " at its " + v + " bound"));
      return new Verdict(AT_BOUND, s.toString());
    }
    FitStatistics st = o.optimum().stats();
    int[] confounded = st.confounded();
    if (confounded.length > 0 && (st.singular() <= FitStatistics.SINGULAR || Double.isNaN(st.correlation()[0][0]))) {
      // a singular Jacobian leaves every correlation NaN: name the parameters its null space moves
      return new Verdict(NOT_IDENTIFIABLE, confoundedText(free, confounded));
    }
    int worst = -1;
    double[] rel = st.relativeSe();
    for (int j = 0; j < rel.length; j++) {
      if (rel[j] > RELATIVE_SE_LIMIT && (worst < 0 || rel[j] > rel[worst])) {
        worst = j;
      }
    }
    if (worst >= 0) {
      return new Verdict(NOT_IDENTIFIABLE, undeterminedText(free, st, worst));
    }
    String note = correlationNote(free, st);
    if (st.condition() > CONDITION_LIMIT) {
      return new Verdict(ILL_CONDITIONED, "condition number " + condition(st.condition()) + note);
    }
    return new Verdict(CONVERGED, "condition number " + condition(st.condition()) + note);
  }

  /** The largest relative standard error of these statistics (NaN when none is defined). */
  static double largestRelativeSe(FitStatistics st) {
    double out = Double.NaN;
    for (double r : st.relativeSe()) {
      if (!Double.isNaN(r) && !(r <= out)) {
        out = r;
      }
    }
    return out;
  }

  /** "; b1 and b3 are correlated 0.999997, …" for the most correlated pair beyond the limit, else "". */
  static String correlationNote(List<Param> free, FitStatistics st) {
    double[][] c = st.correlation();
    int bi = -1;
    int bj = -1;
    for (int i = 0; i < c.length; i++) {
      for (int j = i + 1; j < c.length; j++) {
        if (Math.abs(c[i][j]) > CORRELATION_LIMIT && (bi < 0 || Math.abs(c[i][j]) > Math.abs(c[bi][bj]))) {
          bi = i;
          bj = j;
        }
      }
    }
    if (bi < 0) {
      return "";
    }
    double largest = largestRelativeSe(st);
    return "; " + free.get(bi).name() + " and " + free.get(bj).name() + " are correlated " + NumberFormat.show(c[bi][bj], 6)
        + (Double.isFinite(largest) ? ", yet every standard error is at most " + NumberFormat.show(largest, 3)
            + " of its estimate" : "");
  }

  /** Why the data do not determine the parameters of the weakest relative direction (parameter {@code worst} among them). */
  static String undeterminedText(List<Param> free, FitStatistics st, int worst) {
    int[] idx = st.undetermined();
    boolean has = false;
    for (int j : idx) {
      has |= j == worst;
    }
    if (!has) {
      idx = new int[] {worst};
    }
    double rel = st.relativeSe()[worst];
    String size = Double.isInfinite(rel) ? "its estimate is 0 and its standard error " + NumberFormat.show(st.se()[worst], 3)
        : "its standard error is " + NumberFormat.show(rel, 3) + " times its estimate";
    if (idx.length == 1) {
      return "the data do not determine " + free.get(worst).name() + ": " + size
          + ", so neither its sign nor its size is known";
    }
    return names(free, idx) + " cannot be told apart: the model hardly changes when they move together in one direction ("
        + free.get(worst).name() + ": " + size + "), so the data fix only a combination of them";
  }

  private static String names(List<Param> free, int[] idx) {
    StringBuilder names = new StringBuilder();
    for (int k = 0; k < idx.length; k++) {
      names.append(k == 0 ? "" : k == idx.length - 1 ? " and " : ", ").append(free.get(idx[k]).name());
    }
    return names.toString();
  }

  /** Why the parameters at these indices are not identifiable: the Jacobian is singular, and they span its null direction. */
  static String confoundedText(List<Param> free, int[] idx) {
    if (idx.length == 1) {
      return free.get(idx[0]).name() + " does not change the model here (its Jacobian column is zero), so the data cannot fix it";
    }
    return names(free, idx) + " cannot be told apart: the model does not change when they move together in one direction"
        + " (the Jacobian is singular), so the data fix only a combination of them";
  }

  private static String condition(double c) {
    return Double.isFinite(c) ? NumberFormat.show(c, 3) : "undefined (the Jacobian is singular)";
  }
}
