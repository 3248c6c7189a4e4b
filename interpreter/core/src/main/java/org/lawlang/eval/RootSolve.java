package org.lawlang.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.lawlang.compile.Formula;
import org.lawlang.compile.ScalarProgram;
import org.lawlang.compile.Magnitude;
import org.lawlang.diag.Diagnostic;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.solve.RootCheck;
import org.lawlang.solve.RootFinder;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.NumberFormat;

/**
 * `solve lhs = rhs for X [in [lo, hi]]` and `roots lhs = rhs for X in [lo, hi]`: lowers
 * lhs − rhs to a formula in X, lets {@link RootFinder} propose roots in the range (1e-30 to
 * 1e30 when none is given), and keeps only those that {@link RootCheck} confirms. `solve`
 * answers the smallest, with a warning naming how many there are; `roots` answers the list.
 * Sign changes across poles, unconfirmed ones and dips that touch zero without changing sign
 * are never reported as roots: they are named in warnings, or in the error when nothing is left.
 */
final class RootSolve {
  private RootSolve() {}

  /** Both ends of the default range: positive values only, as scaling-law quantities are. */
  private static final double LOW = 1e-30;
  private static final double HIGH = 1e30;
  /** Samples a decade for the look at negative values that `solve` without a range makes only to warn. */
  private static final int NEGATIVE_LOOK = 20;

  /** A confirmed root, and whether Brent met its tolerance on the way. */
  private record Confirmed(RootCheck.Verdict verdict, boolean converged) {}

  /** The scan of a range with every candidate checked. */
  private record Found(RootFinder.Scan scan, List<Confirmed> roots, List<RootCheck.Verdict> refuted, List<RootFinder.Dip> touches) {}

  static Value solve(Expr.Solve node, Interpreter in, Env env) {
    String x = node.variable().name();
    boolean ranged = node.range() != null;
    if (node.all() && !ranged) {
      throw LawException.of(Msg.ROOTS_NO_RANGE, node.span(), x)
          .hint("give the range to list the roots in: roots ... for " + x + " in [lo, hi]");
    }
    double lo = LOW;
    double hi = HIGH;
    if (ranged) {
      lo = Values.finite(in.eval(node.range().lo(), env), node.range().lo().span(), "a bound");
      hi = Values.finite(in.eval(node.range().hi(), env), node.range().hi().span(), "a bound");
      if (!(lo < hi)) {
        throw LawException.of(Msg.BAD_BOUNDS, node.range().span(), x, NumberFormat.show(lo), NumberFormat.show(hi));
      }
    }
    Formula lhs = ProblemBuilder.lowerForSolve(node.lhs(), node.variable(), in, env);
    Formula rhs = ProblemBuilder.lowerForSolve(node.rhs(), node.variable(), in, env);
    Formula diff = Formula.minus(lhs, rhs);
    Formula.Ref variable = new Formula.Ref(Formula.Kind.VARIABLE, x, node.variable().span());
    String equation = node.lhs().span().text() + " = " + node.rhs().span().text();
    if (!Formula.mentions(diff, variable)) {
      throw LawException.of(Msg.SOLVE_NO_VARIABLE, node.variable().span(), x)
          .hint("both sides are fixed numbers here, so no value of " + x + " changes " + equation
              + "; solve for a name that appears in it");
    }
    List<Formula.Ref> slots = List.of(variable);
    var fc = ScalarProgram.of(slots, diff).evaluator();
    double[] at = new double[1]; // one slot array for the thousands of samples (a statement runs on one thread)
    DoubleUnaryOperator f = v -> {
      at[0] = v;
      return fc.applyAsDouble(at);
    };
    DoubleUnaryOperator size = Magnitude.function(diff, variable);
    String range = "[" + NumberFormat.show(lo) + ", " + NumberFormat.show(hi) + "]";
    Found found = find(f, size, lo, hi);
    if (found.scan().zeroEverywhere()
        || identity(ScalarProgram.of(slots, lhs), ScalarProgram.of(slots, rhs), lo, hi)) {
      throw LawException.of(Msg.SOLVE_IDENTITY, node.span(), x, range)
          .hint("both sides are the same for every " + x + "; check that the equation says what you meant");
    }
    // without a range only positive values are scanned: look at the negative ones too, to say so
    List<Confirmed> negative = ranged ? List.of() : find(f, size, -HIGH, -LOW, NEGATIVE_LOOK).roots();
    warnAboutRest(node, in, found, x);
    if (node.all()) {
      if (found.roots().isEmpty()) {
        in.warnOnce("roots-none", Diagnostic.warning(Msg.SOLVE_NO_ROOT, node.span(), x, range)
            .withHint(noRootHint(found, x, ranged, negative)));
      }
      return new Values.ListVal(found.roots().stream().map(r -> (Value) new Values.Num(r.verdict().x())).toList());
    }
    if (found.roots().isEmpty()) {
      throw LawException.of(Msg.SOLVE_NO_ROOT, node.span(), x, range).hint(noRootHint(found, x, ranged, negative));
    }
    Confirmed r = found.roots().get(0);
    int count = found.roots().size();
    if (count > 1) {
      in.warnOnce("solve-roots", Diagnostic.warning(Msg.OPT_GENERAL, node.span(),
          "the equation has " + count + " roots in " + range + "; this is the smallest")
          .withHint("'roots " + equation + " for " + x + " in " + range + "' lists them all"));
    }
    if (!negative.isEmpty()) {
      in.warnOnce("solve-negative", Diagnostic.warning(Msg.OPT_GENERAL, node.span(),
          "without a range, solve looks at positive " + x + " only; the equation also has " + plural(negative.size(), "root")
              + " at negative " + x + " (" + x + " = " + NumberFormat.show(negative.get(negative.size() - 1).verdict().x()) + ")")
          .withHint("give a range to look there: solve ... for " + x + " in [lo, hi]"));
    }
    Map<String, Double> point = new LinkedHashMap<>();
    point.put(x, r.verdict().x());
    String method = "Brent" + (lo > 0 ? ", bracketed in log space" : "") + ", residual "
        + NumberFormat.show(r.verdict().residual());
    return new OptimumValue("root of " + equation, r.converged() ? "root" : "iteration-limit", false,
        method, 0, point, Double.NaN, List.of(), null);
  }

