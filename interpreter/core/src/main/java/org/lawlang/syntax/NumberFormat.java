package org.lawlang.syntax;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How law writes numbers. {@link #show} is the output rule: 6 significant digits, plain
 * decimals for 1e-4 <= |x| < 1e6 (trailing zeros dropped), otherwise scientific with a
 * short exponent (7.31906e10, 1e-5). {@link #literal} writes a number so that it parses
 * back exactly (shortest round-trip form). {@link #si} gives the 70.0B style.
 */
public final class NumberFormat {
  private NumberFormat() {}

  public static String show(double x) {
    return show(x, 6);
  }

  public static String show(double x, int digits) {
    if (Double.isNaN(x)) {
      return "nan";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "inf" : "-inf";
    }
    if (x == 0) {
      return "0";
    }
    BigDecimal d = new BigDecimal(x).round(new MathContext(digits, RoundingMode.HALF_EVEN));
    double ax = Math.abs(d.doubleValue());
    if (ax >= 1e-4 && ax < 1e6) {
      String s = d.stripTrailingZeros().toPlainString();
      return s;
    }
    return scientific(d);
  }

  private static String scientific(BigDecimal d) {
    BigDecimal stripped = d.stripTrailingZeros();
    int exponent = stripped.precision() - stripped.scale() - 1;
    BigDecimal mantissa = stripped.movePointLeft(exponent);
    return mantissa.stripTrailingZeros().toPlainString() + "e" + exponent;
  }

  /** The shortest text that reads back as exactly this double. */
  public static String literal(double x) {
    if (x == Math.rint(x) && Math.abs(x) < 1e15) {
      return Long.toString((long) x);
    }
    String s = Double.toString(x);
    if (s.contains("E")) {
      String[] parts = s.split("E");
      String m = parts[0].endsWith(".0") ? parts[0].substring(0, parts[0].length() - 2) : parts[0];
      return m + "e" + parts[1];
    }
    return s;
  }

  /** 7e10 -> "70.0B", 1.4e12 -> "1.40T", 3e5 -> "300K": three significant digits and a suffix. */
  public static String si(double x) {
    if (!Double.isFinite(x) || x == 0) {
      return show(x);
    }
    double ax = Math.abs(x);
    String[] suffix = {"", "K", "M", "B", "T"};
    int k = 0;
    if (ax >= 1e3) {
      k = Math.min(4, (int) Math.floor(Math.log10(ax) / 3));
    }
    if (ax >= 1e18 || ax < 1) {
      return show(x, 3);
    }
    double scaled = x / Math.pow(10, 3 * k);
    BigDecimal d = new BigDecimal(scaled).round(new MathContext(3, RoundingMode.HALF_EVEN));
    if (d.abs().compareTo(BigDecimal.valueOf(1000)) >= 0 && k < 4) {
      k++;
      d = new BigDecimal(x / Math.pow(10, 3 * k)).round(new MathContext(3, RoundingMode.HALF_EVEN));
    }
    return d.toPlainString() + suffix[k];
  }
}
