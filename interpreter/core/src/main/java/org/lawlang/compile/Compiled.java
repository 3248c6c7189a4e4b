package org.lawlang.compile;

import java.util.List;
import java.util.Map;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.semantics.MathFunction;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Expr.*;

/**
 * Compiles a flattened expression into a tree of small closures over a slot array: the back
 * end of the optimiser's per-question formulas ({@link SmoothFunction}, signomial constants, the
 * objective at the answer), which are compiled afresh for every solve: there a tape's set-up
 * (hash-consing, schedules) cost up to 4.5 times the closures' per solve in bench/optimize.sh.
 * Formulas over data and long scans (fits, root scans, data checks) run on the tape
 * ({@link ScalarProgram}, {@link TapeRun}). The math
 * functions come from the one registry. Non-finite intermediate results propagate as NaN/Inf;
 * callers check finiteness.
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
    MathFunction fn = MathFunction.named(name).orElse(null);
    if (fn != null) {
      return x -> fn.apply(a.apply(x));
    }
    return switch (name) {
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
