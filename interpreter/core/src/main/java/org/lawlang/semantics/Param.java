package org.lawlang.semantics;

/**
 * A free parameter of a law with its bounds (open or closed, possibly infinite) and an
 * optional start value, as declared by `with A > 0, alpha in [0, 2] start 0.3`.
 */
public record Param(String name, double lo, double hi, boolean loOpen, boolean hiOpen, Double start) {
  public static Param free(String name) {
    return new Param(name, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false, false, null);
  }

  public boolean bounded() {
    return lo > Double.NEGATIVE_INFINITY || hi < Double.POSITIVE_INFINITY;
  }

  /** Whether the parameter must be strictly positive, so it may be fitted on a log scale. */
  public boolean positive() {
    return lo > 0 || (lo == 0 && loOpen);
  }

  public boolean contains(double x) {
    boolean aboveLo = loOpen ? x > lo : x >= lo;
    boolean belowHi = hiOpen ? x < hi : x <= hi;
    return aboveLo && belowHi;
  }

  public String boundsText() {
    if (!bounded()) {
      return "(unbounded)";
    }
    if (hi == Double.POSITIVE_INFINITY) {
      return (loOpen ? "> " : ">= ") + org.lawlang.syntax.NumberFormat.show(lo);
    }
    if (lo == Double.NEGATIVE_INFINITY) {
      return (hiOpen ? "< " : "<= ") + org.lawlang.syntax.NumberFormat.show(hi);
    }
    return (loOpen ? "(" : "[") + org.lawlang.syntax.NumberFormat.show(lo) + ", "
        + org.lawlang.syntax.NumberFormat.show(hi) + (hiOpen ? ")" : "]");
  }
}
