package org.lawlang.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link Figure} as text with Unicode braille characters (2×4 dots a cell), so a
 * `plot` without a file shows its shape at once in the terminal. Log axes as the figure says,
 * with round tick values from {@link Ticks} (10⁸, 2.5, …) at their places; curves are
 * numbered at their right end and listed in a legend. Plain text by default — deterministic,
 * so scripts print it and golden tests check it; on a colour terminal (the REPL asks for it)
 * each series takes its colour from the {@link Palette}.
 */
public final class TerminalPlot {
  public static final int WIDTH = 60;
  public static final int HEIGHT = 16;
  private static final int[][] BITS = {{0x01, 0x02, 0x04, 0x40}, {0x08, 0x10, 0x20, 0x80}};
  /** xterm-256 colours nearest to the {@link Palette}'s; black stays the terminal's own colour. */
  private static final int[] XTERM = {25, 166, 36, 175, 214, 74, -1};
  private static final String RESET = "\u001b[0m";

  private final Figure figure;
  private final int width;
  private final int height;
  private final boolean colour;
  private final int[][] cells;
  /** Which series drew a cell last (1-based; 0 none): its colour. */
  private final int[][] owner;
  private final char[][] points;
  private final String[] marks;
  private final double[] xr;
  private final double[] yr;
  private int drawing;

  private TerminalPlot(Figure figure, int width, int height, boolean colour) {
    this.figure = figure;
    this.width = width;
    this.height = height;
    this.colour = colour;
    this.cells = new int[height][width];
    this.owner = new int[height][width];
    this.points = new char[height][width];
    this.marks = new String[height];
    this.xr = axisRange(figure, true);
    this.yr = axisRange(figure, false);
  }

  public static String render(Figure figure) {
    return render(figure, WIDTH, HEIGHT);
  }

  public static String render(Figure figure, int width, int height) {
    return render(figure, width, height, false);
  }

  /** The plot as text; with {@code colour}, ANSI colour codes for a terminal that shows them. */
  public static String render(Figure figure, int width, int height, boolean colour) {
    return new TerminalPlot(figure, Math.max(10, width), Math.max(4, height), colour).draw();
  }

  private String draw() {
    int curve = 0;
    int coloured = 0;
    List<String> legend = new ArrayList<>();
    // reference lines, then curves, then points and marks: data stays visible over curves
    for (Figure.Kind kind : new Figure.Kind[] {Figure.Kind.BAND, Figure.Kind.RULE, Figure.Kind.CURVE, Figure.Kind.FRONTIER,
        Figure.Kind.POINTS, Figure.Kind.MARKS}) {
      int index = 0;
      for (Figure.Series s : figure.series()) {
        index++;
        if (s.kind() != kind) {
          continue;
        }
        drawing = index;
        if (kind == Figure.Kind.RULE) {
          int y = py(s.y()[0]);
          for (int x = 0; x < 2 * width; x += 3) {
            dot(x, y);
          }
        } else if (kind == Figure.Kind.BAND) {
          // the band's outline, dotted: its lower ends, then its upper ends
          for (int i = 0; i < s.size(); i += 2) {
            dot(px(s.x()[i]), py(s.y()[i]));
          }
        } else if (kind == Figure.Kind.CURVE || kind == Figure.Kind.FRONTIER) {
          for (int i = 1; i < s.size(); i++) {
            line(px(s.x()[i - 1]), py(s.y()[i - 1]), px(s.x()[i]), py(s.y()[i]));
          }
          if (s.size() == 1) {
            dot(px(s.x()[0]), py(s.y()[0]));
          }
        } else {
          char mark = kind == Figure.Kind.MARKS ? '◆' : '•';
          for (int i = 0; i < s.size(); i++) {
            point(px(s.x()[i]), py(s.y()[i]), mark);
          }
        }
      }
    }
    int index = 0;
    for (Figure.Series s : figure.series()) {
      index++;
      int c = s.kind() == Figure.Kind.MARKS || s.kind() == Figure.Kind.RULE || s.kind() == Figure.Kind.FRONTIER ? -1
          : s.kind() == Figure.Kind.BAND ? XTERM[coloured % XTERM.length] : XTERM[coloured++ % XTERM.length];
      colourOf[Math.min(index, colourOf.length - 1)] = c;
      if (s.kind() == Figure.Kind.RULE || s.kind() == Figure.Kind.BAND) {
        continue;
      }
      if (s.kind() != Figure.Kind.CURVE && s.kind() != Figure.Kind.FRONTIER) {
        char mark = s.kind() == Figure.Kind.MARKS ? '◆' : '•';
        legend.add(paint(String.valueOf(mark), c) + " " + s.label() + " (" + s.size() + (s.size() == 1 ? " point)" : " points)"));
      } else {
        curve++;
        int row = Math.min(height - 1, Math.max(0, py(s.y()[s.size() - 1]) / 4));
        String mark = Integer.toString(curve);
        marks[row] = marks[row] == null ? paint(mark, c) : marks[row] + "," + paint(mark, c);
        legend.add(paint(mark, c) + " " + s.label());
      }
    }
    String[] rowLabels = new String[height];
    int gutter = 1;
    for (Ticks.Tick t : Ticks.of(unlog(yr[0], figure.logY()), unlog(yr[1], figure.logY()), figure.logY(), Math.max(3, height / 2))) {
      int row = Math.min(height - 1, Math.max(0, py(t.value()) / 4));
      if (t.major() && rowLabels[row] == null) {
        rowLabels[row] = t.plain();
        gutter = Math.max(gutter, rowLabels[row].length());
      }
    }
    StringBuilder out = new StringBuilder();
    if (figure.title() != null) {
      out.append(" ".repeat(Math.max(0, gutter + 2 + (width - figure.title().length()) / 2))).append(figure.title()).append('\n');
    }
    out.append(" ".repeat(gutter + 1)).append(figure.yLabel()).append(multiplier(yr, figure.logY())).append('\n');
    for (int r = 0; r < height; r++) {
      String label = rowLabels[r] == null ? "" : rowLabels[r];
      out.append(" ".repeat(gutter - label.length())).append(label).append(label.isEmpty() ? " │" : " ┤");
      int run = 0;
      for (int c = 0; c < width; c++) {
        char ch = points[r][c] != 0 ? points[r][c] : (char) (0x2800 + cells[r][c]);
        int want = colour && owner[r][c] > 0 ? colourOf[Math.min(owner[r][c], colourOf.length - 1)] : -1;
        if (want != run) {
          out.append(run > 0 ? RESET : "");
          out.append(want > 0 ? "\u001b[38;5;" + want + "m" : "");
          run = want;
        }
        out.append(ch);
      }
      out.append(run > 0 ? RESET : "");
      if (marks[r] != null) {
        out.append(' ').append(marks[r]);
      }
      out.append('\n');
    }
    out.append(xAxis(gutter + 1)).append('\n');
    String xLabel = figure.xLabel() + multiplier(xr, figure.logX());
    out.append(" ".repeat(gutter + 2 + Math.max(0, (width - xLabel.length()) / 2))).append(xLabel).append('\n');
    legend.forEach(l -> out.append("  ").append(l).append('\n'));
    return out.substring(0, out.length() - 1);
  }

