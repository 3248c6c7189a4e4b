package org.lawlang.certify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lawlang.compile.Formula;
import org.lawlang.compile.GeometricForm;
import org.lawlang.compile.Magnitude;
import org.lawlang.compile.GeometricForm.Inequality;
import org.lawlang.compile.GeometricForm.Linear;
import org.lawlang.compile.GeometricForm.Lse;
import org.lawlang.compile.Problem;
import org.lawlang.compile.SmoothFunction;
import org.lawlang.solve.Certificate;
import org.lawlang.solve.Jacobi;
import org.lawlang.solve.SmallSvd;
import org.lawlang.solve.Solution;
import org.lawlang.syntax.Expr.Relation;

/**
 * Checks a solver's verdict against the problem as the user wrote it, with code that shares
 * nothing with the solvers but the formulas' evaluation and derivatives: a global optimum by
 * its dual point and duality gap, a local optimum by the first- and second-order (KKT)
 * conditions it computes itself, an unbounded problem by walking its ray, an infeasible one
 * by its Farkas multipliers. A verdict it does not confirm is not reported as it stands
 * (org.lawlang.eval.Optimizer). The tolerances and what each check guarantees are in
 * docs/optimization.md.
 */
public final class Verifier {
  /** A constraint may be violated by this fraction of the size of its terms. */
  static final double FEASIBLE = 1e-7;
  /** The KKT residuals, as fractions of the size of the gradients that balance. */
  static final double STATIONARY = 1e-6;
  /** The duality gap of a global optimum, in ln of the objective's power-law part (relative). */
  static final double GAP = 1e-8;
  /** The least curvature on the reduced Hessian, as a fraction of its largest entry. */
  static final double CURVATURE = 1e-9;

  private final Problem p;
  private final int n;
  private final boolean[] log;
  private final double sign;
  private final List<Formula.Ref> names;
  /** The objective's value; with derivatives and the size of its terms only when a local optimum is checked. */
  private final SmoothFunction objective;
  private SmoothFunction objectiveSmooth;
  private SmoothFunction objectiveSize;
  /** The size of each of the objective's terms (its summands), for the scale of the stationarity test. */
  private final List<SmoothFunction> termSizes = new ArrayList<>();
  private final List<Formula> diffs = new ArrayList<>();
  /** c_j(u) <= 0 (or = 0 for an equality), and the size of its two sides. */
  private final List<SmoothFunction> constraints = new ArrayList<>();
  private final List<SmoothFunction> sizes = new ArrayList<>();

  private Verifier(Problem p) {
    this.p = p;
    this.n = p.variables().size();
    this.log = new boolean[n];
    for (int i = 0; i < n; i++) {
      log[i] = p.variables().get(i).positive();
    }
    this.sign = p.maximize() ? -1 : 1;
    this.names = p.refs();
    this.objective = SmoothFunction.of(p.objective(), names, log, 0);
    for (Problem.Constraint c : p.constraints()) {
      boolean ge = c.relation() == Relation.GE || c.relation() == Relation.GT;
      Formula diff = ge ? Formula.minus(c.rhs(), c.lhs()) : Formula.minus(c.lhs(), c.rhs());
      diffs.add(diff);
      constraints.add(SmoothFunction.of(diff, names, log, 0));
      sizes.add(SmoothFunction.of(Magnitude.sum(List.of(c.lhs(), c.rhs())), names, log, 0));
    }
  }

  /** Derivatives for the KKT test, built only when a local optimum is checked (the common convex path needs none). */
  private void differentiate() {
    if (objectiveSmooth == null) {
      objectiveSmooth = SmoothFunction.of(p.objective(), names, log, 2);
      objectiveSize = SmoothFunction.of(Magnitude.of(p.objective()), names, log, 1);
      List<Formula> terms = new ArrayList<>();
      summands(p.objective(), terms);
      for (Formula t : terms) {
        termSizes.add(SmoothFunction.of(Magnitude.of(t), names, log, 1));
      }
      for (int j = 0; j < diffs.size(); j++) {
        constraints.set(j, SmoothFunction.of(diffs.get(j), names, log, 2));
      }
    }
  }

