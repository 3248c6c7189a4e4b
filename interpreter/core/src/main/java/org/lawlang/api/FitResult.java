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

  /**
   * Copies the collections and arrays given: the record shares nothing with its caller.
   *
   * @param parameters see the record's description
   * @param estimates see the record's description
   * @param standardErrors see the record's description
   * @param intervals see the record's description
   * @param status see the record's description
   * @param converged see the record's description
   * @param objective see the record's description
   * @param observations see the record's description
   * @param iterations see the record's description
   * @param statistics see the record's description
   * @param law see the record's description
   * @param text see the record's description
   */
  public FitResult {
    parameters = List.copyOf(parameters);
    estimates = frozen(estimates);
    standardErrors = frozen(standardErrors);
    Map<String, double[]> copy = new LinkedHashMap<>();
    intervals.forEach((k, v) -> copy.put(k, v.clone()));
    intervals = Collections.unmodifiableMap(copy);
    statistics = frozen(statistics);
  }

  /**
   * Parameter to bootstrap interval {lo, hi}; the arrays are copies.
   *
   * @return a new unmodifiable map of new arrays
   */
  @Override
  public Map<String, double[]> intervals() {
    return copies(intervals);
  }

  /** A map of arrays whose arrays are fresh copies: changing them changes no result. */
  static Map<String, double[]> copies(Map<String, double[]> m) {
    Map<String, double[]> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, v.clone()));
    return Collections.unmodifiableMap(out);
  }

  static <V> Map<String, V> frozen(Map<String, V> m) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }

  /**
   * The estimate of one parameter.
   *
   * @param parameter a fitted parameter
   * @return its estimate
   * @throws LawScriptException if it was not fitted
   */
  public double estimate(String parameter) {
    Double v = estimates.get(parameter);
    if (v == null) {
      throw LawScriptException.java("'" + parameter + "' is not a fitted parameter; they are " + parameters);
    }
    return v;
  }

  /**
   * A statistic by name.
   *
   * @param name rss, r2, aic, bic, ...
   * @return its value, or NaN when the fit did not report it
   */
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
