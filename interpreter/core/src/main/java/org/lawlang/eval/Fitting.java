package org.lawlang.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lawlang.diag.Diagnostic;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.semantics.LawMeta;
import org.lawlang.semantics.Param;
import org.lawlang.solve.FitProblem;
import org.lawlang.solve.FitStatistics;
import org.lawlang.solve.LevenbergMarquardt;
import org.lawlang.solve.LocalMinimiser;
import org.lawlang.solve.LocalMinimiser.Result;
import org.lawlang.solve.MultiStart;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.NumberFormat;

/**
 * The fitting service: builds the problem ({@link FitSetup}), runs every start in parallel
 * and keeps the best, optionally bootstraps, judges the status and returns a {@link FitValue}.
 * Registered in {@link Services#standard()}.
 */
public final class Fitting implements Services.FitService {
  /** Default cap on (local fits × rows), about a quarter of an hour of work; LAW_FIT_MAX_WORK raises it. */
  static final double DEFAULT_MAX_WORK = 5e8;
  /** Bootstrap refits start from the best solution and this many of the best other starts. */
  static final int REFIT_STARTS = Integer.getInteger("law.fit.refitStarts", 1);
  /** How many of the best screened starts are polished to the strict tolerance. */
  static final int POLISH = 8;

  /** Runs every local fit: each start, polish, restart, bootstrap refit and cross-validation fold. */
  private final LocalMinimiser minimiser;

  /** Fitting with Levenberg–Marquardt, the interpreter's local minimiser. */
  public Fitting() {
    this(LevenbergMarquardt.METHOD);
  }

  /** Fitting whose every local fit runs {@code minimiser} (an embedder's or a test's own). */
  public Fitting(LocalMinimiser minimiser) {
    this.minimiser = java.util.Objects.requireNonNull(minimiser, "minimiser");
  }