  /** Checks the verdict {@code s} of problem {@code p} ({@code gf}: its power-law form, or null). */
  public static Check check(Problem p, GeometricForm gf, Solution s) {
    Verifier v = new Verifier(p);
    Certificate c = s.certificate();
    return switch (s.status()) {
      case OPTIMAL -> c instanceof Certificate.Dual d && gf != null ? v.global(gf, s.x(), d) : v.local(s.x());
      case NOT_ATTAINED -> c instanceof Certificate.Dual d && gf != null ? v.global(gf, s.x(), d)
          : Check.refuted("none", "no dual bound was given", Map.of());
      case UNBOUNDED -> c instanceof Certificate.Ray r ? v.ray(gf, r) : Check.refuted("none", "no ray was given", Map.of());
      case INFEASIBLE -> c instanceof Certificate.Farkas f && gf != null ? farkas(gf, f) : v.enclosed();
      case ITERATION_LIMIT -> Check.refuted("none", "the solver stopped before it converged", Map.of());
    };
  }

  // ---- global optimum of a power-law problem ------------------------------------------------

  private Check global(GeometricForm gf, double[] x, Certificate.Dual d) {
    Map<String, Double> ev = new LinkedHashMap<>();
    double violation = violation(toU(x));
    ev.put("feasibility", violation);
    if (!(violation <= FEASIBLE)) {
      return Check.refuted("dual", "the point violates a constraint by " + show(violation) + " of its size", ev);
    }
    double[] lx = new double[n];
    for (int i = 0; i < n; i++) {
      lx[i] = Math.log(x[i]);
    }
    String lowering = sameObjective(gf, lx);
    if (lowering == null) {
      lowering = sameConstraints(gf, lx);
    }
    if (lowering != null) {
      return Check.refuted("dual", lowering, ev);
    }
    double[] r = new double[n];
    if (!simplex(d.w0())) {
      return Check.refuted("dual", "the objective's term weights are not a distribution", ev);
    }
    double dual = entropyBound(gf.objective(), d.w0(), r, 1);
    List<Inequality> ineqs = gf.inequalities();
    for (int j = 0; j < ineqs.size(); j++) {
      double lambda = d.lambda()[j];
      if (!(lambda >= 0)) {
        return Check.refuted("dual", "a multiplier of an inequality is negative", ev);
      }
      if (lambda > 0) {
        if (!simplex(d.w()[j])) {
          return Check.refuted("dual", "a constraint's term weights are not a distribution", ev);
        }
        dual += entropyBound(ineqs.get(j).lse(), d.w()[j], r, lambda);
      }
    }
    List<Linear> eqs = gf.equalities();
    for (int e = 0; e < eqs.size(); e++) {
      double nu = d.nu()[e];
      for (int i = 0; i < n; i++) {
        r[i] += nu * eqs.get(e).a()[i];
      }
      dual -= nu * eqs.get(e).b();
    }
    double primal = lse(gf.objective(), lx);
    double residual = 0;
    double drift = 0;
    for (int i = 0; i < n; i++) {
      residual = Math.max(residual, Math.abs(r[i]));
      drift += r[i] * lx[i];
    }
    double gap = primal - dual;
    ev.put("gap", gap);
    ev.put("residual", residual);
    if (!(gap <= GAP && gap >= -GAP) || !(Math.abs(drift) <= GAP)) {
      return Check.refuted("dual", "the duality gap is " + show(gap) + " (residual " + show(residual) + "), above " + show(GAP), ev);
    }
    return Check.confirmed("dual", "dual gap " + show(Math.max(gap, 0)) + ", feasible to " + show(violation), ev);
  }

  /** Σ λ·w_k·(ln c_k + a_k·x) + λ·H(w) without its x part, which is added to {@code r}. */
  private static double entropyBound(Lse f, double[] w, double[] r, double lambda) {
    double out = 0;
    for (int k = 0; k < w.length; k++) {
      if (w[k] > 0) {
        out += lambda * w[k] * (f.logc()[k] - Math.log(w[k]));
      }
      for (int i = 0; i < r.length; i++) {
        r[i] += lambda * w[k] * f.exps()[k][i];
      }
    }
    return out;
  }

  private static boolean simplex(double[] w) {
    if (w == null) {
      return false;
    }
    double sum = 0;
    for (double v : w) {
      if (!(v >= 0)) {
        return false;
      }
      sum += v;
    }
    return Math.abs(sum - 1) <= 1e-12;
  }

