package org.lawlang.solve;

import java.util.function.DoubleUnaryOperator;

/**
 * Brent's method for a root inside a bracket: inverse quadratic and linear interpolation,
 * falling back to bisection when they are slow or leave the bracket. The same steps and
 * tolerances as Commons Math's BrentSolver (which `solve` used before), as own code because
 * Commons Math's classes are compiled for Java 5: the JVM's class-data sharing cannot archive
 * them, so loading and verifying the solver on every run cost about 20 ms of start-up.
 */
final class Brent {
  private Brent() {}

  /** Thrown when the evaluation budget runs out before the tolerance is met. */
  static final class NotConverged extends Exception {
    NotConverged() {
      super("Brent's method ran out of evaluations", null, false, false);
    }
  }

  /** What a refinement needs: the tolerances and the evaluation budget. */
  private static final class Budget {
    final DoubleUnaryOperator f;
    final int maxEval;
    int used;

    Budget(DoubleUnaryOperator f, int maxEval) {
      this.f = f;
      this.maxEval = maxEval;
    }

    double at(double x) throws NotConverged {
      if (++used > maxEval) {
        throw new NotConverged();
      }
      return f.applyAsDouble(x);
    }
  }

  /** |f| at or below this counts as a root at the start or the ends. */
  private static final double FUNCTION_ACCURACY = 1e-15;

  /**
   * A root of f in [lo, hi], where f(lo) and f(hi) differ in sign (or one is within
   * {@link #FUNCTION_ACCURACY} of 0), to within {@code relAcc}·|x| + {@code absAcc}.
   *
   * @throws IllegalArgumentException when lo ≥ hi or the ends do not bracket a root
   * @throws NotConverged after {@code maxEval} evaluations
   */
  static double solve(DoubleUnaryOperator f, double lo, double hi, double relAcc, double absAcc, int maxEval)
      throws NotConverged {
    if (!(lo < hi)) {
      throw new IllegalArgumentException("Brent needs lo < hi");
    }
    Budget b = new Budget(f, maxEval);
    double initial = lo + 0.5 * (hi - lo);
    double yInitial = b.at(initial);
    if (Math.abs(yInitial) <= FUNCTION_ACCURACY) {
      return initial;
    }
    double yLo = b.at(lo);
    if (Math.abs(yLo) <= FUNCTION_ACCURACY) {
      return lo;
    }
    if (yInitial * yLo < 0) {
      return refine(b, lo, initial, yLo, yInitial, relAcc, absAcc);
    }
    double yHi = b.at(hi);
    if (Math.abs(yHi) <= FUNCTION_ACCURACY) {
      return hi;
    }
    if (yInitial * yHi < 0) {
      return refine(b, initial, hi, yInitial, yHi, relAcc, absAcc);
    }
    throw new IllegalArgumentException("the ends do not bracket a root");
  }

  /**
   * A root of f in [lo, hi], whose ends' values {@code fLo} and {@code fHi} are known to have
   * opposite signs. Unlike {@link #solve}, no |f| counts as small enough to stop early: an
   * absolute threshold would end at any point of an equation whose terms are all tiny (x = 1e-20).
   */
  static double bracketed(DoubleUnaryOperator f, double lo, double hi, double fLo, double fHi, double relAcc, double absAcc,
      int maxEval) throws NotConverged {
    return refine(new Budget(f, maxEval), lo, hi, fLo, fHi, relAcc, absAcc);
  }

  private static double refine(Budget fn, double lo, double hi, double fLo, double fHi, double eps, double t)
      throws NotConverged {
    double a = lo;
    double fa = fLo;
    double b = hi;
    double fb = fHi;
    double c = a;
    double fc = fa;
    double d = b - a;
    double e = d;
    while (true) {
      if (Math.abs(fc) < Math.abs(fb)) {
        a = b;
        b = c;
        c = a;
        fa = fb;
        fb = fc;
        fc = fa;
      }
      double tol = 2 * eps * Math.abs(b) + t;
      double m = 0.5 * (c - b);
      if (Math.abs(m) <= tol || fb == 0 || Math.abs(fb) == Double.MIN_VALUE) {
        return b;
      }
      if (Math.abs(e) < tol || Math.abs(fa) <= Math.abs(fb)) {
        d = m; // bisect
        e = d;
      } else {
        double s = fb / fa;
        double p;
        double q;
        if (a == c) {
          p = 2 * m * s; // secant
          q = 1 - s;
        } else {
          q = fa / fc; // inverse quadratic interpolation
          double r = fb / fc;
          p = s * (2 * m * q * (q - r) - (b - a) * (r - 1));
          q = (q - 1) * (r - 1) * (s - 1);
        }
        if (p > 0) {
          q = -q;
        } else {
          p = -p;
        }
        s = e;
        e = d;
        if (p >= 1.5 * m * q - Math.abs(tol * q) || p >= Math.abs(0.5 * s * q)) {
          d = m; // interpolation leaves the bracket or stalls: bisect
          e = d;
        } else {
          d = p / q;
        }
      }
      a = b;
      fa = fb;
      if (Math.abs(d) > tol) {
        b += d;
      } else if (m > 0) {
        b += tol;
      } else {
        b -= tol;
      }
      fb = fn.at(b);
      if ((fb > 0 && fc > 0) || (fb <= 0 && fc <= 0)) {
        c = a;
        fc = fa;
        d = b - a;
        e = d;
      }
    }
  }
}
