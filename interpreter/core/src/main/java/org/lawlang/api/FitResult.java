package org.lawlang.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of a `fit`: the estimate, standard error and (after a bootstrap) percentile
 * interval of each fitted parameter, a one-word status, and the fit statistics. Check
 * {@link #converged()} before trusting the numbers. {@link #law()} is the fitted law (every
 * parameter fixed) when the fit value is callable, else null. Immutable.
 *
 * @param parameters     the fitted parameters, in the law's order
 * @param estimates      parameter → estimate
 * @param standardErrors parameter → asymptotic standard error (NaN when it could not be computed)
 * @param intervals      parameter → {lo, hi} bootstrap interval; empty when no bootstrap ran
 * @param status         converged, iteration-limit, at-bound, ill-conditioned, not-identifiable or failed
 * @param converged      true only when the status is converged
 * @param statistics     further figures by name: rss, r2, aic, bic, condition, starts, ...
 */
public record FitResult(List<String> parameters, Map<String, Double> estimates, Map<String, Double> standardErrors,
    Map<String, double[]> intervals, String status, boolean converged, double objective, int observations,
    int iterations, Map<String, Double> statistics, LawInfo law, String text) implements LawResult {

  public FitResult {
    parameters = List.copyOf(parameters);
    estimates = frozen(estimates);
    standardErrors = frozen(standardErrors);
    Map<String, double[]> copy = new LinkedHashMap<>();
    intervals.forEach((k, v) -> copy.put(k, v.clone()));
    intervals = Collections.unmodifiableMap(copy);
    statistics = frozen(statistics);
  }

  static <V> Map<String, V> frozen(Map<String, V> m) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }

  /** The estimate of one parameter; throws if it was not fitted. */
  public double estimate(String parameter) {
    Double v = estimates.get(parameter);
    if (v == null) {
      throw new IllegalArgumentException("'" + parameter + "' is not a fitted parameter; they are " + parameters);
    }
    return v;
  }

  /** A statistic by name (rss, r2, aic, bic, ...), or NaN when the fit did not report it. */
  public double statistic(String name) {
    return statistics.getOrDefault(name, Double.NaN);
  }

  @Override
  public String typeName() {
    return "fit";
  }

  @Override
  public Object toJava() {
    return this;
  }
}