  /**
   * Null when the power-law form's objective is the problem's own (a constant plus, or minus,
   * the posynomial, or its inverse) at the point and at points around it; else why not.
   */
  private String sameObjective(GeometricForm gf, double[] lx) {
    double constant = Double.NaN;
    for (int probe = 0; probe <= n; probe++) {
      double[] at = lx.clone();
      if (probe > 0) {
        at[probe - 1] += 0.1;
      }
      double[] u = toU(exp(at));
      double v = objective.value(u);
      double pv = Math.exp(lse(gf.objective(), at));
      double c = switch (gf.kind()) {
        case PLUS -> v - pv;
        case MINUS -> v + pv;
        case INVERSE -> v * pv - 1;
      };
      double size = Math.abs(v) + pv;
      if (probe == 0) {
        constant = c;
      } else if (!(Math.abs(c - constant) <= 1e-9 * size)) {
        return "the power-law form of the objective differs from the objective itself (" + show(c) + " vs " + show(constant) + ")";
      }
    }
    return null;
  }

  /**
   * Null when each power-law inequality taken from a constraint has the constraint's own sign
   * (holds exactly where the constraint holds) at the point and at points around it: a
   * lowering that shrank the feasible set would make the dual bound prove the wrong thing.
   */
  private String sameConstraints(GeometricForm gf, double[] lx) {
    // a relaxed equality's form may hold where lhs − rhs is negative or where it is positive,
    // but the same way round at every probe
    double[] orientation = new double[gf.inequalities().size()];
    for (int probe = 0; probe <= 2 * n; probe++) {
      double[] at = lx.clone();
      if (probe > 0) {
        at[(probe - 1) / 2] += (probe % 2 == 0 ? -1 : 1) * 0.5;
      }
      double[] u = toU(exp(at));
      for (Inequality q : gf.inequalities()) {
        if (q.constraint() < 0) {
          continue;
        }
        double f = lse(q.lse(), at);
        double c = constraints.get(q.constraint()).value(u);
        double size = Math.max(sizes.get(q.constraint()).value(u), 1e-300);
        boolean clear = Math.abs(f) > 1e-6 && Math.abs(c) > 1e-6 * size;
        int j = gf.inequalities().indexOf(q);
        double turn = Math.signum(f) * Math.signum(c);
        if (clear && q.relaxed() && orientation[j] == 0) {
          orientation[j] = turn;
        }
        if (clear && (q.relaxed() ? turn != orientation[j] : (f > 0) != (c > 0))) {
          return "the power-law form of constraint " + (q.constraint() + 1) + " does not hold where the constraint does";
        }
      }
    }
    return null;
  }

  // ---- local optimum: first- and second-order conditions -------------------------------------

