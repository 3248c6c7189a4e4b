package org.lawlang.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Span;
import org.lawlang.semantics.Law;
import org.lawlang.semantics.Param;
import org.lawlang.solve.FitStatistics;
import org.lawlang.solve.LocalMinimiser;

/**
 * The value of a `fit`: the law with its fitted values fixed (so it is called, printed by
 * name, minimised and passed around like any law) plus the fit's report. Fields: each
 * parameter; {@code status}, {@code converged}, {@code objective}, {@code rss}, {@code r2},
 * {@code aic}, {@code bic}, {@code n}, {@code p}, {@code iterations}, {@code starts},
 * {@code searched} (local searches run: a grid searches only from its local minima),
 * {@code reached} (local searches that reached the best objective), {@code condition}; records
 * {@code se} ({@code f.se.alpha}), {@code ci} ({@code f.ci.alpha} is [lo, hi], after a
 * bootstrap) and {@code correlation} ({@code f.correlation.A.alpha}); {@code law} (the plain law).
 */
public final class FitValue extends LawValue implements FitReport {
  /**
   * Everything the engine found: what was fitted ({@code objectiveText}, e.g. "least squares on
   * log"; {@code dataName}), the optimum, how the search went, the bootstrap (or
   * {@link Resampling#NONE}), the seed and interval level the fit used, and its cost.
   */
  record Outcome(String objectiveText, String dataName, Optimum optimum, Search search, Resampling bootstrap, long seed,
      double level, Cost cost) {
    Outcome {
      java.util.Objects.requireNonNull(optimum, "optimum");
      java.util.Objects.requireNonNull(search, "search");
      java.util.Objects.requireNonNull(bootstrap, "bootstrap");
      if (!(level > 0 && level < 1)) {
        throw new IllegalArgumentException("level " + level);
      }
    }
  }

  /**
   * The best point: its estimates (natural units), objective (as reported), the local run that
   * ended there, the statistics at it, and the parameters that ended on a bound (name to
   * "lower", "upper" or "open lower").
   */
  record Optimum(double[] estimates, double objective, LocalMinimiser.Result best, FitStatistics stats,
      Map<String, String> atBounds) {}

  /**
   * How the starts went: how many there were, how many were searched locally, how many of
   * those reached the best objective; the note on starts law chose itself (null when the
   * script gave them), and the restarts after a failed search (their note, null if none ran).
   */
  record Search(int starts, int searched, int reached, String startsNote, String restartNote, int restarts) {}

  /**
   * A bootstrap: the number of resamples, each refit's parameters (member k, parameter j),
   * how many refits converged, failed (no progress) or hit the iteration limit, and the
   * percentile intervals (parameter j: [lo, hi]). {@link #NONE} without a bootstrap.
   */
  record Resampling(int resamples, double[][] refits, int converged, int failed, int iterationLimit, double[][] intervals) {
    static final Resampling NONE = new Resampling(0, null, 0, 0, 0, null);

    Resampling {
      if (resamples < 0 || (resamples == 0) != (refits == null) || (refits != null && refits.length != resamples)
          || converged + failed + iterationLimit > resamples) {
        throw new IllegalArgumentException("an inconsistent bootstrap summary");
      }
    }
  }

  /** Local-solver evaluations in all, and the wall time of the fit and of its bootstrap. */
  record Cost(long evaluations, double fitSeconds, double bootstrapSeconds) {}

  private final List<Param> free;
  private final Outcome o;
  private final FitStatus status;
  private final String detail;
  /** The bootstrap's refitted parameters (member k, parameter j in the order of {@link #free}), or null. */
  private final double[][] ensemble;
  private final Law[] members;
  /** The law as declared, its fitted parameters free (for the delta method's derivatives). */
  private final Law unfitted;
  /** The parameters' covariance (null until asked; empty when a standard error is undefined). */
  private double[][] covariance;

  /** {@code crossValidation} computes the 10-fold cross-validated loss (refitting ten times) when first asked. */
  FitValue(Law law, List<Param> free, Outcome o, java.util.function.DoubleSupplier crossValidation) {
    super(law.withFixed(values(free, o.optimum().estimates())));
    this.crossValidation = java.util.Objects.requireNonNull(crossValidation, "crossValidation");
    this.unfitted = law;
    this.free = free;
    this.o = o;
    FitStatus.Verdict verdict = FitStatus.judge(free, o);
    status = verdict.status();
    detail = verdict.detail();
    ensemble = o.bootstrap().refits();
    members = ensemble == null ? null : new Law[ensemble.length];
  }

