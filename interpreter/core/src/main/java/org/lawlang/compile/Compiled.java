package org.lawlang.compile;

import java.util.List;
import java.util.Map;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Expr.*;

/**
 * Compiles a flattened expression into a tree of small closures over a slot array, so that
 * solvers evaluate objectives and derivatives thousands of times without walking the AST.
 * Non-finite intermediate results propagate as NaN/Inf; callers check finiteness.
 */
public final class Compiled {
  private Compiled() {}

  /** A compiled scalar function of the slot array. */
  @FunctionalInterface
  public interface Fn {
    double apply(double[] x);
  }

  public static Fn compile(Expr e, Map<String, Integer> slots) {
    if (e instanceof Num n) {
      double c = n.value();
      return x -> c;
    }
    if (e instanceof Name n) {
      Integer slot = slots.get(n.name());
      if (slot == null) {
        throw LawException.of(Msg.UNKNOWN_NAME, n.span(), n.name());
      }
      int i = slot;
      return x -> x[i];
    }
    if (e instanceof Unary u) {
      Fn a = compile(u.operand(), slots);
      return u.op() == UnaryOp.NEG ? x -> -a.apply(x) : a;
    }
    if (e instanceof Binary b) {
      return binary(b, slots);
    }
    if (e instanceof Call c) {
      return call(c, slots);
    }
    throw LawException.of(Msg.TYPE, e.span(), "a formula", "an expression that cannot be compiled");
  }

  private static Fn binary(Binary b, Map<String, Integer> slots) {
    Fn l = compile(b.lhs(), slots);
    Fn r = compile(b.rhs(), slots);
    return switch (b.op()) {
      case ADD -> x -> l.apply(x) + r.apply(x);
      case SUB -> x -> l.apply(x) - r.apply(x);
      case MUL -> x -> l.apply(x) * r.apply(x);
      case DIV -> x -> l.apply(x) / r.apply(x);
      case POW -> {
        if (b.rhs() instanceof Num n && n.value() == 2) {
          yield x -> {
            double v = l.apply(x);
            return v * v;
          };
        }
        if (b.rhs() instanceof Num n && n.value() == -1) {
          yield x -> 1 / l.apply(x);
        }
        yield x -> Math.pow(l.apply(x), r.apply(x));
      }
      case LT -> x -> l.apply(x) < r.apply(x) ? 1 : 0;
      case LE -> x -> l.apply(x) <= r.apply(x) ? 1 : 0;
      case GT -> x -> l.apply(x) > r.apply(x) ? 1 : 0;
      case GE -> x -> l.apply(x) >= r.apply(x) ? 1 : 0;
      case EQ -> x -> l.apply(x) == r.apply(x) ? 1 : 0;
      case NE -> x -> l.apply(x) != r.apply(x) ? 1 : 0;
      default -> throw LawException.of(Msg.TYPE, b.span(), "arithmetic", "'" + b.op().symbol + "'");
    };
  }

  private static Fn call(Call c, Map<String, Integer> slots) {
    String name = ((Name) c.callee()).name();
    List<Fn> args = c.args().stream().map(a -> compile(a.value(), slots)).toList();
    Fn a = args.get(0);
    return switch (name) {
      case "ln", "log" -> x -> Math.log(a.apply(x));
      case "log10" -> x -> Math.log10(a.apply(x));
      case "log2" -> x -> Math.log(a.apply(x)) / Math.log(2);
      case "exp" -> x -> Math.exp(a.apply(x));
      case "sqrt" -> x -> Math.sqrt(a.apply(x));
      case "atan" -> x -> Math.atan(a.apply(x));
      case "sin" -> x -> Math.sin(a.apply(x));
      case "cos" -> x -> Math.cos(a.apply(x));
      case "abs" -> x -> Math.abs(a.apply(x));
      case "sign" -> x -> Math.signum(a.apply(x));
      case "select" -> {
        Fn t = args.get(1);
        Fn f = args.get(2);
        yield x -> a.apply(x) != 0 ? t.apply(x) : f.apply(x);
      }
      case "min", "max" -> {
        boolean min = name.equals("min");
        Fn[] all = args.toArray(new Fn[0]);
        yield x -> {
          double best = all[0].apply(x);
          for (int i = 1; i < all.length; i++) {
            double v = all[i].apply(x);
            best = min ? Math.min(best, v) : Math.max(best, v);
          }
          return best;
        };
      }
      default -> throw LawException.of(Msg.NOT_CALLABLE, c.span(), "'" + name + "'");
    };
  }
}