  private Check local(double[] x) {
    Map<String, Double> ev = new LinkedHashMap<>();
    double[] u = toU(x);
    double violation = violation(u);
    ev.put("feasibility", violation);
    if (!(violation <= FEASIBLE)) {
      return Check.refuted("kkt", "the point violates a constraint by " + show(violation) + " of its size", ev);
    }
    differentiate();
    double[] gf = new double[n];
    double[][] hf = new double[n][n];
    double fv = sign * objectiveSmooth.eval(u, gf, hf);
    double[] gsize = new double[n];
    double fsize = objectiveSize.eval(u, gsize, null);
    // the terms' gradients added in absolute value: the gradient of their summed size cancels
    // where they balance (−4.13·x^1.5 − 0.421/√x at its maximum, in log space), yet each is
    // as large as it is
    double[] gterms = new double[n];
    double[] gt = new double[n];
    for (SmoothFunction t : termSizes) {
      t.eval(u, gt, null);
      for (int i = 0; i < n; i++) {
        gterms[i] += Math.abs(gt[i]);
      }
    }
    for (int i = 0; i < n; i++) {
      gf[i] *= sign;
      for (int j = 0; j < n; j++) {
        hf[i][j] *= sign;
      }
    }
    // the active constraints and bounds as gradients a_k of c_k(u) <= 0 (= 0 for equalities)
    List<double[]> grads = new ArrayList<>();
    List<double[][]> hessians = new ArrayList<>();
    List<Boolean> equality = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    List<boolean[]> involves = new ArrayList<>();
    for (int j = 0; j < constraints.size(); j++) {
      double[] g = new double[n];
      double[][] h = new double[n][n];
      double c = constraints.get(j).eval(u, g, h);
      double size = Math.max(sizes.get(j).value(u), 1e-300);
      boolean eq = p.constraints().get(j).relation() == Relation.EQ;
      if (eq || c >= -1e-6 * size) {
        grads.add(g);
        hessians.add(h);
        equality.add(eq);
        values.add(c);
        involves.add(mentioned(diffs.get(j)));
      }
    }
    double[][] box = box();
    for (int i = 0; i < n; i++) {
      for (int side = 0; side < 2; side++) {
        double b = box[i][side];
        if (Double.isFinite(b) && Math.abs(u[i] - b) <= 1e-9 * Math.max(1, Math.abs(b))) {
          double[] g = new double[n];
          g[i] = side == 0 ? -1 : 1;
          grads.add(g);
          hessians.add(null);
          equality.add(false);
          values.add(0.0);
          boolean[] only = new boolean[n];
          only[i] = true;
          involves.add(only);
        }
      }
    }
    double[] mu = multipliers(grads, equality, gf);
    double[] r = gf.clone();
    double scale = Math.max(norm(gf), Math.max(norm(gsize), norm(gterms)));
    for (int k = 0; k < grads.size(); k++) {
      scale = Math.max(scale, Math.abs(mu[k]) * norm(grads.get(k)));
      for (int i = 0; i < n; i++) {
        r[i] += mu[k] * grads.get(k)[i];
      }
    }
    double stationarity = scale > 0 ? norm(r) / scale : 0;
    double complementarity = 0;
    for (int k = 0; k < grads.size(); k++) {
      complementarity = Math.max(complementarity, Math.abs(mu[k] * values.get(k)) / Math.max(Math.max(Math.abs(fv), fsize), 1e-300));
    }
    ev.put("stationarity", stationarity);
    ev.put("complementarity", complementarity);
    if (!(stationarity <= STATIONARY)) {
      return Check.refuted("kkt", "not a KKT point: the objective's gradient is not balanced by the constraints (residual "
          + show(stationarity) + " of the gradients' size)", ev);
    }
    if (!(complementarity <= STATIONARY)) {
      return Check.refuted("kkt", "not a KKT point: complementarity fails by " + show(complementarity), ev);
    }
    // second order: the Lagrangian's Hessian on the tangent space of the strongly active constraints
    double[][] hl = new double[n][n];
    for (int i = 0; i < n; i++) {
      hl[i] = hf[i].clone();
    }
    List<double[]> strong = new ArrayList<>();
    for (int k = 0; k < grads.size(); k++) {
      if (equality.get(k) || Math.abs(mu[k]) * norm(grads.get(k)) > 1e-8 * scale) {
        strong.add(grads.get(k));
      }
      if (hessians.get(k) != null && mu[k] != 0) {
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            hl[i][j] += mu[k] * hessians.get(k)[i][j];
          }
        }
      }
    }
    double[][] z = nullSpace(strong);
    int free = z[0].length;
    double least = Double.POSITIVE_INFINITY;
    if (free > 0) {
      double[][] reduced = new double[free][free];
      double size = 0;
      for (int a = 0; a < free; a++) {
        for (int b = 0; b < free; b++) {
          double v = 0;
          for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
              v += z[i][a] * hl[i][j] * z[j][b];
            }
          }
          reduced[a][b] = v;
          size = Math.max(size, Math.abs(v));
        }
      }
      least = Double.POSITIVE_INFINITY;
      for (double e : Jacobi.eigenvalues(reduced)) {
        least = Math.min(least, e);
      }
      double floor = CURVATURE * Math.max(size, Math.max(Math.abs(fv), fsize));
      ev.put("curvature", least);
      if (!(least > floor)) {
        String relaxed = relaxedSecondOrder(hl, grads, involves, mu, scale, Math.max(Math.abs(fv), fsize), ev);
        if (relaxed != null) {
          return Check.confirmed("kkt", "KKT residuals: stationarity " + show(stationarity) + ", feasibility " + show(violation)
              + ", " + relaxed, ev);
        }
        return Check.refuted("kkt", least < -floor
            ? "a saddle point, not a minimum: the objective falls along a direction the active constraints allow (curvature " + show(least) + ")"
            : "second-order sufficiency is not established: the objective is flat to second order along a direction the active constraints allow", ev);
      }
    }
    return Check.confirmed("kkt", "KKT residuals: stationarity " + show(stationarity) + ", feasibility " + show(violation)
        + (free > 0 ? ", reduced Hessian positive definite" : ", a vertex of the active constraints"), ev);
  }

  /**
   * Second-order sufficiency for a relaxation, when the objective leaves some variables out: a
   * minimum that is not strict because those variables can move (a variable only a constraint
   * mentions, at any value its constraints allow) is still a local minimum when the point is a
   * strict local minimum of min f(s) over the objective's own variables s, subject to the
   * constraints that bind (multiplier not nil), provided each of those mentions only variables
   * of s. Every feasible point (s', t') near the point then has s' feasible for that problem, so
   * f(s', t') = f(s') ≥ f(s*): dropping the constraints with nil multipliers, which keeps the
   * point stationary, and fixing the other variables only enlarge the feasible set. Null when
   * this does not apply or the reduced Hessian on s is not positive definite; else the summary.
   * {@code ev} gets the least curvature found on s.
   */
  private String relaxedSecondOrder(double[][] hl, List<double[]> grads, List<boolean[]> involves, double[] mu, double scale,
      double fsize, Map<String, Double> ev) {
    boolean[] own = mentioned(p.objective());
    List<Integer> s = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (own[i]) {
        s.add(i);
      }
    }
    if (s.size() == n || s.isEmpty()) {
      return null;
    }
    List<double[]> binding = new ArrayList<>();
    for (int k = 0; k < grads.size(); k++) {
      if (!(Math.abs(mu[k]) * norm(grads.get(k)) > 1e-8 * scale)) {
        continue; // a nil multiplier: the relaxation drops the constraint
      }
      double[] row = new double[s.size()];
      boolean others = false;
      for (int i = 0; i < n; i++) {
        others |= involves.get(k)[i] && !own[i];
      }
      boolean ownAtAll = false;
      for (int a = 0; a < s.size(); a++) {
        row[a] = grads.get(k)[s.get(a)];
        ownAtAll |= involves.get(k)[s.get(a)];
      }
      if (others && ownAtAll) {
        return null; // a binding constraint ties the objective's variables to the others
      }
      if (ownAtAll) {
        binding.add(row);
      }
    }
    List<String> freeNames = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!own[i]) {
        freeNames.add(names.get(i).name());
      }
    }
    String why = "on the objective's variables alone (" + String.join(", ", freeNames) + " change neither the objective nor a binding constraint)";
    double[][] z = SmallSvd.nullSpace(normalised(binding), s.size());
    int free = z[0].length;
    if (free == 0) {
      return "a vertex of the binding constraints " + why;
    }
    double[][] reduced = new double[free][free];
    double size = 0;
    for (int a = 0; a < free; a++) {
      for (int b = 0; b < free; b++) {
        double v = 0;
        for (int i = 0; i < s.size(); i++) {
          for (int j = 0; j < s.size(); j++) {
            v += z[i][a] * hl[s.get(i)][s.get(j)] * z[j][b];
          }
        }
        reduced[a][b] = v;
        size = Math.max(size, Math.abs(v));
      }
    }
    double least = Double.POSITIVE_INFINITY;
    for (double e : Jacobi.eigenvalues(reduced)) {
      least = Math.min(least, e);
    }
    ev.put("curvature", least);
    return least > CURVATURE * Math.max(size, fsize) ? "reduced Hessian positive definite " + why : null;
  }

  /** The summands of {@code e}: its terms through + and − (and a leading −), the rest whole. */
  private static void summands(Formula e, List<Formula> out) {
    if (e instanceof Formula.Arith b && (b.op() == Formula.ArithOp.ADD || b.op() == Formula.ArithOp.SUB)) {
      summands(b.l(), out);
      summands(b.r(), out);
    } else if (e instanceof Formula.Neg u) {
      summands(u.x(), out);
    } else {
      out.add(e);
    }
  }

  /** The rows scaled to unit length (those of length 0 dropped), as {@link #nullSpace} expects them. */
  private static List<double[]> normalised(List<double[]> rows) {
    List<double[]> out = new ArrayList<>();
    for (double[] r : rows) {
      double len = 0;
      for (double v : r) {
        len += v * v;
      }
      len = Math.sqrt(len);
      if (len > 0) {
        double[] u = new double[r.length];
        for (int i = 0; i < r.length; i++) {
          u[i] = r[i] / len;
        }
        out.add(u);
      }
    }
    return out;
  }

  /** Which variables a formula mentions. */
  private boolean[] mentioned(Formula e) {
    boolean[] out = new boolean[n];
    for (Formula.Ref r : Formula.refs(e)) {
      int i = names.indexOf(r);
      if (i >= 0) {
        out[i] = true;
      }
    }
    return out;
  }

  /** Least-squares multipliers for {@code ∇f + Σ μ_k a_k = 0}, μ ≥ 0 for inequalities (active-set rule). */
  private double[] multipliers(List<double[]> grads, List<Boolean> equality, double[] gf) {
    int m = grads.size();
    double[] mu = new double[m];
    List<Integer> set = new ArrayList<>();
    for (int k = 0; k < m; k++) {
      set.add(k);
    }
    while (!set.isEmpty()) {
      int rows = Math.max(n, set.size());
      double[][] a = new double[rows][set.size()];
      double[] b = new double[rows];
      for (int i = 0; i < n; i++) {
        b[i] = -gf[i];
        for (int c = 0; c < set.size(); c++) {
          a[i][c] = grads.get(set.get(c))[i];
        }
      }
      double[] sol = SmallSvd.of(a).solve(b);
      int worst = -1;
      for (int c = 0; c < set.size(); c++) {
        if (!equality.get(set.get(c)) && sol[c] < 0 && (worst < 0 || sol[c] < sol[worst])) {
          worst = c;
        }
      }
      java.util.Arrays.fill(mu, 0);
      for (int c = 0; c < set.size(); c++) {
        mu[set.get(c)] = Math.max(equality.get(set.get(c)) ? sol[c] : 0, sol[c]);
      }
      if (worst < 0) {
        break;
      }
      set.remove(worst);
    }
    return mu;
  }

  /** An orthonormal basis (columns) of the vectors orthogonal to every row (rows scaled to unit size first). */
  private double[][] nullSpace(List<double[]> rows) {
    List<double[]> unit = new ArrayList<>();
    for (double[] row : rows) {
      double s = norm(row);
      double[] u = new double[n];
      for (int i = 0; i < n; i++) {
        u[i] = s > 0 ? row[i] / s : 0;
      }
      unit.add(u);
    }
    return SmallSvd.nullSpace(unit, n);
  }


  // ---- unbounded: walk the ray ----------------------------------------------------------------

  private Check ray(GeometricForm gf, Certificate.Ray ray) {
    Map<String, Double> ev = new LinkedHashMap<>();
    double[] u0 = toU(ray.from());
    double[] d = ray.direction();
    boolean attainedOnly = gf != null && gf.kind() != GeometricForm.Objective.INVERSE;
    if (gf != null) {
      String terms = recedes(gf, d);
      if (terms != null) {
        return Check.refuted("ray", terms, ev);
      }
    }
    if (attainedOnly) {
      return notAttained(u0, d, ev);
    }
    // unbounded: from some point of the ray on, every point feasible and the objective falling
    // ever faster, by a million times its size, until the arithmetic overflows
    double start = Double.NaN;
    double startT = Double.NaN;
    double previous = Double.NaN;
    double first = Double.NaN;
    double last = Double.NaN;
    int samples = 0;
    for (int k = 0; k < 6000; k++) {
      double t = Math.pow(2, k / 4.0 - 4);
      double[] u = at(u0, d, t);
      if (!inRange(u)) {
        break;
      }
      double fv = sign * objective.value(u);
      double violation = violation(u);
      if (!Double.isFinite(fv) || !Double.isFinite(violation)) {
        break;
      }
      boolean feasible = violation <= FEASIBLE;
      if (!feasible || !(samples == 0 || fv < previous)) {
        samples = 0;
      }
      if (!feasible) {
        continue;
      }
      if (samples == 0) {
        start = fv;
        startT = t;
      } else {
        last = previous - fv;
        if (samples == 1) {
          first = last;
        }
      }
      previous = fv;
      samples++;
    }
    ev.put("points", (double) samples);
    ev.put("from", startT);
    ev.put("reached", sign * previous);
    if (samples < 8) {
      return Check.refuted("ray", "no tail of the ray stays feasible with the objective falling", ev);
    }
    if (!(previous <= start - 1e6 * Math.max(1, Math.abs(start))) || !(last >= first)) {
      return Check.refuted("ray", "the objective levels off along the ray (it reached " + show(sign * previous) + ")", ev);
    }
    return Check.confirmed("ray", "along the ray every constraint holds and the objective reaches " + show(sign * previous)
        + " after " + samples + " points", ev);
  }

  /** The power-law case: along the ray every point is feasible and no worse (the terms say why); sampled to confirm. */
  private Check notAttained(double[] u0, double[] d, Map<String, Double> ev) {
    double previous = sign * objective.value(u0);
    int samples = 0;
    for (int k = 0; k < 1100; k++) {
      double[] u = at(u0, d, Math.scalb(1.0, k - 4));
      double fv = sign * objective.value(u);
      double violation = violation(u);
      if (!Double.isFinite(fv) || !Double.isFinite(violation) || !inRange(u)) {
        break;
      }
      if (!(violation <= FEASIBLE)) {
        ev.put("feasibility", violation);
        return Check.refuted("ray", "a point on the ray violates a constraint by " + show(violation) + " of its size", ev);
      }
      if (!(fv <= previous + 1e-12 * Math.abs(previous))) {
        return Check.refuted("ray", "the objective rises along the ray", ev);
      }
      previous = fv;
      samples++;
    }
    ev.put("points", (double) samples);
    ev.put("reached", sign * previous);
    if (samples < 8) {
      return Check.refuted("ray", "too few points of the ray could be evaluated", ev);
    }
    return Check.confirmed("ray", "every term of the objective falls or stays along the ray and every constraint holds: no point is optimal", ev);
  }

  private double[] at(double[] u0, double[] d, double t) {
    double[] u = u0.clone();
    for (int i = 0; i < n; i++) {
      u[i] += t * d[i];
    }
    return u;
  }

  /** Null when every term of every constraint and of the objective falls or stays along d, one objective term falling. */
  private static String recedes(GeometricForm gf, double[] d) {
    for (Linear l : gf.equalities()) {
      if (Math.abs(dot(l.a(), d)) > 1e-9) {
        return "the ray leaves an equality";
      }
    }
    for (Inequality q : gf.inequalities()) {
      if (q.relaxed()) {
        return "a ray of the relaxed problem";
      }
      for (double[] e : q.lse().exps()) {
        if (dot(e, d) > 1e-9) {
          return "a constraint term grows along the ray";
        }
      }
    }
    boolean falls = false;
    for (double[] e : gf.objective().exps()) {
      double s = dot(e, d);
      if (s > 1e-9) {
        return "an objective term grows along the ray";
      }
      falls |= s < -1e-9;
    }
    return falls ? null : "no objective term falls along the ray";
  }

  // ---- infeasible power-law problem: Farkas multipliers ----------------------------------------

  private static Check farkas(GeometricForm gf, Certificate.Farkas f) {
    Map<String, Double> ev = new LinkedHashMap<>();
    int n = gf.n();
    double[] r = new double[n];
    double bound = 0;
    List<Inequality> ineqs = gf.inequalities();
    for (int j = 0; j < ineqs.size(); j++) {
      double lambda = f.lambda()[j];
      if (!(lambda >= 0)) {
        return Check.refuted("farkas", "a multiplier is negative", ev);
      }
      if (lambda > 0) {
        if (!simplex(f.w()[j])) {
          return Check.refuted("farkas", "a constraint's term weights are not a distribution", ev);
        }
        bound += entropyBound(ineqs.get(j).lse(), f.w()[j], r, lambda);
      }
    }
    List<Linear> eqs = gf.equalities();
    for (int e = 0; e < eqs.size(); e++) {
      for (int i = 0; i < n; i++) {
        r[i] += f.nu()[e] * eqs.get(e).a()[i];
      }
      bound -= f.nu()[e] * eqs.get(e).b();
    }
    double residual = 0;
    for (double v : r) {
      residual = Math.max(residual, Math.abs(v));
    }
    ev.put("bound", bound);
    ev.put("residual", residual);
    if (!(bound > 1e-9) || !(residual <= 1e-9 * bound)) {
      return Check.refuted("farkas", "the multipliers do not combine the constraints into a contradiction (bound "
          + show(bound) + ", residual " + show(residual) + ")", ev);
    }
    // with a residual r the combination reads 0 >= bound − r·ln v: a contradiction wherever |ln v| < bound / Σ|r|
    double reach = residual > 0 ? bound / (residual * n) : Double.POSITIVE_INFINITY;
    return Check.confirmed("farkas", "multipliers combine the constraints into 0 >= " + show(bound)
        + (reach < 1e12 ? " wherever every |ln v| is below " + show(reach) : ""), ev);
  }

  // ---- infeasible within the ranges: interval arithmetic ----------------------------------------

  /** Boxes the ranges may be cut into before the interval proof gives up. */
  static final int BOXES = 4096;

  /**
   * A proof that no point of the variables' ranges satisfies the constraints: the ranges cut
   * into boxes (halving the widest bounded range), in each of which some constraint's side,
   * enclosed by interval arithmetic, misses its level. Refuted when that does not succeed: the
   * local method's failure to find a feasible point is then all there is.
   */
  private Check enclosed() {
    Map<String, Enclosure.Interval> box = new java.util.HashMap<>();
    for (Problem.Var v : p.variables()) {
      box.put(v.name(), new Enclosure.Interval(v.positive() ? Math.max(v.lo(), 0) : v.lo(), v.hi()));
    }
    int[] budget = {BOXES};
    int[] used = {0};
    if (excluded(box, budget, used)) {
      return Check.confirmed("interval", "interval arithmetic over the variables' ranges" + (used[0] > 1 ? ", cut into " + used[0]
          + " boxes," : "") + " shows that the constraints hold nowhere", Map.of("boxes", (double) used[0]));
    }
    return Check.refuted("none", "no start of the local method found a feasible point, and interval arithmetic over the"
        + " variables' ranges could not show that there is none", Map.of());
  }

  private boolean excluded(Map<String, Enclosure.Interval> box, int[] budget, int[] used) {
    used[0]++;
    for (int j = 0; j < diffs.size(); j++) {
      Enclosure.Interval side = Enclosure.of(diffs.get(j), box);
      boolean eq = p.constraints().get(j).relation() == Relation.EQ;
      if (eq ? !side.contains(0) : side.lo() > 0) {
        return true;
      }
    }
    String widest = null;
    double width = 0;
    for (Map.Entry<String, Enclosure.Interval> e : box.entrySet()) {
      double w = e.getValue().hi() - e.getValue().lo();
      if (Double.isFinite(w) && w > width) {
        width = w;
        widest = e.getKey();
      }
    }
    if (widest == null || budget[0] < 2) {
      return false;
    }
    budget[0] -= 2;
    Enclosure.Interval range = box.get(widest);
    double mid = 0.5 * (range.lo() + range.hi());
    Map<String, Enclosure.Interval> left = new java.util.HashMap<>(box);
    Map<String, Enclosure.Interval> right = new java.util.HashMap<>(box);
    left.put(widest, new Enclosure.Interval(range.lo(), mid));
    right.put(widest, new Enclosure.Interval(mid, range.hi()));
    return excluded(left, budget, used) && excluded(right, budget, used);
  }

  // ---- shared --------------------------------------------------------------------------------

  /** The largest violation of a constraint or bound at u, as a fraction of the size of its terms. */
  private double violation(double[] u) {
    double worst = 0;
    for (int j = 0; j < constraints.size(); j++) {
      double c = constraints.get(j).value(u);
      double size = Math.max(sizes.get(j).value(u), 1e-300);
      boolean eq = p.constraints().get(j).relation() == Relation.EQ;
      double v = (eq ? Math.abs(c) : Math.max(c, 0)) / size;
      if (Double.isNaN(v)) {
        return Double.NaN;
      }
      worst = Math.max(worst, v);
    }
    double[][] box = box();
    for (int i = 0; i < n; i++) {
      double below = box[i][0] - u[i];
      double above = u[i] - box[i][1];
      double room = Math.max(1, Math.abs(u[i]));
      worst = Math.max(worst, Math.max(below, above) / room);
    }
    return worst;
  }

  private boolean inRange(double[] u) {
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(u[i]) || Math.abs(u[i]) > (log[i] ? 700 : 1e150)) {
        return false;
      }
    }
    return true;
  }

  /** The variables' ranges in the solver's coordinates: {lo, hi} each. */
  private double[][] box() {
    double[][] out = new double[n][2];
    for (int i = 0; i < n; i++) {
      out[i] = p.variables().get(i).solverRange();
    }
    return out;
  }

  private double[] toU(double[] x) {
    double[] u = x.clone();
    for (int i = 0; i < n; i++) {
      if (log[i]) {
        u[i] = Math.log(x[i]);
      }
    }
    return u;
  }

  private static double[] exp(double[] lx) {
    double[] out = new double[lx.length];
    for (int i = 0; i < lx.length; i++) {
      out[i] = Math.exp(lx[i]);
    }
    return out;
  }

  private static double lse(Lse f, double[] x) {
    double max = Double.NEGATIVE_INFINITY;
    double[] s = new double[f.terms()];
    for (int k = 0; k < s.length; k++) {
      s[k] = f.logc()[k] + dot(f.exps()[k], x);
      max = Math.max(max, s[k]);
    }
    double sum = 0;
    for (double v : s) {
      sum += Math.exp(v - max);
    }
    return max + Math.log(sum);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double norm(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }

  static String show(double v) {
    return org.lawlang.syntax.NumberFormat.show(v);
  }
}
