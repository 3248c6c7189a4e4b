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
import org.lawlang.diag.Span;
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
 * The fitting service: a `fit` statement becomes a {@link FitSpec} ({@link FitSetup}), which
 * goes through named stages — plan, screen, search, polish, restart, bootstrap, judge — each
 * taking the previous one's result and returning its own, and ends as a {@link FitValue}. Every
 * local fit runs the {@link LocalMinimiser} given at construction. Registered in
 * {@link Services#standard()}.
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
    FitSpec spec = plan(new FitSetup(node, in, env).spec(), in.session());
    Run run = new Run(spec, in, options(in.session()));
    long t0 = System.nanoTime();
    Screened screened = screen(run);
    Searched searched = search(run, screened);
    Polished polished = polish(run, searched);
    Found found = restart(run, polished);
    long t1 = System.nanoTime();
    Bootstrapped boot = bootstrap(run, found, polished);
    long t2 = System.nanoTime();
    return judge(run, found, boot, new FitValue.Cost(found.evaluations() + boot.evaluations(), (t1 - t0) * 1e-9,
        spec.bootstrap().resamples() > 0 ? (t2 - t1) * 1e-9 : 0));
  }

  /** A fit in progress: its spec, the interpreter (for cancellation and warnings) and the batch options. */
  private record Run(FitSpec spec, Interpreter in, MultiStart.Options opts) {
    FitProblem prob() {
      return spec.problem();
    }

    void checkCancelled() {
      in.checkCancelled(spec.at());
    }
  }

  /** Every start (solver coordinates) and the indices of those the screen keeps for a local search. */
  private record Screened(List<double[]> all, int[] kept) {}

  /** The starts searched (their indices and points) and each search's result, at the screening tolerance. */
  private record Searched(Screened screened, int[] indices, List<double[]> thetas, Result[] results) {}

  /**
   * The searches with the best few polished to the strict tolerance: their results (polished
   * ones carry the evaluations of both runs), the searched indices ranked by the unpolished
   * objective, and the index of the best after polishing.
   */
  private record Polished(Searched searched, Result[] results, Integer[] order, int best) {}

  /** The optimum (after any restarts), the statistics at it, how the search went and its evaluations. */
  private record Found(Result best, FitStatistics stats, FitValue.Search search, long evaluations) {}

  /** The bootstrap's summary ({@link FitValue.Resampling#NONE} without one) and its evaluations. */
  private record Bootstrapped(FitValue.Resampling resampling, long evaluations) {}

  private MultiStart.Options options(Session session) {
    return new MultiStart.Options(minimiser, Math.max(1, session.settings().threads()), LocalMinimiser.Tolerances.standard(),
        session::cancelled, session.progress()::advance, session.limits().executor());
  }

  /**
   * Plan: checks the work the fit asks for against the limit. An automatic grid that would
   * pass it gives way to the default start (law chose that grid, so it never stops a fit the
   * script did not ask to be large); starts or resamples the script asked for are an error.
   */
  private static FitSpec plan(FitSpec spec, Session session) {
    int rows = spec.problem().rows();
    FitStarts.Starts starts = spec.starts();
    if (starts.note() != null && starts.size() > 1 && work(spec, starts.size(), REFIT_STARTS + 1) > workLimit(session)) {
      spec = spec.withStarts(FitStarts.single(spec.free(), "the default start: an automatic grid of " + starts.size()
          + " points over " + rows + " rows would pass the work limit (LAW_FIT_MAX_WORK)"));
    }
    checkWork(session, spec, spec.starts().size(), Math.min(spec.starts().size(), REFIT_STARTS) + 1);
    return spec;
  }

  /** Screen: on a grid, only the starts no neighbour beats (and the best few) are searched. */
  private static Screened screen(Run run) {
    List<double[]> all = run.spec().starts().points().stream().map(run.prob()::theta).toList();
    int[] kept = MultiStart.screen(run.prob(), all, run.spec().starts().neighbours(), run.opts());
    run.checkCancelled();
    return new Screened(all, kept);
  }

  /**
   * Search: a local fit from every screened start, to the screening tolerance when there are
   * more than {@link #POLISH}. When no screened search converged the screen is not to be
   * trusted here, so every start is searched.
   */
  private static Searched search(Run run, Screened screened) {
    int[] indices = screened.kept();
    List<double[]> thetas = pick(screened.all(), indices);
    Result[] results = searchAll(run, thetas);
    if (indices.length < screened.all().size() && !bestConverged(results)) {
      indices = java.util.stream.IntStream.range(0, screened.all().size()).toArray();
      thetas = screened.all();
      results = searchAll(run, thetas);
    }
    return new Searched(screened, indices, thetas, results);
  }

  /** Polish: the best {@link #POLISH} searches run on to the strict tolerance, and the best of them is chosen. */
  private static Polished polish(Run run, Searched searched) {
    Result[] results = searched.results();
    Integer[] order = new Integer[results.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> rank(results[i])).thenComparingInt(i -> i));
    Result[] polished = results.clone();
    if (searched.thetas().size() > POLISH) {
      List<double[]> from = new ArrayList<>();
      for (int k = 0; k < POLISH; k++) {
        from.add(results[order[k]].theta());
      }
      Result[] done = MultiStart.starts(run.prob(), from, run.opts().quiet());
      for (int k = 0; k < POLISH; k++) {
        Result a = results[order[k]];
        Result b = done[k];
        polished[order[k]] = new Result(b.theta(), b.f(), a.iterations() + b.iterations(), b.status(), b.gradientCosine());
      }
      run.checkCancelled();
    }
    int best = order[0];
    for (int k = 1; k < Math.min(POLISH, order.length); k++) {
      if (rank(polished[order[k]]) < rank(polished[best])) {
        best = order[k];
      }
    }
    return new Polished(searched, polished, order, best);
  }

  /**
   * Restart: when the best search did not converge, a few starts near it may; a fit whose
   * model is not finite anywhere is an error. Ends with the optimum, its statistics, how the
   * search went and the evaluations so far.
   */
  private static Found restart(Run run, Polished polished) {
    FitProblem prob = run.prob();
    Searched searched = polished.searched();
    List<double[]> all = searched.screened().all();
    long seed = run.spec().seed();
    Result best = polished.results()[polished.best()];
    String restartNote = null;
    long restartEvaluations = 0;
    int restarts = 0;
    boolean restarted = false;
    if (best.status() != LocalMinimiser.Status.CONVERGED) {
      MultiStart.Restarted rs = MultiStart.restart(prob, searched.thetas().get(polished.best()),
          best.f() < Double.POSITIVE_INFINITY ? best.f() : Double.POSITIVE_INFINITY, seed, run.opts());
      run.checkCancelled();
      restartEvaluations = rs.evaluations();
      restarts = rs.restarts();
      String why = switch (best.status()) {
        case STALLED -> "it stalled";
        case ITERATION_LIMIT -> "it ran out of evaluations";
        default -> "the model could not be evaluated there";
      };
      String from = (searched.thetas().size() == 1 ? "the start" : "the best failed start") + " (" + why + "; seed " + seed + ")";
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
      throw LawException.of(Msg.FIT_NOT_CONVERGED, run.spec().at(),
          "the weighted objective (the sum of weight × residual²) overflows at every start, though the model is finite")
          .hint("scale the weights down, e.g. divide them by their largest value; only their ratios matter");
    }
    if (best.status() == LocalMinimiser.Status.FAILED) {
      throw LawException.of(Msg.FIT_NOT_CONVERGED, run.spec().at(),
          "the model is not finite" + (prob.logScale() ? " and positive" : "") + " on every row at any start"
              + (restartNote != null ? ", nor at " + MultiStart.RESTART_RADII.length + " perturbations of it" : ""))
          .hint("choose starts where the law gives sensible values, e.g. starts at(...)");
    }
    int reached = restarted ? 1 : 0;
    for (Result r : searched.results()) {
      if (r.status() != LocalMinimiser.Status.FAILED && r.f() <= best.f() * (1 + 1e-6) + 1e-300) {
        reached++;
      }
    }
    int starts = run.spec().starts().size();
    long evaluations = (searched.indices().length < starts ? starts : 0) + restartEvaluations;
    for (Result r : polished.results()) {
      evaluations += r.iterations();
    }
    FitStatistics stats = FitStatistics.at(prob, best.theta());
    return new Found(best, stats, new FitValue.Search(starts, searched.indices().length, reached, run.spec().starts().note(),
        restartNote, restarts), evaluations);
  }

  /**
   * Bootstrap: refits to resamples of the rows, from the optimum and the next-best distinct
   * local optima of the full data, and their percentile intervals.
   */
  private static Bootstrapped bootstrap(Run run, Found found, Polished polished) {
    FitSpec.Bootstrap settings = run.spec().bootstrap();
    int resamples = settings.resamples();
    if (resamples == 0) {
      return new Bootstrapped(FitValue.Resampling.NONE, 0);
    }
    Interpreter in = run.in();
    Span at = run.spec().at();
    // a percentile interval needs a resample beyond each tail's quantile to mean anything
    int needed = (int) Math.ceil(2 / (1 - settings.level()));
    if (resamples < needed) {
      in.warnOnce("fit-few-resamples", Diagnostic.warning(Msg.FIT_FEW_RESAMPLES, at, resamples,
          resamples == 1 ? "resample is" : "resamples are", NumberFormat.show(settings.level() * 100), needed)
          .withHint("use bootstrap 1000 or more; the intervals shown are only the spread of these resamples"));
    }
    int refitStarts = Math.min(run.spec().starts().size(), REFIT_STARTS) + 1;
    List<double[]> refit = new ArrayList<>();
    Result best = found.best();
    refit.add(best.theta());
    double lastF = best.f();
    Integer[] order = polished.order();
    for (int k = 0; k < order.length && refit.size() < refitStarts; k++) {
      Result r = polished.results()[order[k]];
      if (r.status() != LocalMinimiser.Status.FAILED && r.f() > lastF * (1 + 1e-6)) {
        refit.add(r.theta());
        lastF = r.f();
      }
    }
    Progress progress = in.session().progress();
    MultiStart.Refit[] boot;
    progress.start("bootstrap: " + resamples + " resamples", resamples);
    try {
      boot = MultiStart.bootstrap(run.prob(), resamples, run.spec().seed(), refit, run.opts());
    } finally {
      progress.done();
    }
    run.checkCancelled();
    long evaluations = 0;
    int converged = 0;
    int limit = 0;
    double[][] refits = new double[boot.length][];
    for (int k = 0; k < boot.length; k++) {
      evaluations += boot[k].evaluations();
      converged += boot[k].converged() ? 1 : 0;
      limit += boot[k].status() == LocalMinimiser.Status.ITERATION_LIMIT ? 1 : 0;
      refits[k] = boot[k].natural();
    }
    if (converged < boot.length) {
      in.warnOnce("fit-bootstrap", Diagnostic.warning(Msg.FIT_NOT_CONVERGED, at,
          (boot.length - converged) + " of " + boot.length + " bootstrap refits did not converge; the intervals include their end points"));
    }
    return new Bootstrapped(new FitValue.Resampling(boot.length, refits, converged, boot.length - converged - limit, limit,
        percentiles(boot, run.prob().parameters(), settings.level())), evaluations);
  }

  /**
   * Judge: the fit's value, its status judged ({@link FitStatus}); every status but converged
   * warns, so no caveat hides in a report nobody prints. A solver that stopped early "did not
   * converge"; the others converged to something not to trust as it is.
   */
  private FitValue judge(Run run, Found found, Bootstrapped boot, FitValue.Cost cost) {
    FitSpec spec = run.spec();
    FitProblem prob = spec.problem();
    Result best = found.best();
    FitValue.Outcome outcome = new FitValue.Outcome(spec.objectiveText(), spec.dataName(),
        new FitValue.Optimum(prob.natural(best.theta()), prob.reported(best.f()), best, found.stats(),
            atBounds(spec.free(), prob, best.theta())),
        found.search(), boot.resampling(), spec.seed(), spec.bootstrap().level(), cost);
    double[] fitted = best.theta();
    MultiStart.Options opts = run.opts();
    FitValue value = new FitValue(spec.law(), spec.free(), outcome,
        () -> MultiStart.crossValidate(prob, 10, spec.seed(), fitted, opts));
    if (value.solverStopped()) {
      run.in().warnOnce("fit-status", Diagnostic.warning(Msg.FIT_NOT_CONVERGED, spec.at(), value.statusDetail()));
    } else if (!value.converged()) {
      run.in().warnOnce("fit-status", Diagnostic.warning(Msg.FIT_STATUS, spec.at(), value.status(), value.statusDetail())
          .withHint(spec.starts().size() == 1 && found.stats().r2() < 0 ? oneStartHint(spec.free(), found.stats().r2()) : null));
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
  private static Result[] searchAll(Run run, List<double[]> thetas) {
    Progress progress = run.in().session().progress();
    progress.start("fit: " + thetas.size() + (thetas.size() == 1 ? " local search" : " local searches"), thetas.size());
    Result[] results;
    try {
      MultiStart.Options opts = run.opts();
      results = MultiStart.starts(run.prob(), thetas, thetas.size() > POLISH ? opts.with(LocalMinimiser.Tolerances.screening()) : opts);
    } finally {
      progress.done();
    }
    run.checkCancelled();
    return results;
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

  private static double work(FitSpec spec, int starts, int refitStarts) {
    return (starts + (double) spec.bootstrap().resamples() * refitStarts) * spec.problem().rows();
  }

  private static void checkWork(Session session, FitSpec spec, int starts, int refitStarts) {
    double limit = workLimit(session);
    String raise = session.limits().maxWork() != null ? "ask the engine's owner for a larger maxWork"
        : "raise the limit with the environment variable LAW_FIT_MAX_WORK";
    double runs = starts + (double) spec.bootstrap().resamples() * refitStarts;
    double work = work(spec, starts, refitStarts);
    int rows = spec.problem().rows();
    if (work > limit) {
      throw LawException.of(Msg.LIMIT, spec.at(), "this fit would run " + NumberFormat.show(runs) + " local fits over "
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
