package org.lawlang.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Span;
import org.lawlang.eval.Values.ListVal;
import org.lawlang.eval.Values.Num;
import org.lawlang.eval.Values.Str;
import org.lawlang.semantics.Builtin;
import org.lawlang.semantics.MathFunction;
import org.lawlang.syntax.NumberFormat;

/** The runtime of the builtin registry: math functions (elementwise over lists) and list helpers. */
public final class BuiltinCalls {
  private BuiltinCalls() {}

  /** The longest list a script may build (ranges, logspace, linspace); each item is a boxed value: 1e6 numbers take about 24 MB. */
  static final int MAX_LIST = 1_000_000;

  /** As {@link #call(Builtin, List, Span)}, for the builtins that report through the interpreter (warn_if). */
  public static Value call(Builtin b, List<Value> args, Span at, Interpreter in) {
    if (b == Builtin.WARN_IF && args.size() == b.maxArgs) {
      return WorkflowCalls.call(b, args, at, in);
    }
    if (b == Builtin.WRITE && args.size() == b.maxArgs) {
      return DataCalls.write(args, at, in);
    }
    if (b == Builtin.JOIN && args.size() == b.maxArgs) {
      return DataCalls.join(args, at, in);
    }
    return call(b, args, at);
  }

  public static Value call(Builtin b, List<Value> args, Span at) {
    if (args.size() < b.minArgs || args.size() > b.maxArgs) {
      throw LawException.of(Msg.ARITY, at, b.name, b.arityText(), args.size(), args.size() == 1 ? "was" : "were");
    }
    Value x = args.get(0);
    return switch (b) {
      case LN, LOG, LOG10, LOG2, EXP, ATAN, SIN, COS, SQRT, ABS -> Arith.map(x, v -> math(b.function, v, at), at, b.name);
      case MIN, MAX -> extreme(b == Builtin.MIN, args, at);
      case LOGSPACE, LINSPACE -> space(b == Builtin.LOGSPACE, args, at);
      case SUM -> new Num(finite(Arrays.stream(Values.doubles(x, at, b.name)).sum(), "the sum", at));
      case MEAN -> new Num(mean(Values.doubles(x, at, b.name), b, at));
      case MEDIAN -> new Num(median(sortedCopy(nonEmpty(Values.doubles(x, at, b.name), b, at).toArray())));
      case COUNT -> new Num(x instanceof DataValue d ? d.data().rows() : Values.list(x, at, b.name).size());
      case LARGEST, SMALLEST -> kth(b == Builtin.LARGEST, x, args.get(1), at);
      case SORT -> ListVal.ofDoubles(sortedCopy(Values.doubles(x, at, b.name)));
      case SI -> new Str(NumberFormat.si(Values.num(x, at, "si")));
      case STR -> new Str(x.show());
      case ROUND -> {
        double d = args.size() > 1 ? Values.num(args.get(1), at, "the digits of round") : 0;
        if (d != Math.rint(d) || Math.abs(d) > 1000) {
          throw LawException.of(Msg.BAD_ARGUMENT, at, "round needs a whole number of digits, not " + NumberFormat.show(d));
        }
        int digits = (int) d;
        // decimal rounding, half away from zero, of the number as it prints (2.675 -> 2.68); no long overflow
        yield Arith.map(x, v -> Double.isFinite(v)
            ? java.math.BigDecimal.valueOf(v).setScale(digits, java.math.RoundingMode.HALF_UP).doubleValue() : v, at, "round");
      }
      case POWERFIT, POLYFIT, ARGMIN, ARGMAX, VERTEX, WARN_IF -> WorkflowCalls.call(b, args, at, null);
      case UNIQUE -> DataCalls.unique(x, at);
      case STARTSWITH, ENDSWITH, CONTAINS, LOWER, UPPER, FORMAT, RANDOM, NORMAL, SAMPLE, JOIN -> DataCalls.call(b, args, at);
      case WRITE -> throw LawException.of(Msg.BAD_ARGUMENT, at, "write needs a running script");
    };
  }

  private static double finite(double r, String what, Span at) {
    if (!Double.isFinite(r)) {
      throw LawException.of(Msg.NOT_FINITE, at, what, "overflow: it is beyond 1.8e308");
    }
    return r;
  }

  /** The mean, without overflowing when the sum would (the mean of finite numbers is finite). */
  private static double mean(double[] xs, Builtin b, Span at) {
    double sum = nonEmpty(xs, b, at).sum();
    if (Double.isFinite(sum)) {
      return sum / xs.length;
    }
    return Arrays.stream(xs).map(v -> v / xs.length).sum();
  }

  private static java.util.stream.DoubleStream nonEmpty(double[] xs, Builtin b, Span at) {
    if (xs.length == 0) {
      throw LawException.of(Msg.BAD_ARGUMENT, at, b.name + " of an empty list");
    }
    return Arrays.stream(xs);
  }

  /** A math function of one number: outside its domain, or overflowing, is an error here rather than a NaN later. */
  private static double math(MathFunction f, double v, Span at) {
    if (f.domain != MathFunction.Domain.ALL && !f.accepts(v)) {
      throw LawException.of(Msg.DOMAIN, at, f.name, NumberFormat.show(v)).hint(f.domainHint());
    }
    double r = f.apply(v);
    if (f == MathFunction.EXP && Double.isInfinite(r)) {
      throw LawException.of(Msg.NOT_FINITE, at, "exp(" + NumberFormat.show(v) + ")", "overflow");
    }
    return r;
  }

