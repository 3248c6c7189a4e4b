package org.lawlang.plot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an axis puts its ticks and what it writes there, as a paper would: a log axis labels
 * whole decades as 10ⁿ (every k-th decade when there are many) with unlabelled minor ticks
 * between; a shorter log range falls back to 1-2-5 multiples, then to every integer
 * multiple, then to round linear steps, so that at least {@link #MIN_LABELS} values are
 * labelled. A linear axis takes round steps (1, 2, 2.5 or 5 times a power of ten) and writes
 * every label with the same number of decimals (divided by a ×10ⁿ written once at the end of
 * the axis when the numbers are large or small). Pure arithmetic: shared by the picture writers and the terminal plot.
 */
final class Ticks {
  static final int MIN_LABELS = 3;
  private static final double EPS = 1e-9;
  /** The widest unlabelled stretch of a short log axis, as a fraction of it. */
  static final double MAX_GAP = 0.3;

  private Ticks() {}

  /**
   * One tick: its value, and for a labelled (major) tick the label as a base and an optional
   * superscript (`10` and `8` for 10⁸; `2×10` and `8` for 2×10⁸; `2.5` and null).
   */
  record Tick(double value, boolean major, String text, String sup) {
    /** The label as one line of plain text, with Unicode superscripts ("10⁸"). */
    String plain() {
      return sup == null ? text : text + superscript(sup);
    }
  }

  /**
   * The ticks of an axis that shows [lo, hi] (both positive on a log axis), at most
   * {@code maxLabels} labelled; a linear axis's labels divided by 10^{@link #multiplier}.
   */
  static List<Tick> of(double lo, double hi, boolean log, int maxLabels) {
    maxLabels = Math.max(MIN_LABELS, maxLabels);
    if (!(lo < hi)) {
      return List.of();
    }
    return log ? logTicks(lo, hi, maxLabels) : linear(lo, hi, maxLabels, false);
  }

  // ---- linear --------------------------------------------------------------------------

  /** Round steps; on a log axis (onLog) the labels are plain numbers, never ×10ⁿ. */
  private static List<Tick> linear(double lo, double hi, int maxLabels, boolean onLog) {
    double step = niceStep((hi - lo) / maxLabels, lo, hi, maxLabels);
    long first = (long) Math.ceil(lo / step - EPS);
    long last = (long) Math.floor(hi / step + EPS);
    List<Double> values = new ArrayList<>();
    for (long k = first; k <= last; k++) {
      values.add(k == 0 ? 0.0 : k * step);
    }
    int exponent = onLog ? 0 : multiplier(lo, hi, false);
    int decimals = decimals(step / Math.pow(10, exponent));
    List<Tick> out = new ArrayList<>();
    for (double v : values) {
      out.add(new Tick(v, true, fixed(v / Math.pow(10, exponent), decimals), null));
    }
    return out;
  }

  /**
   * The power of ten a linear axis's labels are divided by, written once at the end of the
   * axis as ×10ⁿ (as matplotlib does): 0 unless its numbers are large (≥ 10⁵) or small
   * (< 10⁻²); always 0 on a log axis.
   */
  static int multiplier(double lo, double hi, boolean log) {
    double biggest = Math.max(Math.abs(lo), Math.abs(hi));
    if (log || !(biggest >= 1e5 || biggest < 1e-2) || biggest == 0) {
      return 0;
    }
    return (int) Math.floor(Math.log10(biggest) + EPS);
  }

  /** The ×10ⁿ note of an axis as a base and a superscript, or null when it has none. */
  static String[] multiplierText(int exponent) {
    return exponent == 0 ? null : new String[] {"×10", signed(exponent)};
  }

  /**
   * The smallest round step (1, 2, 2.5, 5 × 10ᵏ) at least {@code raw} that keeps the labels
   * within bounds; the next finer one when that would leave fewer than two labels.
   */
  private static double niceStep(double raw, double lo, double hi, int maxLabels) {
    double mag = Math.pow(10, Math.floor(Math.log10(raw)) - 1);
    double finer = Double.NaN;
    for (int guard = 0; guard < 5; guard++, mag *= 10) {
      for (double m : new double[] {1, 2, 2.5, 5}) {
        double step = m * mag;
        if (step >= raw * (1 - EPS) && count(lo, hi, step) <= maxLabels) {
          return count(lo, hi, step) >= 2 || Double.isNaN(finer) ? step : finer;
        }
        finer = step;
      }
    }
    return 10 * mag;
  }

  private static long count(double lo, double hi, double step) {
    return (long) Math.floor(hi / step + EPS) - (long) Math.ceil(lo / step - EPS) + 1;
  }

  /** Decimals that show every multiple of {@code step} exactly (2.5 → 1, 0.02 → 2, 50 → 0). */
  static int decimals(double step) {
    BigDecimal d = new BigDecimal(Double.toString(step)).stripTrailingZeros();
    int scale = d.scale();
    // a step like 0.30000000000000004 is a rounding artefact: keep at most 10 decimals
    return Math.max(0, Math.min(10, scale));
  }

  static String fixed(double v, int decimals) {
    String s = new BigDecimal(v).setScale(decimals, java.math.RoundingMode.HALF_EVEN).toPlainString();
    if (s.startsWith("-")) {
      s = s.matches("-0(\\.0*)?") ? s.substring(1) : "−" + s.substring(1);
    }
    return s;
  }

  // ---- log -------------------------------------------------------------------------------

  private static List<Tick> logTicks(double lo, double hi, int maxLabels) {
    int d0 = (int) Math.ceil(Math.log10(lo) - EPS);
    int d1 = (int) Math.floor(Math.log10(hi) + EPS);
    int decades = d1 - d0 + 1;
    if (decades >= MIN_LABELS) {
      return decades(lo, hi, d1, (int) Math.ceil((double) decades / maxLabels));
    }
    for (int[] set : new int[][] {{1, 2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}}) {
      List<Double> labelled = multiples(lo, hi, set);
      if (labelled.size() >= MIN_LABELS && labelled.size() <= maxLabels && covers(labelled, lo, hi)) {
        List<Tick> out = new ArrayList<>();
        for (double v : multiples(lo, hi, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9})) {
          out.add(labelled.contains(v) ? multiple(v, labelled) : new Tick(v, false, null, null));
        }
        return out;
      }
    }
    // two decades, too narrow for 1-2-5 labels to fit: the decades alone
    if (decades == 2) {
      return decades(lo, hi, d1, 1);
    }
    // within a decade: the coarsest round linear steps that cover the axis
    List<Tick> ticks = null;
    for (int n = MIN_LABELS; n <= Math.min(maxLabels, 8); n++) {
      ticks = linear(lo, hi, n, true);
      List<Double> values = ticks.stream().map(Tick::value).toList();
      if (values.size() >= 2 && covers(values, lo, hi)) {
        return ticks;
      }
    }
    return ticks;
  }

  /**
   * Whether labels leave no stretch of the axis (ends included) wider than {@link #MAX_GAP}
   * of it unlabelled: 3, 4, 5 on an axis from 2.2 to 5.8 leave its lowest third bare, where a
   * scaling-law plot has most of its runs.
   */
  private static boolean covers(List<Double> labelled, double lo, double hi) {
    double span = Math.log10(hi / lo);
    double last = Math.log10(lo);
    for (double v : labelled) {
      if (Math.log10(v) - last > MAX_GAP * span) {
        return false;
      }
      last = Math.log10(v);
    }
    return Math.log10(hi) - last <= MAX_GAP * span;
  }

  /** Every {@code every}-th decade labelled 10ⁿ; minor ticks at the other decades, or at 2..9 × 10ⁿ. */
  private static List<Tick> decades(double lo, double hi, int d1, int every) {
    List<Tick> out = new ArrayList<>();
    for (int d = (int) Math.floor(Math.log10(lo)); d <= d1; d++) {
      boolean major = Math.floorMod(d, every) == 0;
      double v = Math.pow(10, d);
      if (v >= lo * (1 - EPS)) {
        out.add(major ? decade(d) : new Tick(v, false, null, null));
      }
      if (every == 1) {
        for (int m = 2; m <= 9; m++) {
          double mv = m * v;
          if (mv >= lo * (1 - EPS) && mv <= hi * (1 + EPS)) {
            out.add(new Tick(mv, false, null, null));
          }
        }
      }
    }
    return out;
  }

  /** The values m×10ᵈ in [lo, hi] for m in {@code set}, ascending. */
  private static List<Double> multiples(double lo, double hi, int[] set) {
    List<Double> out = new ArrayList<>();
    for (int d = (int) Math.floor(Math.log10(lo)) - 1; d <= (int) Math.floor(Math.log10(hi)); d++) {
      for (int m : set) {
        double v = new BigDecimal(m).scaleByPowerOfTen(d).doubleValue();
        if (v >= lo * (1 - EPS) && v <= hi * (1 + EPS)) {
          out.add(v);
        }
      }
    }
    return out;
  }

  private static Tick decade(int d) {
    return new Tick(Math.pow(10, d), true, "10", signed(d));
  }

  /** A 1-2-5 (or integer) multiple: plain when every label of the axis reads well plain, else m×10ⁿ. */
  private static Tick multiple(double v, List<Double> all) {
    boolean plain = all.stream().allMatch(x -> x >= 1e-3 && x < 1e5);
    if (plain) {
      int decimals = 0;
      for (double x : all) {
        decimals = Math.max(decimals, decimals(x));
      }
      return new Tick(v, true, fixed(v, decimals), null);
    }
    int d = (int) Math.floor(Math.log10(v) + EPS);
    long m = Math.round(v / Math.pow(10, d));
    return m == 1 ? decade(d) : new Tick(v, true, m + "×10", signed(d));
  }

  private static String signed(int exponent) {
    return exponent < 0 ? "−" + (-exponent) : Integer.toString(exponent);
  }

  /** Digits and minus as Unicode superscripts. */
  static String superscript(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      out.append(switch (c) {
        case '0' -> '⁰';
        case '1' -> '¹';
        case '2' -> '²';
        case '3' -> '³';
        case '4' -> '⁴';
        case '5' -> '⁵';
        case '6' -> '⁶';
        case '7' -> '⁷';
        case '8' -> '⁸';
        case '9' -> '⁹';
        case '−', '-' -> '⁻';
        default -> c;
      });
    }
    return out.toString();
  }
}
