package org.lawlang.solve;

/**
 * Quantiles of reference distributions, from Commons Math (which only `solve` imports, so that
 * the numeric back end stays replaceable): the standard normal's, for delta-method intervals.
 */
public final class Quantiles {
  private Quantiles() {}

  /** The standard normal quantile at probability {@code p} (1.95996 at 0.975). */
  public static double normal(double p) {
    return new org.apache.commons.math3.distribution.NormalDistribution().inverseCumulativeProbability(p);
  }
}
