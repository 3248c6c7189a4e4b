package org.lawlang.eval;

import java.util.ArrayList;
import java.util.List;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Span;
import org.lawlang.eval.Values.Bool;
import org.lawlang.eval.Values.ListVal;
import org.lawlang.eval.Values.Num;
import org.lawlang.eval.Values.Str;
import org.lawlang.syntax.Expr.BinaryOp;
import org.lawlang.syntax.NumberFormat;

/**
 * Arithmetic and comparison on values, broadcasting over lists. A non-finite result from
 * finite operands (1/0, 1e308*10, (-8)^0.5) is an error at the operator, never a NaN
 * printed as an answer.
 */
public final class Arith {
  private Arith() {}

  public static Value binary(BinaryOp op, Value a, Value b, Span at) {
    if (op == BinaryOp.IN) {
      return in(a, b, at);
    }
    if (a instanceof ListVal || b instanceof ListVal) {
      return broadcast(op, a, b, at);
    }
    if (op == BinaryOp.ADD && (a instanceof Str || b instanceof Str)) {
      return new Str(text(a) + text(b));
    }
    if (a instanceof Uncertain || b instanceof Uncertain) {
      return uncertain(op, a, b, at);
    }
    if (op == BinaryOp.EQ || op == BinaryOp.NE) {
      comparable(a, b, op, at);
      boolean eq = (a instanceof Num x && b instanceof Num y) ? x.value() == y.value() : a.equals(b);
      return new Bool(op == BinaryOp.EQ ? eq : !eq);
    }
    if (a instanceof Str || b instanceof Str) {
      throw LawException.of(Msg.TYPE, at, "numbers to compare with " + op.symbol, a instanceof Str ? "text" : Values.describe(a))
          .hint("text compares only with == and != (or `in [\"a\", \"b\"]`)");
    }
    double x = Values.num(a, at, null);
    double y = Values.num(b, at, null);
    return switch (op) {
      case LT -> new Bool(x < y);
      case LE -> new Bool(x <= y);
      case GT -> new Bool(x > y);
      case GE -> new Bool(x >= y);
      default -> new Num(number(op, x, y, at));
    };
  }

  /**
   * Arithmetic on an uncertain value: the point from the points (strictly, so an error there is
   * the user's), each member from the members (a member with no value is NaN and drops out).
   */
  private static Value uncertain(BinaryOp op, Value a, Value b, Span at) {
    if (a instanceof Uncertain u && u.isDelta() || b instanceof Uncertain w && w.isDelta()) {
      return Delta.binary(op, a, b, at);
    }
    if (op != BinaryOp.ADD && op != BinaryOp.SUB && op != BinaryOp.MUL && op != BinaryOp.DIV && op != BinaryOp.POW) {
      throw LawException.of(Msg.TYPE, at, "numbers to compare", "an uncertain number, which has no single value")
          .hint("compare its point estimate (x.point) or an end of its interval (x.lo, x.hi)");
    }
    double x = a instanceof Uncertain u ? u.point() : Values.num(a, at, null);
    double y = b instanceof Uncertain u ? u.point() : Values.num(b, at, null);
    return Uncertain.combine(a, b, (p, q) -> raw(op, p, q), number(op, x, y, at), at);
  }

  private static double raw(BinaryOp op, double x, double y) {
    double r = switch (op) {
      case ADD -> x + y;
      case SUB -> x - y;
      case MUL -> x * y;
      case DIV -> x / y;
      default -> Math.pow(x, y);
    };
    return Double.isFinite(r) ? r : Double.NaN;
  }

  /** `x in [a, b, ...]`: whether x equals an item (elementwise when x is a list). */
  private static Value in(Value a, Value b, Span at) {
    if (!(b instanceof ListVal list)) {
      throw LawException.of(Msg.TYPE, at, "a list after 'in'", Values.describe(b)).hint("write the choices as a list: x in [\"a\", \"b\"]");
    }
    if (a instanceof ListVal xs) {
      return new ListVal(xs.items().stream().map(x -> in(x, b, at)).toList());
    }
    for (Value item : list.items()) {
      comparable(a, item, BinaryOp.EQ, at);
      if (a instanceof Num x && item instanceof Num y ? x.value() == y.value() : a.equals(item)) {
        return new Bool(true);
      }
    }
    return new Bool(false);
  }

