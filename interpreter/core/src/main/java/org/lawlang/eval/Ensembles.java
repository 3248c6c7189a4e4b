package org.lawlang.eval;

import java.util.ArrayList;
import java.util.List;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Span;
import org.lawlang.semantics.Law;

/**
 * Carries a bootstrap ensemble through calls: a law called with uncertain arguments, or a
 * bootstrapped fit called at all, is evaluated once at the point estimates (with the usual
 * checks and warnings) and once per member k (the law refitted to resample k, member k of each
 * uncertain argument), giving an {@link Uncertain}. A member that has no value (outside the
 * law's domain) is NaN; warnings are given for the point only.
 */
final class Ensembles {
  private Ensembles() {}

  /** A call of a bootstrapped fit. */
  static Value call(Interpreter in, FitValue fit, List<Value> args, Span at) {
    int size = fit.ensembleSize();
    int argSize = size(args);
    if (argSize >= 0 && argSize != size) {
      throw mismatch(size, argSize, at);
    }
    Value point = in.callLaw(fit.law(), points(args), at);
    if (!(point instanceof Values.Num p)) {
      return point;
    }
    double[] xs = new double[size];
    for (int k = 0; k < size; k++) {
      xs[k] = member(in, fit.member(k), members(args, k), at);
    }
    return new Uncertain(p.value(), xs, levelOf(args, fit.outcome().level()), fit.ensembleMethod());
  }

  /** A plain law called with uncertain arguments (null when none is uncertain). */
  static Value callLaw(Interpreter in, Law law, List<Value> args, Span at) {
    if (Delta.any(args) || Delta.any(listItems(args))) {
      return Delta.call(in, law, null, args, at);
    }
    int size = size(args);
    if (size < 0) {
      return null;
    }
    Value point = in.callLaw(law, points(args), at);
    if (!(point instanceof Values.Num p)) {
      return point;
    }
    double[] xs = new double[size];
    for (int k = 0; k < size; k++) {
      xs[k] = member(in, law, members(args, k), at);
    }
    Uncertain shape = first(args);
    return new Uncertain(p.value(), xs, shape.level(), shape.method());
  }

  /**
   * A builtin called with uncertain arguments: the point from the points, each member from the
   * members. A number comes back uncertain; a text (si, fmt) shows the point and the interval's
   * ends through the same builtin.
   */
  static Value callBuiltin(Interpreter in, org.lawlang.semantics.Builtin b, List<Value> args, Span at) {
    if (Delta.any(args)) {
      return Delta.builtin(in, b, args, at);
    }
    Uncertain shape = first(args);
    Value point = BuiltinCalls.call(b, points(args), at, in);
    double[] xs = new double[shape.size()];
    for (int k = 0; k < xs.length; k++) {
      try {
        Value v = BuiltinCalls.call(b, members(args, k), at, in);
        xs[k] = v instanceof Values.Num n && Double.isFinite(n.value()) ? n.value() : Double.NaN;
      } catch (LawException noValue) {
        xs[k] = Double.NaN;
      }
    }
    if (point instanceof Values.Num p) {
      return new Uncertain(p.value(), xs, shape.level(), shape.method());
    }
    if (point instanceof Values.Str text && args.size() >= 1 && args.get(0) instanceof Uncertain u) {
      double[] ends = u.interval();
      List<Value> lo = new ArrayList<>(points(args));
      List<Value> hi = new ArrayList<>(points(args));
      lo.set(0, new Values.Num(ends[0]));
      hi.set(0, new Values.Num(ends[1]));
      return new Values.Str(text.value() + " (" + org.lawlang.syntax.NumberFormat.show(u.level() * 100) + "%: "
          + BuiltinCalls.call(b, lo, at, in).show() + " .. " + BuiltinCalls.call(b, hi, at, in).show() + ")");
    }
    return point;
  }

  private static double member(Interpreter in, Law law, List<Value> args, Span at) {
    try {
      Value v = LawCalls.apply(law, args, at, in);
      return v instanceof Values.Num n && Double.isFinite(n.value()) ? n.value() : Double.NaN;
    } catch (LawException noValue) {
      return Double.NaN;
    }
  }

  /** Whether any argument is a bootstrapped uncertain value. */
  static boolean bootstrapped(List<Value> args) {
    return args.stream().anyMatch(a -> a instanceof Uncertain u && !u.isDelta());
  }

  /** The items of the list arguments (a law called over a list of delta values is a delta call). */
  private static List<Value> listItems(List<Value> args) {
    List<Value> out = new ArrayList<>();
    for (Value a : args) {
      if (a instanceof Values.ListVal l) {
        out.addAll(l.items());
      }
    }
    return out;
  }

  /** The ensemble size of the first uncertain value among {@code args}, or -1. */
  static int size(List<Value> args) {
    Uncertain u = first(args);
    return u == null ? -1 : u.size();
  }

  private static Uncertain first(List<Value> args) {
    for (Value a : args) {
      if (a instanceof Uncertain u) {
        return u;
      }
    }
    return null;
  }

  private static double levelOf(List<Value> args, double otherwise) {
    Uncertain u = first(args);
    return u == null ? otherwise : u.level();
  }

  static List<Value> points(List<Value> args) {
    List<Value> out = new ArrayList<>(args.size());
    for (Value a : args) {
      out.add(a instanceof Uncertain u ? new Values.Num(u.point()) : a);
    }
    return out;
  }

  static List<Value> members(List<Value> args, int k) {
    List<Value> out = new ArrayList<>(args.size());
    for (Value a : args) {
      out.add(a instanceof Uncertain u ? new Values.Num(u.sample(k)) : a);
    }
    return out;
  }

  static LawException mismatch(int a, int b, Span at) {
    return LawException.of(org.lawlang.diag.Msg.TYPE, at, "uncertain values from one bootstrap",
        "ensembles of " + a + " and " + b + " resamples");
  }
}
