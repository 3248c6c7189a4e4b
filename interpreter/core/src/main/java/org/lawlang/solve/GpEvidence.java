package org.lawlang.solve;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.lawlang.compile.GeometricForm;
import org.lawlang.compile.GeometricForm.Inequality;
import org.lawlang.compile.GeometricForm.Linear;
import org.lawlang.compile.GeometricForm.Lse;

/**
 * The evidence for a power-law problem's verdict, in log space x = ln v (see
 * {@link Certificate}): the dual point at an optimum, the Farkas multipliers of constraints
 * that cannot hold together, and a recession ray when no optimum is attained. Multipliers are
 * least-squares solutions of the stationarity conditions over the active constraints,
 * dropping any that would come out negative; the ray is a small linear program (Commons
 * Math's simplex method). What this builds is only a claim: org.lawlang.certify.Verifier
 * checks it.
 */
final class GpEvidence {
  private GpEvidence() {}

  /** A constraint counts as active at the optimum when its log-sum-exp is within this of 0. */
  static final double ACTIVE = 1e-6;

  /** The dual point at the log point {@code lx} of a claimed optimum. */
  static Certificate.Dual dual(GeometricForm gf, double[] lx) {
    int n = gf.n();
    double[] w0 = weights(gf.objective(), lx);
    double[] target = new double[n];
    double[] g0 = gradient(gf.objective(), w0);
    for (int i = 0; i < n; i++) {
      target[i] = -g0[i];
    }
    List<Inequality> ineqs = gf.inequalities();
    double[][] w = new double[ineqs.size()][];
    List<Integer> active = new ArrayList<>();
    for (int j = 0; j < ineqs.size(); j++) {
      w[j] = weights(ineqs.get(j).lse(), lx);
      if (value(ineqs.get(j).lse(), lx) >= -ACTIVE) {
        active.add(j);
      }
    }
    double[][] multipliers = multipliers(gf, w, active, target, false);
    return new Certificate.Dual(w0, multipliers[0], w, multipliers[1]);
  }

  /** Farkas multipliers at the end point {@code lx} of a phase-I search that found no feasible point. */
  static Certificate.Farkas farkas(GeometricForm gf, double[] lx) {
    List<Inequality> ineqs = gf.inequalities();
    double[][] w = new double[ineqs.size()][];
    double worst = Double.NEGATIVE_INFINITY;
    double[] values = new double[ineqs.size()];
    for (int j = 0; j < ineqs.size(); j++) {
      w[j] = weights(ineqs.get(j).lse(), lx);
      values[j] = value(ineqs.get(j).lse(), lx);
      worst = Math.max(worst, values[j]);
    }
    List<Integer> active = new ArrayList<>();
    for (int j = 0; j < ineqs.size(); j++) {
      if (values[j] >= worst - 1e-6 * Math.max(1, Math.abs(worst))) {
        active.add(j);
      }
    }
    double[][] multipliers = multipliers(gf, w, active, new double[gf.n()], true);
    return new Certificate.Farkas(multipliers[0], w, multipliers[1]);
  }

  /**
   * Multipliers (λ ≥ 0 over {@code active}, ν free per equality) minimising
   * |Σ λ_j A_jᵀw_j + Gᵀν − target|, with Σ λ = 1 added when {@code normalised}.
   */
  private static double[][] multipliers(GeometricForm gf, double[][] w, List<Integer> active, double[] target, boolean normalised) {
    int n = gf.n();
    List<Inequality> ineqs = gf.inequalities();
    List<Linear> eqs = gf.equalities();
    List<Integer> set = new ArrayList<>(active);
    double[] lambda = new double[ineqs.size()];
    double[] nu = new double[eqs.size()];
    for (int round = 0; round <= ineqs.size(); round++) {
      int cols = set.size() + eqs.size();
      int rows = Math.max(n + (normalised ? 1 : 0), cols);
      double[][] a = new double[rows][cols];
      double[] b = new double[rows];
      System.arraycopy(target, 0, b, 0, n);
      for (int c = 0; c < set.size(); c++) {
        double[] g = gradient(ineqs.get(set.get(c)).lse(), w[set.get(c)]);
        for (int i = 0; i < n; i++) {
          a[i][c] = g[i];
        }
        if (normalised) {
          a[n][c] = 1;
        }
      }
      if (normalised) {
        b[n] = 1;
      }
      for (int e = 0; e < eqs.size(); e++) {
        for (int i = 0; i < n; i++) {
          a[i][set.size() + e] = eqs.get(e).a()[i];
        }
      }
      double[] sol = cols == 0 ? new double[0] : SmallSvd.of(a).solve(b);
      int worst = -1;
      for (int c = 0; c < set.size(); c++) {
        if (sol[c] < 0 && (worst < 0 || sol[c] < sol[worst])) {
          worst = c;
        }
      }
      java.util.Arrays.fill(lambda, 0);
      for (int c = 0; c < set.size(); c++) {
        lambda[set.get(c)] = Math.max(0, sol[c]);
      }
      for (int e = 0; e < eqs.size(); e++) {
        nu[e] = sol[set.size() + e];
      }
      if (worst < 0) {
        break;
      }
      set.remove(worst);
    }
    return new double[][] {lambda, nu};
  }

