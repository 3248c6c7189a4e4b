package org.lawlang.plot;

import java.util.ArrayList;
import java.util.List;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.eval.DataValue;
import org.lawlang.eval.Env;
import org.lawlang.eval.Interpreter;
import org.lawlang.eval.Value;
import org.lawlang.eval.Values;
import org.lawlang.syntax.NumberFormat;
import org.lawlang.syntax.Stmt;

/**
 * Evaluates a `plot` statement into a {@link Figure}: each `y vs x from data` series becomes
 * points (two columns, or an expression over columns), each other series a curve sampled over
 * its range (its own `over [a, b]`, else the x range of the plot's data), one curve per value
 * of a `for` variable. Labels come from the source text and the laws' `unit`/`inputs` metadata.
 */
final class FigureBuilder {
  static final int SAMPLES = 200;

  private final Interpreter in;
  private final Env env;
  private final PlotOptions options;
  private final List<Figure.Series> series = new ArrayList<>();
  private final Labels labels;
  private double[] dataRange;
  private double[] lastRange;

  private FigureBuilder(Interpreter in, Env env, PlotOptions options) {
    this.in = in;
    this.env = env;
    this.options = options;
    this.labels = new Labels(env);
  }

  static Figure build(Stmt.Plot node, PlotOptions options, Interpreter in, Env env) {
    FigureBuilder b = new FigureBuilder(in, env, options);
    // data first, so that curves without `over` can span the data's x range
    List<List<Figure.Series>> points = new ArrayList<>();
    for (Stmt.PlotSeries s : node.series()) {
      if (s.source() != null) {
        b.points(s);
        points.add(new ArrayList<>(b.series)); // one series, or one per group of `from (runs by key)`
        b.series.clear();
      }
    }
    int p = 0;
    List<Figure.Series> ordered = new ArrayList<>();
    for (Stmt.PlotSeries s : node.series()) {
      if (s.source() != null) {
        ordered.addAll(points.get(p++));
      } else {
        b.curves(s);
        ordered.addAll(b.series);
        b.series.clear();
      }
    }
    if (options.minima) {
      ordered.add(minima(ordered, node));
    }
    if (options.residuals) {
      ordered.add(new Figure.Series("0", new double[] {0}, new double[] {0}, Figure.Kind.RULE));
    }
    String xLabel = options.xLabel != null ? options.xLabel : b.labels.xLabel();
    String yLabel = options.yLabel != null ? options.yLabel : b.labels.yLabel();
    return new Figure(options.title, xLabel, yLabel, options.logX, options.logY, ordered);
  }

  /** The lowest sample of each curve, as points (on the sample grid: a picture, not an optimum). */
  private static Figure.Series minima(List<Figure.Series> all, Stmt.Plot node) {
    List<double[]> found = new ArrayList<>();
    for (Figure.Series s : all) {
      if (s.kind() == Figure.Kind.CURVE && s.size() > 0) {
        int best = 0;
        for (int i = 1; i < s.size(); i++) {
          if (s.y()[i] < s.y()[best]) {
            best = i;
          }
        }
        found.add(new double[] {s.x()[best], s.y()[best]});
      }
    }
    if (found.isEmpty()) {
      throw LawException.of(Msg.PLOT_GENERAL, node.span(), "'minima' marks the lowest point of each curve, but this plot has no curve");
    }
    double[] x = new double[found.size()];
    double[] y = new double[found.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = found.get(i)[0];
      y[i] = found.get(i)[1];
    }
    return new Figure.Series("minima", x, y, Figure.Kind.MARKS);
  }

  private void points(Stmt.PlotSeries s) {
    Value source = in.eval(s.source(), env);
    if (source instanceof org.lawlang.eval.GroupedData grouped) {
      // `from (runs by source)`: a series per group, named by its key
      grouped.groups().forEach((key, group) -> points(s, group, s.label() != null ? s.label() + ", " + key : key));
      return;
    }
    if (!org.lawlang.eval.Relations.isRelation(source)) {
      throw LawException.of(Msg.NOT_A_DATASET, s.source().span(), Values.describe(source));
    }
    points(s, source instanceof DataValue d ? d : new DataValue(org.lawlang.eval.Relations.dataset(source, s.source().span(), "the data of a plot")),
        null);
  }

