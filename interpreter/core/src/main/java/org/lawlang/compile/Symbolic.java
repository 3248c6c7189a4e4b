package org.lawlang.compile;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Span;
import org.lawlang.semantics.Builtin;
import org.lawlang.semantics.MathFunction;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Expr.*;

/**
 * Exact derivatives of flattened expressions by symbolic differentiation, with algebraic
 * simplification so that derivative trees stay small; the solvers never use finite
 * differences.
 */
public final class Symbolic {
  private Symbolic() {}

  private static final Span S = Span.NOWHERE;

  public static Expr derivative(Expr e, String v) {
    return simplify(d(e, v));
  }

  /** The names (variables) an expression mentions, in order of first appearance. */
  public static Set<String> names(Expr e) {
    Set<String> out = new LinkedHashSet<>();
    collect(e, out);
    return out;
  }

  private static void collect(Expr e, Set<String> out) {
    if (e instanceof Name n) {
      out.add(n.name());
    } else if (e instanceof Unary u) {
      collect(u.operand(), out);
    } else if (e instanceof Binary b) {
      collect(b.lhs(), out);
      collect(b.rhs(), out);
    } else if (e instanceof Call c) {
      c.args().forEach(a -> collect(a.value(), out));
    }
  }

  public static boolean mentions(Expr e, String v) {
    return names(e).contains(v);
  }

  private static Expr d(Expr e, String v) {
    if (!mentions(e, v)) {
      return num(0);
    }
    if (e instanceof Name n) {
      return num(n.name().equals(v) ? 1 : 0);
    }
    if (e instanceof Unary u) {
      return u.op() == UnaryOp.NEG ? neg(d(u.operand(), v)) : d(u.operand(), v);
    }
    if (e instanceof Binary b) {
      return binary(b, v);
    }
    if (e instanceof Call c) {
      return call(c, v);
    }
    return num(0);
  }

  private static Expr binary(Binary b, String v) {
    Expr f = b.lhs();
    Expr g = b.rhs();
    return switch (b.op()) {
      case ADD -> add(d(f, v), d(g, v));
      case SUB -> sub(d(f, v), d(g, v));
      case MUL -> add(mul(d(f, v), g), mul(f, d(g, v)));
      case DIV -> sub(div(d(f, v), g), div(mul(f, d(g, v)), pow(g, num(2))));
      case POW -> {
        if (!mentions(g, v)) {
          // d f^c = c f^(c-1) f'
          yield mul(mul(g, pow(f, sub(g, num(1)))), d(f, v));
        }
        if (!mentions(f, v)) {
          // d c^g = c^g ln(c) g'
          yield mul(mul(b, fn("ln", f)), d(g, v));
        }
        // d f^g = f^g (g' ln f + g f'/f)
        yield mul(b, add(mul(d(g, v), fn("ln", f)), div(mul(g, d(f, v)), f)));
      }
      default -> throw LawException.of(Msg.TYPE, b.span(), "arithmetic", "a comparison inside a formula");
    };
  }

  private static Expr call(Call c, String v) {
    String name = ((Name) c.callee()).name();
    if (name.equals("sign")) {
      return num(0); // piecewise constant (the derivative of abs, min and max)
    }
    if (name.equals("select")) {
      List<Arg> a = c.args();
      return new Call(S, c.callee(), List.of(a.get(0), arg(d(a.get(1).value(), v)), arg(d(a.get(2).value(), v))));
    }
    Builtin b = Builtin.named(name).orElseThrow();
    List<Expr> args = c.args().stream().map(Arg::value).toList();
    Expr x = args.get(0);
    if (b.function != null) {
      return b.function.derivative(ALGEBRA, x, d(x, v), c);
    }
    return switch (b) {
      case MIN, MAX -> {
        if (args.size() == 1) {
          yield d(x, v);
        }
        // derivative of the argument that is selected; ties take the first
        Expr rest = args.size() == 2 ? args.get(1) : new Call(S, c.callee(), c.args().subList(1, c.args().size()));
        Expr pick = new Binary(S, b == Builtin.MIN ? BinaryOp.LE : BinaryOp.GE, x, rest);
        yield new Call(S, new Name(S, "select"), List.of(arg(pick), arg(d(x, v)), arg(d(rest, v))));
      }
      default -> throw LawException.of(Msg.NOT_CALLABLE, c.span(), "'" + name + "'");
    };
  }

  // ---- constructors with simplification --------------------------------------------------

