package org.lawlang.plot;

import org.lawlang.diag.Diagnostic;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Span;
import org.lawlang.eval.Interpreter;

/** Axis arithmetic shared by the writers: sample grids, data ranges, and what a log axis can show. */
final class Scales {
  private Scales() {}

  /** {@code n} points from lo to hi, evenly spaced in log scale when {@code log}. */
  static double[] sample(double lo, double hi, int n, boolean log) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double t = (double) i / (n - 1);
      out[i] = log ? StrictMath.exp(StrictMath.log(lo) + t * (StrictMath.log(hi) - StrictMath.log(lo))) : lo + t * (hi - lo);
    }
    out[0] = lo;
    out[n - 1] = hi;
    return out;
  }

  /** [min, max] of the finite values. */
  static double[] range(double[] xs) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double x : xs) {
      if (Double.isFinite(x)) {
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
    }
    return new double[] {lo, hi};
  }

  /**
   * The series without the points an axis cannot show (not finite; not positive on a log
   * axis), warning once when some are left off; an error when none is left.
   */
  static Figure.Series keepShowable(Figure.Series s, PlotOptions o, Span at, Interpreter in) {
    double[] x = s.x();
    double[] y = s.y();
    int kept = 0;
    boolean[] keep = new boolean[x.length];
    for (int i = 0; i < x.length; i++) {
      keep[i] = Double.isFinite(x[i]) && Double.isFinite(y[i]) && (!o.logX || x[i] > 0) && (!o.logY || y[i] > 0);
      kept += keep[i] ? 1 : 0;
    }
    if (kept == x.length) {
      return s;
    }
    if (kept == 0) {
      throw LawException.of(Msg.PLOT_NOTHING_ON_LOG_AXIS, at, "'" + s.label() + "'")
          .hint("add 'linear' (or 'logx' / 'logy') to plot on a linear axis");
    }
    in.warnOnce("plot:" + s.label(), Diagnostic.warning(Msg.PLOT_POINTS_LEFT_OFF, at, x.length - kept, x.length, "'" + s.label() + "'")
        .withHint("add 'linear' (or 'logx' / 'logy') to plot on a linear axis"));
    double[] kx = new double[kept];
    double[] ky = new double[kept];
    int j = 0;
    for (int i = 0; i < x.length; i++) {
      if (keep[i]) {
        kx[j] = x[i];
        ky[j++] = y[i];
      }
    }
    return new Figure.Series(s.label(), kx, ky, s.kind());
  }
}
