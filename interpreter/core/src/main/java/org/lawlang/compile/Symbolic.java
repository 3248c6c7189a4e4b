package org.lawlang.compile;

import org.lawlang.compile.Formula.*;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.semantics.MathFunction;

/**
 * Exact derivatives of lowered formulas by symbolic differentiation, {@link Formula} to
 * {@link Formula}, with algebraic simplification so that derivative trees stay small; the
 * solvers never use finite differences.
 */
public final class Symbolic {
  private Symbolic() {}

  /** d{@code e}/d{@code v}, simplified. */
  public static Formula derivative(Formula e, Ref v) {
    return simplify(d(e, v));
  }

  private static Formula d(Formula e, Ref v) {
    if (!Formula.mentions(e, v)) {
      return num(0);
    }
    return e.accept(new Visitor<>() {
      @Override
      public Formula constant(Const c) {
        return num(0);
      }

      @Override
      public Formula ref(Ref r) {
        return num(r.equals(v) ? 1 : 0);
      }

      @Override
      public Formula neg(Neg n) {
        return Symbolic.neg(d(n.x(), v));
      }

      @Override
      public Formula arith(Arith a) {
        return Symbolic.arith(a, v);
      }

      @Override
      public Formula compare(Compare c) {
        throw LawException.of(Msg.TYPE, c.span(), "arithmetic", "a comparison inside a formula");
      }

      @Override
      public Formula apply(Apply a) {
        return a.fn().derivative(ALGEBRA, a.x(), d(a.x(), v), a);
      }

      @Override
      public Formula sign(Sign s) {
        return num(0); // piecewise constant (the derivative of abs, min and max)
      }

      @Override
      public Formula select(Select s) {
        return new Select(s.condition(), d(s.then(), v), d(s.otherwise(), v));
      }

      @Override
      public Formula extreme(Extreme x) {
        // the derivative of the operand that is selected; ties take the first
        Formula pick = new Compare(x.min() ? CompareOp.LE : CompareOp.GE, x.l(), x.r(), org.lawlang.diag.Span.NOWHERE);
        return new Select(pick, d(x.l(), v), d(x.r(), v));
      }
    });
  }

  private static Formula arith(Arith b, Ref v) {
    Formula f = b.l();
    Formula g = b.r();
    return switch (b.op()) {
      case ADD -> add(d(f, v), d(g, v));
      case SUB -> sub(d(f, v), d(g, v));
      case MUL -> add(mul(d(f, v), g), mul(f, d(g, v)));
      case DIV -> sub(div(d(f, v), g), div(mul(f, d(g, v)), pow(g, num(2))));
      case POW -> {
        if (!Formula.mentions(g, v)) {
          // d f^c = c f^(c-1) f'
          yield mul(mul(g, pow(f, sub(g, num(1)))), d(f, v));
        }
        if (!Formula.mentions(f, v)) {
          // d c^g = c^g ln(c) g'
          yield mul(mul(b, fn(MathFunction.LN, f)), d(g, v));
        }
        // d f^g = f^g (g' ln f + g f'/f)
        yield mul(b, add(mul(d(g, v), fn(MathFunction.LN, f)), div(mul(g, d(f, v)), f)));
      }
    };
  }

  // ---- constructors with simplification --------------------------------------------------

  /** The simplifying constructors, for the derivative rules declared in {@link MathFunction}; the rest as {@link FormulaAlgebra} makes them. */
  static final MathFunction.Algebra<Formula> ALGEBRA = new FormulaAlgebra() {
    @Override
    public Formula num(double c) {
      return Symbolic.num(c);
    }

    @Override
    public Formula add(Formula a, Formula b) {
      return Symbolic.add(a, b);
    }

    @Override
    public Formula mul(Formula a, Formula b) {
      return Symbolic.mul(a, b);
    }

    @Override
    public Formula div(Formula a, Formula b) {
      return Symbolic.div(a, b);
    }

    @Override
    public Formula pow(Formula a, Formula b) {
      return Symbolic.pow(a, b);
    }

    @Override
    public Formula neg(Formula a) {
      return Symbolic.neg(a);
    }
  };