  /** Scans [lo, hi] and checks every candidate; dips whose least |f| is negligible are touches. */
  private static Found find(DoubleUnaryOperator f, DoubleUnaryOperator size, double lo, double hi) {
    return find(f, size, lo, hi, RootFinder.PER_DECADE);
  }

  private static Found find(DoubleUnaryOperator f, DoubleUnaryOperator size, double lo, double hi, int perDecade) {
    RootFinder.Scan scan = RootFinder.scan(f, lo, hi, perDecade);
    List<Confirmed> roots = new ArrayList<>();
    List<RootCheck.Verdict> refuted = new ArrayList<>();
    for (RootFinder.Candidate c : scan.candidates()) {
      RootCheck.Verdict v = RootCheck.check(f, size, c.x());
      if (v.root()) {
        roots.add(new Confirmed(v, c.converged()));
      } else {
        refuted.add(v);
      }
    }
    List<RootFinder.Dip> touches = scan.dips().stream()
        .filter(d -> RootCheck.negligible(d.f(), size.applyAsDouble(d.x()))).toList();
    return new Found(scan, roots, refuted, touches);
  }

  /** Warnings for what was seen but is not reported: refuted sign changes, touches of zero, roots between samples. */
  private static void warnAboutRest(Expr.Solve node, Interpreter in, Found found, String x) {
    if (!Double.isNaN(found.scan().oscillatesAt())) {
      in.warnOnce("roots-aliasing", Diagnostic.warning(Msg.OPT_GENERAL, node.span(),
          "left minus right changes sign three times between two neighbouring samples at " + x + " = "
              + NumberFormat.show(found.scan().oscillatesAt()) + ": it oscillates faster than the grid (" + RootFinder.PER_DECADE
              + " points a decade) follows, so roots between samples may be missing")
          .withHint("a narrower range is sampled more finely (at least " + (4 * RootFinder.PER_DECADE + 1) + " points)"));
    }
    if (!found.roots().isEmpty() && !found.refuted().isEmpty()) {
      RootCheck.Verdict v = found.refuted().get(0);
      in.warnOnce("roots-refuted", Diagnostic.warning(Msg.OPT_GENERAL, node.span(),
          "left minus right changes sign near " + x + " = " + NumberFormat.show(v.x()) + (found.refuted().size() > 1
              ? " (and " + (found.refuted().size() - 1) + " more places)" : "") + ", which is not reported as a root: " + v.why()));
    }
    if (!found.roots().isEmpty() && !found.touches().isEmpty()) {
      RootFinder.Dip d = found.touches().get(0);
      in.warnOnce("roots-touch", Diagnostic.warning(Msg.OPT_GENERAL, node.span(), touch(d, x) + (found.touches().size() > 1
          ? " (and at " + (found.touches().size() - 1) + " more places)" : "") + "; such a root is not reported"));
    }
  }

