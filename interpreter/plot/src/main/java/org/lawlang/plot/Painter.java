package org.lawlang.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out and draws one {@link Figure} on a {@link Canvas}, in points: axes with {@link Ticks}
 * (major ticks labelled, minor ticks not, a light grid at the majors), then the series in the
 * order that keeps data readable — reference lines, curves, data points, marks — so that no
 * curve hides a point; then a legend where it covers the least of the data (or outside the
 * axes on the right, when every place inside would hide points).
 */
final class Painter {
  static final double TICK_FONT = 10;
  static final double LABEL_FONT = 11;
  static final double TITLE_FONT = 12;
  static final double LEGEND_FONT = 9;
  private static final double MAJOR = 3.5;
  private static final double MINOR = 2;
  private static final double PAD = 8;
  private static final double CURVE_WIDTH = 1.6;
  private static final double POINT_RADIUS = 2.6;
  private static final Color GRID = new Color(0xe6e6e6);
  private static final Color RULE = new Color(0x555555);
  private static final Color TEXT = Color.BLACK;

  /** Where the legend goes: the place inside that hides least, outside on the right, a fixed corner, or nowhere. */
  enum Legend {
    BEST, OUTSIDE, NONE, UPPER_RIGHT, UPPER_LEFT, LOWER_LEFT, LOWER_RIGHT;

    static final List<String> NAMES = List.of("best", "outside", "none", "upper right", "upper left", "lower left", "lower right");

    static Legend named(String s) {
      int i = NAMES.indexOf(s);
      return i < 0 ? null : values()[i];
    }
  }

  private final Figure figure;
  private final Canvas canvas;
  /** The left edge of the figure's area on the canvas (panels of a row sit side by side). */
  private final double ox;
  private final double width;
  private final double height;
  private final Legend legendPlace;
  private final double[] xr;
  private final double[] yr;
  private final List<Entry> entries = new ArrayList<>();
  // the axes rectangle
  private double left;
  private double top;
  private double plotW;
  private double plotH;
  private List<Ticks.Tick> xTicks;
  private List<Ticks.Tick> yTicks;

  /** A series with the colour, line style and marker it is drawn with, and whether the legend lists it. */
  private record Entry(Figure.Series series, Color color, float[] dash, Palette.Shape shape) {}

  private Painter(Figure figure, Canvas canvas, double ox, double width, double height, Legend legend) {
    this.figure = figure;
    this.canvas = canvas;
    this.ox = ox;
    this.width = width;
    this.height = height;
    this.legendPlace = legend;
    this.xr = range(true);
    this.yr = range(false);
    int colour = 0;
    for (Figure.Series s : figure.series()) {
      switch (s.kind()) {
        case RULE -> entries.add(new Entry(s, RULE, new float[] {4f, 2f}, null));
        case MARKS -> entries.add(new Entry(s, Color.BLACK, null, Palette.Shape.DIAMOND));
        case FRONTIER -> entries.add(new Entry(s, Color.BLACK, new float[] {5f, 3f}, null));
        // a band takes the colour of the curve drawn after it, lightened: the curve stays on top
        case BAND -> {
          Color c = Palette.color(colour);
          entries.add(new Entry(s, new Color(c.getRed(), c.getGreen(), c.getBlue(), 64), null, null));
        }
        default -> {
          entries.add(new Entry(s, Palette.color(colour), Palette.dash(colour), Palette.shape(colour)));
          colour++;
        }
      }
    }
  }

  /** Draws the figure into a {@code width} × {@code height} point area of the canvas. */
  static void paint(Figure figure, Canvas canvas, double width, double height, Legend legend) {
    paint(List.of(figure), canvas, width, height, legend);
  }

  /** Draws the figures as panels in a row, each in a {@code width} × {@code height} point area. */
  static void paint(List<Figure> panels, Canvas canvas, double width, double height, Legend legend) {
    for (int i = 0; i < panels.size(); i++) {
      new Painter(panels.get(i), canvas, i * width, width, height, legend).paint();
    }
  }

