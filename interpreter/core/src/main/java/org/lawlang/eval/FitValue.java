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
  /** Everything the engine found. */
  record Outcome(String objectiveText, double[] estimates, double objective, LocalMinimiser.Result best,
      FitStatistics stats, int starts, int searched, int reached, double[][] intervals, int bootstrap, int bootConverged,
      long seed, double level, Map<String, String> atBounds, String dataName, long evaluations, double fitSeconds,
      double bootstrapSeconds, String startsNote, String restartNote, int restarts) {}

  private final List<Param> free;
  private final Outcome o;
  private final String status;
  private final String detail;
  /** The bootstrap's refitted parameters (member k, parameter j in the order of {@link #free}), or null. */
  private double[][] ensemble;
  private Law[] members;
  /** The law as declared, its fitted parameters free (for the delta method's derivatives). */
  private final Law unfitted;
  /** The parameters' covariance (null until asked; empty when a standard error is undefined). */
  private double[][] covariance;

  FitValue(Law law, List<Param> free, Outcome o) {
    super(law.withFixed(values(free, o.estimates())));
    this.unfitted = law;
    this.free = free;
    this.o = o;
    String[] judged = FitStatus.judge(free, o);
    status = judged[0];
    detail = judged[1];
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
  private java.util.function.DoubleSupplier crossValidation;
  private Double cv;

  void crossValidation(java.util.function.DoubleSupplier compute) {
    this.crossValidation = compute;
  }

  /** Keeps the bootstrap's refits, so that anything computed from this fit carries an interval. */
  void keepEnsemble(double[][] refits) {
    this.ensemble = refits;
    this.members = new Law[refits.length];
  }

  /** Whether the fit minimised the Huber loss (its report compares by cross-validation, not AIC). */
  boolean huber() {
    return o.objectiveText().startsWith("Huber");
  }

  /** The 10-fold cross-validated loss (computed once; NaN when a fold's refit failed). */
  double cvLoss() {
    if (cv == null) {
      cv = crossValidation == null ? Double.NaN : crossValidation.getAsDouble();
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
      FitStatistics s = o.stats();
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
    return ensemble == null && (status.equals("converged") || status.equals("ill-conditioned")) && covariance() != null;
  }

  /** Parameter j as a delta-method value (gradient e_j). */
  Uncertain parameterValue(int j) {
    double[] g = new double[free.size()];
    g[j] = 1;
    return Uncertain.delta(o.estimates()[j], java.util.Map.of(this, g), o.level());
  }

  /** Bootstrap refits that stopped without converging: {failed (no progress), out of evaluations}. */
  private int[] refitStops = {0, 0};

  void refitStops(int failed, int iterationLimit) {
    refitStops = new int[] {failed, iterationLimit};
  }

  /** The bootstrap line's account of the refits that did not converge, or "" when all did. */
  String refitStopsText() {
    List<String> parts = new ArrayList<>();
    if (refitStops[0] > 0) {
      parts.add(refitStops[0] + " failed");
    }
    if (refitStops[1] > 0) {
      parts.add(refitStops[1] + " hit the iteration limit");
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
      double est = Math.abs(o.estimates()[j]);
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
    FitStatistics s = o.stats();
    return switch (name) {
      case "status" -> new Values.Str(status);
      case "converged" -> new Values.Bool(converged());
      case "objective" -> new Values.Num(o.objective());
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
      case "iterations" -> new Values.Num(o.best().iterations());
      case "starts" -> new Values.Num(o.starts());
      case "searched" -> new Values.Num(o.searched());
      case "reached" -> new Values.Num(o.reached());
      case "condition" -> finite(s.condition(), "the condition number", "a Jacobian that is singular at the optimum",
          "see the status: a singular Jacobian means some parameters are not identifiable");
      case "se" -> perParameter("standard errors", j -> defined(s.se()[j], "the standard error of " + free.get(j).name()));
      case "ci" -> {
        if (o.intervals() == null) {
          throw LawException.of(Msg.NO_FIELD, at, "a fit without a bootstrap", "ci")
              .hint("add 'bootstrap 1000 seed 1' to the fit to get intervals");
        }
        yield perParameter("intervals", j -> new Values.ListVal(List.of(new Values.Num(o.intervals()[j][0]),
            new Values.Num(o.intervals()[j][1]))));
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
          yield new Uncertain(o.estimates()[j], xs, o.level(), ensembleMethod());
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
    String hint = status.equals("not-identifiable") ? "fix one of the parameters named with 'where', or reparametrise the law"
        : o.stats().rows() <= free.size() ? "fit more rows than parameters"
        : o.objectiveText().startsWith("Huber") ? "use a larger Huber delta, or least squares" : null;
    return new Values.Undefined(what, "this fit (" + undefinedReason() + ")", hint);
  }

  /** Why standard errors or correlations of this fit can be undefined. */
  String undefinedReason() {
    if (o.stats().rows() <= free.size() && !Double.isNaN(o.stats().correlation()[0][0])) {
      return "with " + o.stats().rows() + " rows for " + free.size() + " parameters no residual variance is left to estimate it";
    }
    return status.equals("converged") ? "the residuals give no estimate of their scale" : "status " + status + ": " + detail;
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
    return FitText.report(this, o, status, detail);
  }

  // ---- FitReport -----------------------------------------------------------------------

  @Override
  public List<String> parameterNames() {
    return free.stream().map(Param::name).toList();
  }

  @Override
  public double estimate(String parameter) {
    return o.estimates()[parameterNames().indexOf(parameter)];
  }

  @Override
  public double standardError(String parameter) {
    return o.stats().se()[parameterNames().indexOf(parameter)];
  }

  @Override
  public double[] interval(String parameter) {
    return o.intervals() == null ? null : o.intervals()[parameterNames().indexOf(parameter)].clone();
  }

  @Override
  public String status() {
    return status;
  }

  /**
   * True only when the status is {@code converged}: a fit the solver finished but that ended on
   * a bound, cannot tell parameters apart or is ill-conditioned is not one to trust as it is.
   */
  @Override
  public boolean converged() {
    return status.equals("converged");
  }

  /** True when the solver itself stopped for lack of progress or evaluations (status failed or iteration-limit). */
  boolean solverStopped() {
    return o.best().status() != LocalMinimiser.Status.CONVERGED;
  }

  @Override
  public double objective() {
    return o.objective();
  }

  @Override
  public int observations() {
    return o.stats().rows();
  }

  @Override
  public int iterations() {
    return o.best().iterations();
  }

  @Override
  public Map<String, Double> statistics() {
    Map<String, Double> out = new LinkedHashMap<>();
    FitStatistics s = o.stats();
    out.put("rss", s.rss());
    out.put("r2", s.r2());
    out.put("aic", huber() ? Double.NaN : s.aic());
    out.put("bic", huber() ? Double.NaN : s.bic());
    if (huber()) {
      out.put("cv", cvLoss());
    }
    out.put("condition", s.condition());
    out.put("starts", (double) o.starts());
    out.put("searched", (double) o.searched());
    out.put("reached", (double) o.reached());
    out.put("bootstrap", (double) o.bootstrap());
    out.put("evaluations", (double) o.evaluations());
    out.put("fit_seconds", o.fitSeconds());
    out.put("bootstrap_seconds", o.bootstrapSeconds());
    // how the starts came about: law's own grid (1) or the script's (0); restarts after a failure
    out.put("automatic_starts", o.startsNote() != null ? 1.0 : 0.0);
    out.put("restarts", (double) o.restarts());
    return out;
  }
}
