package org.lawlang.plot;

import java.util.ArrayList;
import java.util.List;
import org.lawlang.syntax.NumberFormat;

/**
 * Draws a {@link Figure} as text with Unicode braille characters (2×4 dots a cell), so a
 * `plot` without a file shows its shape at once in the terminal. Log axes as the figure says;
 * curves are numbered at their right end and listed in a legend; the output is
 * deterministic, so scripts print it and golden tests check it.
 */
public final class TerminalPlot {
  public static final int WIDTH = 60;
  public static final int HEIGHT = 16;
  private static final int[][] BITS = {{0x01, 0x02, 0x04, 0x40}, {0x08, 0x10, 0x20, 0x80}};

  private final Figure figure;
  private final int width;
  private final int height;
  private final int[][] cells;
  private final char[][] points;
  private final String[] marks;
  private final double[] xr;
  private final double[] yr;

  private TerminalPlot(Figure figure, int width, int height) {
    this.figure = figure;
    this.width = width;
    this.height = height;
    this.cells = new int[height][width];
    this.points = new char[height][width];
    this.marks = new String[height];
    this.xr = axisRange(figure, true);
    this.yr = axisRange(figure, false);
  }

  public static String render(Figure figure) {
    return render(figure, WIDTH, HEIGHT);
  }

  public static String render(Figure figure, int width, int height) {
    return new TerminalPlot(figure, Math.max(10, width), Math.max(4, height)).draw();
  }

  private String draw() {
    int curve = 0;
    List<String> legend = new ArrayList<>();
    for (Figure.Series s : figure.series()) {
      if (s.kind() != Figure.Kind.CURVE) {
        char mark = s.kind() == Figure.Kind.MARKS ? '◆' : '•';
        for (int i = 0; i < s.size(); i++) {
          point(px(s.x()[i]), py(s.y()[i]), mark);
        }
        legend.add("  " + mark + " " + s.label() + " (" + s.size() + (s.size() == 1 ? " point)" : " points)"));
      } else {
        curve++;
        for (int i = 1; i < s.size(); i++) {
          line(px(s.x()[i - 1]), py(s.y()[i - 1]), px(s.x()[i]), py(s.y()[i]));
        }
        if (s.size() == 1) {
          dot(px(s.x()[0]), py(s.y()[0]));
        }
        int row = Math.min(height - 1, Math.max(0, py(s.y()[s.size() - 1]) / 4));
        String mark = Integer.toString(curve);
        marks[row] = marks[row] == null ? mark : marks[row] + "," + mark;
        legend.add("  " + mark + " " + s.label());
      }
    }
    String top = tick(yr[1], figure.logY());
    double middle = (yr[0] + yr[1]) / 2;
    String mid = tick(middle, figure.logY());
    int midRow = Math.max(1, Math.min(height - 2, (int) Math.round((1 - 0.5) * (4 * height - 1)) / 4));
    String bottom = tick(yr[0], figure.logY());
    int gutter = Math.max(top.length(), Math.max(mid.length(), bottom.length()));
    StringBuilder out = new StringBuilder();
    if (figure.title() != null) {
      out.append(" ".repeat(Math.max(0, gutter + 2 + (width - figure.title().length()) / 2))).append(figure.title()).append('\n');
    }
    out.append(" ".repeat(gutter + 1)).append(figure.yLabel()).append('\n');
    for (int r = 0; r < height; r++) {
      String label = r == 0 ? top : r == midRow ? mid : r == height - 1 ? bottom : "";
      out.append(" ".repeat(gutter - label.length())).append(label).append(label.isEmpty() ? " │" : " ┤");
      for (int c = 0; c < width; c++) {
        out.append(points[r][c] != 0 ? points[r][c] : (char) (0x2800 + cells[r][c]));
      }
      if (marks[r] != null) {
        out.append(' ').append(marks[r]);
      }
      out.append('\n');
    }
    out.append(" ".repeat(gutter + 1)).append('└').append("─".repeat(width)).append('\n');
    out.append(xTicks(gutter + 2)).append('\n');
    out.append(" ".repeat(gutter + 2 + Math.max(0, (width - figure.xLabel().length()) / 2))).append(figure.xLabel()).append('\n');
    legend.forEach(l -> out.append(l).append('\n'));
    return out.substring(0, out.length() - 1);
  }

  private String xTicks(int indent) {
    String lo = tick(xr[0], figure.logX());
    String mid = tick((xr[0] + xr[1]) / 2, figure.logX());
    String hi = tick(xr[1], figure.logX());
    char[] line = " ".repeat(indent + width + hi.length()).toCharArray();
    put(line, indent, lo);
    int m = indent + width / 2 - mid.length() / 2;
    if (m > indent + lo.length() && m + mid.length() < indent + width - hi.length()) {
      put(line, m, mid);
    }
    put(line, indent + width - hi.length(), hi);
    return new String(line).stripTrailing();
  }

  private static void put(char[] line, int at, String text) {
    text.getChars(0, text.length(), line, Math.max(0, at));
  }

  /** An axis label for a value in plot coordinates. */
  private static String tick(double v, boolean log) {
    return NumberFormat.show(log ? StrictMath.pow(10, v) : v, 3);
  }

  /** The axis range in plot coordinates (log10 on a log axis), widened when empty. */
  private static double[] axisRange(Figure f, boolean x) {
    boolean log = x ? f.logX() : f.logY();
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Figure.Series s : f.series()) {
      for (double v : x ? s.x() : s.y()) {
        double t = log ? StrictMath.log10(v) : v;
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
    return new double[] {lo, hi};
  }

  private int px(double v) {
    double t = figure.logX() ? StrictMath.log10(v) : v;
    return (int) Math.round((t - xr[0]) / (xr[1] - xr[0]) * (2 * width - 1));
  }

  private int py(double v) {
    double t = figure.logY() ? StrictMath.log10(v) : v;
    return (int) Math.round((1 - (t - yr[0]) / (yr[1] - yr[0])) * (4 * height - 1));
  }

  private void dot(int x, int y) {
    if (x >= 0 && y >= 0 && x < 2 * width && y < 4 * height) {
      cells[y / 4][x / 2] |= BITS[x % 2][y % 4];
    }
  }

  /** A data point or a mark: a whole cell, drawn as a symbol so that it stands out from curves (marks win). */
  private void point(int x, int y, char mark) {
    if (x >= 0 && y >= 0 && x < 2 * width && y < 4 * height && points[y / 4][x / 2] != '◆') {
      points[y / 4][x / 2] = mark;
    }
  }

  private void line(int x0, int y0, int x1, int y1) {
    int dx = Math.abs(x1 - x0);
    int dy = -Math.abs(y1 - y0);
    int sx = x0 < x1 ? 1 : -1;
    int sy = y0 < y1 ? 1 : -1;
    int err = dx + dy;
    for (int guard = 0; guard < 4 * (width + height) * 4; guard++) {
      dot(x0, y0);
      if (x0 == x1 && y0 == y1) {
        return;
      }
      int e2 = 2 * err;
      if (e2 >= dy) {
        err += dy;
        x0 += sx;
      }
      if (e2 <= dx) {
        err += dx;
        y0 += sy;
      }
    }
  }
}
