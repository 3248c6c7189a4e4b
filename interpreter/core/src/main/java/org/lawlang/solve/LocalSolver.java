package org.lawlang.solve;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.lawlang.compile.Problem;
import org.lawlang.compile.SmoothFunction;
import org.lawlang.compile.Formula;
import org.lawlang.syntax.Expr.Relation;

/**
 * The local method for problems that are not power-law problems: an augmented Lagrangian
 * (multipliers for the equalities, clipped multipliers for the inequalities, a penalty that
 * grows while the violation does not shrink), each subproblem minimised by {@link Newton}
 * with exact derivatives, from several deterministic and seeded random starts; the best
 * feasible end point wins; a bound or corner of the box lower than it is one more start.
 * Positive variables are searched in log space.
 */
public final class LocalSolver {
  private LocalSolver() {}

  static final int STARTS = 8;
  /** A variable beyond this size, with no bound on that side, when the method stops unconverged, is running away. */
  static final double DIVERGING = 1e30;

  public static Solution solve(Problem p, long seed) {
    return solve(p, seed, x -> true, r -> true);
  }

  /**
   * As {@link #solve(Problem, long)}, preferring among the runs' feasible end points the best
   * one that {@code certified} accepts (the independent KKT check), so that a run that stalled
   * where the objective is merely flat does not hide one that reached a true optimum.
   */
  public static Solution solve(Problem p, long seed, java.util.function.Predicate<double[]> certified,
      java.util.function.Predicate<Certificate.Ray> confirmedRay) {
    int n = p.variables().size();
    List<Formula.Ref> names = p.refs();
    boolean[] log = new boolean[n];
    for (int i = 0; i < n; i++) {
      log[i] = p.variables().get(i).positive();
    }
    SmoothFunction f = SmoothFunction.of(p.objective(), names, log, true);
    List<SmoothFunction> eqs = new ArrayList<>();
    List<SmoothFunction> ineqs = new ArrayList<>();
    List<Integer> eqIndex = new ArrayList<>();
    List<Integer> ineqIndex = new ArrayList<>();
    for (int j = 0; j < p.constraints().size(); j++) {
      Problem.Constraint c = p.constraints().get(j);
      boolean ge = c.relation() == Relation.GE || c.relation() == Relation.GT;
      Formula diff = ge ? Formula.minus(c.rhs(), c.lhs()) : Formula.minus(c.lhs(), c.rhs());
      double scale = scale(c);
      Formula scaled = new Formula.Arith(Formula.ArithOp.DIV, diff, new Formula.Const(scale));
      if (c.relation() == Relation.EQ) {
        eqs.add(SmoothFunction.of(scaled, names, log, true));
        eqIndex.add(j);
      } else {
        ineqs.add(SmoothFunction.of(scaled, names, log, true));
        ineqIndex.add(j);
      }
    }
    List<double[]> starts = starts(p, log, seed);
    AugmentedLagrangian al = new AugmentedLagrangian(f, p.maximize() ? -1 : 1, eqs, ineqs, bounds(p, log));
    AugmentedLagrangian.Result best = null;
    int iterations = 0;
    boolean diverged = false;
    boolean feasibleStart = false;
    List<Integer> away = new ArrayList<>();
    List<double[]> bases = new ArrayList<>();
    List<double[]> runaway = new ArrayList<>();
    List<AugmentedLagrangian.Result> ends = new ArrayList<>();
    String method = "augmented Lagrangian, Newton, " + starts.size() + " starts";
    // a ray from the starts first: an unbounded problem is then answered without the runs,
    // which on such problems chase the objective for thousands of Newton steps each
    Certificate.Ray early = Rays.find(al, starts, List.of(), log, confirmedRay);
    if (early != null) {
      return unbounded(early, n, 0, starts.size(), method);
    }
    for (double[] u0 : starts) {
      feasibleStart |= al.violation(u0) <= 1e-7;
      bases.add(u0);
      if (iterations > BUDGET) {
        break; // the remaining starts would only repeat runs that already took their fill
      }
      AugmentedLagrangian.Result r = al.run(u0);
      iterations += r.iterations();
      diverged |= r.diverged();
      if (r.diverged()) {
        for (int i : runningAway(p, toVariables(r.u(), log))) {
          if (!away.contains(i)) {
            away.add(i);
          }
        }
        runaway.add(direction(u0, r.u()));
      }
      if (r.diverged() || !Double.isFinite(r.objective())) {
        continue;
      }
      ends.add(r);
      bases.add(0, r.u());
      if (best == null || r.better(best)) {
        best = r;
      }
    }
    // the best end point that passes the independent check, if the very best does not
    if (best != null && best.feasible() && !certified.test(toVariables(best.u(), log))) {
      AugmentedLagrangian.Result alt = null;
      for (AugmentedLagrangian.Result r : ends) {
        if (r.feasible() && r != best && (alt == null || r.better(alt)) && certified.test(toVariables(r.u(), log))) {
          alt = r;
        }
      }
      best = alt != null ? alt : best;
    }
    // a run may end at a stationary point that is no minimum (x^3 at 0: a zero gradient and a
    // zero second derivative pass both tests) while a bound or corner of the box is lower: the
    // best such feasible point, if it beats the best run, is one more start
    double[][] box = bounds(p, log);
    for (int round = 0; round < 2; round++) {
      double[] probe = bestProbe(al, best != null ? best.u() : starts.get(0), box, best);
      if (probe == null) {
        break;
      }
      AugmentedLagrangian.Result r = al.run(probe);
      iterations += r.iterations();
      if (r.diverged() || !Double.isFinite(r.objective()) || (best != null && !r.better(best))) {
        break;
      }
      best = r;
    }
    Certificate.Ray ray = Rays.find(al, bases, runaway, log, confirmedRay);
    if (ray != null) {
      return unbounded(ray, n, iterations, starts.size(), method);
    }
    if (best == null || (diverged && !best.feasible())) {
      away.sort(null);
      return new Solution(diverged ? Solution.Status.UNBOUNDED : Solution.Status.ITERATION_LIMIT, null, false,
          iterations, starts.size(), method, List.of(), away.isEmpty() ? divergingAll(n) : away);
    }
    double[] x = toVariables(best.u(), log);
    if (!best.feasible() && feasibleStart) {
      // a start satisfies every constraint, so the problem is feasible whatever the runs say:
      // they lost feasibility chasing an objective that grows faster than the penalty
      List<Integer> far = runningAway(p, x);
      return new Solution(far.isEmpty() ? Solution.Status.ITERATION_LIMIT : Solution.Status.UNBOUNDED,
          far.isEmpty() ? null : x, false, iterations, starts.size(), method, List.of(), far);
    }
    if (!best.feasible()) {
      List<Integer> conflict = new ArrayList<>();
      for (int i : best.violated()) {
        conflict.add(i < eqs.size() ? eqIndex.get(i) : i < eqs.size() + ineqs.size() ? ineqIndex.get(i - eqs.size())
            : -1 - (i - eqs.size() - ineqs.size()) / 2);
      }
      return new Solution(Solution.Status.INFEASIBLE, x, false, iterations, starts.size(), method, conflict, List.of());
    }
    if (!best.converged()) {
      // diverging iterates (as IPOPT judges them): a variable beyond 1e30 on a side with no
      // bound, where the method ran out of iterations, is running away, not converging slowly
      List<Integer> far = runningAway(p, x);
      if (!far.isEmpty()) {
        return new Solution(Solution.Status.UNBOUNDED, x, false, iterations, starts.size(), method, List.of(), far);
      }
    }
    return new Solution(best.converged() ? Solution.Status.OPTIMAL : Solution.Status.ITERATION_LIMIT, x, false, iterations,
        starts.size(), method, List.of(), List.of());
  }

