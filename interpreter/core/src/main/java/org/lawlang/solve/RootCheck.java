package org.lawlang.solve;

import java.util.function.DoubleUnaryOperator;

/**
 * The independent check of a root, run on every root that `solve` and `roots` report and on
 * nothing else: it knows only f, the size of f's terms (compile.Magnitude) and the point, not
 * how the point was found. A point is a root when f is exactly 0 there, or when
 * <ul>
 *   <li>the residual is small next to the terms: |f(x)| ≤ 1e-9 · size(x) (rounding leaves
 *       about 1e-16 of it; a pole or a jump leaves |f| as large as its terms), and
 *   <li>f changes sign across [x − ε, x + ε] for a small ε (1e-14 to 1e-8 of |x|), with |f(x)|
 *       no larger than at those two points (near a pole |f| grows toward x instead).
 * </ul>
 */
public final class RootCheck {
  private RootCheck() {}

  /** The largest residual, relative to the size of the terms, that counts as zero. */
  public static final double RESIDUAL = 1e-9;

  private static final double[] STEPS = {1e-14, 1e-12, 1e-10, 1e-8};

  /** The check's finding: whether x is a root, f and the terms' size there, and if not, why. */
  public record Verdict(boolean root, double x, double residual, double size, String why) {}

  /** Whether |v| is zero up to rounding next to terms of size {@code size}. */
  public static boolean negligible(double v, double size) {
    return v == 0 || Math.abs(v) <= RESIDUAL * size;
  }

  public static Verdict check(DoubleUnaryOperator f, DoubleUnaryOperator size, double x) {
    double v = f.applyAsDouble(x);
    double s = size.applyAsDouble(x);
    if (v == 0) {
      return new Verdict(true, x, 0, s, null);
    }
    if (!Double.isFinite(v)) {
      return new Verdict(false, x, v, s, "the equation is undefined there");
    }
    if (!negligible(v, s)) {
      return new Verdict(false, x, v, s, "left minus right is " + show(v) + " there, not small next to its terms (of size "
          + show(s) + "): a pole or a jump");
    }
    double scale = Math.max(Math.abs(x), Double.MIN_NORMAL);
    for (double step : STEPS) {
      double eps = scale * step;
      double below = f.applyAsDouble(x - eps);
      double above = f.applyAsDouble(x + eps);
      if (Double.isFinite(below) && Double.isFinite(above) && (below < 0) != (above < 0) && below != 0 && above != 0
          && Math.abs(v) <= Math.max(Math.abs(below), Math.abs(above))) {
        return new Verdict(true, x, v, s, null);
      }
    }
    return new Verdict(false, x, v, s, "left minus right does not change sign around it (within " + show(STEPS[STEPS.length - 1])
        + " of x)");
  }

  private static String show(double v) {
    return org.lawlang.syntax.NumberFormat.show(v);
  }
}
