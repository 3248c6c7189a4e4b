package org.lawlang.compile;

import java.util.List;
import org.lawlang.compile.Formula.*;
import org.lawlang.semantics.MathFunction;

/**
 * The size of the terms of a formula, one rule for the optimiser's checker (org.lawlang.certify)
 * and for `solve`'s root check: the formula with every sum of terms replaced by the sum
 * of their sizes (a − b becomes |a| + |b|, constants their absolute value). A residual is small
 * only against this: x² − 2x at its minimum has a gradient of 0 but terms of size 1, while −y²
 * at y = 1e-15 has a gradient that is tiny in absolute terms yet as large as the formula itself.
 */
public final class Magnitude {
  private Magnitude() {}

  /** The size formula of {@code e}: differentiable like any formula (the KKT test needs its gradient). */
  public static Formula of(Formula e) {
    return e.accept(new Visitor<>() {
      @Override
      public Formula constant(Const c) {
        return new Const(Math.abs(c.value()));
      }

      @Override
      public Formula ref(Ref r) {
        return abs(r);
      }

      @Override
      public Formula neg(Neg n) {
        return of(n.x());
      }

      @Override
      public Formula arith(Arith b) {
        return switch (b.op()) {
          case ADD, SUB -> add(of(b.l()), of(b.r()));
          case MUL -> mul(of(b.l()), of(b.r()));
          case DIV -> div(of(b.l()), abs(b.r()));
          // (x − 2)^3 expands into terms of size (|x| + 2)^3; a negative power is a quotient; a
          // variable exponent magnifies the base's rounding by |ln base| times the exponent's size
          case POW -> b.r() instanceof Const p ? p.value() > 0 ? new Arith(ArithOp.POW, of(b.l()), b.r()) : abs(b)
              : mul(abs(b), add(new Const(1), mul(abs(new Apply(MathFunction.LN, abs(b.l()))), of(b.r()))));
        };
      }

      @Override
      public Formula compare(Compare c) {
        return abs(c);
      }

      @Override
      public Formula apply(Apply a) {
        // a function's value, plus what rounding in its argument (of the argument's size) does to it
        return add(abs(a), a.fn().spread(FormulaAlgebra.PLAIN, a.x(), of(a.x()), a));
      }

      @Override
      public Formula sign(Sign s) {
        return abs(s);
      }

      @Override
      public Formula select(Select s) {
        return abs(s);
      }

      @Override
      public Formula extreme(Extreme x) {
        return abs(x);
      }
    });
  }

  private static Formula add(Formula a, Formula b) {
    return FormulaAlgebra.PLAIN.add(a, b);
  }

  private static Formula mul(Formula a, Formula b) {
    return FormulaAlgebra.PLAIN.mul(a, b);
  }

  private static Formula div(Formula a, Formula b) {
    return FormulaAlgebra.PLAIN.div(a, b);
  }

  private static Formula abs(Formula e) {
    return FormulaAlgebra.PLAIN.abs(e);
  }

  /** The formulas' sizes added up. */
  public static Formula sum(List<Formula> parts) {
    Formula out = null;
    for (Formula p : parts) {
      Formula m = of(p);
      out = out == null ? m : add(out, m);
    }
    return out;
  }

  /**
   * The size function of {@code e}, whose only reference is {@code variable}: the residual at a
   * root is judged against it (rounding leaves |f| near 1e-16 of it, whatever the scale of x,
   * while at a pole or a jump |f| is as large as its terms).
   */
  public static java.util.function.DoubleUnaryOperator function(Formula e, Ref variable) {
    var size = ScalarProgram.of(List.of(variable), of(e)).evaluator();
    double[] at = new double[1]; // as the root scan that calls it, one thread
    return x -> {
      at[0] = x;
      return size.applyAsDouble(at);
    };
  }
}
