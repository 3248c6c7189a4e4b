package org.lawlang.syntax;

import java.util.stream.Collectors;
import org.lawlang.syntax.Expr.*;

/**
 * Prints an expression back as law source with the fewest parentheses that keep its
 * meaning, so that printing and re-parsing gives the same tree (used by `print L` and by
 * the round-trip property test).
 */
public final class ExprPrinter {
  private ExprPrinter() {}

  private static final int UNARY = 6;
  private static final int ATOM = 9;

  public static String print(Expr e) {
    return print(e, 0);
  }

  /**
   * Prints an expression that is followed by a comma in a list (an argument, a list item, a
   * `print` value): `fit`, `minimize` and `solve` are parenthesised there, since their trailing
   * `starts a, b`, `over x, y` or `subject to c1, c2` would take the items after them.
   */
  public static String printItem(Expr e) {
    return print(e, ITEM);
  }

  /** Prints an expression where the grammar wants `arith` (law bodies, bounds, fit parts). */
  public static String printArith(Expr e) {
    return print(e, ARITH);
  }

  /** A string literal that reads back as {@code value}. */
  public static String quote(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + '"';
  }

  private static final int ITEM = 1;
  private static final int ARITH = 4;

  private static String print(Expr e, int context) {
    int p = precedence(e);
    String s = text(e);
    return p < context ? "(" + s + ")" : s;
  }

  private static String text(Expr e) {
    if (e instanceof Num n) {
      return NumberFormat.literal(n.value());
    } else if (e instanceof Str s1) {
      return quote(s1.value());
    } else if (e instanceof Bool b) {
      return Boolean.toString(b.value());
    } else if (e instanceof Name n) {
      return n.name();
    } else if (e instanceof Unary u) {
      return u.op().symbol + print(u.operand(), u.op() == UnaryOp.NOT ? 3 : UNARY);
    } else if (e instanceof Binary b) {
      return binary(b);
    } else if (e instanceof Call c) {
      return print(c.callee(), ATOM) + "(" + args(c.args()) + ")";
    } else if (e instanceof Field f) {
      return print(f.target(), ATOM) + "." + f.field();
    } else if (e instanceof Index i) {
      return print(i.target(), ATOM) + "[" + print(i.index(), 0) + "]";
    } else if (e instanceof ListLit l) {
      return "[" + l.items().stream().map(x -> print(x, ITEM)).collect(Collectors.joining(", ")) + "]";
    } else if (e instanceof Range r) {
      return print(r.lo(), 4) + ".." + print(r.hi(), 4) + (r.step() == null ? "" : " by " + print(r.step(), 4));
    } else if (e instanceof Fit f) {
      StringBuilder out = new StringBuilder("fit " + print(f.target(), 4) + " ~ " + print(f.model(), 4) + " to " + print(f.data(), 4));
      for (FitOption o : f.options()) {
        out.append(' ').append(o.kind().name().toLowerCase(java.util.Locale.ROOT)).append(' ');
        out.append(o.kind() == FitOptionKind.ON ? o.word() : o.values().stream().map(v -> print(v, 4)).collect(Collectors.joining(", ")));
      }
      return out.toString();
    } else if (e instanceof Optimize o) {
      return (o.maximize() ? "maximize " : "minimize ") + print(o.objective(), 4)
          + (o.over().isEmpty() ? "" : " over " + o.over().stream()
              .map(v -> v.name().name() + (v.range() == null ? "" : " in " + interval(v.range())))
              .collect(Collectors.joining(", ")))
          + (o.constraints().isEmpty() ? "" : " subject to " + o.constraints().stream()
              .map(c -> (c.name() == null ? "" : c.name() + ": ") + print(c.lhs(), 4) + " " + c.relation().symbol + " " + print(c.rhs(), 4))
              .collect(Collectors.joining(", ")));
    }
    if (e instanceof By by) {
      return print(by.value(), 4) + " by " + by.key().name();
    }
    Solve s2 = (Solve) e;
    return (s2.all() ? "roots " : "solve ") + print(s2.lhs(), 4) + " = " + print(s2.rhs(), 4) + " for " + s2.variable().name()
        + (s2.range() == null ? "" : " in " + interval(s2.range()));
  }

  /** `[lo, hi]` of bounds and ranges. */
  public static String interval(Interval i) {
    return "[" + print(i.lo(), ARITH) + ", " + print(i.hi(), ARITH) + "]";
  }

  /** Call arguments, named or not, without the parentheses. */
  public static String args(java.util.List<Arg> args) {
    return args.stream().map(a -> (a.name() == null ? "" : a.name() + " = ") + print(a.value(), ITEM)).collect(Collectors.joining(", "));
  }

  private static String binary(Binary b) {
    int p = b.op().precedence;
    String lhs;
    String rhs;
    if (b.op() == BinaryOp.POW) {
      // right-associative, and binds tighter than unary minus on its left: (-2)^2
      lhs = print(b.lhs(), ATOM - 1 > p ? p + 1 : p + 1);
      rhs = print(b.rhs(), p);
      if (b.lhs() instanceof Unary) {
        lhs = "(" + print(b.lhs(), 0) + ")";
      }
      return lhs + "^" + rhs;
    }
    if (p == 3) {
      return print(b.lhs(), 4) + " " + b.op().symbol + " " + print(b.rhs(), 4);
    }
    lhs = print(b.lhs(), p);
    rhs = print(b.rhs(), p + 1);
    String sep = b.op() == BinaryOp.MUL ? "*" : " " + b.op().symbol + " ";
    if (b.op() == BinaryOp.MUL && (b.lhs() instanceof Binary || b.rhs() instanceof Binary)) {
      sep = " * ";
    }
    return lhs + sep + rhs;
  }

  private static int precedence(Expr e) {
    if (e instanceof Binary b) {
      return b.op().precedence;
    }
    if (e instanceof Unary u) {
      return u.op() == UnaryOp.NOT ? 3 : UNARY;
    }
    if (e instanceof Range) {
      return ITEM;
    }
    if (e instanceof By) {
      return 3;
    }
    if (e instanceof Fit || e instanceof Optimize || e instanceof Solve) {
      return 0;
    }
    if (e instanceof Num n) {
      return n.value() < 0 || NumberFormat.literal(n.value()).startsWith("-") ? UNARY : ATOM;
    }
    return ATOM;
  }
}
