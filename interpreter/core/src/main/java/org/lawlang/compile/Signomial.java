package org.lawlang.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A sum of terms c·Π x_i^a_i with real coefficients and exponents: the algebraic form the
 * power-law recogniser works on. {@link #of} converts a lowered formula, or answers
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

  /** The signomial of {@code e} over {@code vars} (their exponents in this order), or null. */
  public static Signomial of(Formula e, List<Formula.Ref> vars) {
    int n = vars.size();
    if (!mentionsAny(e, vars)) {
      double c = constantValue(e);
      return Double.isFinite(c) ? constant(c, n) : null;
    }
    return e.accept(new Formula.Visitor<Signomial>() {
      @Override
      public Signomial constant(Formula.Const c) {
        return Signomial.constant(c.value(), n); // not reached: a constant mentions no variable
      }

      @Override
      public Signomial ref(Formula.Ref v) {
        double[] a = new double[n];
        a[vars.indexOf(v)] = 1;
        return new Signomial(List.of(new Term(1, a)));
      }

      @Override
      public Signomial neg(Formula.Neg u) {
        Signomial s = of(u.x(), vars);
        return s == null ? null : s.scale(-1);
      }

      @Override
      public Signomial arith(Formula.Arith b) {
        Signomial l = of(b.l(), vars);
        if (l == null) {
          return null;
        }
        if (b.op() == Formula.ArithOp.POW) {
          return mentionsAny(b.r(), vars) ? null : l.pow(constantValue(b.r()));
        }
        Signomial r = of(b.r(), vars);
        if (r == null) {
          return null;
        }
        return switch (b.op()) {
          case ADD -> l.plus(r);
          case SUB -> l.plus(r.scale(-1));
          case MUL -> l.times(r);
          case DIV -> r.terms.size() == 1 && r.terms.get(0).coef != 0 ? l.times(r.pow(-1)) : null;
          case POW -> throw new IllegalStateException("handled above");
        };
      }

      // a variable under a function, a comparison or a selection: not a signomial

      @Override
      public Signomial compare(Formula.Compare c) {
        return null;
      }

      @Override
      public Signomial apply(Formula.Apply a) {
        return null;
      }

      @Override
      public Signomial sign(Formula.Sign s) {
        return null;
      }

      @Override
      public Signomial select(Formula.Select s) {
        return null;
      }

      @Override
      public Signomial extreme(Formula.Extreme x) {
        return null;
      }
    });
  }

  private static boolean mentionsAny(Formula e, List<Formula.Ref> vars) {
    return Formula.anyRef(e, vars::contains);
  }

  /** The value of a formula without variables (lowering has folded most into a constant already). */
  private static double constantValue(Formula e) {
    return e instanceof Formula.Const c ? c.value() : ScalarProgram.of(List.of(), e).value(new double[0]);
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
