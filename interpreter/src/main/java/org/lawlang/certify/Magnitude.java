package org.lawlang.certify;

import java.util.List;
import org.lawlang.diag.Span;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Expr.Arg;
import org.lawlang.syntax.Expr.Call;
import org.lawlang.syntax.Expr.Name;
import org.lawlang.syntax.Expr.Binary;
import org.lawlang.syntax.Expr.BinaryOp;
import org.lawlang.syntax.Expr.Num;
import org.lawlang.syntax.Expr.Unary;
import org.lawlang.syntax.Expr.UnaryOp;

/**
 * The size of the terms of a formula: the formula with every sum of terms replaced by the sum
 * of their sizes (a − b becomes |a| + |b|, constants their absolute value). A residual is small
 * only against this: x² − 2x at its minimum has a gradient of 0 but terms of size 1, while −y²
 * at y = 1e-15 has a gradient that is tiny in absolute terms yet as large as the formula itself.
 */
final class Magnitude {
  private Magnitude() {}

  static Expr of(Expr e) {
    if (e instanceof Num n) {
      return new Num(n.span(), Math.abs(n.value()));
    }
    if (e instanceof Unary u) {
      return of(u.operand());
    }
    if (e instanceof Binary b) {
      return switch (b.op()) {
        case ADD, SUB -> new Binary(b.span(), BinaryOp.ADD, of(b.lhs()), of(b.rhs()));
        case MUL, DIV -> new Binary(b.span(), b.op(), of(b.lhs()), b.op() == BinaryOp.DIV ? abs(b.rhs()) : of(b.rhs()));
        case POW -> b.rhs() instanceof Num p && p.value() == Math.rint(p.value()) && p.value() > 0
            ? new Binary(b.span(), BinaryOp.POW, of(b.lhs()), b.rhs()) : abs(b);
        default -> abs(b);
      };
    }
    return abs(e);
  }

  private static Expr abs(Expr e) {
    Span s = e.span();
    return new Call(s, new Name(s, "abs"), List.of(new Arg(s, null, e)));
  }

  /** The expressions' sizes added up. */
  static Expr sum(List<Expr> parts) {
    Expr out = null;
    for (Expr p : parts) {
      Expr m = of(p);
      out = out == null ? m : new Binary(m.span(), BinaryOp.ADD, out, m);
    }
    return out;
  }

  static Expr neg(Expr e) {
    return new Unary(e.span(), UnaryOp.NEG, e);
  }
}
