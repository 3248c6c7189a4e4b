package org.lawlang.solve;

import java.util.function.DoubleUnaryOperator;

/**
 * `solve lhs = rhs for X`: scans the range for a sign change of f = lhs − rhs — on a log grid
 * (20 points a decade, 1e-30 to 1e30 by default) when X is positive, an even grid of 2,001
 * points otherwise
 * — then refines the first bracket with Brent's method (in ln X for a positive
 * X). A bracket whose refined point leaves |f| no smaller than at both its ends is a pole or a
 * jump, not a root: it is skipped (and reported when nothing else is left). Says when no
 * sign change exists, with the least and greatest f seen, for the message.
 */
public final class RootFinder {
  private RootFinder() {}

  /**
   * A root (or NaN), the residual there, how many sign changes the scan saw, the range of f,
   * and where f changed sign without a root (a pole or a jump; NaN if nowhere).
   */
  public record Root(double x, double residual, int signChanges, boolean converged, double fMin, double xAtMin, double fMax,
      double xAtMax, boolean nanSeen, double jumpAt, int samples) {
    /** The equation held at every sampled point: an identity, not an equation for X. */
    public boolean zeroEverywhere() {
      return fMin == 0 && fMax == 0;
    }
  }

  public static Root find(DoubleUnaryOperator f, double lo, double hi, boolean positive) {
    boolean log = positive;
    if (log) {
      lo = Double.isFinite(lo) && lo > 0 ? lo : 1e-30;
      hi = Double.isFinite(hi) ? hi : 1e30;
    } else {
      lo = Double.isFinite(lo) ? lo : -1e6;
      hi = Double.isFinite(hi) ? hi : 1e6;
    }
    double a = log ? Math.log(lo) : lo;
    double b = log ? Math.log(hi) : hi;
    // dense enough to see two roots a few percent apart (x² − 5x + 6 at 2 and 3), cheap next to a fit
    int points = log ? (int) Math.max(20, Math.min(4000, Math.ceil((b - a) / (0.05 * Math.log(10))) + 1)) : 2001;
    final boolean lg = log;
    DoubleUnaryOperator g = u -> f.applyAsDouble(lg ? Math.exp(u) : u);
    double fMin = Double.POSITIVE_INFINITY;
    double fMax = Double.NEGATIVE_INFINITY;
    double xMin = Double.NaN;
    double xMax = Double.NaN;
    boolean nan = false;
    int changes = 0;
    java.util.List<double[]> brackets = new java.util.ArrayList<>();
    double prevU = Double.NaN;
    double prevF = Double.NaN;
    double exact = Double.NaN;
    for (int i = 0; i < points; i++) {
      double u = i == points - 1 ? b : a + (b - a) * i / (points - 1);
      double v = g.applyAsDouble(u);
      double x = log ? Math.exp(u) : u;
      if (!Double.isFinite(v)) {
        nan = true;
        prevF = Double.NaN;
        continue;
      }
      if (v < fMin) {
        fMin = v;
        xMin = x;
      }
      if (v > fMax) {
        fMax = v;
        xMax = x;
      }
      if (v == 0 && Double.isNaN(exact) && brackets.isEmpty()) {
        exact = u;
      }
      if (v == 0 && !(prevF == 0)) {
        changes++; // a root met exactly at a sample point counts like a sign change
      }
      if (!Double.isNaN(prevF) && (prevF < 0) != (v < 0) && prevF != 0 && v != 0) {
        changes++;
        if (Double.isNaN(exact)) {
          brackets.add(new double[] {prevU, u, prevF, v});
        }
      }
      prevU = u;
      prevF = v;
    }
    if (!Double.isNaN(exact)) {
      double x = log ? Math.exp(exact) : exact;
      return new Root(x, 0, Math.max(changes, 1), true, fMin, xMin, fMax, xMax, nan, Double.NaN, points);
    }
    double jump = Double.NaN;
    int jumps = 0;
    for (double[] br : brackets) {
      double u;
      boolean converged = true;
      try {
        u = Brent.solve(g, br[0], br[1], 1e-15, 1e-14, 200);
      } catch (Brent.NotConverged e) {
        u = 0.5 * (br[0] + br[1]);
        converged = false;
      }
      double x = log ? Math.exp(u) : u;
      double fx = f.applyAsDouble(x);
      if (!(Math.abs(fx) < Math.max(Math.abs(br[2]), Math.abs(br[3])))) {
        // f changed sign across a pole or a jump: no root here
        jumps++;
        if (Double.isNaN(jump)) {
          jump = x;
        }
        continue;
      }
      return new Root(x, fx, changes - jumps, converged, fMin, xMin, fMax, xMax, nan, jump, points);
    }
    return new Root(Double.NaN, Double.NaN, 0, false, fMin, xMin, fMax, xMax, nan, jump, points);
  }
}
