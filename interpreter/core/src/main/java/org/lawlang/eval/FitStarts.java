package org.lawlang.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Suggest;
import org.lawlang.semantics.Law;
import org.lawlang.semantics.Param;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Expr.*;
import org.lawlang.syntax.NumberFormat;

/**
 * The start points of a fit, in natural units, from `starts …`: `grid(alpha = 0..2 by 0.5, …)`
 * (every combination, the last name varying fastest; each point knows its lattice neighbours,
 * so the fit can search only from the grid's local minima), `fullgrid(…)` (the same points,
 * every one searched), `at(alpha = 0.3, …)` (one point),
 * `random(n)` (n points drawn with the fit's seed: uniform within finite bounds, log-uniform
 * over 1e-3…1e3 for a positive parameter without an upper bound, normal around the default
 * otherwise); several specs separated by commas add up. A parameter a spec does not name takes
 * its declared `start`, else a default inside its bounds. Every start is checked against the bounds.
 * With no `starts` at all, law grids the declared bounds itself ({@link #automatic}).
 */
final class FitStarts {
  /** More starts than this are refused before any is generated. */
  static final long MAX_STARTS = 10_000_000;

  private FitStarts() {}

  /** An automatic grid has at most this many points: 3 per axis for up to 6 gridded parameters. */
  static final int AUTO_MAX = 729;
  /** With more gridded parameters, 2 points per axis (the outer ones) for up to this many. */
  static final int AUTO_MAX_TWO = 10;

  /**
   * The points, and for each the indices of its grid neighbours (points one step away along
   * one axis of the same `grid`), or null for a point every fit searches from; {@code note}
   * says what law chose when no starts were given (null when the script chose them).
   */
  record Starts(List<double[]> points, List<int[]> neighbours, String note) {
    Starts(List<double[]> points, List<int[]> neighbours) {
      this(points, neighbours, null);
    }

    int size() {
      return points.size();
    }
  }

  /**
   * What the starts are read against: the law and its free parameters, the `starts` option
   * (null when none was given), and the interpreter and scope its values are evaluated in.
   */
  record Request(Law law, List<Param> free, Expr.FitOption startsOption, Interpreter in, Env env) {
    Request {
      free = List.copyOf(free);
    }

    long count(Expr e, String what, long min) {
      return FitSetup.count(in, env, e, what, min);
    }
  }

  static Starts of(Request s, long seed) {
    List<double[]> out = new ArrayList<>();
    List<int[]> near = new ArrayList<>();
    if (s.startsOption() == null) {
      return automatic(s);
    }
    for (Expr e : s.startsOption().values()) {
      String kind = e instanceof Call c && c.callee() instanceof Name n ? n.name() : "";
      List<Arg> args = e instanceof Call c ? c.args() : List.of();
      int before = out.size();
      switch (kind) {
        case "grid" -> {
          Map<String, double[]> axes = named(s, args, e);
          out.addAll(grid(s, axes));
          near.addAll(lattice(axes, before));
        }
        case "fullgrid" -> out.addAll(grid(s, named(s, args, e)));
        case "at" -> out.add(point(s, named(s, args, e)));
        case "random" -> out.addAll(random(s, args, e, seed));
        default -> throw LawException.of(Msg.FIT_GENERAL, e.span(),
            "a start is grid(name = values, ...), fullgrid(name = values, ...), at(name = value, ...) or random(n)");
      }
      while (near.size() < out.size()) {
        near.add(null);
      }
    }
    return new Starts(out, near);
  }

  /** Neighbour indices of a grid's points, in the order {@link #grid} makes them (last axis fastest). */
  static List<int[]> lattice(Map<String, double[]> axes, int offset) {
    List<double[]> dims = new ArrayList<>(axes.values());
    int k = dims.size();
    int[] stride = new int[k];
    int size = 1;
    for (int a = k - 1; a >= 0; a--) {
      stride[a] = size;
      size *= dims.get(a).length;
    }
    List<int[]> out = new ArrayList<>(size);
    int[] buf = new int[2 * k];
    for (int i = 0; i < size; i++) {
      int m = 0;
      for (int a = 0; a < k; a++) {
        int coord = i / stride[a] % dims.get(a).length;
        if (coord > 0) {
          buf[m++] = offset + i - stride[a];
        }
        if (coord + 1 < dims.get(a).length) {
          buf[m++] = offset + i + stride[a];
        }
      }
      out.add(Arrays.copyOf(buf, m));
    }
    return out;
  }

