package org.lawlang.eval;

import java.util.List;
import java.util.Map;

/**
 * What a fit result tells its readers (the API's typed results, JSON output), independent
 * of how the fitting engine stores it. Implemented by the value a `fit` expression returns.
 */
public interface FitReport {
  /** The fitted (free) parameters, in the law's order. */
  List<String> parameterNames();

  double estimate(String parameter);

  /** Asymptotic standard error, or NaN when it could not be computed. */
  double standardError(String parameter);

  /** The bootstrap percentile interval {lo, hi}, or null when no bootstrap ran. */
  double[] interval(String parameter);

  /** One word: converged, iteration-limit, at-bound, ill-conditioned, not-identifiable, failed. */
  String status();

  /** True only when the status is converged (the solver met its test and no caveat applies). */
  boolean converged();

  double objective();

  int observations();

  int iterations();

  /** Further figures by name: rss, r2, aic, bic, condition, starts, ... */
  Map<String, Double> statistics();
}
