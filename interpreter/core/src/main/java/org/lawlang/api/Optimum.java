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

  public Optimum(String status, boolean global, Map<String, Double> point, double objective, List<String> activeConstraints,
      Map<String, Double> shadowPrices, Map<String, Double> doubling, String text, String certificateKind, String certificate,
      Map<String, Double> evidence) {
    this(status, global, point, objective, activeConstraints, shadowPrices, doubling, text, certificateKind, certificate, evidence,
        Map.of());
  }

  public Optimum(String status, boolean global, Map<String, Double> point, double objective, List<String> activeConstraints,
      Map<String, Double> shadowPrices, Map<String, Double> doubling, String text) {
    this(status, global, point, objective, activeConstraints, shadowPrices, doubling, text, "none", "", Map.of());
  }

  public Optimum {
    intervals = Map.copyOf(intervals);
    evidence = FitResult.frozen(evidence);
    point = FitResult.frozen(point);
    activeConstraints = List.copyOf(activeConstraints);
    shadowPrices = FitResult.frozen(shadowPrices);
    doubling = FitResult.frozen(doubling);
  }

  /** True when the solver reports an optimum (or a root). */
  public boolean optimal() {
    return status.equals("optimal") || status.equals("root") || status.equals("solved");
  }

  /** One coordinate of the point; throws if there is no such variable. */
  public double get(String variable) {
    Double v = point.get(variable);
    if (v == null) {
      throw new IllegalArgumentException("no variable '" + variable + "'; the point has " + point.keySet());
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