  /** Named arguments as value lists, each checked against the parameter's bounds. */
  private static Map<String, double[]> named(Request s, List<Arg> args, Expr at) {
    Map<String, double[]> out = new LinkedHashMap<>();
    List<String> names = s.free().stream().map(Param::name).toList();
    for (Arg a : args) {
      if (a.name() == null) {
        throw LawException.of(Msg.FIT_GENERAL, a.span(), "name the parameter: alpha = 0.3");
      }
      int j = names.indexOf(a.name());
      if (j < 0) {
        throw LawException.of(Msg.UNKNOWN_PARAMETER, a.span(), a.name(), s.law().name())
            .hint(Suggest.closest(a.name(), names).map(x -> "did you mean '" + x + "'?")
                .orElse("its free parameters are " + String.join(", ", names)));
      }
      double[] xs = Values.doubles(s.in().eval(a.value(), s.env()), a.value().span(), "start values of " + a.name());
      Param p = s.free().get(j);
      if (xs.length == 0) {
        // an empty axis would make a grid of no points (and at() a point with no value)
        throw LawException.of(Msg.FIT_GENERAL, a.value().span(), "no start values for " + a.name() + ": the list is empty")
            .hint("give at least one value, e.g. " + a.name() + " = [0.5, 1, 2], or leave " + a.name() + " out to use its default start");
      }
      for (double x : xs) {
        if (!Double.isFinite(x) || !p.contains(x)) {
          throw LawException.of(Msg.FIT_START_OUT_OF_BOUNDS, a.value().span(), a.name(), NumberFormat.show(x), a.name(),
              p.boundsText()).hint("starts must lie inside the bounds declared with 'with'");
        }
      }
      out.put(a.name(), xs);
    }
    return out;
  }

  private static List<double[]> grid(Request s, Map<String, double[]> axes) {
    double size = 1;
    for (double[] a : axes.values()) {
      size *= a.length;
    }
    if (size > MAX_STARTS) {
      throw LawException.of(Msg.LIMIT, s.startsOption().span(), "a grid of " + NumberFormat.show(size)
          + " starts is more than the limit of " + NumberFormat.show(MAX_STARTS));
    }
    List<double[]> out = new ArrayList<>();
    double[] base = defaults(s.free());
    List<String> names = s.free().stream().map(Param::name).toList();
    List<String> order = new ArrayList<>(axes.keySet());
    int[] counter = new int[order.size()];
    while (true) {
      double[] x = base.clone();
      for (int k = 0; k < order.size(); k++) {
        x[names.indexOf(order.get(k))] = axes.get(order.get(k))[counter[k]];
      }
      out.add(x);
      int k = order.size() - 1;
      while (k >= 0 && ++counter[k] == axes.get(order.get(k)).length) {
        counter[k] = 0;
        k--;
      }
      if (k < 0) {
        return out;
      }
    }
  }

  private static double[] point(Request s, Map<String, double[]> values) {
    double[] x = defaults(s.free());
    List<String> names = s.free().stream().map(Param::name).toList();
    for (Map.Entry<String, double[]> e : values.entrySet()) {
      if (e.getValue().length > 1) {
        throw LawException.of(Msg.FIT_GENERAL, s.startsOption().span(), "at(...) is one point, but " + e.getKey() + " has "
            + e.getValue().length + " values").hint("for every combination of several values, use grid(...)");
      }
      x[names.indexOf(e.getKey())] = e.getValue()[0];
    }
    return x;
  }

