package org.lawlang.api;

import java.util.List;
import java.util.Map;

/**
 * The result of `minimize`, `maximize` or `solve`: the point (decision variables by name),
 * the objective there, a one-word status, whether the optimum is proven global, the
 * constraints active at it, their shadow prices (d objective / d bound) and the change in
 * the optimum if each constraint's level doubled. Check
 * {@link #optimal()} before trusting the point. Immutable.
 *
 * @param status optimal, infeasible, unbounded, iteration-limit, no-root, ...
 * @param global true when the problem was solved as a convex one (in log space)
 * @param certificateKind the evidence checked for the status: dual, kkt, ray, farkas or none
 * @param certificate the evidence in one line
 * @param evidence its numbers (gap, residual, stationarity, curvature, ...)
 * @param intervals for a question about a bootstrapped fit: per variable (and "value") the
 *     percentile interval {lo, hi} over the refits' optima; empty otherwise
 */
public record Optimum(String status, boolean global, Map<String, Double> point, double objective,
    List<String> activeConstraints, Map<String, Double> shadowPrices, Map<String, Double> doubling, String text,
    String certificateKind, String certificate, Map<String, Double> evidence, Map<String, double[]> intervals)
    implements LawResult {

  /**
   * An optimum with no bootstrap intervals.
   *
   * @param status          optimal, infeasible, ...
   * @param global          whether it is proven global
   * @param point           variable to value
   * @param objective       the objective there
   * @param activeConstraints the constraints active at the point
   * @param shadowPrices    constraint to d objective / d bound
   * @param doubling        constraint to the change in the optimum if its level doubled
   * @param text            what `print` shows
   * @param certificateKind dual, kkt, ray, farkas or none
   * @param certificate     the evidence in one line
   * @param evidence        its numbers
   */
  public Optimum(String status, boolean global, Map<String, Double> point, double objective, List<String> activeConstraints,
      Map<String, Double> shadowPrices, Map<String, Double> doubling, String text, String certificateKind, String certificate,
      Map<String, Double> evidence) {
    this(status, global, point, objective, activeConstraints, shadowPrices, doubling, text, certificateKind, certificate, evidence,
        Map.of());
  }

  /**
   * An optimum with no certificate and no intervals.
   *
   * @param status            optimal, infeasible, ...
   * @param global            whether it is proven global
   * @param point             variable to value
   * @param objective         the objective there
   * @param activeConstraints the constraints active at the point
   * @param shadowPrices      constraint to d objective / d bound
   * @param doubling          constraint to the change in the optimum if its level doubled
   * @param text              what `print` shows
   */
  public Optimum(String status, boolean global, Map<String, Double> point, double objective, List<String> activeConstraints,
      Map<String, Double> shadowPrices, Map<String, Double> doubling, String text) {
    this(status, global, point, objective, activeConstraints, shadowPrices, doubling, text, "none", "", Map.of());
  }

  /**
   * Copies the collections and arrays given: the record shares nothing with its caller.
   *
   * @param status see the record's description
   * @param global see the record's description
   * @param point see the record's description
   * @param objective see the record's description
   * @param activeConstraints see the record's description
   * @param shadowPrices see the record's description
   * @param doubling see the record's description
   * @param text see the record's description
   * @param certificateKind see the record's description
   * @param certificate see the record's description
   * @param evidence see the record's description
   * @param intervals see the record's description
   */
  public Optimum {
    intervals = FitResult.copies(intervals);
    evidence = FitResult.frozen(evidence);
    point = FitResult.frozen(point);
    activeConstraints = List.copyOf(activeConstraints);
    shadowPrices = FitResult.frozen(shadowPrices);
    doubling = FitResult.frozen(doubling);
  }

  /**
   * Whether the solver reports an optimum (or a root).
   *
   * @return true for optimal, root and solved
   */
  public boolean optimal() {
    return status.equals("optimal") || status.equals("root") || status.equals("solved");
  }

  /**
   * Per variable (and "value"): the bootstrap interval {lo, hi}; the arrays are copies.
   *
   * @return a new unmodifiable map of new arrays
   */
  @Override
  public Map<String, double[]> intervals() {
    return FitResult.copies(intervals);
  }

  /**
   * One coordinate of the point.
   *
   * @param variable a decision variable
   * @return its value at the optimum
   * @throws LawScriptException if there is no such variable
   */
  public double get(String variable) {
    Double v = point.get(variable);
    if (v == null) {
      throw LawScriptException.java("no variable '" + variable + "'; the point has " + point.keySet());
    }
    return v;
  }

  @Override
  public String typeName() {
    return "optimum";
  }

  @Override
  public Object toJava() {
    return this;
  }
}