  static Const num(double x) {
    return new Const(x);
  }

  static Formula fn(MathFunction f, Formula x) {
    return new Apply(f, x);
  }

  static boolean isNum(Formula e, double x) {
    return e instanceof Const n && n.value() == x;
  }

  static Formula neg(Formula a) {
    if (a instanceof Const n) {
      return num(-n.value());
    }
    if (a instanceof Neg u) {
      return u.x();
    }
    return new Neg(a);
  }

  static Formula add(Formula a, Formula b) {
    if (isNum(a, 0)) {
      return b;
    }
    if (isNum(b, 0)) {
      return a;
    }
    if (a instanceof Const x && b instanceof Const y) {
      return num(x.value() + y.value());
    }
    if (b instanceof Neg u) {
      return sub(a, u.x());
    }
    return new Arith(ArithOp.ADD, a, b);
  }

  static Formula sub(Formula a, Formula b) {
    if (isNum(b, 0)) {
      return a;
    }
    if (isNum(a, 0)) {
      return neg(b);
    }
    if (a instanceof Const x && b instanceof Const y) {
      return num(x.value() - y.value());
    }
    return new Arith(ArithOp.SUB, a, b);
  }

  static Formula mul(Formula a, Formula b) {
    if (isNum(a, 0) || isNum(b, 0)) {
      return num(0);
    }
    if (isNum(a, 1)) {
      return b;
    }
    if (isNum(b, 1)) {
      return a;
    }
    if (a instanceof Const x && b instanceof Const y) {
      return num(x.value() * y.value());
    }
    if (isNum(a, -1)) {
      return neg(b);
    }
    if (isNum(b, -1)) {
      return neg(a);
    }
    return new Arith(ArithOp.MUL, a, b);
  }

  static Formula div(Formula a, Formula b) {
    if (isNum(a, 0)) {
      return num(0);
    }
    if (isNum(b, 1)) {
      return a;
    }
    if (a instanceof Const x && b instanceof Const y && y.value() != 0) {
      return num(x.value() / y.value());
    }
    return new Arith(ArithOp.DIV, a, b);
  }

  static Formula pow(Formula a, Formula b) {
    if (isNum(b, 0)) {
      return num(1);
    }
    if (isNum(b, 1)) {
      return a;
    }
    if (a instanceof Const x && b instanceof Const y) {
      return num(Math.pow(x.value(), y.value()));
    }
    return new Arith(ArithOp.POW, a, b);
  }

  /** Folds constants and removes identities throughout a formula. */
  public static Formula simplify(Formula e) {
    return e.accept(new Visitor<>() {
      @Override
      public Formula constant(Const c) {
        return c;
      }

      @Override
      public Formula ref(Ref r) {
        return r;
      }

      @Override
      public Formula neg(Neg n) {
        return Symbolic.neg(simplify(n.x()));
      }

      @Override
      public Formula arith(Arith a) {
        Formula l = simplify(a.l());
        Formula r = simplify(a.r());
        return switch (a.op()) {
          case ADD -> add(l, r);
          case SUB -> sub(l, r);
          case MUL -> mul(l, r);
          case DIV -> div(l, r);
          case POW -> pow(l, r);
        };
      }

      @Override
      public Formula compare(Compare c) {
        return new Compare(c.op(), simplify(c.l()), simplify(c.r()), c.span());
      }

      @Override
      public Formula apply(Apply a) {
        return new Apply(a.fn(), simplify(a.x()));
      }

      @Override
      public Formula sign(Sign s) {
        return new Sign(simplify(s.x()));
      }

      @Override
      public Formula select(Select s) {
        return new Select(simplify(s.condition()), simplify(s.then()), simplify(s.otherwise()));
      }

      @Override
      public Formula extreme(Extreme x) {
        return new Extreme(x.min(), simplify(x.l()), simplify(x.r()));
      }
    });
  }
}