  @Override
  public Value fit(Expr.Fit node, Interpreter in, Env env) {
    FitSetup setup = new FitSetup(node, in, env);
    FitProblem prob = setup.build();
    long seed = setup.seed != null ? setup.seed : in.session().settings().seed();
    FitStarts.Starts starts = FitStarts.of(setup, seed);
    if (starts.note() != null && starts.size() > 1 && work(setup, starts.size(), REFIT_STARTS + 1, prob.rows()) > workLimit(in.session())) {
      // law chose this grid, so it never stops a fit the script did not ask to be large
      starts = FitStarts.single(setup, "the default start: an automatic grid of " + starts.size() + " points over "
          + prob.rows() + " rows would pass the work limit (LAW_FIT_MAX_WORK)");
    }
    int refitStarts = Math.min(starts.size(), REFIT_STARTS) + 1;
    checkWork(in.session(), setup, starts.size(), refitStarts, prob.rows());
    Session session = in.session();
    Progress progress = session.progress();
    MultiStart.Options opts = new MultiStart.Options(minimiser, Math.max(1, session.settings().threads()),
        LocalMinimiser.Tolerances.standard(), session::cancelled, progress::advance, session.limits().executor());
    List<double[]> all = starts.points().stream().map(prob::theta).toList();
    long t0 = System.nanoTime();
    int[] searched = MultiStart.screen(prob, all, starts.neighbours(), opts);
    in.checkCancelled(node.span());
    List<double[]> thetas = pick(all, searched);
    Result[] results = search(prob, thetas, opts, progress);
    in.checkCancelled(node.span());
    if (searched.length < all.size() && !bestConverged(results)) {
      // no screened search converged: the screen is not to be trusted here, so search them all
      searched = java.util.stream.IntStream.range(0, all.size()).toArray();
      thetas = all;
      results = search(prob, thetas, opts, progress);
      in.checkCancelled(node.span());
    }
    final Result[] found = results;
    Integer[] order = new Integer[results.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> rank(found[i])).thenComparingInt(i -> i));
    Result[] polished = results.clone();
    if (thetas.size() > POLISH) {
      List<double[]> from = new ArrayList<>();
      for (int k = 0; k < POLISH; k++) {
        from.add(results[order[k]].theta());
      }
      Result[] done = MultiStart.starts(prob, from, opts.quiet());
      for (int k = 0; k < POLISH; k++) {
        Result a = results[order[k]];
        Result b = done[k];
        polished[order[k]] = new Result(b.theta(), b.f(), a.iterations() + b.iterations(), b.status(), b.gradientCosine());
      }
      in.checkCancelled(node.span());
    }
    int bestIndex = order[0];
    for (int k = 1; k < Math.min(POLISH, order.length); k++) {
      if (rank(polished[order[k]]) < rank(polished[bestIndex])) {
        bestIndex = order[k];
      }
    }
    Result best = polished[bestIndex];
    String restartNote = null;
    long restartEvaluations = 0;
    int restarts = 0;
    boolean restarted = false;
    if (best.status() != LocalMinimiser.Status.CONVERGED) {
      // a start near the given one may converge where it did not: try a few before reporting failure
      MultiStart.Restarted rs = MultiStart.restart(prob, thetas.get(bestIndex),
          best.f() < Double.POSITIVE_INFINITY ? best.f() : Double.POSITIVE_INFINITY, seed, opts);
      in.checkCancelled(node.span());
      restartEvaluations = rs.evaluations();
      restarts = rs.restarts();
      String why = switch (best.status()) {
        case STALLED -> "it stalled";
        case ITERATION_LIMIT -> "it ran out of evaluations";
        default -> "the model could not be evaluated there";
      };
      String from = (thetas.size() == 1 ? "the start" : "the best failed start") + " (" + why + "; seed " + seed + ")";
      if (rs.result() != null) {
        best = rs.result();
        restarted = true;
        restartNote = "converged after " + rs.restarts() + (rs.restarts() == 1 ? " restart" : " restarts")
            + " from perturbations of " + from;
      } else {
        restartNote = rs.restarts() + " restarts from perturbations of " + from + " did not converge either"
            + (best.f() < Double.POSITIVE_INFINITY ? " (to an objective as low as the failed search's)" : "");
      }
    }
    if (best.status() == LocalMinimiser.Status.FAILED && prob.weighted() && all.stream().anyMatch(prob::residualsFinite)) {
      throw LawException.of(Msg.FIT_NOT_CONVERGED, node.span(),
          "the weighted objective (the sum of weight × residual²) overflows at every start, though the model is finite")
          .hint("scale the weights down, e.g. divide them by their largest value; only their ratios matter");
    }
    if (best.status() == LocalMinimiser.Status.FAILED) {
      throw LawException.of(Msg.FIT_NOT_CONVERGED, node.span(),
          "the model is not finite" + (prob.logScale() ? " and positive" : "") + " on every row at any start"
              + (restartNote != null ? ", nor at " + MultiStart.RESTART_RADII.length + " perturbations of it" : ""))
          .hint("choose starts where the law gives sensible values, e.g. starts at(...)");
    }
    int reached = restarted ? 1 : 0;
    for (Result r : results) {
      if (r.status() != LocalMinimiser.Status.FAILED && r.f() <= best.f() * (1 + 1e-6) + 1e-300) {
        reached++;
      }
    }
    long evaluations = (searched.length < starts.size() ? starts.size() : 0) + restartEvaluations;
    for (Result r : polished) {
      evaluations += r.iterations();
    }
    long t1 = System.nanoTime();
    FitStatistics stats = FitStatistics.at(prob, best.theta());
    double[][] intervals = null;
    MultiStart.Refit[] boot = null;
    int bootConverged = 0;
    if (setup.bootstrap > 0) {
      // a percentile interval needs a resample beyond each tail's quantile to mean anything
      int needed = (int) Math.ceil(2 / (1 - setup.level));
      if (setup.bootstrap < needed) {
        in.warnOnce("fit-few-resamples", Diagnostic.warning(Msg.FIT_FEW_RESAMPLES, node.span(), setup.bootstrap,
            setup.bootstrap == 1 ? "resample is" : "resamples are", NumberFormat.show(setup.level * 100), needed)
            .withHint("use bootstrap 1000 or more; the intervals shown are only the spread of these resamples"));
      }
      // refits start from the optimum and from the next-best distinct local optima of the full data
      List<double[]> refit = new ArrayList<>();
      refit.add(best.theta());
      double lastF = best.f();
      for (int k = 0; k < order.length && refit.size() < refitStarts; k++) {
        Result r = polished[order[k]];
        if (r.status() != LocalMinimiser.Status.FAILED && r.f() > lastF * (1 + 1e-6)) {
          refit.add(r.theta());
          lastF = r.f();
        }
      }
      progress.start("bootstrap: " + setup.bootstrap + " resamples", setup.bootstrap);
      try {
        boot = MultiStart.bootstrap(prob, setup.bootstrap, seed, refit, opts);
      } finally {
        progress.done();
      }
      in.checkCancelled(node.span());
      for (MultiStart.Refit r : boot) {
        evaluations += r.evaluations();
      }
      intervals = percentiles(boot, prob.parameters(), setup.level);
      for (MultiStart.Refit r : boot) {
        bootConverged += r.converged() ? 1 : 0;
      }
      if (bootConverged < boot.length) {
        in.warnOnce("fit-bootstrap", Diagnostic.warning(Msg.FIT_NOT_CONVERGED, node.span(),
            (boot.length - bootConverged) + " of " + boot.length + " bootstrap refits did not converge; the intervals include their end points"));
      }
    }
    long t2 = System.nanoTime();
    FitValue.Resampling resampling = FitValue.Resampling.NONE;
    if (boot != null) {
      double[][] refits = new double[boot.length][];
      int limit = 0;
      for (int k = 0; k < boot.length; k++) {
        refits[k] = boot[k].natural();
        limit += boot[k].status() == LocalMinimiser.Status.ITERATION_LIMIT ? 1 : 0;
      }
      resampling = new FitValue.Resampling(boot.length, refits, bootConverged, boot.length - bootConverged - limit, limit, intervals);
    }
    FitValue.Outcome outcome = new FitValue.Outcome(setup.loss.text() + (prob.logScale() ? " on log" : " on raw"),
        setup.data.name(),
        new FitValue.Optimum(prob.natural(best.theta()), prob.reported(best.f()), best, stats, atBounds(setup.free, prob, best.theta())),
        new FitValue.Search(starts.size(), searched.length, reached, starts.note(), restartNote, restarts),
        resampling, seed, setup.level,
        new FitValue.Cost(evaluations, (t1 - t0) * 1e-9, setup.bootstrap > 0 ? (t2 - t1) * 1e-9 : 0));
    LawMeta meta = setup.law.meta();
    FitValue value = new FitValue(setup.law.withMeta(new LawMeta(meta.cite(), meta.doc(), meta.unit(), setup.inputRanges(), meta.inputs())),
        setup.free, outcome);
    double[] fitted = best.theta();
    value.crossValidation(() -> MultiStart.crossValidate(prob, 10, seed, fitted, opts));
    // every status but converged warns, so no caveat hides in a report nobody prints; a solver
    // that stopped early "did not converge", the others converged to something not to trust as it is
    if (value.solverStopped()) {
      in.warnOnce("fit-status", Diagnostic.warning(Msg.FIT_NOT_CONVERGED, node.span(), value.statusDetail()));
    } else if (!value.converged()) {
      in.warnOnce("fit-status", Diagnostic.warning(Msg.FIT_STATUS, node.span(), value.status(), value.statusDetail())
          .withHint(starts.size() == 1 && stats.r2() < 0 ? oneStartHint(setup.free, stats.r2()) : null));
    }
    return value;
  }

  /**
   * After a fit from a single start that ended worse than a constant: the one start is the
   * likely cause (a power law's exponents started at 1 often slide to a bound), so say how to
   * give more, with a grid over the parameters that have both bounds (the exponents, usually).
   */
  private static String oneStartHint(List<Param> free, double r2) {
    List<Param> order = new ArrayList<>(free);
    order.sort(Comparator.comparing((Param p) -> !(Double.isFinite(p.lo()) && Double.isFinite(p.hi()))));
    StringBuilder grid = new StringBuilder();
    for (Param p : order.subList(0, Math.min(2, order.size()))) {
      boolean bounded = Double.isFinite(p.lo()) && Double.isFinite(p.hi());
      grid.append(grid.length() == 0 ? "" : ", ").append(p.name()).append(" = ")
          .append(bounded ? NumberFormat.show(p.lo()) + ".." + NumberFormat.show(p.hi())
              + " by " + NumberFormat.show((p.hi() - p.lo()) / 4) : "[0.1, 1, 10]");
    }
    return "from a single start (each parameter at its 'start' value, else 1) the fit ends worse than a constant (R² "
        + NumberFormat.show(r2) + "); search from several: starts grid(" + grid + ") or starts random(50)";
  }

  private static List<double[]> pick(List<double[]> all, int[] indices) {
    List<double[]> out = new ArrayList<>(indices.length);
    for (int i : indices) {
      out.add(all.get(i));
    }
    return out;
  }

  /** Every start to a screening tolerance (the best few are polished to the strict one later). */
  private static Result[] search(FitProblem prob, List<double[]> thetas, MultiStart.Options opts, Progress progress) {
    progress.start("fit: " + thetas.size() + (thetas.size() == 1 ? " local search" : " local searches"), thetas.size());
    try {
      MultiStart.Options screen = thetas.size() > POLISH ? opts.with(LocalMinimiser.Tolerances.screening()) : opts;
      return MultiStart.starts(prob, thetas, screen);
    } finally {
      progress.done();
    }
  }

  private static boolean bestConverged(Result[] results) {
    Result best = null;
    for (Result r : results) {
      if (best == null || rank(r) < rank(best)) {
        best = r;
      }
    }
    return best != null && best.status() == LocalMinimiser.Status.CONVERGED;
  }

  private static double rank(Result r) {
    return r.status() == LocalMinimiser.Status.FAILED || Double.isNaN(r.f()) ? Double.POSITIVE_INFINITY : r.f();
  }

  /** The cap on (local fits × rows): the engine's own, else LAW_FIT_MAX_WORK or law.fit.maxWork, else the default. */
  private static double workLimit(Session session) {
    Double own = session.limits().maxWork();
    return own != null ? own : processWorkLimit();
  }

  private static double processWorkLimit() {
    String env = System.getenv("LAW_FIT_MAX_WORK");
    String prop = System.getProperty("law.fit.maxWork", env);
    if (prop != null) {
      try {
        return Double.parseDouble(prop.trim());
      } catch (NumberFormatException e) {
        return DEFAULT_MAX_WORK;
      }
    }
    return DEFAULT_MAX_WORK;
  }

  private static double work(FitSetup s, int starts, int refitStarts, int rows) {
    return (starts + (double) s.bootstrap * refitStarts) * rows;
  }

  private static void checkWork(Session session, FitSetup s, int starts, int refitStarts, int rows) {
    double limit = workLimit(session);
    String raise = session.limits().maxWork() != null ? "ask the engine's owner for a larger maxWork"
        : "raise the limit with the environment variable LAW_FIT_MAX_WORK";
    double runs = starts + (double) s.bootstrap * refitStarts;
    double work = work(s, starts, refitStarts, rows);
    if (work > limit) {
      throw LawException.of(Msg.LIMIT, s.node.span(), "this fit would run " + NumberFormat.show(runs) + " local fits over "
          + rows + " rows (" + NumberFormat.show(work) + " row-fits), more than the limit of " + NumberFormat.show(limit))
          .hint("use fewer starts or resamples, or " + raise);
    }
  }

  /** Per parameter: the names of parameters that ended on a bound, with the bound's side. */
  private static Map<String, String> atBounds(List<Param> free, FitProblem prob, double[] theta) {
    Map<String, String> out = new LinkedHashMap<>();
    boolean[] open = LevenbergMarquardt.atOpenBound(prob, theta);
    for (int j = 0; j < free.size(); j++) {
      if (open[j]) {
        out.put(free.get(j).name(), "open lower");
      } else if (theta[j] <= prob.lo(j) && Double.isFinite(prob.lo(j))) {
        out.put(free.get(j).name(), "lower");
      } else if (theta[j] >= prob.hi(j) && Double.isFinite(prob.hi(j))) {
        out.put(free.get(j).name(), "upper");
      }
    }
    return out;
  }

  /** Percentile intervals (linear interpolation between order statistics, as numpy's default). */
  static double[][] percentiles(MultiStart.Refit[] boot, int p, double level) {
    double[][] out = new double[p][2];
    double[] xs = new double[boot.length];
    for (int j = 0; j < p; j++) {
      for (int k = 0; k < boot.length; k++) {
        xs[k] = boot[k].natural()[j];
      }
      Arrays.sort(xs);
      out[j][0] = quantile(xs, (1 - level) / 2);
      out[j][1] = quantile(xs, (1 + level) / 2);
    }
    return out;
  }

  static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
