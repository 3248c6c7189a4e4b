package org.lawlang.eval;

import java.util.List;
import java.util.Map;

/**
 * What the result of `minimize`, `maximize` or `solve` tells its readers (the API's typed
 * results, JSON output), independent of the solver that produced it.
 */
public interface OptimumReport {
  /** One word: optimal, infeasible, unbounded, iteration-limit, no-root, ... */
  String status();

  /** True when the optimum is proven global (convex in log space), false for a local method. */
  boolean global();

  /** The decision variables at the optimum (or the root), by name. */
  Map<String, Double> point();

  /** The objective at the optimum (NaN for a root). */
  double objective();

  /** Names of the constraints active at the optimum. */
  List<String> activeConstraints();

  /** Shadow price of each constraint: d(objective)/d(constraint bound). */
  Map<String, Double> shadowPrices();

  /** Per constraint: the change in the optimum if the constraint's level doubled. */
  default Map<String, Double> doubling() {
    return Map.of();
  }

  /**
   * The evidence for the status, checked independently: its kind ({@code dual}, {@code kkt},
   * {@code ray}, {@code farkas}, or {@code none}), and a one-line summary.
   */
  default String certificateKind() {
    return "none";
  }

  default String certificate() {
    return "";
  }

  /**
   * For an optimum of a question that mentions a bootstrapped fit: per variable (and "value"),
   * the percentile interval {lo, hi} over the refits' optima; empty otherwise.
   */
  default Map<String, double[]> intervals() {
    return Map.of();
  }

  /** The evidence's numbers: gap, residual, stationarity, complementarity, curvature, ... */
  default Map<String, Double> evidence() {
    return Map.of();
  }
}