  private static Value extreme(boolean min, List<Value> args, Span at) {
    double[] xs;
    if (args.size() == 1) {
      xs = Values.doubles(args.get(0), at, min ? "min" : "max");
    } else {
      if (args.stream().anyMatch(a -> a instanceof ListVal)) {
        Value acc = args.get(0);
        for (int i = 1; i < args.size(); i++) {
          Value a = acc;
          Value b = args.get(i);
          acc = elementwise(a, b, min, at);
        }
        return acc;
      }
      xs = args.stream().mapToDouble(a -> Values.num(a, at, min ? "min" : "max")).toArray();
    }
    if (xs.length == 0) {
      throw LawException.of(Msg.BAD_ARGUMENT, at, (min ? "min" : "max") + " of an empty list");
    }
    return new Num(min ? Arrays.stream(xs).min().getAsDouble() : Arrays.stream(xs).max().getAsDouble());
  }

  private static Value elementwise(Value a, Value b, boolean min, Span at) {
    Value lt = Arith.binary(org.lawlang.syntax.Expr.BinaryOp.LT, a, b, at);
    if (lt instanceof Values.Bool bool) {
      return bool.value() == min ? a : b;
    }
    List<Value> flags = ((ListVal) lt).items();
    List<Value> out = new ArrayList<>();
    for (int i = 0; i < flags.size(); i++) {
      Value ai = a instanceof ListVal l ? l.items().get(i) : a;
      Value bi = b instanceof ListVal l ? l.items().get(i) : b;
      out.add(((Values.Bool) flags.get(i)).value() == min ? ai : bi);
    }
    return new ListVal(out);
  }

  private static Value space(boolean log, List<Value> args, Span at) {
    String name = log ? "logspace" : "linspace";
    double a = Values.finite(args.get(0), at, name);
    double b = Values.finite(args.get(1), at, name);
    double nd = Values.finite(args.get(2), at, name);
    if (nd != Math.rint(nd) || nd < 1 || nd > MAX_LIST) {
      throw LawException.of(Msg.BAD_ARGUMENT, at, name + " needs a whole number of points between 1 and " + MAX_LIST
          + ", not " + NumberFormat.show(nd));
    }
    if (log && (a <= 0 || b <= 0)) {
      throw LawException.of(Msg.BAD_ARGUMENT, at, "logspace needs positive ends, not " + NumberFormat.show(a) + " and " + NumberFormat.show(b))
          .hint("write the ends themselves: logspace(1e18, 1e26, 9)");
    }
    int n = (int) nd;
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double t = n == 1 ? 0 : (double) i / (n - 1);
      out[i] = log ? Math.exp(Math.log(a) + t * (Math.log(b) - Math.log(a))) : a + t * (b - a);
      if (!Double.isFinite(out[i])) {
        // b - a overflowed (linspace(-1e308, 1e308, 3)) or exp rounded past the largest double
        out[i] = log ? Math.min(Math.max(a, b), out[i]) : a * (1 - t) + b * t;
      }
    }
    if (n > 1) {
      out[n - 1] = b;
    }
    return ListVal.ofDoubles(out);
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : 0.5 * sorted[n / 2 - 1] + 0.5 * sorted[n / 2];
  }

  /** Ascending, NaN last; a plain array sort, as a stream pipeline costs milliseconds of start-up on first use. */
  private static double[] sortedCopy(double[] xs) {
    double[] out = xs.clone();
    Arrays.sort(out);
    return out;
  }

  /**
   * The k-th largest (or smallest) for a small k: the k best kept in order while scanning, in
   * the order {@link Arrays#sort(double[])} gives (NaN above everything, -0.0 below 0.0).
   * Cheaper than a full sort, on a cold start above all, where a sort's code is interpreted.
   */
  private static double kthByInsertion(boolean largest, double[] xs, int k) {
    double[] best = new double[k];
    int kept = 0;
    for (double x : xs) {
      // position of x among the kept values, best first
      int at = kept;
      while (at > 0 && before(largest, x, best[at - 1])) {
        at--;
      }
      if (at >= k) {
        continue;
      }
      int last = Math.min(kept, k - 1);
      System.arraycopy(best, at, best, at + 1, last - at);
      best[at] = x;
      kept = Math.min(kept + 1, k);
    }
    return best[k - 1];
  }

  /** Whether x ranks strictly ahead of y: larger for `largest`, smaller otherwise, in Double.compare's order. */
  private static boolean before(boolean largest, double x, double y) {
    int c = Double.compare(x, y);
    return largest ? c > 0 : c < 0;
  }

  private static Value kth(boolean largest, Value list, Value k, Span at) {
    double[] xs = Values.doubles(list, at, largest ? "largest" : "smallest");
    double kd = Values.num(k, at, "k");
    if (xs.length == 0) {
      throw LawException.of(Msg.BAD_ARGUMENT, at, (largest ? "largest" : "smallest") + " of an empty list");
    }
    if (kd != Math.rint(kd) || kd < 1 || kd > xs.length) {
      throw LawException.of(Msg.BAD_ARGUMENT, at, "k must be a whole number from 1 to " + xs.length + ", not " + NumberFormat.show(kd));
    }
    int i = (int) kd;
    if (i <= 16) {
      return new Num(kthByInsertion(largest, xs, i));
    }
    double[] sorted = sortedCopy(xs);
    return new Num(largest ? sorted[sorted.length - i] : sorted[i - 1]);
  }
}
