package org.lawlang.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Expr.*;

/**
 * A sum of terms c·Π x_i^a_i with real coefficients and exponents: the algebraic form the
 * power-law recogniser works on. {@link #of} converts a flattened expression, or answers
 * null when it is not a signomial (a variable under exp or ln, a sum raised to a fraction,
 * division by a sum). Used by {@link GeometricForm}.
 */
public record Signomial(List<Term> terms) {
  static final int MAX_TERMS = 256;

  /** One term: coefficient times the product of the variables raised to {@code exps}. */
  public record Term(double coef, double[] exps) {
    boolean sameMonomial(Term o) {
      return Arrays.equals(exps, o.exps);
    }

    boolean isConstant() {
      for (double a : exps) {
        if (a != 0) {
          return false;
        }
      }
      return true;
    }
  }

  /** The signomial of {@code e} over the variables in {@code slots}, or null. */
  public static Signomial of(Expr e, Map<String, Integer> slots) {
    int n = slots.size();
    if (!Symbolic.names(e).stream().anyMatch(slots::containsKey)) {
      double c = Compiled.compile(e, Map.of()).apply(new double[0]);
      return Double.isFinite(c) ? constant(c, n) : null;
    }
    if (e instanceof Name v) {
      double[] a = new double[n];
      a[slots.get(v.name())] = 1;
      return new Signomial(List.of(new Term(1, a)));
    }
    if (e instanceof Unary u) {
      Signomial s = of(u.operand(), slots);
      return s == null ? null : u.op() == UnaryOp.NEG ? s.scale(-1) : u.op() == UnaryOp.PLUS ? s : null;
    }
    if (e instanceof Binary b) {
      Signomial l = of(b.lhs(), slots);
      if (l == null) {
        return null;
      }
      if (b.op() == BinaryOp.POW) {
        if (Symbolic.names(b.rhs()).stream().anyMatch(slots::containsKey)) {
          return null;
        }
        return l.pow(Compiled.compile(b.rhs(), Map.of()).apply(new double[0]));
      }
      Signomial r = of(b.rhs(), slots);
      if (r == null) {
        return null;
      }
      return switch (b.op()) {
        case ADD -> l.plus(r);
        case SUB -> l.plus(r.scale(-1));
        case MUL -> l.times(r);
        case DIV -> r.terms.size() == 1 && r.terms.get(0).coef != 0 ? l.times(r.pow(-1)) : null;
        default -> null;
      };
    }
    return null;
  }

  static Signomial constant(double c, int n) {
    return new Signomial(c == 0 ? List.of() : List.of(new Term(c, new double[n])));
  }

  Signomial scale(double k) {
    return new Signomial(terms.stream().map(t -> new Term(t.coef * k, t.exps)).toList());
  }

  Signomial plus(Signomial o) {
    List<Term> out = new ArrayList<>(terms);
    for (Term t : o.terms) {
      add(out, t);
    }
    return out.size() > MAX_TERMS ? null : new Signomial(out);
  }

  private static void add(List<Term> out, Term t) {
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).sameMonomial(t)) {
        double c = out.get(i).coef + t.coef;
        if (c == 0) {
          out.remove(i);
        } else {
          out.set(i, new Term(c, t.exps));
        }
        return;
      }
    }
    out.add(t);
  }

  Signomial times(Signomial o) {
    if ((long) terms.size() * o.terms.size() > MAX_TERMS) {
      return null;
    }
    List<Term> out = new ArrayList<>();
    for (Term a : terms) {
      for (Term b : o.terms) {
        double[] e = a.exps.clone();
        for (int i = 0; i < e.length; i++) {
          e[i] += b.exps[i];
        }
        add(out, new Term(a.coef * b.coef, e));
      }
    }
    return new Signomial(out);
  }

  /** A monomial to any power (positive coefficient, or an integer power); a sum to a small whole power. */
  Signomial pow(double p) {
    if (!Double.isFinite(p)) {
      return null;
    }
    if (terms.isEmpty()) {
      return p > 0 ? this : null;
    }
    if (terms.size() == 1) {
      Term t = terms.get(0);
      if (t.coef < 0 && p != Math.rint(p)) {
        return null;
      }
      double c = Math.pow(t.coef, p);
      if (!Double.isFinite(c) || c == 0) {
        return null;
      }
      double[] e = t.exps.clone();
      for (int i = 0; i < e.length; i++) {
        e[i] *= p;
      }
      return new Signomial(List.of(new Term(c, e)));
    }
    if (p == Math.rint(p) && p >= 0 && p <= 8) {
      Signomial out = constant(1, terms.isEmpty() ? 0 : terms.get(0).exps.length);
      for (int i = 0; i < (int) p; i++) {
        out = out.times(this);
        if (out == null) {
          return null;
        }
      }
      return out;
    }
    return null;
  }

  /** The terms with positive coefficients. */
  public List<Term> positive() {
    return terms.stream().filter(t -> t.coef > 0).toList();
  }

  /** The terms with negative coefficients, negated. */
  public List<Term> negative() {
    return terms.stream().filter(t -> t.coef < 0).map(t -> new Term(-t.coef, t.exps)).toList();
  }
}
