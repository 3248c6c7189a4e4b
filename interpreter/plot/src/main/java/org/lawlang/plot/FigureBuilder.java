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
  /** The exact minimum (x, y) of each curve drawn, in order: for `minima` and `frontier`. */
  private final List<double[]> curveMinima = new ArrayList<>();
  /** The frontier: minima of the `for` curves at many more values than those drawn. */
  private final List<double[]> frontier = new ArrayList<>();

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
    if (options.frontier) {
      if (b.frontier.size() < 2) {
        throw LawException.of(Msg.PLOT_GENERAL, node.span(),
            "'frontier' joins the minima of a family of curves, but this plot has no curve with 'for'")
            .hint("draw IsoFLOP curves, e.g. L(N, C / (6 * N)) for C in [1e19, 1e21] over [1e7, 1e11] frontier");
      }
      b.frontier.sort((u, v) -> Double.compare(u[0], v[0]));
      ordered.add(new Figure.Series("compute-optimal frontier", b.frontier.stream().mapToDouble(u -> u[0]).toArray(),
          b.frontier.stream().mapToDouble(u -> u[1]).toArray(), Figure.Kind.FRONTIER));
    }
    if (options.minima) {
      ordered.add(minima(b.curveMinima, node));
    }
    if (options.residuals) {
      ordered.add(new Figure.Series("0", new double[] {0}, new double[] {0}, Figure.Kind.RULE));
    }
    String xLabel = options.xLabel != null ? options.xLabel : b.labels.xLabel();
    String yLabel = options.yLabel != null ? options.yLabel : b.labels.yLabel();
    return new Figure(options.title, xLabel, yLabel, options.logX, options.logY, ordered);
  }

  /** The lowest point of each curve (refined between samples, so it lies on the frontier), as marks. */
  private static Figure.Series minima(List<double[]> found, Stmt.Plot node) {
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
      addCurve(s, s.label() != null ? s.label() : text, xName, xs, new Env(env));
      return;
    }
    double[] values = Values.doubles(in.eval(s.values(), env), s.values().span(), "the values of '" + s.variable().name() + "'");
    if (options.frontier) {
      frontier(s, values, xName, xs);
    }
    for (double v : values) {
      in.checkCancelled(s.span());
      Env scope = new Env(env);
      scope.define(s.variable().name(), new Values.Num(v));
      // the legend names each curve by its value (`C = 1e19`); the expression is on the y axis
      String value = Math.abs(v) >= 1e3 ? NumberFormat.si(v) : NumberFormat.show(v);
      String label = s.label() != null ? s.label().replace("{" + s.variable().name() + "}", value)
          : s.variable().name() + " = " + value;
      addCurve(s, label, xName, xs, scope);
    }
  }

  /** A curve, preceded by its confidence band with `band`, and its minimum noted for `minima`. */
  private void addCurve(Stmt.PlotSeries s, String label, String xName, double[] xs, Env scope) {
    if (options.band) {
      series.add(band(s, xName, xs, scope));
    }
    Figure.Series c = curve(s, label, xName, xs, scope);
    series.add(c);
    if (options.minima && c.size() > 0) {
      curveMinima.add(lowest(s, xName, c, scope));
    }
  }

  /**
   * The band of a curve computed from a fit: at each sample, the interval of the uncertain value
   * (the bootstrap's percentiles, or the delta method's normal interval), as a closed outline.
   */
  private Figure.Series band(Stmt.PlotSeries s, String xName, double[] xs, Env scope) {
    double[] lo = new double[xs.length];
    double[] hi = new double[xs.length];
    boolean any = false;
    for (int i = 0; i < xs.length; i++) {
      in.checkCancelled(s.span());
      scope.define(xName, new Values.Num(xs[i]));
      Value v = in.eval(s.y(), scope);
      if (v instanceof org.lawlang.eval.LawValue law) {
        v = in.callLaw(law.law(), List.of(new Values.Num(xs[i])), s.y().span());
      }
      if (v instanceof org.lawlang.eval.Uncertain u) {
        var ends = u.summary();
        lo[i] = ends.get("lo");
        hi[i] = ends.get("hi");
        any = true;
      } else {
        lo[i] = Double.NaN;
        hi[i] = Double.NaN;
      }
    }
    if (!any) {
      throw LawException.of(Msg.PLOT_GENERAL, s.y().span(), "'band' shades a curve's confidence interval, but "
          + s.y().span().text() + " has no interval")
          .hint("plot a curve computed from a fit (a converged fit, or one with 'bootstrap'): f(N, D) for D in [...] band");
    }
    double[] x = new double[2 * xs.length];
    double[] y = new double[2 * xs.length];
    for (int i = 0; i < xs.length; i++) {
      x[i] = xs[i];
      y[i] = lo[i];
      x[2 * xs.length - 1 - i] = xs[i];
      y[2 * xs.length - 1 - i] = hi[i];
    }
    return new Figure.Series("band", x, y, Figure.Kind.BAND);
  }

  /**
   * The value of a curve's expression at one x, its point estimate (x is passed as a list of
   * one, as the curve is drawn: a bootstrapped fit called over a list computes its point only).
   */
  private double at(Stmt.PlotSeries s, String xName, double x, Env scope) {
    Values.ListVal one = Values.ListVal.ofDoubles(new double[] {x});
    scope.define(xName, one);
    try {
      Value v = in.eval(s.y(), scope);
      if (v instanceof org.lawlang.eval.LawValue law) {
        v = in.callLaw(law.law(), List.of(one), s.y().span());
      }
      double[] y = Values.doubles(v instanceof Values.ListVal l && l.items().size() == 1 ? l.items().get(0) : v, s.y().span(), "a plot");
      return y.length == 1 ? y[0] : Double.NaN;
    } catch (LawException outside) {
      return Double.NaN;
    }
  }

  /**
   * A curve's lowest point: the lowest sample, refined by golden-section search between its
   * neighbours (in log x on a log axis), so that minima drawn from 200 samples still sit on
   * the frontier through the exact minima.
   */
  private double[] lowest(Stmt.PlotSeries s, String xName, Figure.Series c, Env scope) {
    int best = 0;
    for (int i = 1; i < c.size(); i++) {
      if (c.y()[i] < c.y()[best]) {
        best = i;
      }
    }
    if (best == 0 || best == c.size() - 1) {
      return new double[] {c.x()[best], c.y()[best]}; // at an end of the range: that end is the lowest point drawn
    }
    boolean log = options.logX;
    double a = log ? Math.log(c.x()[best - 1]) : c.x()[best - 1];
    double b = log ? Math.log(c.x()[best + 1]) : c.x()[best + 1];
    java.util.function.DoubleUnaryOperator f = t -> at(s, xName, log ? Math.exp(t) : t, scope);
    double g = (Math.sqrt(5) - 1) / 2;
    double p = b - g * (b - a);
    double q = a + g * (b - a);
    double fp = f.applyAsDouble(p);
    double fq = f.applyAsDouble(q);
    for (int k = 0; k < 60 && b - a > 1e-12 * Math.max(1, Math.abs(a)); k++) {
      if (fp <= fq) {
        b = q;
        q = p;
        fq = fp;
        p = b - g * (b - a);
        fp = f.applyAsDouble(p);
      } else {
        a = p;
        p = q;
        fp = fq;
        q = a + g * (b - a);
        fq = f.applyAsDouble(q);
      }
    }
    double t = (a + b) / 2;
    double y = f.applyAsDouble(t);
    scope.define(xName, Values.ListVal.ofDoubles(c.x()));
    return y <= c.y()[best] ? new double[] {log ? Math.exp(t) : t, y} : new double[] {c.x()[best], c.y()[best]};
  }

  /**
   * The frontier of a family of curves: the lowest point of the curve at 64 values of the `for`
   * name spread over the values drawn (geometrically when they are positive), joined by a line.
   * For IsoFLOP curves of a law, L(N, C / (6N)) for C in [...], this is the compute-optimal
   * frontier: the loss at the best N for every budget in between.
   */
  private void frontier(Stmt.PlotSeries s, double[] values, String xName, double[] xs) {
    double lo = java.util.Arrays.stream(values).min().orElse(0);
    double hi = java.util.Arrays.stream(values).max().orElse(0);
    boolean geometric = lo > 0;
    int count = 64;
    for (int k = 0; k < count; k++) {
      double f = (double) k / (count - 1);
      double v = geometric ? lo * Math.pow(hi / lo, f) : lo + (hi - lo) * f;
      Env scope = new Env(env);
      scope.define(s.variable().name(), new Values.Num(v));
      Figure.Series c = curve(s, "", xName, xs, scope);
      if (c.size() > 2) {
        double[] m = lowest(s, xName, c, scope);
        if (m[0] > c.x()[0] && m[0] < c.x()[c.size() - 1]) {
          frontier.add(m);
        }
      }
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
