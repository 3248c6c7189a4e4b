package org.lawlang.compile;

import java.util.ArrayList;
import java.util.List;
import org.lawlang.syntax.Expr.Relation;

/**
 * The log-space form of a power-law problem (a geometric program). With x = ln v, a
 * posynomial p(v) = Σ c_k Π v_i^a_ki becomes ln p = lse(ln c_k + a_k·x), convex in x; a
 * monomial equality becomes a linear equation; `posynomial <= monomial` becomes lse <= 0.
 * {@link #of} recognises such problems (objective: a constant plus a posynomial to minimise,
 * a constant minus a posynomial or a monomial to maximise) and answers null otherwise.
 * An equality `posynomial = monomial` is relaxed to `<=`; the solver then checks that it is
 * tight at the optimum, which makes the relaxed optimum the optimum of the equality.
 */
public record GeometricForm(
    int n, Lse objective, Objective kind, List<Linear> equalities, List<Inequality> inequalities, List<Integer> contradictions) {

  /** How the objective's value follows from P, the posynomial whose log is minimised. */
  public enum Objective {
    /** value = constant + P (minimise). */
    PLUS,
    /** value = constant − P (maximise). */
    MINUS,
    /** value = 1 / P (maximise a monomial). */
    INVERSE
  }

  /** ln Σ exp(logc_k + exps_k · x). */
  public record Lse(double[] logc, double[][] exps) {
    public int terms() {
      return logc.length;
    }
  }

  /** a · x = b, from constraint number {@code constraint} (ln lhs = ln rhs). */
  public record Linear(int constraint, double[] a, double b) {}

  /**
   * lse(x) <= 0, from constraint {@code constraint} (or from the bound of variable
   * -1-constraint); {@code relaxed} when it came from an equality.
   */
  public record Inequality(int constraint, Lse lse, boolean relaxed) {}

  public static GeometricForm of(Problem p) {
    int n = p.variables().size();
    for (Problem.Var v : p.variables()) {
      if (!v.positive()) {
        return null;
      }
    }
    List<Formula.Ref> slots = p.refs();
    Signomial obj = Signomial.of(p.objective(), slots);
    if (obj == null) {
      return null;
    }
    if (p.maximize()) {
      obj = obj.scale(-1);
    }
    List<Signomial.Term> varying = obj.terms().stream().filter(t -> !t.isConstant()).toList();
    if (varying.isEmpty()) {
      return null;
    }
    Lse objective;
    Objective kind;
    if (varying.stream().allMatch(t -> t.coef() > 0)) {
      objective = lse(varying, null);
      kind = p.maximize() ? Objective.MINUS : Objective.PLUS;
    } else if (p.maximize() && obj.terms().size() == 1) {
      Signomial.Term m = varying.get(0);
      objective = lse(List.of(new Signomial.Term(-1 / m.coef(), neg(m.exps()))), null);
      kind = Objective.INVERSE;
    } else {
      return null;
    }
    List<Linear> eqs = new ArrayList<>();
    List<Inequality> ineqs = new ArrayList<>();
    List<Integer> contradictions = new ArrayList<>();
    for (int j = 0; j < p.constraints().size(); j++) {
      Problem.Constraint c = p.constraints().get(j);
      Signomial l = Signomial.of(c.lhs(), slots);
      Signomial r = Signomial.of(c.rhs(), slots);
      if (l == null || r == null) {
        return null;
      }
      Signomial s = l.plus(r.scale(-1));
      if (s == null) {
        return null;
      }
      List<Signomial.Term> pos = s.positive();
      List<Signomial.Term> neg = s.negative();
      Relation rel = c.relation();
      if (rel == Relation.GE || rel == Relation.GT) {
        List<Signomial.Term> t = pos;
        pos = neg;
        neg = t;
      }
      if (rel == Relation.EQ) {
        if (pos.isEmpty() && neg.isEmpty()) {
          continue;
        }
        if (pos.isEmpty() || neg.isEmpty()) {
          contradictions.add(j);
        } else if (pos.size() == 1 && neg.size() == 1) {
          Signomial.Term a = pos.get(0);
          Signomial.Term b = neg.get(0);
          double[] row = new double[n];
          for (int i = 0; i < n; i++) {
            row[i] = a.exps()[i] - b.exps()[i];
          }
          eqs.add(new Linear(j, row, Math.log(b.coef()) - Math.log(a.coef())));
        } else if (neg.size() == 1) {
          ineqs.add(new Inequality(j, lse(pos, neg.get(0)), true));
        } else if (pos.size() == 1) {
          ineqs.add(new Inequality(j, lse(neg, pos.get(0)), true));
        } else {
          return null;
        }
      } else {
        // pos <= neg
        if (pos.isEmpty()) {
          continue;
        }
        if (neg.isEmpty()) {
          contradictions.add(j);
        } else if (neg.size() == 1) {
          ineqs.add(new Inequality(j, lse(pos, neg.get(0)), false));
        } else {
          return null;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      Problem.Var v = p.variables().get(i);
      double[] e = new double[n];
      e[i] = 1;
      if (Double.isFinite(v.hi())) {
        ineqs.add(new Inequality(-1 - i, new Lse(new double[] {-Math.log(v.hi())}, new double[][] {e}), false));
      }
      if (v.lo() > 0) {
        ineqs.add(new Inequality(-1 - i, new Lse(new double[] {Math.log(v.lo())}, new double[][] {neg(e)}), false));
      }
    }
    return new GeometricForm(n, objective, kind, eqs, ineqs, contradictions);
  }

  /** The terms divided by {@code by} (a monomial), as a log-sum-exp. */
  private static Lse lse(List<Signomial.Term> terms, Signomial.Term by) {
    int k = terms.size();
    double[] logc = new double[k];
    double[][] exps = new double[k][];
    for (int t = 0; t < k; t++) {
      Signomial.Term term = terms.get(t);
      logc[t] = Math.log(term.coef()) - (by == null ? 0 : Math.log(by.coef()));
      exps[t] = term.exps().clone();
      if (by != null) {
        for (int i = 0; i < exps[t].length; i++) {
          exps[t][i] -= by.exps()[i];
        }
      }
    }
    return new Lse(logc, exps);
  }

  private static double[] neg(double[] a) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = -a[i];
    }
    return out;
  }
}