  private static String touch(RootFinder.Dip d, String x) {
    return "left minus right comes within " + NumberFormat.show(Math.abs(d.f())) + " of 0 near " + x + " = "
        + NumberFormat.show(d.x()) + " without changing sign: perhaps a double root";
  }

  private static String noRootHint(Found found, String x, boolean ranged, List<Confirmed> negative) {
    RootFinder.Scan s = found.scan();
    String seen;
    if (!found.touches().isEmpty()) {
      seen = touch(found.touches().get(0), x) + ", which cannot be bracketed; minimize the square of left minus right to find"
          + " where it touches";
    } else if (!found.refuted().isEmpty() && s.jumps().isEmpty()) {
      RootCheck.Verdict v = found.refuted().get(0);
      seen = "left minus right changes sign near " + x + " = " + NumberFormat.show(v.x()) + ", but that is not a root: " + v.why();
    } else if (s.fMin() < 0 && s.fMax() > 0) {
      double at = !s.jumps().isEmpty() ? s.jumps().get(0) : found.refuted().isEmpty() ? Double.NaN : found.refuted().get(0).x();
      seen = "left minus right changes sign only where it jumps or is undefined"
          + (Double.isNaN(at) ? "" : " (near " + x + " = " + NumberFormat.show(at) + ")");
    } else if (Double.isFinite(s.fMin())) {
      seen = "at " + s.samples() + " sampled points left minus right ranges from " + NumberFormat.show(s.fMin()) + " (at " + x
          + " = " + NumberFormat.show(s.xAtMin()) + ") to " + NumberFormat.show(s.fMax()) + " (at " + x + " = "
          + NumberFormat.show(s.xAtMax()) + ") and never changes sign"
          + (ranged && s.leastAtEnd() ? "; it is nearest 0 at the end " + x + " = " + NumberFormat.show(s.xAtLeast())
              + " of the range, so a root may lie beyond it" : "");
    } else {
      seen = "the equation is undefined everywhere in the range";
    }
    if (!ranged) {
      seen += "; without a range, solve looks at positive " + x + " only"
          + (negative.isEmpty() ? " (give one for others: for " + x + " in [-10, 10])"
              : ", and there is a root at " + x + " = " + NumberFormat.show(negative.get(negative.size() - 1).verdict().x())
                  + " (give a range to look there: for " + x + " in [lo, hi])");
    }
    return seen;
  }

  private static String plural(int n, String word) {
    return n == 1 ? "a " + word : n + " " + word + "s";
  }

  /**
   * Whether both sides agree to rounding at 61 points across the range (even in ln x for a
   * positive range): then the equation is an identity (6·N·(C/(6·N)) = C), whose rounding
   * noise would otherwise pass for roots.
   */
  private static boolean identity(ScalarProgram left, ScalarProgram right, double lo, double hi) {
    boolean log = lo > 0;
    double a = log ? Math.log(lo) : lo;
    double b = log ? Math.log(hi) : hi;
    int seen = 0;
    for (int i = 0; i <= 60; i++) {
      double u = a + (b - a) * i / 60;
      double[] x = {log ? Math.exp(u) : u};
      double l = left.value(x);
      double r = right.value(x);
      if (!Double.isFinite(l) || !Double.isFinite(r)) {
        continue;
      }
      if (Math.abs(l - r) > 1e-12 * Math.max(Math.abs(l), Math.abs(r))) {
        return false;
      }
      seen++;
    }
    return seen > 0;
  }
}
