package org.lawlang.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Span;
import org.lawlang.syntax.NumberFormat;

/**
 * A number with its uncertainty, in one of two forms. After a bootstrap: the point estimate,
 * computed from the fit itself, and the
 * same quantity computed from every member of the fit's bootstrap ensemble ({@code samples},
 * member k of every uncertain value coming from the same resample k, so that values combine
 * member by member and correlations between parameters are kept). Prints as the point and its
 * percentile interval; fields {@code point}, {@code lo}, {@code hi}, {@code interval},
 * {@code se}, {@code samples}, {@code level}, {@code failed}. A member whose computation has no
 * value (a resample where the optimum does not exist) is NaN and left out of the interval,
 * and the count is shown.
 *
 * <p>From a fit without a bootstrap (the delta method, {@link Delta}): the point and its exact
 * gradient with respect to the parameters of each fit it depends on ({@code gradients}); the
 * variance is Σ gᵀΣg over those fits, Σ each fit's covariance, and the interval the
 * point ± z·se with z the normal quantile of the level. Such a value has no samples.
 */
public final class Uncertain implements Value {
  private final double point;
  private final double[] samples;
  private final double level;
  private final String method;
  /**
   * Delta method: per fit (a {@link FitValue} without a bootstrap), d(value)/d(its parameter
   * j); null for a bootstrap. Fits are taken as independent (their covariances are blocks of
   * one block-diagonal matrix): true of fits to different data, an approximation otherwise.
   */
  private final Map<FitValue, double[]> gradients;

  public Uncertain(double point, double[] samples, double level, String method) {
    this.point = point;
    this.samples = samples;
    this.level = level;
    this.method = method;
    this.gradients = null;
  }

  private Uncertain(double point, Map<FitValue, double[]> gradients, double level) {
    this.point = point;
    this.samples = null;
    this.level = level;
    this.method = "delta method";
    this.gradients = gradients;
  }

  /** A delta-method value: {@code point} with these gradients over the parameters of each fit it depends on. */
  static Uncertain delta(double point, Map<FitValue, double[]> gradients, double level) {
    return new Uncertain(point, gradients, level);
  }

  /** Whether this value carries gradients (delta method) rather than bootstrap members. */
  public boolean isDelta() {
    return gradients != null;
  }

  Map<FitValue, double[]> gradients() {
    return gradients;
  }

  public double point() {
    return point;
  }

  public double[] samples() {
    return samples == null ? new double[0] : samples.clone();
  }

  /** Member k (no copy: read in loops over the ensemble). */
  double sample(int k) {
    return samples[k];
  }

  int size() {
    return samples == null ? 0 : samples.length;
  }

  public double level() {
    return level;
  }

  public String method() {
    return method;
  }

  /** The same ensemble, another quantity: f applied to the point and to every member. */
  Uncertain map(DoubleUnaryOperator f, double newPoint) {
    double[] out = new double[samples.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = f.applyAsDouble(samples[k]);
    }
    return new Uncertain(newPoint, out, level, method);
  }

  /** Member by member with another value of the same ensemble (or a plain number, the same for every member). */
  static Uncertain combine(Value a, Value b, DoubleBinaryOperator f, double newPoint, Span at) {
    Uncertain ua = a instanceof Uncertain u ? u : null;
    Uncertain ub = b instanceof Uncertain u ? u : null;
    Uncertain shape = ua != null ? ua : ub;
    if (ua != null && ub != null && ua.samples.length != ub.samples.length) {
      throw LawException.of(Msg.TYPE, at, "two uncertain values from the same bootstrap",
          "values from bootstraps of " + ua.samples.length + " and " + ub.samples.length + " resamples")
          .hint("combine values derived from one bootstrapped fit, or take .point of one of them");
    }
    double pa = ua == null ? Values.num(a, at, null) : 0;
    double pb = ub == null ? Values.num(b, at, null) : 0;
    double[] out = new double[shape.samples.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = f.applyAsDouble(ua != null ? ua.samples[k] : pa, ub != null ? ub.samples[k] : pb);
    }
    return new Uncertain(newPoint, out, shape.level, shape.method);
  }

  /** The finite members, sorted. */
  private double[] finite() {
    return Arrays.stream(samples).filter(Double::isFinite).sorted().toArray();
  }

