package org.lawlang.solve;

/**
 * The evidence a solver attaches to its verdict, for org.lawlang.certify.Verifier to check
 * with code that did not produce it. A verdict whose evidence does not check is never
 * reported as it stands.
 */
public sealed interface Certificate {
  /**
   * A dual point of a power-law problem in log space (org.lawlang.compile.GeometricForm):
   * the weights {@code w0} of the objective's terms, a multiplier {@code lambda[j]} and term
   * weights {@code w[j]} per inequality, a multiplier {@code nu[i]} per monomial equality.
   * Its dual value bounds ln P from below at every feasible point (weak duality).
   */
  record Dual(double[] w0, double[] lambda, double[][] w, double[] nu) implements Certificate {}

  /**
   * Multipliers of a power-law problem's constraints alone ({@code lambda} summing to 1) whose
   * combination is a constant that is positive, which no feasible point could give.
   */
  record Farkas(double[] lambda, double[][] w, double[] nu) implements Certificate {}

  /**
   * A ray {@code u(t) = u0 + t·d} in the solver's coordinates (the logarithm of a positive
   * variable, the others as they are), from the point {@code from} (in the variables' units).
   */
  record Ray(double[] from, double[] direction) implements Certificate {}

  /** A point claimed to be a local optimum: the checker computes the KKT evidence itself. */
  record Point() implements Certificate {}
}