  private void points(Stmt.PlotSeries s, DataValue data, String groupLabel) {
    if (s.x() == null) {
      throw LawException.of(Msg.PLOT_NO_X, s.span(), s.y().span().text())
          .hint("name the column for the x axis: " + s.y().span().text() + " vs COLUMN from " + s.source().span().text());
    }
    if (s.variable() != null) {
      throw LawException.of(Msg.PLOT_GENERAL, s.span(), "'for' makes one curve per value; points from a dataset take no 'for'");
    }
    var d = data.data();
    if (d.rows() == 0) {
      throw LawException.of(Msg.PLOT_GENERAL, s.source().span(), "dataset " + d.name() + " has no rows to plot")
          .hint("check the filter that made it, or plot another dataset");
    }
    String xName = s.x().name();
    if (!d.has(xName)) {
      throw LawException.of(Msg.MISSING_COLUMN, s.x().span(), xName, "dataset " + d.name())
          .hint(org.lawlang.diag.Suggest.closest(xName, d.columnNames()).map(c -> "did you mean '" + c + "'?")
              .orElse("its columns are " + String.join(", ", d.columnNames())));
    }
    if (!d.isNumeric(xName)) {
      throw org.lawlang.eval.Columns.notANumber(d, xName, s.x().span());
    }
    Env columns = new Env(env);
    for (String c : d.numericNames()) {
      columns.define(c, Values.ListVal.ofDoubles(d.column(c)));
    }
    double[] x = d.column(xName);
    double[] y = broadcast(in.eval(s.y(), columns), x.length, s);
    // a column is named by its dataset; an expression over columns by itself (`loss * 1.1`)
    String label = groupLabel != null ? groupLabel
        : s.label() != null ? s.label() : s.y() instanceof org.lawlang.syntax.Expr.Name ? d.name() : s.y().span().text();
    labels.points(s);
    Figure.Series points = Scales.keepShowable(new Figure.Series(label, x, y, Figure.Kind.POINTS), options, s.span(), in);
    series.add(points);
    double[] range = Scales.range(points.x());
    dataRange = dataRange == null ? range : new double[] {Math.min(dataRange[0], range[0]), Math.max(dataRange[1], range[1])};
  }

  private void curves(Stmt.PlotSeries s) {
    String xName = labels.curveVariable(s);
    double[] range = curveRange(s, xName);
    double[] xs = Scales.sample(range[0], range[1], SAMPLES, options.logX);
    String text = s.y().span().text();
    if (s.variable() == null) {
      series.add(curve(s, s.label() != null ? s.label() : text, xName, xs, new Env(env)));
      return;
    }
    double[] values = Values.doubles(in.eval(s.values(), env), s.values().span(), "the values of '" + s.variable().name() + "'");
    for (double v : values) {
      in.checkCancelled(s.span());
      Env scope = new Env(env);
      scope.define(s.variable().name(), new Values.Num(v));
      // the legend names each curve by its value (`C = 1e19`); the expression is on the y axis
      String value = Math.abs(v) >= 1e3 ? NumberFormat.si(v) : NumberFormat.show(v);
      String label = s.label() != null ? s.label().replace("{" + s.variable().name() + "}", value)
          : s.variable().name() + " = " + value;
      series.add(curve(s, label, xName, xs, scope));
    }
  }

  private Figure.Series curve(Stmt.PlotSeries s, String label, String xName, double[] xs, Env scope) {
    Values.ListVal grid = Values.ListVal.ofDoubles(xs);
    scope.define(xName, grid);
    Value v = in.eval(s.y(), scope);
    if (v instanceof org.lawlang.eval.LawValue law) {
      v = in.callLaw(law.law(), List.of(grid), s.y().span());
    }
    double[] y = broadcast(v, xs.length, s);
    return Scales.keepShowable(new Figure.Series(label, xs, y, Figure.Kind.CURVE), options, s.span(), in);
  }

  private double[] curveRange(Stmt.PlotSeries s, String xName) {
    double[] range;
    if (s.over() != null) {
      double lo = Values.finite(in.eval(s.over().lo(), env), s.over().lo().span(), "the start of the range");
      double hi = Values.finite(in.eval(s.over().hi(), env), s.over().hi().span(), "the end of the range");
      if (!(lo < hi)) {
        throw LawException.of(Msg.BAD_RANGE, s.over().span(), "the range [" + NumberFormat.show(lo) + ", " + NumberFormat.show(hi) + "] is empty");
      }
      if (options.logX && lo <= 0) {
        throw LawException.of(Msg.PLOT_NOTHING_ON_LOG_AXIS, s.over().lo().span(), "the range starting at " + NumberFormat.show(lo))
            .hint("start the range above 0, or add 'linear' or 'logy' for a linear x axis");
      }
      range = new double[] {lo, hi};
    } else if (dataRange != null) {
      range = dataRange;
    } else if (lastRange != null) {
      range = lastRange;
    } else {
      throw LawException.of(Msg.PLOT_NO_RANGE, s.span(), s.y().span().text(), xName)
          .hint("add 'over [lo, hi]', e.g. " + s.y().span().text() + " over [1e8, 1e12]");
    }
    lastRange = range;
    return range;
  }

  private static double[] broadcast(Value v, int n, Stmt.PlotSeries s) {
    if (v instanceof Values.Num num) {
      double[] out = new double[n];
      java.util.Arrays.fill(out, num.value());
      return out;
    }
    double[] out = Values.doubles(v, s.y().span(), "a plot");
    if (out.length != n) {
      throw LawException.of(Msg.LIST_LENGTHS, s.y().span(), n, out.length);
    }
    return out;
  }
}