  /**
   * A direction d in log space along which every constraint term falls or stays (so every
   * point of the ray from a feasible point is feasible), every equality holds, and the
   * objective's terms fall or stay with at least one falling: then no feasible point is
   * optimal. Null when the linear program finds none.
   */
  static double[] recession(GeometricForm gf) {
    int n = gf.n();
    List<LinearConstraint> cons = new ArrayList<>();
    for (Inequality q : gf.inequalities()) {
      for (double[] e : q.lse().exps()) {
        cons.add(new LinearConstraint(e, Relationship.LEQ, 0));
      }
    }
    for (Linear l : gf.equalities()) {
      cons.add(new LinearConstraint(l.a(), Relationship.EQ, 0));
    }
    double[] sum = new double[n];
    for (double[] e : gf.objective().exps()) {
      cons.add(new LinearConstraint(e, Relationship.LEQ, 0));
      for (int i = 0; i < n; i++) {
        sum[i] += e[i];
      }
    }
    for (int i = 0; i < n; i++) {
      double[] unit = new double[n];
      unit[i] = 1;
      cons.add(new LinearConstraint(unit, Relationship.LEQ, 1));
      cons.add(new LinearConstraint(unit, Relationship.GEQ, -1));
    }
    try {
      PointValuePair p = new SimplexSolver().optimize(new MaxIter(10_000), new LinearObjectiveFunction(sum, 0),
          new LinearConstraintSet(cons), GoalType.MINIMIZE, new NonNegativeConstraint(false));
      return p.getValue() < -1e-9 ? p.getPoint() : null;
    } catch (RuntimeException e) {
      return null; // no ray found (the program is feasible at d = 0, so this is only a solver failure)
    }
  }

  static double value(Lse f, double[] x) {
    double max = Double.NEGATIVE_INFINITY;
    double[] s = exponents(f, x);
    for (double v : s) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (double v : s) {
      sum += Math.exp(v - max);
    }
    return max + Math.log(sum);
  }

  /** The softmax weights of the terms at x: the maximiser of the conjugate, so w·(b + Ax) + H(w) = lse. */
  static double[] weights(Lse f, double[] x) {
    double[] s = exponents(f, x);
    double max = Double.NEGATIVE_INFINITY;
    for (double v : s) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (int k = 0; k < s.length; k++) {
      s[k] = Math.exp(s[k] - max);
      sum += s[k];
    }
    for (int k = 0; k < s.length; k++) {
      s[k] /= sum;
    }
    return s;
  }

  /** Aᵀw: the gradient of the log-sum-exp when w are its weights. */
  static double[] gradient(Lse f, double[] w) {
    int n = f.exps().length == 0 ? 0 : f.exps()[0].length;
    double[] g = new double[n];
    for (int k = 0; k < w.length; k++) {
      for (int i = 0; i < n; i++) {
        g[i] += w[k] * f.exps()[k][i];
      }
    }
    return g;
  }

  private static double[] exponents(Lse f, double[] x) {
    double[] s = new double[f.terms()];
    for (int k = 0; k < s.length; k++) {
      double v = f.logc()[k];
      for (int i = 0; i < x.length; i++) {
        v += f.exps()[k][i] * x[i];
      }
      s[k] = v;
    }
    return s;
  }
}
