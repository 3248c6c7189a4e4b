package org.lawlang.solve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Proposes the roots of f in [lo, hi] for `solve` and `roots`; RootCheck decides which are.
 *
 * <p>The scan samples f on a grid even in ln|x| — 100 points a decade (2.3% apart), on each
 * side of zero for a range that spans it (down to 1e-30 of that side's end, plus 0 itself) —
 * so that roots at 1e-25 and at 1e25 are seen alike. It proposes:
 * <ul>
 *   <li>every sample where f is exactly 0, whatever else the scan saw (a zero on a grid point
 *       after a pole is still a root);
 *   <li>a point refined by Brent's method in every cell where f changes sign, unless |f| there
 *       is no smaller than at the cell's ends: then f changed sign across a pole or a jump. The
 *       cell's thirds are sampled too: three sign changes there are three roots, each refined,
 *       and a sign that f oscillates faster than the grid (reported, as more may hide);
 *   <li>in every dip — a sample where |f| is smaller than at both neighbours (and than 0.9 of
 *       the larger) without a sign change — the least value of ±f between the neighbours: if it has the other sign, two
 *       roots closer than the grid hid in the dip and both are refined ((x − 2)·(x − 2.05));
 *       if not, the dip is reported for the caller to judge as a possible double root.
 * </ul>
 */
public final class RootFinder {
  private RootFinder() {}

  /** Samples a decade of |x|. */
  public static final int PER_DECADE = 100;
  /** Each side of zero is scanned down to this fraction of its end. */
  static final double FLOOR = 1e-30;
  /** Dips searched at most (each costs about 100 evaluations). */
  private static final int MAX_DIPS = 2000;

  /** A proposed root: the point, and whether Brent met its tolerance (an exact zero always does). */
  public record Candidate(double x, boolean converged) {}

  /** A dip of |f| that never reached the other sign: its lowest point and f there. */
  public record Dip(double x, double f) {}

  /**
   * What the scan found: candidates and dips in increasing x, the points where f changed sign
   * across a pole or a jump, the number of samples, the least and greatest f seen (and where),
   * where |f| was least, whether every finite sample was exactly 0, and the first cell where f
   * changed sign three times between its ends and its thirds (NaN if none): f oscillates faster
   * than the grid there, and roots between samples may be missed.
   */
  public record Scan(List<Candidate> candidates, List<Dip> dips, List<Double> jumps, int samples, double fMin, double xAtMin,
      double fMax, double xAtMax, double xAtLeast, boolean leastAtEnd, boolean zeroEverywhere, double oscillatesAt) {}

  public static Scan scan(DoubleUnaryOperator f, double lo, double hi) {
    return scan(f, lo, hi, PER_DECADE);
  }

  /** The scan with {@code perDecade} samples a decade (fewer for a cheap look, as at the negatives `solve` skips). */
  public static Scan scan(DoubleUnaryOperator f, double lo, double hi, int perDecade) {
    double[] xs = grid(lo, hi, perDecade);
    int n = xs.length;
    double[] fs = new double[n];
    double fMin = Double.POSITIVE_INFINITY;
    double fMax = Double.NEGATIVE_INFINITY;
    double xMin = Double.NaN;
    double xMax = Double.NaN;
    int least = -1;
    boolean allZero = true;
    for (int i = 0; i < n; i++) {
      double v = f.applyAsDouble(xs[i]);
      fs[i] = v;
      if (!Double.isFinite(v)) {
        continue;
      }
      allZero &= v == 0;
      if (v < fMin) {
        fMin = v;
        xMin = xs[i];
      }
      if (v > fMax) {
        fMax = v;
        xMax = xs[i];
      }
      if (least < 0 || Math.abs(v) < Math.abs(fs[least])) {
        least = i;
      }
    }
    List<Candidate> candidates = new ArrayList<>();
    List<Dip> dips = new ArrayList<>();
    List<Double> jumps = new ArrayList<>();
    int dipsSearched = 0;
    double oscillates = Double.NaN;
    for (int i = 0; i < n; i++) {
      if (fs[i] == 0 && !(i > 0 && fs[i - 1] == 0)) {
        candidates.add(new Candidate(xs[i], true));
      }
      if (i + 1 < n && changes(fs[i], fs[i + 1])) {
        // the cell's thirds: three sign changes there are three roots where the ends show one
        double a = xs[i];
        double b = xs[i + 1];
        double t1 = a + (b - a) / 3;
        double t2 = a + 2 * (b - a) / 3;
        double f1 = f.applyAsDouble(t1);
        double f2 = f.applyAsDouble(t2);
        if (changes(fs[i], f1) && changes(f1, f2) && changes(f2, fs[i + 1])) {
          refine(f, a, t1, fs[i], f1, candidates, jumps);
          refine(f, t1, t2, f1, f2, candidates, jumps);
          refine(f, t2, b, f2, fs[i + 1], candidates, jumps);
          if (Double.isNaN(oscillates)) {
            oscillates = a;
          }
        } else {
          refine(f, a, b, fs[i], fs[i + 1], candidates, jumps);
        }
      }
      if (i > 0 && i + 1 < n && dip(fs[i - 1], fs[i], fs[i + 1]) && dipsSearched++ < MAX_DIPS) {
        double s = Math.signum(fs[i]);
        double[] low = lowest(x -> s * f.applyAsDouble(x), xs[i - 1], xs[i + 1], xs[i], s * fs[i]);
        double fLow = s * low[1];
        if (fLow == 0) {
          candidates.add(new Candidate(low[0], true));
        } else if (changes(fs[i], fLow)) {
          refine(f, xs[i - 1], low[0], fs[i - 1], fLow, candidates, jumps);
          refine(f, low[0], xs[i + 1], fLow, fs[i + 1], candidates, jumps);
        } else {
          dips.add(new Dip(low[0], fLow));
        }
      }
    }
    candidates.sort(Comparator.comparingDouble(Candidate::x));
    boolean finite = least >= 0;
    return new Scan(candidates, dips, jumps, n, fMin, xMin, fMax, xMax, finite ? xs[least] : Double.NaN,
        finite && (least == 0 || least == n - 1), finite && allZero, oscillates);
  }

  /** The grids of `solve` without a range (1e-30 to 1e30, and its look at the negatives), made once: 7,000 exp calls. */
  private static final java.util.Map<String, double[]> DEFAULT_GRIDS = new java.util.concurrent.ConcurrentHashMap<>();

  /** The sample points: even in ln|x|, ascending, with lo and hi exactly. Read only. */
  static double[] grid(double lo, double hi, int perDecade) {
    if (Math.abs(lo) == 1e-30 && Math.abs(hi) == 1e30 || Math.abs(lo) == 1e30 && Math.abs(hi) == 1e-30) {
      return DEFAULT_GRIDS.computeIfAbsent(lo + " " + hi + " " + perDecade, k -> makeGrid(lo, hi, perDecade));
    }
    return makeGrid(lo, hi, perDecade);
  }

  private static double[] makeGrid(double lo, double hi, int perDecade) {
    if (lo > 0) {
      return side(lo, hi, perDecade);
    }
    if (hi < 0) {
      return mirror(side(-hi, -lo, perDecade));
    }
    double[] neg = lo < 0 ? mirror(side(Math.max(-lo * FLOOR, Double.MIN_NORMAL), -lo, perDecade)) : new double[0];
    double[] pos = hi > 0 ? side(Math.max(hi * FLOOR, Double.MIN_NORMAL), hi, perDecade) : new double[0];
    double[] out = new double[neg.length + 1 + pos.length];
    System.arraycopy(neg, 0, out, 0, neg.length);
    out[neg.length] = 0;
    System.arraycopy(pos, 0, out, neg.length + 1, pos.length);
    return out;
  }

  private static double[] side(double a, double b, int perDecade) {
    if (!(a < b)) {
      return new double[] {b};
    }
    double la = Math.log(a);
    double lb = Math.log(b);
    int n = (int) Math.max(4 * perDecade + 1, Math.min(60 * perDecade + 1, Math.ceil((lb - la) / Math.log(10) * perDecade) + 1));
    double[] xs = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = i == 0 ? a : i == n - 1 ? b : Math.exp(la + (lb - la) * i / (n - 1));
    }
    return xs;
  }

  private static double[] mirror(double[] xs) {
    double[] out = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      out[i] = -xs[xs.length - 1 - i];
    }
    return out;
  }

  private static boolean changes(double a, double b) {
    return Double.isFinite(a) && Double.isFinite(b) && a != 0 && b != 0 && (a < 0) != (b < 0);
  }

  /**
   * A sample lower in |f| than both neighbours, and clearly lower than the higher one: two roots
   * hidden near it leave it a fraction of its neighbours (a ninth, for a parabola sampled evenly),
   * while the rounding noise on a flat stretch of f makes dips of a few units in the last place,
   * which would cost a search each.
   */
  private static boolean dip(double before, double at, double after) {
    return Double.isFinite(before) && Double.isFinite(after) && at != 0 && !changes(before, at) && !changes(at, after)
        && before != 0 && after != 0 && Math.abs(at) < Math.abs(before) && Math.abs(at) <= Math.abs(after)
        && Math.abs(at) < 0.9 * Math.max(Math.abs(before), Math.abs(after));
  }

  /**
   * Refines the sign change in [a, b] and proposes it, or records a jump when |f| at the
   * refined point is no smaller than at both ends (f grows toward a pole; at a root it shrinks).
   */
  private static void refine(DoubleUnaryOperator f, double a, double b, double fa, double fb, List<Candidate> out,
      List<Double> jumps) {
    double x;
    boolean converged = true;
    try {
      x = Brent.bracketed(f, a, b, fa, fb, 1e-15, Double.MIN_NORMAL, 1000);
    } catch (Brent.NotConverged e) {
      x = 0.5 * (a + b);
      converged = false;
    }
    double fx = f.applyAsDouble(x);
    if (Math.abs(fx) < Math.max(Math.abs(fa), Math.abs(fb))) {
      out.add(new Candidate(x, converged));
    } else {
      jumps.add(x);
    }
  }

  /**
   * The lowest point of g on [a, b] by golden-section search from the sample {@code x0} (with
   * g(x0) = {@code g0}), stopping as soon as g reaches 0 or below: {x, g(x)}.
   */
  private static double[] lowest(DoubleUnaryOperator g, double a, double b, double x0, double g0) {
    final double r = 0.5 * (3 - Math.sqrt(5));
    double bestX = x0;
    double bestG = g0;
    double c = a + r * (b - a);
    double d = b - r * (b - a);
    double gc = g.applyAsDouble(c);
    double gd = g.applyAsDouble(d);
    for (int k = 0; k < 100 && bestG > 0; k++) {
      if (gc < bestG) {
        bestG = gc;
        bestX = c;
      }
      if (gd < bestG) {
        bestG = gd;
        bestX = d;
      }
      if (bestG <= 0 || !(d - c > 1e-15 * Math.max(Math.abs(c), Math.abs(d)))) {
        break;
      }
      if (!(gc >= gd)) { // NaN on the right: look left
        b = d;
        d = c;
        gd = gc;
        c = a + r * (b - a);
        gc = g.applyAsDouble(c);
      } else {
        a = c;
        c = d;
        gc = gd;
        d = b - r * (b - a);
        gd = g.applyAsDouble(d);
      }
    }
    return new double[] {bestX, bestG};
  }
}
