package org.lawlang.eval;

import java.util.List;
import java.util.Objects;
import org.lawlang.diag.Span;
import org.lawlang.semantics.Law;
import org.lawlang.semantics.Param;
import org.lawlang.solve.FitProblem;

/**
 * A `fit` statement resolved and checked, everything {@link Fitting}'s stages read: the law
 * (its metadata carrying the input ranges it is fitted over), its free parameters with their
 * bounds, the dataset's name, the bound numeric problem (target, model and exact derivatives
 * over the rows, weights, loss and scale, bounds in solver coordinates), the starts, the seed
 * every random draw comes from, and the bootstrap's settings. Made by {@link FitSetup}, which
 * reports a script's mistakes with their place; the checks here guard the invariants the
 * stages rely on, so a spec that exists is one that can be fitted.
 */
record FitSpec(Span at, Law law, List<Param> free, String dataName, FitProblem problem, FitStarts.Starts starts, long seed,
    Bootstrap bootstrap) {
  /** `bootstrap n` (0: none) and `level` (the intervals' coverage, also of delta-method intervals). */
  record Bootstrap(int resamples, double level) {
    static final double DEFAULT_LEVEL = 0.95;

    Bootstrap {
      if (resamples < 0) {
        throw new IllegalArgumentException("resamples " + resamples);
      }
      if (!(level > 0 && level < 1)) {
        throw new IllegalArgumentException("level " + level);
      }
    }
  }

  FitSpec {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(law, "law");
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(starts, "starts");
    Objects.requireNonNull(bootstrap, "bootstrap");
    free = List.copyOf(free);
    if (free.isEmpty() || free.size() != problem.parameters()) {
      throw new IllegalArgumentException(free.size() + " free parameters for a problem of " + problem.parameters());
    }
    if (problem.rows() < free.size()) {
      throw new IllegalArgumentException(problem.rows() + " rows for " + free.size() + " parameters");
    }
    if (starts.size() == 0 || starts.neighbours().size() != starts.size()) {
      throw new IllegalArgumentException("no starts, or neighbours that do not match them");
    }
    for (double[] x : starts.points()) {
      if (x.length != free.size()) {
        throw new IllegalArgumentException("a start of " + x.length + " values for " + free.size() + " parameters");
      }
    }
  }

  /** The same fit from other starts (the default start alone when law's own grid would be too much work). */
  FitSpec withStarts(FitStarts.Starts other) {
    return new FitSpec(at, law, free, dataName, problem, other, seed, bootstrap);
  }

  /** What is minimised, as the report's first line says it: "Huber (delta 0.001) on log". */
  String objectiveText() {
    return problem.loss().text() + (problem.logScale() ? " on log" : " on raw");
  }
}
