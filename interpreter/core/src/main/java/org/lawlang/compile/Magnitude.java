package org.lawlang.compile;

import java.util.List;
import org.lawlang.diag.Span;
import org.lawlang.semantics.MathFunction;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Expr.Arg;
import org.lawlang.syntax.Expr.Call;
import org.lawlang.syntax.Expr.Name;
import org.lawlang.syntax.Expr.Binary;
import org.lawlang.syntax.Expr.BinaryOp;
import org.lawlang.syntax.Expr.Num;
import org.lawlang.syntax.Expr.Unary;

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
  public static Expr expr(Expr e) {
    if (e instanceof Num n) {
      return new Num(n.span(), Math.abs(n.value()));
    }
    if (e instanceof Unary u) {
      return expr(u.operand());
    }
    if (e instanceof Binary b) {
      return switch (b.op()) {
        case ADD, SUB -> new Binary(b.span(), BinaryOp.ADD, expr(b.lhs()), expr(b.rhs()));
        case MUL, DIV -> new Binary(b.span(), b.op(), expr(b.lhs()), b.op() == BinaryOp.DIV ? abs(b.rhs()) : expr(b.rhs()));
        // (x − 2)^3 expands into terms of size (|x| + 2)^3; a negative power is a quotient; a
        // variable exponent magnifies the base's rounding by |ln base| times the exponent's size
        case POW -> b.rhs() instanceof Num p ? p.value() > 0 ? new Binary(b.span(), BinaryOp.POW, expr(b.lhs()), b.rhs()) : abs(b)
            : mul(abs(b), add(new Num(b.span(), 1), mul(abs(call("ln", abs(b.lhs()))), expr(b.rhs()))));
        default -> abs(b);
      };
    }
    if (e instanceof Call c && c.callee() instanceof Name f && c.args().size() == 1) {
      // a function's value, plus what rounding in its argument (of the argument's size) does to it
      Expr a = c.args().get(0).value();
      Expr m = expr(a);
      MathFunction fn = MathFunction.named(f.name()).orElse(null);
      return fn == null ? abs(e) : add(abs(e), fn.spread(new Plain(c.span()), a, m, e));
    }
    return abs(e);
  }

  /** Tree builders without simplification, for the spread rules of {@link MathFunction}. */
  private record Plain(Span at) implements MathFunction.Algebra<Expr> {
    @Override
    public Expr num(double c) {
      return new Num(at, c);
    }

    @Override
    public Expr add(Expr a, Expr b) {
      return Magnitude.add(a, b);
    }

    @Override
    public Expr mul(Expr a, Expr b) {
      return Magnitude.mul(a, b);
    }

    @Override
    public Expr div(Expr a, Expr b) {
      return Magnitude.div(a, b);
    }

    @Override
    public Expr pow(Expr a, Expr b) {
      return new Binary(a.span(), BinaryOp.POW, a, b);
    }

    @Override
    public Expr neg(Expr a) {
      return new Unary(a.span(), Expr.UnaryOp.NEG, a);
    }

    @Override
    public Expr call(MathFunction f, Expr x) {
      return Magnitude.call(f.name, x);
    }

    @Override
    public Expr sign(Expr x) {
      return Magnitude.call("sign", x);
    }

    @Override
    public Expr abs(Expr x) {
      return Magnitude.abs(x);
    }
  }

  private static Expr add(Expr a, Expr b) {
    return new Binary(a.span(), BinaryOp.ADD, a, b);
  }

  private static Expr mul(Expr a, Expr b) {
    return new Binary(a.span(), BinaryOp.MUL, a, b);
  }

  private static Expr div(Expr a, Expr b) {
    return new Binary(a.span(), BinaryOp.DIV, a, b);
  }

  private static Expr call(String name, Expr arg) {
    Span s = arg.span();
    return new Call(s, new Name(s, name), List.of(new Arg(s, null, arg)));
  }

  private static Expr abs(Expr e) {
    return call("abs", e);
  }

  /** The expressions' sizes added up. */
  public static Expr sum(List<Expr> parts) {
    Expr out = null;
    for (Expr p : parts) {
      Expr m = expr(p);
      out = out == null ? m : new Binary(m.span(), BinaryOp.ADD, out, m);
    }
    return out;
  }

  /**
   * The size function of {@code e}, whose only free name is {@code variable}: the residual at a
   * root is judged against it (rounding leaves |f| near 1e-16 of it, whatever the scale of x,
   * while at a pole or a jump |f| is as large as its terms).
   */
  public static java.util.function.DoubleUnaryOperator of(Expr e, String variable) {
    var size = ScalarProgram.of(expr(e), java.util.Map.of(variable, 0)).evaluator();
    double[] at = new double[1]; // as the root scan that calls it, one thread
    return x -> {
      at[0] = x;
      return size.applyAsDouble(at);
    };
  }
}