  private void paint() {
    canvas.rect(ox, 0, width, height, Color.WHITE, null, 0);
    List<Entry> listed = entries.stream().filter(e -> e.series.kind() != Figure.Kind.RULE && e.series.kind() != Figure.Kind.BAND)
        .toList();
    boolean showLegend = legendPlace != Legend.NONE && listed.size() > 1;
    double[] box = showLegend ? legendSize(listed) : null;
    layout(0);
    double[] at = null;
    if (showLegend) {
      at = placeLegend(box);
      if (at == null) {
        layout(box[0] + PAD);
        at = new double[] {left + plotW + PAD, top};
      }
    }
    drawGrid();
    canvas.clip(left, top, plotW, plotH);
    for (Entry e : entries) {
      if (e.series.kind() == Figure.Kind.BAND) {
        drawBand(e);
      }
    }
    for (Figure.Kind kind : new Figure.Kind[] {Figure.Kind.RULE, Figure.Kind.CURVE, Figure.Kind.FRONTIER}) {
      for (Entry e : entries) {
        if (e.series.kind() == kind) {
          drawLine(e);
        }
      }
    }
    canvas.unclip();
    for (Figure.Kind kind : new Figure.Kind[] {Figure.Kind.POINTS, Figure.Kind.MARKS}) {
      for (Entry e : entries) {
        if (e.series.kind() == kind) {
          drawPoints(e);
        }
      }
    }
    drawAxes();
    if (showLegend) {
      drawLegend(listed, box, at[0], at[1]);
    }
  }

  // ---- layout ----------------------------------------------------------------------------

  /** Places the axes rectangle and chooses the ticks, leaving {@code rightExtra} points on the right. */
  private void layout(double rightExtra) {
    top = figure.title() != null ? PAD + TITLE_FONT * 1.6 : PAD + 2;
    double bottom = MAJOR + 3 + TICK_FONT * 1.15 + (figure.xLabel().isEmpty() ? 0 : 5 + LABEL_FONT) + PAD;
    plotH = Math.max(20, height - top - bottom);
    yTicks = fit(yr, figure.logY(), plotH, false);
    double labels = 0;
    for (Ticks.Tick t : yTicks) {
      if (t.major()) {
        labels = Math.max(labels, Canvas.width(t.text(), t.sup(), TICK_FONT));
      }
    }
    left = ox + PAD + (figure.yLabel().isEmpty() ? 0 : LABEL_FONT * 1.2 + 4) + labels + 3 + MAJOR;
    double right = PAD + 4 + rightExtra;
    plotW = Math.max(20, ox + width - left - right);
    xTicks = fit(xr, figure.logX(), plotW, true);
  }

  /** Ticks for an axis of {@code length} points: as many labels as fit without crowding. */
  private static List<Ticks.Tick> fit(double[] r, boolean log, double length, boolean horizontal) {
    double lo = log ? Math.pow(10, r[0]) : r[0];
    double hi = log ? Math.pow(10, r[1]) : r[1];
    int max = (int) Math.max(Ticks.MIN_LABELS, Math.floor(length / (horizontal ? 48 : 24)));
    for (;; max--) {
      List<Ticks.Tick> ticks = Ticks.of(lo, hi, log, max);
      if (!horizontal || max <= Ticks.MIN_LABELS || !crowded(ticks, r, log, length)) {
        return ticks;
      }
    }
  }

  /** Whether neighbouring x labels would come closer than a few points. */
  private static boolean crowded(List<Ticks.Tick> ticks, double[] r, boolean log, double length) {
    double lastEnd = Double.NEGATIVE_INFINITY;
    for (Ticks.Tick t : ticks) {
      if (t.major()) {
        double pos = ((log ? Math.log10(t.value()) : t.value()) - r[0]) / (r[1] - r[0]) * length;
        double w = Canvas.width(t.text(), t.sup(), TICK_FONT);
        if (pos - w / 2 < lastEnd + 6) {
          return true;
        }
        lastEnd = pos + w / 2;
      }
    }
    return false;
  }