  /** Colours of the series by 1-based index (the last slot for any beyond). */
  private final int[] colourOf = new int[64];

  private String paint(String text, int xterm) {
    return colour && xterm > 0 ? "\u001b[38;5;" + xterm + "m" + text + RESET : text;
  }

  /** The x axis line with a ┬ at each labelled tick, and the labels centred under them (none overlapping). */
  private String xAxis(int indent) {
    char[] axis = ("└" + "─".repeat(width)).toCharArray();
    List<Ticks.Tick> ticks = Ticks.of(unlog(xr[0], figure.logX()), unlog(xr[1], figure.logX()), figure.logX(), Math.max(3, width / 10));
    char[] labels = " ".repeat(indent + width + 12).toCharArray();
    int free = 0;
    for (Ticks.Tick t : ticks) {
      if (!t.major()) {
        continue;
      }
      int col = Math.min(width - 1, Math.max(0, px(t.value()) / 2));
      String text = t.plain();
      int at = indent + 1 + col - text.length() / 2;
      if (at >= free && at + text.length() <= labels.length) {
        axis[1 + col] = '┬';
        text.getChars(0, text.length(), labels, at);
        free = at + text.length() + 1;
      }
    }
    return " ".repeat(indent) + new String(axis) + "\n" + new String(labels).stripTrailing();
  }

  /** " ×10ⁿ" after an axis label when a linear axis's numbers are divided by a power of ten. */
  private static String multiplier(double[] r, boolean log) {
    String[] m = Ticks.multiplierText(Ticks.multiplier(unlog(r[0], log), unlog(r[1], log), log));
    return m == null ? "" : "  " + m[0] + Ticks.superscript(m[1]);
  }

  private static double unlog(double t, boolean log) {
    return log ? StrictMath.pow(10, t) : t;
  }

  /** The axis range in plot coordinates (log10 on a log axis), widened when empty. */
  private static double[] axisRange(Figure f, boolean x) {
    boolean log = x ? f.logX() : f.logY();
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Figure.Series s : f.series()) {
      if (x && s.kind() == Figure.Kind.RULE) {
        continue;
      }
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
      owner[y / 4][x / 2] = drawing;
    }
  }

  /** A data point or a mark: a whole cell, drawn as a symbol so that it stands out from curves (marks win). */
  private void point(int x, int y, char mark) {
    if (x >= 0 && y >= 0 && x < 2 * width && y < 4 * height && points[y / 4][x / 2] != '◆') {
      points[y / 4][x / 2] = mark;
      owner[y / 4][x / 2] = drawing;
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