  int failed() {
    return samples == null ? 0 : samples.length - finite().length;
  }

  /** The delta method's standard error sqrt(Σ_fits gᵀΣg) (NaN where a gradient is not finite). */
  private double deltaSe() {
    double v = 0;
    for (Map.Entry<FitValue, double[]> e : gradients.entrySet()) {
      double[] g = e.getValue();
      double[][] c = e.getKey().covariance();
      for (int i = 0; i < g.length; i++) {
        for (int j = 0; j < g.length; j++) {
          if (g[i] != 0 && g[j] != 0 || Double.isNaN(g[i]) || Double.isNaN(g[j])) {
            v += g[i] * c[i][j] * g[j];
          }
        }
      }
    }
    return Math.sqrt(Math.max(0, v));
  }

  /** The standard normal quantile at (1 + level) / 2: 1.95996 for 95%. */
  static double z(double level) {
    return org.lawlang.solve.Quantiles.normal((1 + level) / 2);
  }

  double[] interval() {
    if (gradients != null) {
      double half = z(level) * deltaSe();
      return new double[] {point - half, point + half};
    }
    double[] xs = finite();
    if (xs.length == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    return new double[] {Fitting.quantile(xs, (1 - level) / 2), Fitting.quantile(xs, (1 + level) / 2)};
  }

  double se() {
    if (gradients != null) {
      return deltaSe();
    }
    double[] xs = finite();
    if (xs.length < 2) {
      return Double.NaN;
    }
    double mean = Arrays.stream(xs).average().orElse(Double.NaN);
    double ss = 0;
    for (double x : xs) {
      ss += (x - mean) * (x - mean);
    }
    return Math.sqrt(ss / (xs.length - 1));
  }

  @Override
  public String typeName() {
    return "uncertain number";
  }

  @Override
  public String show() {
    double[] ci = interval();
    int failed = failed();
    String range = Double.isNaN(ci[0]) ? (gradients != null ? "undefined" : "no member has a value") : NumberFormat.show(ci[0]) + " .. " + NumberFormat.show(ci[1]);
    return NumberFormat.show(point) + " (" + NumberFormat.show(level * 100) + "%" + (gradients != null ? " delta method" : "") + ": " + range
        + (failed > 0 && !Double.isNaN(ci[0]) ? "; " + failed + " of " + samples.length + " resamples gave none" : "") + ")";
  }

  @Override
  public List<String> fieldNames() {
    return List.of("point", "lo", "hi", "interval", "se", "samples", "level", "failed", "method");
  }

  @Override
  public Value field(String name, Span at) {
    return switch (name) {
      case "point" -> new Values.Num(point);
      case "lo" -> number(interval()[0], "lo", at);
      case "hi" -> number(interval()[1], "hi", at);
      case "interval" -> new Values.ListVal(List.of(number(interval()[0], "lo", at), number(interval()[1], "hi", at)));
      case "se" -> number(se(), "se", at);
      case "samples" -> {
        if (samples == null) {
          throw LawException.of(Msg.NO_FIELD, at, "a value propagated by the delta method (it has a gradient, not resamples)", "samples")
              .hint("add 'bootstrap 1000 seed 1' to the fit for resampled values");
        }
        List<Value> out = new ArrayList<>();
        for (double x : samples) {
          out.add(Double.isFinite(x) ? new Values.Num(x) : Values.Nothing.INSTANCE);
        }
        yield new Values.ListVal(out);
      }
      case "level" -> new Values.Num(level);
      case "failed" -> new Values.Num(failed());
      case "method" -> new Values.Str(method);
      default -> Value.super.field(name, at);
    };
  }

  private static Value number(double x, String what, Span at) {
    if (!Double.isFinite(x)) {
      throw LawException.of(Msg.NOT_FINITE, at, "the " + what, "no member of the ensemble has a value");
    }
    return new Values.Num(x);
  }

  /** For JSON and the API: the point, the interval and the level. */
  public Map<String, Double> summary() {
    Map<String, Double> out = new LinkedHashMap<>();
    double[] ci = interval();
    out.put("point", point);
    out.put("lo", ci[0]);
    out.put("hi", ci[1]);
    out.put("level", level);
    out.put("se", se());
    return out;
  }
}