  /** Text equals only text, a flag only a flag: `source == 3` is a mistake, not a false. */
  private static void comparable(Value a, Value b, BinaryOp op, Span at) {
    boolean textA = a instanceof Str;
    boolean textB = b instanceof Str;
    boolean numA = a instanceof Num || a instanceof Uncertain;
    boolean numB = b instanceof Num || b instanceof Uncertain;
    if ((textA && numB) || (numA && textB)) {
      throw LawException.of(Msg.TYPE, at, "two texts or two numbers to compare with " + op.symbol,
          textA ? "text and a number" : "a number and text")
          .hint(textA ? "write the number as text in quotes: \"" + b.show() + "\"" : "write the number as text in quotes: \"" + a.show() + "\"");
    }
  }

  private static String text(Value v) {
    return v.show();
  }

  public static double number(BinaryOp op, double x, double y, Span at) {
    double r = switch (op) {
      case ADD -> x + y;
      case SUB -> x - y;
      case MUL -> x * y;
      case DIV -> x / y;
      case POW -> Math.pow(x, y);
      default -> throw new IllegalArgumentException(op.name());
    };
    if (!Double.isFinite(r) && Double.isFinite(x) && Double.isFinite(y)) {
      if (op == BinaryOp.DIV && y == 0) {
        throw LawException.of(Msg.DIVISION_BY_ZERO, at).hint("the divisor is 0 here; check the values that reach it");
      }
      if (op == BinaryOp.POW && x == 0 && y < 0) {
        throw LawException.of(Msg.DIVISION_BY_ZERO, at).hint("0^" + NumberFormat.show(y) + " is 1 / 0^" + NumberFormat.show(-y));
      }
      if (Double.isNaN(r)) {
        throw LawException.of(Msg.DOMAIN, at, "x^y", "x = " + NumberFormat.show(x) + ", y = " + NumberFormat.show(y))
            .hint("a negative base needs a whole-number exponent");
      }
      throw LawException.of(Msg.NOT_FINITE, at, "the result", "overflow: " + NumberFormat.show(x) + " " + op.symbol + " "
          + NumberFormat.show(y) + " is beyond 1.8e308");
    }
    return r;
  }

  private static Value broadcast(BinaryOp op, Value a, Value b, Span at) {
    List<Value> xs = a instanceof ListVal l ? l.items() : null;
    List<Value> ys = b instanceof ListVal l ? l.items() : null;
    if (xs != null && ys != null && xs.size() != ys.size()) {
      throw LawException.of(Msg.LIST_LENGTHS, at, xs.size(), ys.size());
    }
    int n = xs != null ? xs.size() : ys.size();
    List<Value> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(binary(op, xs != null ? xs.get(i) : a, ys != null ? ys.get(i) : b, at));
    }
    return new ListVal(out);
  }

  public static Value negate(Value v, Span at) {
    if (v instanceof Uncertain u) {
      return u.isDelta() ? Delta.negate(u) : u.map(x -> -x, -u.point());
    }
    if (v instanceof ListVal l) {
      return new ListVal(l.items().stream().map(x -> negate(x, at)).toList());
    }
    return new Num(-Values.num(v, at, null));
  }

  /** Applies a scalar function elementwise over lists. */
  public static Value map(Value v, java.util.function.DoubleUnaryOperator f, Span at, String what) {
    if (v instanceof Uncertain u) {
      double point = f.applyAsDouble(u.point());
      if (u.isDelta()) {
        return Delta.unary(what, u, point, at);
      }
      return u.map(x -> {
        try {
          double r = f.applyAsDouble(x);
          return Double.isFinite(r) ? r : Double.NaN;
        } catch (LawException outside) {
          return Double.NaN; // this member is outside the function's domain: it has no value
        }
      }, point);
    }
    if (v instanceof ListVal l) {
      return new ListVal(l.items().stream().map(x -> map(x, f, at, what)).toList());
    }
    return new Num(f.applyAsDouble(Values.num(v, at, what)));
  }
}
