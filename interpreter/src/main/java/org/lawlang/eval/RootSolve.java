package org.lawlang.eval;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lawlang.compile.Compiled;
import org.lawlang.diag.Diagnostic;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.solve.RootFinder;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Expr.Binary;
import org.lawlang.syntax.Expr.BinaryOp;
import org.lawlang.syntax.ExprPrinter;
import org.lawlang.syntax.NumberFormat;

/**
 * `solve lhs = rhs for X [in [lo, hi]]`: lowers lhs − rhs to a formula in X, brackets a sign
 * change (in log space when X is positive, i.e. unless the range reaches zero) and refines
 * it with Brent's method. No sign change in the range is an error that says how close the
 * two sides came; several sign changes give the smallest root and a warning.
 */
final class RootSolve {
  private RootSolve() {}

  static Value solve(Expr.Solve node, Interpreter in, Env env) {
    String x = node.variable().name();
    double lo = Double.NEGATIVE_INFINITY;
    double hi = Double.POSITIVE_INFINITY;
    if (node.range() != null) {
      lo = Values.finite(in.eval(node.range().lo(), env), node.range().lo().span(), "a bound");
      hi = Values.finite(in.eval(node.range().hi(), env), node.range().hi().span(), "a bound");
      if (!(lo < hi)) {
        throw LawException.of(Msg.BAD_BOUNDS, node.range().span(), x, NumberFormat.show(lo), NumberFormat.show(hi));
      }
    }
    boolean positive = node.range() == null || lo > 0;
    Expr lhs = ProblemBuilder.lowerForSolve(node.lhs(), node.variable(), in, env);
    Expr rhs = ProblemBuilder.lowerForSolve(node.rhs(), node.variable(), in, env);
    Expr diff = new Binary(node.span(), BinaryOp.SUB, lhs, rhs);
    Map<String, Integer> slots = new HashMap<>();
    slots.put(x, 0);
    Compiled.Fn f = Compiled.compile(diff, slots);
    RootFinder.Root r = RootFinder.find(v -> f.apply(new double[] {v}), lo, hi, positive);
    Compiled.Fn left = Compiled.compile(lhs, slots);
    Compiled.Fn right = Compiled.compile(rhs, slots);
    String equation = node.lhs().span().text() + " = " + node.rhs().span().text();
    String range = positive && node.range() == null ? "[1e-30, 1e30]" : "[" + NumberFormat.show(Math.max(lo, positive ? 1e-30 : -1e6))
        + ", " + NumberFormat.show(Math.min(hi, positive ? 1e30 : 1e6)) + "]";
    if (r.zeroEverywhere() || identity(left, right, lo, hi, positive)) {
      throw LawException.of(Msg.SOLVE_IDENTITY, node.span(), x, range)
          .hint("both sides are the same for every " + x + "; check that the equation says what you meant");
    }
    if (Double.isNaN(r.x())) {
      boolean across = r.fMin() < 0 && r.fMax() > 0;
      String seen = across
          ? "left minus right changes sign only where it jumps or is undefined"
              + (Double.isNaN(r.jumpAt()) ? "" : " (near " + x + " = " + NumberFormat.show(r.jumpAt()) + ")")
          : Double.isFinite(r.fMin())
          ? "at " + r.samples() + " sampled points left minus right ranges from " + NumberFormat.show(r.fMin()) + " (at " + x
              + " = " + NumberFormat.show(r.xAtMin()) + ") to " + NumberFormat.show(r.fMax()) + " (at " + x + " = "
              + NumberFormat.show(r.xAtMax()) + ") and never changes sign; a root where it only touches 0 is not found: give a"
              + " range around it (solve ... for " + x + " in [lo, hi]) or use minimize"
          : "the equation is undefined everywhere in the range";
      if (node.range() == null) {
        seen += "; without a range, solve looks at positive " + x + " only (give one for others: for " + x + " in [-10, 10])";
      }
      throw LawException.of(Msg.SOLVE_NO_ROOT, node.span(), x, range).hint(seen);
    }
    if (r.signChanges() > 1) {
      in.warnOnce("solve-roots", Diagnostic.warning(Msg.OPT_GENERAL, node.span(),
          "the equation changes sign " + r.signChanges() + " times in " + range + "; this is the smallest root"));
    }
    Map<String, Double> point = new LinkedHashMap<>();
    point.put(x, r.x());
    String method = "Brent" + (positive ? ", bracketed in log space" : "") + ", residual " + NumberFormat.show(r.residual());
    return new OptimumValue("root of " + equation, r.converged() ? "root" : "iteration-limit", false,
        method, 0, point, Double.NaN, List.of(), null);
  }

  /**
   * Whether both sides agree to rounding at 61 points across the range: then the equation is
   * an identity (6·N·(C/(6·N)) = C), whose rounding noise would otherwise pass for roots.
   */
  private static boolean identity(Compiled.Fn left, Compiled.Fn right, double lo, double hi, boolean positive) {
    double a = positive ? Math.log(Double.isFinite(lo) && lo > 0 ? lo : 1e-30) : Double.isFinite(lo) ? lo : -1e6;
    double b = positive ? Math.log(Double.isFinite(hi) ? hi : 1e30) : Double.isFinite(hi) ? hi : 1e6;
    int seen = 0;
    for (int i = 0; i <= 60; i++) {
      double u = a + (b - a) * i / 60;
      double[] x = {positive ? Math.exp(u) : u};
      double l = left.apply(x);
      double r = right.apply(x);
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