  private static Map<String, Double> values(List<Param> free, double[] x) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (int j = 0; j < free.size(); j++) {
      out.put(free.get(j).name(), x[j]);
    }
    return out;
  }

  Outcome outcome() {
    return o;
  }

  /** The 10-fold cross-validated loss, computed on first use (it refits ten times). */
  private final java.util.function.DoubleSupplier crossValidation;
  private Double cv;

  /** Whether the fit minimised the Huber loss (its report compares by cross-validation, not AIC). */
  boolean huber() {
    return o.objectiveText().startsWith("Huber");
  }

  /** The 10-fold cross-validated loss (computed once; NaN when a fold's refit failed). */
  double cvLoss() {
    if (cv == null) {
      cv = crossValidation.getAsDouble();
    }
    return cv;
  }

  Law unfittedLaw() {
    return unfitted;
  }

  /**
   * The covariance of the fitted parameters, Σ_ij = se_i·se_j·corr_ij (what the report's
   * standard errors come from); null when a standard error or correlation is undefined.
   */
  double[][] covariance() {
    if (covariance == null) {
      FitStatistics s = o.optimum().stats();
      int p = free.size();
      double[][] c = new double[p][p];
      boolean ok = true;
      for (int i = 0; i < p && ok; i++) {
        for (int j = 0; j < p; j++) {
          c[i][j] = s.se()[i] * s.se()[j] * (i == j ? 1 : s.correlation()[i][j]);
          ok &= Double.isFinite(c[i][j]);
        }
      }
      covariance = ok ? c : new double[0][];
    }
    return covariance.length == 0 ? null : covariance;
  }

  /**
   * Whether values computed from this fit carry a delta-method interval: no bootstrap, a
   * converged (or merely ill-conditioned) fit, and a defined covariance. A fit on a bound, or
   * one that did not converge, has no local normal approximation to propagate: its numbers
   * are plain (the report says why).
   */
  boolean delta() {
    return ensemble == null && status.locallyNormal() && covariance() != null;
  }

  /** Parameter j as a delta-method value (gradient e_j). */
  Uncertain parameterValue(int j) {
    double[] g = new double[free.size()];
    g[j] = 1;
    return Uncertain.delta(o.optimum().estimates()[j], java.util.Map.of(this, g), o.level());
  }

  /** The bootstrap line's account of the refits that did not converge, or "" when all did. */
  String refitStopsText() {
    List<String> parts = new ArrayList<>();
    if (o.bootstrap().failed() > 0) {
      parts.add(o.bootstrap().failed() + " failed");
    }
    if (o.bootstrap().iterationLimit() > 0) {
      parts.add(o.bootstrap().iterationLimit() + " hit the iteration limit");
    }
    return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + "; kept where they stopped, so their end points are in the intervals)";
  }

  /** The number of bootstrap members (0 without a bootstrap). */
  int ensembleSize() {
    return ensemble == null ? 0 : ensemble.length;
  }

  /** The law with member k's parameters. */
  Law member(int k) {
    if (members[k] == null) {
      members[k] = law().withFixed(values(free, ensemble[k]));
    }
    return members[k];
  }

  /**
   * Per parameter, how many refits ended on one of its bounds (for a parameter declared > 0, at
   * a millionth of its estimate or below: the open bound 0 approached), as lines for the
   * report; an interval whose end is such a bound is the bound, not a measured spread.
   */
  List<String> refitsAtBounds() {
    List<String> out = new ArrayList<>();
    if (ensemble == null) {
      return out;
    }
    for (int j = 0; j < free.size(); j++) {
      Param p = free.get(j);
      double est = Math.abs(o.optimum().estimates()[j]);
      int low = 0;
      int high = 0;
      for (double[] member : ensemble) {
        double x = member[j];
        double room = 1e-6 * Math.max(Math.max(1, est), Math.max(Math.abs(p.lo()), Math.abs(p.hi())) < Double.POSITIVE_INFINITY
            ? Math.max(Math.abs(p.lo()), Math.abs(p.hi())) : 1);
        if (Double.isFinite(p.lo()) && (p.lo() == 0 && p.loOpen() ? x <= 1e-6 * est : x <= p.lo() + room)) {
          low++;
        } else if (Double.isFinite(p.hi()) && x >= p.hi() - room) {
          high++;
        }
      }
      int share = (int) Math.round(100.0 * (low + high) / ensemble.length);
      if (low + high > 0) {
        String where = low > 0 && high > 0 ? "on its bounds" : low > 0 ? "at its lower bound " + bound(p.lo()) : "at its upper bound "
            + bound(p.hi());
        out.add((low + high) + " of " + ensemble.length + " refits (" + share + "%) put " + p.name() + " " + where
            + (share * 2 >= 100 - 100 * o.level() ? "; its interval reaches that bound, a limit of the model rather than a measured spread" : ""));
      }
    }
    return out;
  }

  private static String bound(double b) {
    return org.lawlang.syntax.NumberFormat.show(b);
  }

  String ensembleMethod() {
    return "bootstrap, " + ensemble.length + " resamples";
  }

  /**
   * A call of a bootstrapped fit is uncertain: the point from the fit, member k from the law
   * refitted to resample k (with member k of any uncertain argument).
   */
  @Override
  public Value call(Interpreter interpreter, List<Value> args, Span at) {
    if (ensemble == null) {
      return delta() && !Ensembles.bootstrapped(args) ? Delta.call(interpreter, law(), this, args, at) : super.call(interpreter, args, at);
    }
    return Ensembles.call(interpreter, this, args, at);
  }

  List<Param> free() {
    return free;
  }

  String statusDetail() {
    return detail;
  }

  @Override
  public String typeName() {
    return "fit";
  }

  @Override
  public List<String> fieldNames() {
    List<String> out = new ArrayList<>(super.fieldNames());
    out.addAll(List.of("status", "converged", "objective", "rss", "r2", "aic", "bic", "n", "p", "iterations", "starts",
        "searched", "reached", "condition", "se", "ci", "correlation", "law", "cv"));
    return out;
  }

  @Override
  public Value field(String name, Span at) {
    FitStatistics s = o.optimum().stats();
    return switch (name) {
      case "status" -> new Values.Str(status.text);
      case "converged" -> new Values.Bool(converged());
      case "objective" -> new Values.Num(o.optimum().objective());
      case "rss" -> new Values.Num(s.rss());
      case "r2" -> finite(s.r2(), "R²", "a constant target (there is no variance to explain)",
          "R² needs a target that varies between rows");
      case "aic", "bic" -> huber() ? new Values.Undefined(name.toUpperCase(java.util.Locale.ROOT),
          "a Huber fit (AIC and BIC are Gaussian likelihoods of the squared residuals, a loss this fit did not minimise)",
          "compare Huber fits by f.cv, the 10-fold cross-validated Huber loss (lower is better)")
          : name.equals("aic") ? finite(s.aic(), "AIC", "an exact fit (its residuals are 0, so its likelihood is unbounded)",
          "compare exact fits by their number of parameters")
          : finite(s.bic(), "BIC", "an exact fit (its residuals are 0, so its likelihood is unbounded)",
          "compare exact fits by their number of parameters");
      case "n" -> new Values.Num(s.rows());
      case "p" -> new Values.Num(free.size());
      case "iterations" -> new Values.Num(o.optimum().best().iterations());
      case "starts" -> new Values.Num(o.search().starts());
      case "searched" -> new Values.Num(o.search().searched());
      case "reached" -> new Values.Num(o.search().reached());
      case "condition" -> finite(s.condition(), "the condition number", "a Jacobian that is singular at the optimum",
          "see the status: a singular Jacobian means some parameters are not identifiable");
      case "se" -> perParameter("standard errors", j -> defined(s.se()[j], "the standard error of " + free.get(j).name()));
      case "ci" -> {
        double[][] intervals = o.bootstrap().intervals();
        if (intervals == null) {
          throw LawException.of(Msg.NO_FIELD, at, "a fit without a bootstrap", "ci")
              .hint("add 'bootstrap 1000 seed 1' to the fit to get intervals");
        }
        yield perParameter("intervals", j -> new Values.ListVal(List.of(new Values.Num(intervals[j][0]),
            new Values.Num(intervals[j][1]))));
      }
      case "correlation" -> new Correlation(this, s.correlation());
      case "law" -> new LawValue(law());
      case "cv" -> {
        yield finite(cvLoss(), "the cross-validated loss", "a fit whose refit on some fold failed",
            "compare fits by their objective on the same rows instead");
      }
      default -> {
        int j = parameterNames().indexOf(name);
        if (ensemble != null && j >= 0) {
          double[] xs = new double[ensemble.length];
          for (int k = 0; k < xs.length; k++) {
            xs[k] = ensemble[k][j];
          }
          yield new Uncertain(o.optimum().estimates()[j], xs, o.level(), ensembleMethod());
        }
        if (j >= 0 && delta()) {
          yield parameterValue(j);
        }
        yield super.field(name, at);
      }
    };
  }

  /** The correlation matrix: prints as a table; {@code f.correlation.A.alpha} reads one entry. */
  record Correlation(FitValue fit, double[][] c) implements Value {
    @Override
    public String typeName() {
      return "correlation";
    }

    @Override
    public List<String> fieldNames() {
      return fit.parameterNames();
    }

    @Override
    public Value field(String name, Span at) {
      int i = fit.parameterNames().indexOf(name);
      return i < 0 ? Value.super.field(name, at) : fit.perParameter("correlation", j -> fit.defined(c[i][j],
          "the correlation of " + name + " and " + fit.free().get(j).name()));
    }

    @Override
    public String show() {
      return FitText.correlation(fit.free(), c, fit.undefinedReason()).stripTrailing();
    }
  }

  /** A statistic, or where it has no finite value an {@link Values.Undefined} that says why when used. */
  private static Value finite(double x, String what, String why, String hint) {
    return Double.isFinite(x) ? new Values.Num(x) : new Values.Undefined(what, why, hint);
  }

  /** A number, or (NaN or infinite) an {@link Values.Undefined} that says why when read. */
  Value defined(double x, String what) {
    if (Double.isFinite(x)) {
      return new Values.Num(x);
    }
    String hint = status == FitStatus.NOT_IDENTIFIABLE ? "fix one of the parameters named with 'where', or reparametrise the law"
        : o.optimum().stats().rows() <= free.size() ? "fit more rows than parameters"
        : o.objectiveText().startsWith("Huber") ? "use a larger Huber delta, or least squares" : null;
    return new Values.Undefined(what, "this fit (" + undefinedReason() + ")", hint);
  }

  /** Why standard errors or correlations of this fit can be undefined. */
  String undefinedReason() {
    FitStatistics s = o.optimum().stats();
    if (s.rows() <= free.size() && !Double.isNaN(s.correlation()[0][0])) {
      return "with " + s.rows() + " rows for " + free.size() + " parameters no residual variance is left to estimate it";
    }
    return status == FitStatus.CONVERGED ? "the residuals give no estimate of their scale" : "status " + status.text + ": " + detail;
  }

  private Value perParameter(String kind, java.util.function.IntFunction<Value> f) {
    Map<String, Value> fields = new LinkedHashMap<>();
    for (int j = 0; j < free.size(); j++) {
      fields.put(free.get(j).name(), f.apply(j));
    }
    return new Values.Record(kind, fields);
  }

  @Override
  public String show() {
    return FitText.report(this, o, status.text, detail);
  }

  // ---- FitReport -----------------------------------------------------------------------

  @Override
  public List<String> parameterNames() {
    return free.stream().map(Param::name).toList();
  }

  @Override
  public double estimate(String parameter) {
    return o.optimum().estimates()[parameterNames().indexOf(parameter)];
  }

  @Override
  public double standardError(String parameter) {
    return o.optimum().stats().se()[parameterNames().indexOf(parameter)];
  }

  @Override
  public double[] interval(String parameter) {
    double[][] intervals = o.bootstrap().intervals();
    return intervals == null ? null : intervals[parameterNames().indexOf(parameter)].clone();
  }

  @Override
  public String status() {
    return status.text;
  }

  FitStatus fitStatus() {
    return status;
  }

  /**
   * True only when the status is {@code converged}: a fit the solver finished but that ended on
   * a bound, cannot tell parameters apart or is ill-conditioned is not one to trust as it is.
   */
  @Override
  public boolean converged() {
    return status == FitStatus.CONVERGED;
  }

  /** True when the solver itself stopped for lack of progress or evaluations (status failed or iteration-limit). */
  boolean solverStopped() {
    return status.solverStopped();
  }

  @Override
  public double objective() {
    return o.optimum().objective();
  }

  @Override
  public int observations() {
    return o.optimum().stats().rows();
  }

  @Override
  public int iterations() {
    return o.optimum().best().iterations();
  }

  @Override
  public Map<String, Double> statistics() {
    Map<String, Double> out = new LinkedHashMap<>();
    FitStatistics s = o.optimum().stats();
    out.put("rss", s.rss());
    out.put("r2", s.r2());
    out.put("aic", huber() ? Double.NaN : s.aic());
    out.put("bic", huber() ? Double.NaN : s.bic());
    if (huber()) {
      out.put("cv", cvLoss());
    }
    out.put("condition", s.condition());
    out.put("starts", (double) o.search().starts());
    out.put("searched", (double) o.search().searched());
    out.put("reached", (double) o.search().reached());
    out.put("bootstrap", (double) o.bootstrap().resamples());
    out.put("evaluations", (double) o.cost().evaluations());
    out.put("fit_seconds", o.cost().fitSeconds());
    out.put("bootstrap_seconds", o.cost().bootstrapSeconds());
    // how the starts came about: law's own grid (1) or the script's (0); restarts after a failure
    out.put("automatic_starts", o.search().startsNote() != null ? 1.0 : 0.0);
    out.put("restarts", (double) o.search().restarts());
    return out;
  }
}
