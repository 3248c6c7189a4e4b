package org.lawlang.eval;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.lawlang.data.Column;
import org.lawlang.data.Dataset;
import org.lawlang.diag.Diagnostic;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Span;
import org.lawlang.eval.Values.Bool;
import org.lawlang.eval.Values.ListVal;
import org.lawlang.eval.Values.Num;
import org.lawlang.eval.Values.Str;
import org.lawlang.semantics.Builtin;
import org.lawlang.syntax.NumberFormat;

/**
 * The builtins of real data: text tests and case (`startswith`, `contains`, `lower`), numbers
 * in full (`format`), seeded random numbers (`random`, `normal`, `sample`), and relations
 * (`unique` of any column, `join`, `write`). Random numbers come from a {@link SplittableRandom}
 * seeded by the script, so a script draws the same numbers on any machine and thread count.
 */
final class DataCalls {
  private DataCalls() {}

  /** The most numbers one call draws, as for lists elsewhere. */
  private static final int MAX_DRAWS = BuiltinCalls.MAX_LIST;

  static Value call(Builtin b, List<Value> args, Span at) {
    return switch (b) {
      case STARTSWITH, ENDSWITH, CONTAINS -> text2(b, args.get(0), args.get(1), at);
      case LOWER, UPPER -> mapText(args.get(0), at, b.name,
          t -> new Str(b == Builtin.LOWER ? t.toLowerCase(Locale.ROOT) : t.toUpperCase(Locale.ROOT)));
      case FORMAT -> format(args.get(0), args.get(1), at);
      case RANDOM -> {
        SplittableRandom r = rng(args, 1, at);
        int n = count(args.get(0), at, "random");
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
          out[i] = r.nextDouble();
        }
        yield ListVal.ofDoubles(out);
      }
      case NORMAL -> normal(args, at);
      case SAMPLE -> sample(args, at);
      case JOIN -> join(args, at, null);
      default -> throw new IllegalStateException(b.name);
    };
  }

  private static Value text2(Builtin b, Value x, Value part, Span at) {
    String p = text(part, at, b.name);
    return mapText(x, at, b.name, t -> new Bool(switch (b) {
      case STARTSWITH -> t.startsWith(p);
      case ENDSWITH -> t.endsWith(p);
      default -> t.contains(p);
    }));
  }

  private static Value mapText(Value x, Span at, String what, java.util.function.Function<String, Value> f) {
    if (x instanceof ListVal l) {
      return new ListVal(l.items().stream().map(v -> mapText(v, at, what, f)).toList());
    }
    return f.apply(text(x, at, what));
  }

  private static String text(Value v, Span at, String what) {
    if (v instanceof Str s) {
      return s.value();
    }
    throw LawException.of(Msg.TYPE, at, "text for " + what, Values.describe(v)).hint("turn a number into text with str(x) or format(x, digits)");
  }

  private static Value format(Value x, Value digits, Span at) {
    double d = Values.num(digits, at, "the digits of format");
    if (d != Math.rint(d) || d < 1 || d > 17) {
      throw LawException.of(Msg.BAD_ARGUMENT, at, "format needs 1 to 17 significant digits, not " + NumberFormat.show(d));
    }
    int k = (int) d;
    if (x instanceof ListVal l) {
      return new ListVal(l.items().stream().map(v -> format(v, digits, at)).toList());
    }
    if (x instanceof Uncertain u) {
      double[] iv = u.interval();
      return new Str(digits(u.point(), k) + " (" + Math.round(100 * u.level()) + "%: " + digits(iv[0], k) + " .. " + digits(iv[1], k) + ")");
    }
    return new Str(digits(Values.num(x, at, "format"), k));
  }

  /** {@code v} to {@code k} significant digits, without trailing zeros; exponent form outside 1e-4 .. 1e15. */
  static String digits(double v, int k) {
    if (v == 0 || !Double.isFinite(v)) {
      return NumberFormat.show(v);
    }
    BigDecimal b = new BigDecimal(v).round(new java.math.MathContext(k, java.math.RoundingMode.HALF_EVEN));
    double mag = Math.abs(v);
    if (mag >= 1e-4 && mag < 1e15) {
      return b.stripTrailingZeros().toPlainString();
    }
    // the digits of the exact decimal b: String.format's %e would give only a double's shortest digits
    BigDecimal stripped = b.stripTrailingZeros();
    int exponent = stripped.precision() - stripped.scale() - 1;
    return stripped.movePointLeft(exponent).toPlainString() + "e" + exponent;
  }

  private static int count(Value n, Span at, String what) {
    double d = Values.num(n, at, "the count of " + what);
    if (d != Math.rint(d) || d < 0 || d > MAX_DRAWS) {
      throw LawException.of(Msg.BAD_ARGUMENT, at, what + " needs a whole count from 0 to " + MAX_DRAWS + ", not " + NumberFormat.show(d));
    }
    return (int) d;
  }

  private static SplittableRandom rng(List<Value> args, int seedAt, Span at) {
    if (args.size() <= seedAt) {
      return new SplittableRandom(0);
    }
    double s = Values.num(args.get(seedAt), at, "the seed");
    if (s != Math.rint(s) || Math.abs(s) > 9.007199254740992e15) {
      throw LawException.of(Msg.BAD_ARGUMENT, at, "a seed is a whole number, not " + NumberFormat.show(s));
    }
    return new SplittableRandom((long) s);
  }

  private static Value normal(List<Value> args, Span at) {
    int n = count(args.get(0), at, "normal");
    double mean = Values.num(args.get(1), at, "the mean");
    double sd = Values.num(args.get(2), at, "the standard deviation");
    if (!(sd >= 0)) {
      throw LawException.of(Msg.BAD_ARGUMENT, at, "a standard deviation is 0 or more, not " + NumberFormat.show(sd));
    }
    SplittableRandom r = rng(args, 3, at);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = mean + sd * gaussian(r);
    }
    return ListVal.ofDoubles(out);
  }

  /** A standard normal draw by the polar method (SplittableRandom has no nextGaussian on Java 17). */
  private static double gaussian(SplittableRandom r) {
    while (true) {
      double u = 2 * r.nextDouble() - 1;
      double v = 2 * r.nextDouble() - 1;
      double s = u * u + v * v;
      if (s > 0 && s < 1) {
        return u * Math.sqrt(-2 * Math.log(s) / s);
      }
    }
  }

  private static Value sample(List<Value> args, Span at) {
    int n = count(args.get(1), at, "sample");
    SplittableRandom r = rng(args, 2, at);
    Value from = args.get(0);
    int size = from instanceof DataValue d ? d.data().rows() : Values.list(from, at, "sample").size();
    if (size == 0 && n > 0) {
      throw LawException.of(Msg.BAD_ARGUMENT, at, "sample from an empty " + (from instanceof DataValue ? "dataset" : "list"));
    }
    int[] picks = new int[n];
    for (int i = 0; i < n; i++) {
      picks[i] = r.nextInt(size);
    }
    if (from instanceof DataValue d) {
      return new DataValue(d.data().select(picks));
    }
    List<Value> items = Values.list(from, at, "sample");
    List<Value> out = new ArrayList<>(n);
    for (int p : picks) {
      out.add(items.get(p));
    }
    return new ListVal(out);
  }

  /** unique(xs): numbers ascending; text in order of first appearance. */
  static Value unique(Value x, Span at) {
    if (x instanceof ListVal l && !l.items().isEmpty() && !(l.items().get(0) instanceof Num)) {
      LinkedHashSet<Value> seen = new LinkedHashSet<>(l.items());
      seen.remove(new Str("")); // a missing text cell is no value of its own
      return new ListVal(new ArrayList<>(seen));
    }
    return ListVal.ofDoubles(java.util.Arrays.stream(Values.doubles(x, at, "unique")).distinct().sorted().toArray());
  }

  /**
   * The inner join on one key: a row of {@code a} once for each row of {@code b} with the same
   * key, in {@code a}'s order. A missing key matches nothing (as a row with no key is in no
   * group under {@code by}), and {@code in} is told how many rows that left out.
   */
  static Value join(List<Value> args, Span at, Interpreter in) {
    Dataset a = Relations.dataset(args.get(0), at, "the first argument of join");
    Dataset b = Relations.dataset(args.get(1), at, "the second argument of join");
    String key = text(args.get(2), at, "the key of join");
    for (Dataset d : List.of(a, b)) {
      if (!d.has(key)) {
        throw LawException.of(Msg.MISSING_COLUMN, at, key, "dataset " + d.name())
            .hint("join on a column both have: " + String.join(", ", d.columnNames()));
      }
    }
    if (a.typed(key).kind() != b.typed(key).kind()) {
      throw LawException.of(Msg.COLUMN_KIND, at, key, a.typed(key).kind().word() + " in " + a.name(), b.typed(key).kind().word() + " as in " + b.name());
    }
    Map<Value, List<Integer>> right = new LinkedHashMap<>();
    int[] keyless = new int[2];
    for (int j = 0; j < b.rows(); j++) {
      if (b.typed(key).isMissing(j)) {
        keyless[1]++;
        continue;
      }
      right.computeIfAbsent(Columns.cell(b.typed(key), j), k -> new ArrayList<>()).add(j);
    }
    List<Integer> li = new ArrayList<>();
    List<Integer> ri = new ArrayList<>();
    for (int i = 0; i < a.rows(); i++) {
      if (a.typed(key).isMissing(i)) {
        keyless[0]++;
        continue;
      }
      for (int j : right.getOrDefault(Columns.cell(a.typed(key), i), List.of())) {
        li.add(i);
        ri.add(j);
      }
    }
    if (in != null && keyless[0] + keyless[1] > 0) {
      String which = (keyless[0] > 0 ? rowsText(keyless[0]) + " of " + a.name() : "")
          + (keyless[0] > 0 && keyless[1] > 0 ? " and " : "") + (keyless[1] > 0 ? rowsText(keyless[1]) + " of " + b.name() : "");
      in.warnOnce("join-keyless:" + key + "@" + at, Diagnostic.warning(Msg.GROUP_KEY, at, which + (keyless[0] + keyless[1] == 1 ? " has" : " have") + " no " + key
          + " and match nothing in the join").withHint("give them a value in the file, or choose the rows first with where"));
    }
    int[] left = li.stream().mapToInt(Integer::intValue).toArray();
    int[] rightRows = ri.stream().mapToInt(Integer::intValue).toArray();
    Map<String, Column> cols = new LinkedHashMap<>();
    a.typedColumns().forEach((k, c) -> cols.put(k, c.select(left)));
    b.typedColumns().forEach((k, c) -> {
      if (!k.equals(key)) {
        cols.put(a.has(k) ? k + "_" + b.name() : k, c.select(rightRows));
      }
    });
    int[] origins = new int[left.length];
    for (int i = 0; i < left.length; i++) {
      origins[i] = a.origin(left[i]);
    }
    return new DataValue(new Dataset(a.name() + "_" + b.name(), a.origin(), origins, cols));
  }

  private static String rowsText(int n) {
    return n == 1 ? "1 row" : n + " rows";
  }

  static Value write(List<Value> args, Span at, Interpreter in) {
    Dataset d = Relations.dataset(args.get(0), at, "what write writes");
    String path = text(args.get(1), at, "the file of write");
    ScriptFiles.write(in.resolveWrite(path, at), Relations.csv(d), at);
    return new Num(d.rows());
  }
}
