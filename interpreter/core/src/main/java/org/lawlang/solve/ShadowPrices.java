package org.lawlang.solve;

import java.util.ArrayList;
import java.util.List;
import org.lawlang.compile.Problem;
import org.lawlang.compile.SmoothFunction;
import org.lawlang.syntax.Expr.Relation;

/**
 * Which constraints are active at an optimum and what each is worth: the Lagrange
 * multipliers μ from the stationarity condition ∇f = Σ μ_i ∇(lhs_i − rhs_i) over the active
 * constraints and bounds (least norm by {@link SmallSvd}, exact gradients, in log
 * coordinates for positive variables). Moving a constraint's level — the side without
 * variables, e.g. the budget C of `6*N*D = C` — by the factor e^δ moves the optimum by
 * μ·level·δ (envelope theorem): {@code perUnit} = μ, {@code perDoubling} = μ·level·ln 2.
 *
 * <p>Each column is scaled to unit length before the solve (a budget of 1e300 makes its
 * gradient 1e300 in log coordinates, and the unscaled products overflow or underflow), and
 * the solve is the least-norm one of an SVD: when the active gradients are dependent (the
 * same constraint twice) the multipliers are not unique, which {@code unique} reports, and
 * the least-norm solution splits the price between them instead of failing.
 */
public final class ShadowPrices {
  private ShadowPrices() {}

  public record Prices(boolean[] active, double[] perUnit, double[] perDoubling, double[] level, boolean unique, boolean inRange) {}

  public static Prices of(Problem p, double[] x) {
    int n = x.length;
    int m = p.constraints().size();
    List<org.lawlang.compile.Formula.Ref> names = p.refs();
    boolean[] log = new boolean[n];
    double[] u = x.clone();
    for (int i = 0; i < n; i++) {
      log[i] = p.variables().get(i).positive();
      if (log[i]) {
        u[i] = Math.log(x[i]);
      }
    }
    double[] gf = new double[n];
    SmoothFunction.of(p.objective(), names, log, false).eval(u, gf, null);
    boolean[] active = new boolean[m];
    double[] level = new double[m];
    List<double[]> columns = new ArrayList<>();
    List<Integer> which = new ArrayList<>();
    for (int j = 0; j < m; j++) {
      Problem.Constraint c = p.constraints().get(j);
      double[] gl = new double[n];
      double[] gr = new double[n];
      double l = SmoothFunction.of(c.lhs(), names, log, false).eval(u, gl, null);
      double r = SmoothFunction.of(c.rhs(), names, log, false).eval(u, gr, null);
      level[j] = c.perturbLhs() ? l : r;
      // the slack is judged against the size of the terms, not just of the two sides: with
      // everything on one side (D - 200*N >= 0) both sides are near 0 at an active constraint
      double terms = Math.max(Math.abs(l), Math.abs(r));
      for (int i = 0; i < n; i++) {
        double w = log[i] ? 1 : Math.abs(x[i]);
        terms = Math.max(terms, Math.max(Math.abs(gl[i]), Math.abs(gr[i])) * w);
      }
      active[j] = c.relation() == Relation.EQ || Math.abs(l - r) <= 1e-6 * Math.max(terms, 1e-300);
      if (active[j]) {
        double[] col = new double[n];
        for (int i = 0; i < n; i++) {
          col[i] = gl[i] - gr[i];
        }
        columns.add(col);
        which.add(j);
      }
    }
    for (int i = 0; i < n; i++) {
      Problem.Var v = p.variables().get(i);
      for (double b : new double[] {v.lo(), v.hi()}) {
        if (Double.isFinite(b) && Math.abs(x[i] - b) <= 1e-7 * Math.max(Math.abs(b), 1e-300)) {
          double[] col = new double[n];
          col[i] = 1;
          columns.add(col);
          which.add(-1);
        }
      }
    }
    double[] perUnit = new double[m];
    double[] perDoubling = new double[m];
    boolean unique = true;
    boolean inRange = true;
    if (!columns.isEmpty()) {
      int k = columns.size();
      int rows = Math.max(n, k);
      double[][] a = new double[rows][k];
      double[] size = new double[k];
      for (int c = 0; c < k; c++) {
        double[] col = columns.get(c);
        for (int i = 0; i < n; i++) {
          size[c] = Math.max(size[c], Math.abs(col[i]));
        }
        size[c] = size[c] > 0 && Double.isFinite(size[c]) ? size[c] : 1;
        for (int i = 0; i < n; i++) {
          a[i][c] = col[i] / size[c];
        }
      }
      double[] rhs = new double[rows];
      System.arraycopy(gf, 0, rhs, 0, n);
      SmallSvd svd = SmallSvd.of(a);
      double[] sv = svd.singularValues();
      unique = sv[sv.length - 1] > 1e-10 * sv[0];
      // scaled multipliers: μ_c = ν_c / size_c, so μ·level = ν·(level / size), no overflow
      double[] nu = svd.solve(rhs);
      for (int c = 0; c < k; c++) {
        int j = which.get(c);
        if (j < 0) {
          continue;
        }
        Problem.Constraint con = p.constraints().get(j);
        double dDelta = nu[c] * (level[j] / size[c]) * (con.perturbLhs() ? -1 : 1);
        perDoubling[j] = dDelta * Math.log(2);
        perUnit[j] = nu[c] / size[c] * (con.perturbLhs() ? -1 : 1);
        if (!Double.isFinite(perUnit[j]) || !Double.isFinite(perDoubling[j])) {
          inRange = false; // beyond the floating-point range: no number to show, so 0 and a warning
          perUnit[j] = Double.isFinite(perUnit[j]) ? perUnit[j] : 0;
          perDoubling[j] = Double.isFinite(perDoubling[j]) ? perDoubling[j] : 0;
        }
      }
    }
    return new Prices(active, perUnit, perDoubling, level, unique, inRange);
  }
}