  /** The simplifying constructors, for the derivative rules declared in {@link MathFunction}. */
  static final MathFunction.Algebra<Expr> ALGEBRA = new MathFunction.Algebra<>() {
    @Override
    public Expr num(double c) {
      return Symbolic.num(c);
    }

    @Override
    public Expr add(Expr a, Expr b) {
      return Symbolic.add(a, b);
    }

    @Override
    public Expr mul(Expr a, Expr b) {
      return Symbolic.mul(a, b);
    }

    @Override
    public Expr div(Expr a, Expr b) {
      return Symbolic.div(a, b);
    }

    @Override
    public Expr pow(Expr a, Expr b) {
      return Symbolic.pow(a, b);
    }

    @Override
    public Expr neg(Expr a) {
      return Symbolic.neg(a);
    }

    @Override
    public Expr call(MathFunction f, Expr x) {
      return fn(f.name, x);
    }

    @Override
    public Expr sign(Expr x) {
      return fn("sign", x);
    }

    @Override
    public Expr abs(Expr x) {
      return fn("abs", x);
    }
  };

  static Num num(double x) {
    return new Num(S, x);
  }

  static Arg arg(Expr e) {
    return new Arg(S, null, e);
  }

  static Expr fn(String name, Expr x) {
    return new Call(S, new Name(S, name), List.of(arg(x)));
  }

  static boolean isNum(Expr e, double x) {
    return e instanceof Num n && n.value() == x;
  }

  static Expr neg(Expr a) {
    if (a instanceof Num n) {
      return num(-n.value());
    }
    if (a instanceof Unary u && u.op() == UnaryOp.NEG) {
      return u.operand();
    }
    return new Unary(S, UnaryOp.NEG, a);
  }

  static Expr add(Expr a, Expr b) {
    if (isNum(a, 0)) {
      return b;
    }
    if (isNum(b, 0)) {
      return a;
    }
    if (a instanceof Num x && b instanceof Num y) {
      return num(x.value() + y.value());
    }
    if (b instanceof Unary u && u.op() == UnaryOp.NEG) {
      return sub(a, u.operand());
    }
    return new Binary(S, BinaryOp.ADD, a, b);
  }

  static Expr sub(Expr a, Expr b) {
    if (isNum(b, 0)) {
      return a;
    }
    if (isNum(a, 0)) {
      return neg(b);
    }
    if (a instanceof Num x && b instanceof Num y) {
      return num(x.value() - y.value());
    }
    return new Binary(S, BinaryOp.SUB, a, b);
  }

  static Expr mul(Expr a, Expr b) {
    if (isNum(a, 0) || isNum(b, 0)) {
      return num(0);
    }
    if (isNum(a, 1)) {
      return b;
    }
    if (isNum(b, 1)) {
      return a;
    }
    if (a instanceof Num x && b instanceof Num y) {
      return num(x.value() * y.value());
    }
    if (isNum(a, -1)) {
      return neg(b);
    }
    if (isNum(b, -1)) {
      return neg(a);
    }
    return new Binary(S, BinaryOp.MUL, a, b);
  }

  static Expr div(Expr a, Expr b) {
    if (isNum(a, 0)) {
      return num(0);
    }
    if (isNum(b, 1)) {
      return a;
    }
    if (a instanceof Num x && b instanceof Num y && y.value() != 0) {
      return num(x.value() / y.value());
    }
    return new Binary(S, BinaryOp.DIV, a, b);
  }

  static Expr pow(Expr a, Expr b) {
    if (isNum(b, 0)) {
      return num(1);
    }
    if (isNum(b, 1)) {
      return a;
    }
    if (a instanceof Num x && b instanceof Num y) {
      return num(Math.pow(x.value(), y.value()));
    }
    return new Binary(S, BinaryOp.POW, a, b);
  }

  /** Folds constants and removes identities throughout a tree. */
  public static Expr simplify(Expr e) {
    if (e instanceof Unary u) {
      return u.op() == UnaryOp.NEG ? neg(simplify(u.operand())) : simplify(u.operand());
    }
    if (e instanceof Binary b) {
      Expr l = simplify(b.lhs());
      Expr r = simplify(b.rhs());
      return switch (b.op()) {
        case ADD -> add(l, r);
        case SUB -> sub(l, r);
        case MUL -> mul(l, r);
        case DIV -> div(l, r);
        case POW -> pow(l, r);
        default -> new Binary(b.span(), b.op(), l, r);
      };
    }
    if (e instanceof Call c) {
      return new Call(c.span(), c.callee(), c.args().stream().map(a -> new Arg(a.span(), a.name(), simplify(a.value()))).toList());
    }
    return e;
  }
}
