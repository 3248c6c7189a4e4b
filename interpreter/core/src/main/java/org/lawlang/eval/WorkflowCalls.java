package org.lawlang.eval;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Span;
import org.lawlang.semantics.Builtin;
import org.lawlang.solve.Regression;
import org.lawlang.syntax.NumberFormat;

/**
 * The builtins that scaling workflows need (stdlib/scaling.law, IsoFLOP and frontier
 * analyses): `powerfit` (a log-log line), `polyfit`, `unique`, `argmin`, `argmax`. Called
 * from {@link BuiltinCalls}; the least squares run in org.lawlang.solve.Regression.
 */
final class WorkflowCalls {
  private WorkflowCalls() {}

  static Value call(Builtin b, List<Value> args, Span at, Interpreter in) {
    if (b == Builtin.WARN_IF) {
      boolean c = Values.bool(args.get(0), at);
      if (c && in != null) {
        String text = args.get(1).show();
        in.warnOnce("warn_if:" + text, org.lawlang.diag.Diagnostic.warning(Msg.WORKFLOW_WARNING,
            in.session().services().lawCall.userSite(at), text));
      }
      return new Values.Bool(c);
    }
    double[] xs = Values.doubles(args.get(0), at, b.name);
    return switch (b) {
      case POWERFIT -> powerfit(xs, Values.doubles(args.get(1), at, b.name), at);
      case POLYFIT -> polyfit(xs, Values.doubles(args.get(1), at, b.name), args.get(2), at);
      case UNIQUE -> Values.ListVal.ofDoubles(Arrays.stream(xs).distinct().sorted().toArray());
      case ARGMIN, ARGMAX -> {
        if (xs.length == 0) {
          throw LawException.of(Msg.BAD_ARGUMENT, at, b.name + " of an empty list");
        }
        int best = 0;
        for (int i = 1; i < xs.length; i++) {
          if (b == Builtin.ARGMIN ? xs[i] < xs[best] : xs[i] > xs[best]) {
            best = i;
          }
        }
        yield new Values.Num(best);
      }
      case VERTEX -> vertex(xs, Values.doubles(args.get(1), at, b.name), at);
      default -> throw new IllegalStateException(b.name);
    };
  }

  private static Value powerfit(double[] xs, double[] ys, Span at) {
    sameLength(xs, ys, at);
    if (xs.length < 2) {
      throw LawException.of(Msg.BAD_ARGUMENT, at, "powerfit needs at least 2 points, not " + xs.length);
    }
    double[] lx = new double[xs.length];
    double[] ly = new double[ys.length];
    for (int i = 0; i < xs.length; i++) {
      if (!(xs[i] > 0) || !(ys[i] > 0)) {
        throw LawException.of(Msg.BAD_ARGUMENT, at, "powerfit needs positive values, but point " + i + " is ("
            + NumberFormat.show(xs[i]) + ", " + NumberFormat.show(ys[i]) + ")").hint("a power law is a line in log-log space");
      }
      lx[i] = Math.log(xs[i]);
      ly[i] = Math.log(ys[i]);
    }
    boolean spread = false;
    for (double v : lx) {
      spread |= v != lx[0];
    }
    if (!spread) {
      throw LawException.of(Msg.BAD_ARGUMENT, at, "powerfit needs at least two different x values; every x is "
          + NumberFormat.show(xs[0])).hint("a line through points at one x has no slope");
    }
    double[] fit = Regression.line(lx, ly);
    Map<String, Value> out = new LinkedHashMap<>();
    out.put("coef", new Values.Num(Math.exp(fit[0])));
    out.put("exponent", new Values.Num(fit[1]));
    out.put("r2", Double.isFinite(fit[2]) ? new Values.Num(fit[2])
        : new Values.Undefined("r2", "constant y (every y is the same, so there is no variation to explain)",
            "the exponent 0 describes constant data exactly"));
    out.put("n", new Values.Num(xs.length));
    return new Values.Record("powerfit", out);
  }

  private static Value polyfit(double[] xs, double[] ys, Value degree, Span at) {
    sameLength(xs, ys, at);
    double d = Values.num(degree, at, "the degree");
    if (d != Math.rint(d) || d < 0 || d > 10) {
      throw LawException.of(Msg.BAD_ARGUMENT, at, "polyfit needs a whole degree from 0 to 10, not " + NumberFormat.show(d));
    }
    if (xs.length < d + 1) {
      throw LawException.of(Msg.BAD_ARGUMENT, at, "polyfit of degree " + (int) d + " needs at least " + ((int) d + 1)
          + " points, not " + xs.length);
    }
    double[] c = Regression.polynomial(xs, ys, (int) d);
    if (c == null) {
      throw LawException.of(Msg.BAD_ARGUMENT, at, "polyfit: the points do not determine a polynomial of degree " + (int) d)
          .hint("the x values need at least " + ((int) d + 1) + " distinct values");
    }
    return Values.ListVal.ofDoubles(c);
  }

  /**
   * The minimum of the least-squares parabola through (xs, ys), and whether it lies inside
   * the xs. With fewer than 3 points, or no upward curvature (a line, or a maximum), there is
   * no parabola minimum: the answer is then the best sampled point, with {@code inside} false
   * and {@code fitted} false, never a NaN or a runaway x.
   */
  private static Value vertex(double[] xs, double[] ys, Span at) {
    sameLength(xs, ys, at);
    if (xs.length == 0) {
      throw LawException.of(Msg.BAD_ARGUMENT, at, "vertex of no points");
    }
    Map<String, Value> out = new LinkedHashMap<>();
    double[] c = xs.length >= 3 ? Regression.polynomial(xs, ys, 2) : null;
    double lo = Arrays.stream(xs).min().getAsDouble();
    double hi = Arrays.stream(xs).max().getAsDouble();
    double scale = Math.max(hi - lo, Double.MIN_NORMAL);
    boolean fitted = c != null && c[2] * scale * scale > 1e-12 * Math.max(1, Arrays.stream(ys).map(Math::abs).max().getAsDouble());
    double x;
    double y;
    double curvature;
    if (fitted) {
      x = -c[1] / (2 * c[2]);
      y = c[0] + c[1] * x + c[2] * x * x;
      curvature = 2 * c[2];
    } else {
      int best = 0;
      for (int i = 1; i < ys.length; i++) {
        if (ys[i] < ys[best]) {
          best = i;
        }
      }
      x = xs[best];
      y = ys[best];
      curvature = c == null ? 0 : 2 * c[2];
    }
    out.put("x", new Values.Num(x));
    out.put("y", new Values.Num(y));
    out.put("curvature", new Values.Num(curvature));
    out.put("inside", new Values.Bool(fitted && x >= lo && x <= hi));
    out.put("fitted", new Values.Bool(fitted));
    out.put("n", new Values.Num(xs.length));
    return new Values.Record("vertex", out);
  }

  private static void sameLength(double[] xs, double[] ys, Span at) {
    if (xs.length != ys.length) {
      throw LawException.of(Msg.LIST_LENGTHS, at, xs.length, ys.length);
    }
  }
}
