package org.lawlang.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lawlang.compile.Formula.*;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Span;
import org.lawlang.semantics.Builtin;
import org.lawlang.semantics.Law;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Expr.*;

/**
 * Lowers expressions that mention laws into {@link Formula}s for the solvers: law calls are
 * inlined (their inputs replaced by the argument formulas, fixed parameters by their values),
 * bound names become numbers, and every other name becomes a reference of the kind the caller
 * says (a free parameter, a data column, a decision variable). Errors point at the source:
 * the formula keeps the spans of its references and comparisons.
 */
public final class Flatten {
  private Flatten() {}

  /** What a name means where an expression is lowered. */
  public sealed interface Meaning {}

  /** A number (a fixed parameter, a value in scope). */
  public record Value(double value) implements Meaning {}

  /** An already lowered formula (a law's input bound to its argument). */
  public record Bound(Formula formula) implements Meaning {}

  /** A law, which may only be called. */
  public record Callee(Law law) implements Meaning {}

  /** A quantity the formula is a function of. */
  public record Reference(Kind kind) implements Meaning {}

  /** The meaning of each name where an expression is lowered. */
  @FunctionalInterface
  public interface Names {
    Meaning meaning(String name);
  }

  /** The body of {@code law} applied to {@code args} (one per input). Free parameters become parameter references. */
  public static Formula call(Law law, List<Formula> args, Span at) {
    if (args.size() != law.inputs().size()) {
      throw LawException.of(Msg.ARITY, at, law.name(), law.inputs().size() + " inputs", args.size(), args.size() == 1 ? "was" : "were");
    }
    return inline(law, args, 0);
  }

  private static Formula inline(Law law, List<Formula> args, int depth) {
    if (depth > 64) {
      throw LawException.of(Msg.RECURSIVE_LAW, law.span(), law.name());
    }
    Map<String, Formula> inputs = new HashMap<>();
    for (int i = 0; i < args.size(); i++) {
      inputs.put(law.inputs().get(i), args.get(i));
    }
    Names names = n -> {
      Formula bound = inputs.get(n);
      if (bound != null) {
        return new Bound(bound);
      }
      Double v = law.fixed().get(n);
      if (v != null) {
        return new Value(v);
      }
      Law callee = law.callees().get(n);
      return callee != null ? new Callee(callee) : new Reference(Kind.PARAMETER);
    };
    return lower(law.body(), names, depth + 1);
  }

  /** Lowers a free-standing expression (an objective, a constraint, a data formula) against a name lookup. */
  public static Formula expr(Expr e, Names names) {
    return lower(e, names, 0);
  }

  private static Formula lower(Expr e, Names names, int depth) {
    if (e instanceof Num n) {
      return new Const(n.value());
    }
    if (e instanceof Name n) {
      Meaning m = names.meaning(n.name());
      if (m instanceof Bound b) {
        return b.formula();
      }
      if (m instanceof Value v) {
        return new Const(v.value());
      }
      if (m instanceof Callee c) {
        throw LawException.of(Msg.TYPE, n.span(), "a number", "the law '" + c.law().name() + "'")
            .hint("call it with its inputs: " + c.law().signature());
      }
      return new Ref(((Reference) m).kind(), n.name(), n.span());
    }
    if (e instanceof Unary u) {
      return unary(u, lower(u.operand(), names, depth));
    }
    if (e instanceof Binary b) {
      return binary(b, lower(b.lhs(), names, depth), lower(b.rhs(), names, depth));
    }
    if (e instanceof Call c) {
      return call(c, names, depth);
    }
    throw LawException.of(Msg.TYPE, e.span(), "arithmetic on numbers", "an expression that is not a formula");
  }

  /** A unary operation on a lowered operand. */
  public static Formula unary(Unary u, Formula x) {
    return switch (u.op()) {
      case NEG -> new Neg(x);
      case PLUS -> x;
      case NOT -> throw LawException.of(Msg.TYPE, u.span(), "a number", "a logical 'not'")
          .hint("inside a formula a comparison is 1 or 0: write the opposite comparison, as (x <= 1) for not (x > 1)");
    };
  }

  /** A binary operation on lowered operands: arithmetic, or a comparison (1 or 0). */
  public static Formula binary(Binary b, Formula l, Formula r) {
    return switch (b.op()) {
      case ADD -> new Arith(ArithOp.ADD, l, r);
      case SUB -> new Arith(ArithOp.SUB, l, r);
      case MUL -> new Arith(ArithOp.MUL, l, r);
      case DIV -> new Arith(ArithOp.DIV, l, r);
      case POW -> new Arith(ArithOp.POW, l, r);
      case LT -> new Compare(CompareOp.LT, l, r, b.span());
      case LE -> new Compare(CompareOp.LE, l, r, b.span());
      case GT -> new Compare(CompareOp.GT, l, r, b.span());
      case GE -> new Compare(CompareOp.GE, l, r, b.span());
      case EQ -> new Compare(CompareOp.EQ, l, r, b.span());
      case NE -> new Compare(CompareOp.NE, l, r, b.span());
      case AND, OR, IN -> throw LawException.of(Msg.TYPE, b.span(), "arithmetic", "'" + b.op().symbol + "' in a formula");
    };
  }

  /**
   * A math builtin applied to lowered arguments: a function of the registry, or min and max
   * (of more than two arguments, nested to the right so that ties take the first).
   */
  public static Formula builtin(Builtin b, List<Formula> args, Span at) {
    if (args.size() < b.minArgs || args.size() > b.maxArgs) {
      throw LawException.of(Msg.ARITY, at, b.name, b.arityText(), args.size(), args.size() == 1 ? "was" : "were");
    }
    if (b.function != null) {
      return new Apply(b.function, args.get(0));
    }
    if (b == Builtin.MIN || b == Builtin.MAX) {
      Formula out = args.get(args.size() - 1);
      for (int i = args.size() - 2; i >= 0; i--) {
        out = new Extreme(b == Builtin.MIN, args.get(i), out);
      }
      return out;
    }
    throw LawException.of(Msg.NOT_CALLABLE, at, "'" + b.name + "'");
  }

  private static Formula call(Call c, Names names, int depth) {
    List<Formula> args = new ArrayList<>();
    for (Arg a : c.args()) {
      if (a.name() != null) {
        throw LawException.of(Msg.NAMED_ARG, a.span(), ExprPrint.callee(c), a.name());
      }
      args.add(lower(a.value(), names, depth));
    }
    if (c.callee() instanceof Name n) {
      Meaning m = names.meaning(n.name());
      if (m instanceof Callee callee) {
        Law law = callee.law();
        if (args.size() != law.inputs().size()) {
          throw LawException.of(Msg.ARITY, c.span(), law.name(), law.inputs().size() + " inputs", args.size(),
              args.size() == 1 ? "was" : "were");
        }
        return inline(law, args, depth + 1);
      }
      if (m instanceof Reference) {
        var builtin = Builtin.named(n.name());
        if (builtin.isPresent() && builtin.get().math) {
          return builtin(builtin.get(), args, c.span());
        }
      }
    }
    throw LawException.of(Msg.NOT_CALLABLE, c.callee().span(), "'" + ExprPrint.callee(c) + "'")
        .hint("inside a formula only laws and the math functions " + org.lawlang.semantics.MathFunction.namesText() + " can be called");
  }

  /** Small printing helpers for messages. */
  static final class ExprPrint {
    static String callee(Call c) {
      return org.lawlang.syntax.ExprPrinter.print(c.callee());
    }
  }
}
