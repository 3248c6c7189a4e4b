package org.lawlang.compile;

import java.util.function.DoubleUnaryOperator;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Expr.Binary;
import org.lawlang.syntax.Expr.Call;
import org.lawlang.syntax.Expr.Name;
import org.lawlang.syntax.Expr.Num;
import org.lawlang.syntax.Expr.Unary;

/**
 * The size of the terms of a flattened formula in one variable, at a point: what its value
 * would be if nothing cancelled. Sums add their terms' sizes, products multiply them, a
 * quotient is its numerator's size over the denominator, so (x − 2)·(x − 7) has size
 * (|x| + 2)·(|x| + 7) while its value vanishes at 2 and 7. A residual is judged against it:
 * rounding leaves |f| at a root near 1e-16 of this size, whatever the scale of x, while at
 * a pole or a jump |f| is as large as its terms.
 *
 * <p>It walks the AST at each point instead of compiling closures: it runs at a handful of
 * points per root, never in a solver loop.
 */
public final class Magnitude {
  private Magnitude() {}

  /** The size function of {@code e}, whose only free name is {@code variable}. */
  public static DoubleUnaryOperator of(Expr e, String variable) {
    check(e, variable);
    return x -> eval(e, variable, x)[1];
  }

  /** Fails now, as compiling would, on a name other than the variable or an unknown call. */
  private static void check(Expr e, String variable) {
    if (e instanceof Name n && !n.name().equals(variable)) {
      throw LawException.of(Msg.UNKNOWN_NAME, n.span(), n.name());
    } else if (e instanceof Unary u) {
      check(u.operand(), variable);
    } else if (e instanceof Binary b) {
      check(b.lhs(), variable);
      check(b.rhs(), variable);
    } else if (e instanceof Call c) {
      c.args().forEach(a -> check(a.value(), variable));
    }
  }

  /** {value, size} of {@code e} at x, with the same arithmetic as {@link Compiled}. */
  private static double[] eval(Expr e, String variable, double x) {
    if (e instanceof Num n) {
      return new double[] {n.value(), Math.abs(n.value())};
    }
    if (e instanceof Name) {
      return new double[] {x, Math.abs(x)};
    }
    if (e instanceof Unary u) {
      double[] a = eval(u.operand(), variable, x);
      return u.op() == Expr.UnaryOp.NEG ? new double[] {-a[0], a[1]} : a;
    }
    if (e instanceof Binary b) {
      return binary(b, variable, x);
    }
    if (e instanceof Call c) {
      return call(c, variable, x);
    }
    throw LawException.of(Msg.TYPE, e.span(), "a formula", "an expression that cannot be compiled");
  }

  private static double[] binary(Binary b, String variable, double x) {
    double[] l = eval(b.lhs(), variable, x);
    double[] r = eval(b.rhs(), variable, x);
    return switch (b.op()) {
      case ADD -> new double[] {l[0] + r[0], l[1] + r[1]};
      case SUB -> new double[] {l[0] - r[0], l[1] + r[1]};
      case MUL -> new double[] {l[0] * r[0], l[1] * r[1]};
      case DIV -> new double[] {l[0] / r[0], l[1] / Math.abs(r[0])};
      case POW -> power(b, l, r);
      case LT -> bool(l[0] < r[0]);
      case LE -> bool(l[0] <= r[0]);
      case GT -> bool(l[0] > r[0]);
      case GE -> bool(l[0] >= r[0]);
      case EQ -> bool(l[0] == r[0]);
      case NE -> bool(l[0] != r[0]);
      default -> throw LawException.of(Msg.TYPE, b.span(), "arithmetic", "'" + b.op().symbol + "'");
    };
  }

  private static double[] power(Binary b, double[] l, double[] r) {
    double v;
    if (b.rhs() instanceof Num n && n.value() == 2) {
      v = l[0] * l[0];
    } else if (b.rhs() instanceof Num n && n.value() == -1) {
      v = 1 / l[0];
    } else {
      v = Math.pow(l[0], r[0]);
    }
    if (b.rhs() instanceof Num n) {
      // (x − 2)^3 expands into terms of size (|x| + 2)^3; a negative power is a quotient
      return new double[] {v, n.value() > 0 ? Math.pow(l[1], n.value()) : Math.abs(v)};
    }
    return new double[] {v, Math.abs(v) * (1 + Math.abs(Math.log(Math.abs(l[0]))) * r[1])};
  }

  private static double[] call(Call c, String variable, double x) {
    String name = ((Name) c.callee()).name();
    double[][] args = c.args().stream().map(a -> eval(a.value(), variable, x)).toArray(double[][]::new);
    double a = args[0][0];
    double m = args[0][1];
    return switch (name) {
      case "ln", "log" -> of(Math.log(a), m / Math.abs(a));
      case "log10" -> of(Math.log10(a), m / Math.abs(a));
      case "log2" -> of(Math.log(a) / Math.log(2), m / Math.abs(a));
      case "exp" -> {
        double v = Math.exp(a);
        yield new double[] {v, v * (1 + m)};
      }
      case "sqrt" -> new double[] {Math.sqrt(a), Math.sqrt(m)};
      case "atan" -> of(Math.atan(a), m / (1 + a * a));
      case "sin" -> of(Math.sin(a), m);
      case "cos" -> of(Math.cos(a), m);
      case "abs" -> new double[] {Math.abs(a), m};
      case "sign" -> new double[] {Math.signum(a), 1};
      case "select" -> a != 0 ? args[1] : args[2];
      case "min", "max" -> {
        boolean min = name.equals("min");
        double best = args[0][0];
        double size = args[0][1];
        for (int i = 1; i < args.length; i++) {
          best = min ? Math.min(best, args[i][0]) : Math.max(best, args[i][0]);
          size = Math.max(size, args[i][1]);
        }
        yield new double[] {best, size};
      }
      default -> throw LawException.of(Msg.NOT_CALLABLE, c.span(), "'" + name + "'");
    };
  }

  /** A value whose size is its own plus what its argument's terms carry into it. */
  private static double[] of(double v, double carried) {
    return new double[] {v, Math.abs(v) + carried};
  }

  private static double[] bool(boolean b) {
    return new double[] {b ? 1 : 0, 1};
  }
}