  /** The range of an axis in plot coordinates (log10 on a log axis), padded by 4% on each side. */
  private double[] range(boolean x) {
    boolean log = x ? figure.logX() : figure.logY();
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Figure.Series s : figure.series()) {
      if (x && s.kind() == Figure.Kind.RULE) {
        continue;
      }
      for (double v : x ? s.x() : s.y()) {
        double t = log ? Math.log10(v) : v;
        if (Double.isFinite(t)) {
          lo = Math.min(lo, t);
          hi = Math.max(hi, t);
        }
      }
    }
    if (!(lo <= hi)) {
      return new double[] {0, 1};
    }
    if (lo == hi) {
      double pad = Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 1;
      return new double[] {lo - pad, hi + pad};
    }
    double pad = (hi - lo) * 0.04;
    return new double[] {lo - pad, hi + pad};
  }

  private static double unlog(double t, boolean log) {
    return log ? Math.pow(10, t) : t;
  }

  private double px(double v) {
    double t = figure.logX() ? Math.log10(v) : v;
    return left + (t - xr[0]) / (xr[1] - xr[0]) * plotW;
  }

  private double py(double v) {
    double t = figure.logY() ? Math.log10(v) : v;
    return top + plotH - (t - yr[0]) / (yr[1] - yr[0]) * plotH;
  }

  // ---- drawing -----------------------------------------------------------------------------

  private void drawGrid() {
    for (Ticks.Tick t : xTicks) {
      if (t.major()) {
        double x = px(t.value());
        canvas.polyline(new double[] {x, x}, new double[] {top, top + plotH}, 2, GRID, 0.6, null);
      }
    }
    for (Ticks.Tick t : yTicks) {
      if (t.major()) {
        double y = py(t.value());
        canvas.polyline(new double[] {left, left + plotW}, new double[] {y, y}, 2, GRID, 0.6, null);
      }
    }
  }

  private void drawLine(Entry e) {
    Figure.Series s = e.series;
    if (s.kind() == Figure.Kind.RULE) {
      double y = py(s.y()[0]);
      canvas.polyline(new double[] {left, left + plotW}, new double[] {y, y}, 2, e.color, 0.9, e.dash);
      return;
    }
    double[] x = new double[s.size()];
    double[] y = new double[s.size()];
    int n = 0;
    // a gap (a value the axis cannot show) breaks the line instead of joining across it
    for (int i = 0; i <= s.size(); i++) {
      boolean ok = i < s.size() && Double.isFinite(px(s.x()[i])) && Double.isFinite(py(s.y()[i]));
      if (ok) {
        x[n] = px(s.x()[i]);
        y[n++] = py(s.y()[i]);
      } else {
        canvas.polyline(x, y, n, e.color, CURVE_WIDTH, e.dash);
        if (n == 1) {
          canvas.marker(Palette.Shape.CIRCLE, x[0], y[0], CURVE_WIDTH, e.color, null, 0);
        }
        n = 0;
      }
    }
  }

  private void drawBand(Entry e) {
    Figure.Series s = e.series;
    double[] x = new double[s.size()];
    double[] y = new double[s.size()];
    int n = 0;
    for (int i = 0; i < s.size(); i++) {
      double a = px(s.x()[i]);
      double b = py(s.y()[i]);
      if (Double.isFinite(a) && Double.isFinite(b)) {
        x[n] = a;
        y[n++] = b;
      }
    }
    if (n > 2) {
      canvas.polygon(x, y, n, e.color);
    }
  }

  private void drawPoints(Entry e) {
    Figure.Series s = e.series;
    boolean mark = s.kind() == Figure.Kind.MARKS;
    for (int i = 0; i < s.size(); i++) {
      double x = px(s.x()[i]);
      double y = py(s.y()[i]);
      if (Double.isFinite(x) && Double.isFinite(y)) {
        canvas.marker(e.shape, x, y, mark ? 3.6 : POINT_RADIUS, e.color, Color.WHITE, mark ? 0.9 : 0.5);
      }
    }
  }

  private void drawAxes() {
    canvas.rect(left, top, plotW, plotH, null, TEXT, 0.8);
    double base = top + plotH;
    for (Ticks.Tick t : xTicks) {
      double x = px(t.value());
      double len = t.major() ? MAJOR : MINOR;
      canvas.polyline(new double[] {x, x}, new double[] {base, base + len}, 2, TEXT, t.major() ? 0.8 : 0.6, null);
      if (t.major()) {
        canvas.text(t.text(), t.sup(), x, base + MAJOR + 3 + TICK_FONT * 0.95, TICK_FONT, 0, false, TEXT);
      }
    }
    for (Ticks.Tick t : yTicks) {
      double y = py(t.value());
      double len = t.major() ? MAJOR : MINOR;
      canvas.polyline(new double[] {left - len, left}, new double[] {y, y}, 2, TEXT, t.major() ? 0.8 : 0.6, null);
      if (t.major()) {
        canvas.text(t.text(), t.sup(), left - MAJOR - 3, y + TICK_FONT * 0.36, TICK_FONT, 1, false, TEXT);
      }
    }
    double labelBase = base + MAJOR + 3 + TICK_FONT * 1.15 + 5 + LABEL_FONT * 0.8;
    if (!figure.xLabel().isEmpty()) {
      canvas.text(figure.xLabel(), null, left + plotW / 2, labelBase, LABEL_FONT, 0, false, TEXT);
    }
    // a linear axis of large or small numbers: its labels are mantissas, the power of ten is said once
    String[] xm = Ticks.multiplierText(Ticks.multiplier(unlog(xr[0], figure.logX()), unlog(xr[1], figure.logX()), figure.logX()));
    if (xm != null) {
      canvas.text(xm[0], xm[1], left + plotW, labelBase, TICK_FONT, 1, false, TEXT);
    }
    String[] ym = Ticks.multiplierText(Ticks.multiplier(unlog(yr[0], figure.logY()), unlog(yr[1], figure.logY()), figure.logY()));
    if (ym != null) {
      canvas.text(ym[0], ym[1], left, top - 4, TICK_FONT, -1, false, TEXT);
    }
    if (!figure.yLabel().isEmpty()) {
      canvas.text(figure.yLabel(), null, ox + PAD + LABEL_FONT * 0.8, top + plotH / 2, LABEL_FONT, 0, true, TEXT);
    }
    if (figure.title() != null) {
      canvas.text(figure.title(), null, left + plotW / 2, top - TITLE_FONT * 0.6, TITLE_FONT, 0, false, TEXT);
    }
  }

  // ---- legend ------------------------------------------------------------------------------

  private static final double SWATCH = 18;
  private static final double ROW = LEGEND_FONT * 1.5;

  /** Width and height of the legend box. */
  private static double[] legendSize(List<Entry> listed) {
    double w = 0;
    for (Entry e : listed) {
      w = Math.max(w, Canvas.width(e.series.label(), null, LEGEND_FONT));
    }
    return new double[] {5 + SWATCH + 5 + w + 6, 4 + ROW * listed.size() + 2};
  }

  /**
   * The top-left corner of the legend inside the axes where it covers the fewest drawn
   * values (a data point weighs as much as ten curve samples); null when every place would
   * hide a data point or much of a curve, so that it goes outside.
   */
  private double[] placeLegend(double[] box) {
    double inset = 6;
    double x0 = left + inset;
    double x1 = left + plotW - inset - box[0];
    double xm = left + (plotW - box[0]) / 2;
    double y0 = top + inset;
    double y1 = top + plotH - inset - box[1];
    double ym = top + (plotH - box[1]) / 2;
    double[][] places = switch (legendPlace) {
      case UPPER_RIGHT -> new double[][] {{x1, y0}};
      case UPPER_LEFT -> new double[][] {{x0, y0}};
      case LOWER_LEFT -> new double[][] {{x0, y1}};
      case LOWER_RIGHT -> new double[][] {{x1, y1}};
      case OUTSIDE -> new double[0][];
      // matplotlib's order for loc="best": the first of the least covered wins
      default -> new double[][] {{x1, y0}, {x0, y0}, {x0, y1}, {x1, y1}, {x1, ym}, {x0, ym}, {xm, y1}, {xm, y0}, {xm, ym}};
    };
    if (places.length == 1) {
      return places[0];
    }
    double[] best = null;
    double bestCost = Double.POSITIVE_INFINITY;
    double curveSamples = 0;
    for (double[] p : places) {
      double cost = 0;
      for (Entry e : entries) {
        Figure.Series s = e.series;
        if (s.kind() == Figure.Kind.RULE) {
          continue;
        }
        boolean curve = s.kind() == Figure.Kind.CURVE || s.kind() == Figure.Kind.FRONTIER || s.kind() == Figure.Kind.BAND;
        for (int i = 0; i < s.size(); i++) {
          double x = px(s.x()[i]);
          double y = py(s.y()[i]);
          if (x >= p[0] - 2 && x <= p[0] + box[0] + 2 && y >= p[1] - 2 && y <= p[1] + box[1] + 2) {
            cost += curve ? 1 : 10;
          }
        }
        curveSamples = Math.max(curveSamples, curve ? s.size() : 0);
      }
      if (cost < bestCost) {
        bestCost = cost;
        best = p;
      }
    }
    // hiding no point and under 5% of one curve's samples is acceptable inside the axes
    return bestCost < Math.max(1, 0.05 * curveSamples) ? best : null;
  }

  private void drawLegend(List<Entry> listed, double[] box, double x, double y) {
    canvas.rect(x, y, box[0], box[1], new Color(255, 255, 255, 220), new Color(0xcccccc), 0.6);
    double row = y + 4;
    for (Entry e : listed) {
      double mid = row + ROW / 2;
      if (e.series.kind() == Figure.Kind.CURVE || e.series.kind() == Figure.Kind.FRONTIER) {
        canvas.polyline(new double[] {x + 5, x + 5 + SWATCH}, new double[] {mid, mid}, 2, e.color, CURVE_WIDTH, e.dash);
      } else {
        boolean mark = e.series.kind() == Figure.Kind.MARKS;
        canvas.marker(e.shape, x + 5 + SWATCH / 2, mid, mark ? 3.6 : POINT_RADIUS, e.color, Color.WHITE, 0.5);
      }
      canvas.text(e.series.label(), null, x + 5 + SWATCH + 5, mid + LEGEND_FONT * 0.36, LEGEND_FONT, -1, false, TEXT);
      row += ROW;
    }
  }
}
