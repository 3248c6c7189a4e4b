package org.lawlang.plot;

import java.util.List;

/**
 * A picture ready to draw, independent of how it is drawn: titles, axes and a list of
 * series. Built from a `plot` statement by {@link FigureBuilder}; drawn to PNG, SVG or PDF by
 * {@link ChartWriter} (through {@link Painter}) and to text by {@link TerminalPlot}. Other statements (fit residuals,
 * a compute-optimal frontier, IsoFLOP curves) can build one directly and draw it the same way.
 */
public record Figure(String title, String xLabel, String yLabel, boolean logX, boolean logY, List<Series> series) {
  public Figure {
    series = List.copyOf(series);
  }

  /**
   * How a series is drawn: separate markers, a line through the points in order, marks that
   * stand out (minima), or a horizontal reference line across the axes at its first y (the
   * zero line of a residual plot; not in the legend), a confidence band (a closed outline: the
   * lower ends left to right, then the upper ends right to left; drawn filled in the colour of
   * the curve that follows it, not in the legend), or the compute-optimal frontier through the
   * minima of IsoFLOP curves (a dashed black line).
   */
  public enum Kind {
    POINTS,
    CURVE,
    MARKS,
    RULE,
    BAND,
    FRONTIER
  }

  /**
   * One named set of (x, y) pairs. Points are any two columns of data; a curve is any
   * expression in one free variable, sampled over a range.
   */
  public record Series(String label, double[] x, double[] y, Kind kind) {
    public Series {
      if (x.length != y.length) {
        throw new IllegalArgumentException("x and y differ in length: " + x.length + " and " + y.length);
      }
      x = x.clone();
      y = y.clone();
    }

    public int size() {
      return x.length;
    }
  }
}