  /** Corners of the box up to this many variables with finite bounds; beyond, the bounds one variable at a time. */
  static final int CORNERS = 6;

  /**
   * The feasible point, among u with its bounded variables moved to their bounds (every corner
   * when few, else one variable at a time) and points a little way off u, whose objective is clearly below that of {@code best}
   * (any, when best is null or infeasible); null when there is none.
   */
  private static double[] bestProbe(AugmentedLagrangian al, double[] u, double[][] box, AugmentedLagrangian.Result best) {
    int n = u.length;
    List<Integer> bounded = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (Double.isFinite(box[i][0]) || Double.isFinite(box[i][1])) {
        bounded.add(i);
      }
    }
    List<double[]> probes = new ArrayList<>();
    // a little way off u along each variable (inside the box): a stationary point where the
    // objective still falls to third or higher order (x^3 at 0) is left this way
    double reach = 1;
    for (double v : u) {
      reach = Math.max(reach, Math.abs(v));
    }
    for (int i = 0; i < n; i++) {
      for (double step : new double[] {1e-3, 1e-1}) {
        for (int sgn = -1; sgn <= 1; sgn += 2) {
          double[] v = u.clone();
          v[i] = Math.max(box[i][0], Math.min(box[i][1], u[i] + sgn * step * reach));
          probes.add(v);
        }
      }
    }
    if (bounded.isEmpty()) {
      // nothing more to probe
    } else if (bounded.size() <= CORNERS) {
      for (int mask = 0; mask < 1 << bounded.size(); mask++) {
        double[] v = u.clone();
        boolean ok = true;
        for (int b = 0; b < bounded.size(); b++) {
          int i = bounded.get(b);
          double side = box[i][(mask >> b) & 1];
          if (Double.isFinite(side)) {
            v[i] = side;
          } else {
            ok &= ((mask >> b) & 1) == 0 || !Double.isFinite(box[i][0]); // each corner once
          }
        }
        if (ok) {
          probes.add(v);
        }
      }
    } else {
      for (int i : bounded) {
        for (int side = 0; side < 2; side++) {
          if (Double.isFinite(box[i][side])) {
            double[] v = u.clone();
            v[i] = box[i][side];
            probes.add(v);
          }
        }
      }
    }
    double target = best != null && best.feasible() ? best.objective() : Double.POSITIVE_INFINITY;
    double gap = Double.isFinite(target) ? 1e-8 * Math.max(1, Math.abs(target)) : 0;
    double[] out = null;
    double least = target - gap;
    for (double[] v : probes) {
      double obj = al.objective(v);
      if (obj < least && al.violation(v) <= 1e-7) {
        least = obj;
        out = v;
      }
    }
    return out;
  }

  /** The variables beyond {@link #DIVERGING} on a side with no bound. */
  private static List<Integer> runningAway(Problem p, double[] x) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      Problem.Var v = p.variables().get(i);
      if ((x[i] > DIVERGING && v.hi() == Double.POSITIVE_INFINITY) || (x[i] < -DIVERGING && v.lo() == Double.NEGATIVE_INFINITY)) {
        out.add(i);
      }
    }
    return out;
  }

  private static List<Integer> divergingAll(int n) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(i);
    }
    return out;
  }

  /** The size of the constant side of a constraint, so that violations are relative. */
  private static double scale(Problem.Constraint c) {
    for (Formula side : List.of(c.rhs(), c.lhs())) {
      if (side instanceof Formula.Const num && num.value() != 0 && Double.isFinite(num.value())) {
        return Math.abs(num.value());
      }
    }
    return 1;
  }

  /** Bounds as inequalities on u: {lo, hi} per variable (infinite when absent). */
  private static double[][] bounds(Problem p, boolean[] log) {
    int n = log.length;
    double[][] out = new double[n][2];
    for (int i = 0; i < n; i++) {
      out[i] = p.variables().get(i).solverRange();
    }
    return out;
  }

  private static List<double[]> starts(Problem p, boolean[] log, long seed) {
    int n = log.length;
    double[][] b = bounds(p, log);
    List<double[]> out = new ArrayList<>();
    double[] levels = {Math.log(1e9), Math.log(1e12), Math.log(1e6), 0, Math.log(1e3)};
    for (double level : levels) {
      double[] u = new double[n];
      for (int i = 0; i < n; i++) {
        u[i] = clampStart(log[i] ? level : 0, b[i]);
      }
      out.add(u);
    }
    Random random = new Random(seed);
    while (out.size() < STARTS) {
      double[] u = new double[n];
      for (int i = 0; i < n; i++) {
        u[i] = clampStart(log[i] ? random.nextDouble() * Math.log(1e14) : random.nextGaussian() * 10, b[i]);
      }
      out.add(u);
    }
    return out;
  }

  private static double clampStart(double u, double[] b) {
    double lo = b[0];
    double hi = b[1];
    if (Double.isFinite(lo) && Double.isFinite(hi)) {
      return u >= lo && u <= hi ? u : 0.5 * (lo + hi);
    }
    if (Double.isFinite(lo) && u < lo) {
      return lo + 1;
    }
    if (Double.isFinite(hi) && u > hi) {
      return hi - 1;
    }
    return u;
  }

  private static Solution unbounded(Certificate.Ray ray, int n, int iterations, int starts, String method) {
    List<Integer> moving = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (ray.direction()[i] != 0) {
        moving.add(i);
      }
    }
    return new Solution(Solution.Status.UNBOUNDED, ray.from(), false, iterations, starts, method, List.of(), moving, ray);
  }

  /** Newton steps for all runs together, past which no further start is run (a run takes at most about 6,000). */
  static final int BUDGET = 24_000;

  /** The unit (max-norm) direction from {@code a} to {@code b}. */
  private static double[] direction(double[] a, double[] b) {
    double[] d = new double[a.length];
    double size = 0;
    for (int i = 0; i < a.length; i++) {
      d[i] = b[i] - a[i];
      size = Math.max(size, Math.abs(d[i]));
    }
    for (int i = 0; i < a.length; i++) {
      d[i] = size > 0 && Double.isFinite(size) ? d[i] / size : 0;
    }
    return d;
  }

  static double[] toVariables(double[] u, boolean[] log) {
    double[] x = u.clone();
    for (int i = 0; i < x.length; i++) {
      if (log[i]) {
        x[i] = Math.exp(x[i]);
      }
    }
    return x;
  }
}