  private static List<double[]> random(Request s, List<Arg> args, Expr e, long seed) {
    if (args.size() != 1 || args.get(0).name() != null) {
      throw LawException.of(Msg.FIT_GENERAL, e.span(), "random takes the number of starts: random(100)");
    }
    long n = s.count(args.get(0).value(), "the number of random starts", 1);
    if (n > MAX_STARTS) {
      throw LawException.of(Msg.LIMIT, e.span(), NumberFormat.show(n) + " random starts are more than the limit of "
          + NumberFormat.show(MAX_STARTS)).hint("a few thousand starts are plenty for a handful of parameters");
    }
    SplittableRandom rng = new SplittableRandom(seed);
    double[] base = defaults(s.free());
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double[] x = new double[s.free().size()];
      for (int j = 0; j < x.length; j++) {
        Param p = s.free().get(j);
        if (Double.isFinite(p.lo()) && Double.isFinite(p.hi())) {
          x[j] = p.lo() + (p.hi() - p.lo()) * rng.nextDouble();
          if (!p.contains(x[j])) {
            x[j] = base[j];
          }
        } else if (p.positive()) {
          x[j] = Math.min(p.hi(), Math.exp(Math.log(1e-3) + Math.log(1e6) * rng.nextDouble()));
        } else {
          double g = Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
          x[j] = Math.max(p.lo(), Math.min(p.hi(), base[j] + Math.max(1, Math.abs(base[j])) * g));
        }
      }
      out.add(x);
    }
    return out;
  }

  /** The default start alone (a parameter's declared start, else a point inside its bounds), with a note saying why. */
  static Starts single(List<Param> free, String note) {
    List<double[]> out = new ArrayList<>();
    out.add(defaults(free));
    List<int[]> near = new ArrayList<>();
    near.add(null);
    return new Starts(out, near, note);
  }

  /**
   * The start strategy when the script gives none: a grid over the declared bounds, screened
   * like `grid(…)`. Per parameter ({@link #autoAxis}): its declared `start` alone; three points
   * inside a finite interval (its quartiles, geometric for a positive interval spanning a
   * factor 100 or more); 1e-3, 1 and 1e3 times max(1, |bound|) away from a single finite bound
   * (so 0.001, 1, 1000 for a parameter declared > 0 or >= 0); an unbounded parameter, having no
   * scale to grid, its default start alone. Up to {@link #AUTO_MAX} points (3 per axis for 6
   * gridded parameters); 7 to {@link #AUTO_MAX_TWO} gridded parameters get the outer 2 points
   * each; more get the default start alone. With no gridded parameter the default start is
   * the only point, as before, and the report says nothing of it.
   */
  static Starts automatic(Request s) {
    Map<String, double[]> axes = new LinkedHashMap<>();
    for (Param p : s.free()) {
      double[] v = autoAxis(p);
      if (v.length > 1) {
        axes.put(p.name(), v);
      }
    }
    int k = axes.size();
    if (k == 0) {
      return single(s.free(), null);
    }
    if (k > AUTO_MAX_TWO) {
      return single(s.free(), "the default start: an automatic grid over " + k + " bounded parameters would be too large (at most "
          + AUTO_MAX_TWO + "); give starts grid(...) or random(n)");
    }
    if (Math.pow(3, k) > AUTO_MAX) {
      axes.replaceAll((name, v) -> new double[] {v[0], v[v.length - 1]});
    }
    List<double[]> points = grid(s, axes);
    List<int[]> near = lattice(axes, 0);
    // parameters with the same values are listed together: "E, A, B at 0.001, 1, 1000"
    Map<String, List<String>> groups = new LinkedHashMap<>();
    axes.forEach((name, v) -> {
      StringBuilder vs = new StringBuilder();
      for (double x : v) {
        vs.append(vs.length() == 0 ? "" : ", ").append(NumberFormat.show(x, 4));
      }
      groups.computeIfAbsent(vs.toString(), x -> new ArrayList<>()).add(name);
    });
    StringBuilder note = new StringBuilder("automatic grid of " + points.size() + " points over the declared bounds: ");
    boolean first = true;
    for (Map.Entry<String, List<String>> g : groups.entrySet()) {
      note.append(first ? "" : "; ").append(String.join(", ", g.getValue())).append(" at ").append(g.getKey());
      first = false;
    }
    return new Starts(points, near, note.toString());
  }

  /** The automatic grid's values for one parameter (one value: not gridded). */
  static double[] autoAxis(Param p) {
    if (p.start() != null) {
      return new double[] {p.start()};
    }
    double lo = p.lo();
    double hi = p.hi();
    double[] v;
    if (Double.isFinite(lo) && Double.isFinite(hi)) {
      if (p.positive() && hi / Math.max(lo, hi * 1e-6) >= 100) {
        double a = Math.log(Math.max(lo, hi * 1e-6));
        double b = Math.log(hi);
        v = new double[] {Math.exp(a + 0.25 * (b - a)), Math.exp(a + 0.5 * (b - a)), Math.exp(a + 0.75 * (b - a))};
      } else {
        v = new double[] {lo + 0.25 * (hi - lo), lo + 0.5 * (hi - lo), lo + 0.75 * (hi - lo)};
      }
    } else if (Double.isFinite(lo)) {
      double s = Math.max(1, Math.abs(lo));
      v = new double[] {lo + 1e-3 * s, lo + s, lo + 1e3 * s};
    } else if (Double.isFinite(hi)) {
      double s = Math.max(1, Math.abs(hi));
      v = new double[] {hi - 1e3 * s, hi - s, hi - 1e-3 * s};
    } else {
      return new double[] {defaults(List.of(p))[0]};
    }
    // a degenerate interval (lo = hi) or rounding at a huge bound can leave values equal or outside
    double[] kept = java.util.Arrays.stream(v).filter(x -> Double.isFinite(x) && p.contains(x)).distinct().toArray();
    return kept.length > 0 ? kept : new double[] {defaults(List.of(p))[0]};
  }

  /** The declared start, or a point inside the bounds: 1 if allowed, else the middle or near the finite end. */
  static double[] defaults(List<Param> free) {
    double[] x = new double[free.size()];
    for (int j = 0; j < x.length; j++) {
      Param p = free.get(j);
      if (p.start() != null) {
        x[j] = p.start();
      } else if (p.contains(1)) {
        x[j] = 1;
      } else if (Double.isFinite(p.lo()) && Double.isFinite(p.hi())) {
        x[j] = p.positive() ? Math.sqrt(Math.max(p.lo(), 1e-300) * p.hi()) : 0.5 * (p.lo() + p.hi());
      } else if (Double.isFinite(p.lo())) {
        x[j] = p.lo() + Math.max(1, Math.abs(p.lo()));
      } else {
        x[j] = p.hi() - Math.max(1, Math.abs(p.hi()));
      }
    }
    return x;
  }
}
