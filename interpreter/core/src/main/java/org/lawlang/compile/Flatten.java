package org.lawlang.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Span;
import org.lawlang.semantics.Builtin;
import org.lawlang.semantics.Law;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Expr.*;

/**
 * Lowers expressions that mention laws into plain arithmetic for the solvers: law calls
 * are inlined (their inputs replaced by the argument expressions, fixed parameters by their
 * values), bound names become numbers, and whatever is left as a {@link Name} is a variable
 * of the problem (a free parameter, a data column or a decision variable).
 */
public final class Flatten {
  private Flatten() {}

  /** What a name means where an expression is flattened: a number, a law, or (null) a variable. */
  public interface Names extends Function<String, Object> {}

  /** The body of {@code law} applied to {@code args} (one per input). Free parameters stay names. */
  public static Expr call(Law law, List<Expr> args, Span at) {
    if (args.size() != law.inputs().size()) {
      throw LawException.of(Msg.ARITY, at, law.name(), law.inputs().size() + " inputs", args.size(), args.size() == 1 ? "was" : "were");
    }
    Map<String, Expr> bound = new java.util.HashMap<>();
    for (int i = 0; i < args.size(); i++) {
      bound.put(law.inputs().get(i), args.get(i));
    }
    return inline(law, bound, 0);
  }

  private static Expr inline(Law law, Map<String, Expr> inputs, int depth) {
    if (depth > 64) {
      throw LawException.of(Msg.RECURSIVE_LAW, law.span(), law.name());
    }
    Names names = n -> {
      if (inputs.containsKey(n)) {
        return inputs.get(n);
      }
      Double v = law.fixed().get(n);
      if (v != null) {
        return v;
      }
      Law callee = law.callees().get(n);
      return callee;
    };
    return rewrite(law.body(), names, depth + 1);
  }

  /** Flattens a free-standing expression (an objective, a constraint) against a name lookup. */
  public static Expr expr(Expr e, Names names) {
    return rewrite(e, names, 0);
  }

  private static Expr rewrite(Expr e, Names names, int depth) {
    if (e instanceof Num) {
      return e;
    }
    if (e instanceof Name n) {
      Object v = names.apply(n.name());
      if (v instanceof Expr x) {
        return x;
      }
      if (v instanceof Double d) {
        return new Num(n.span(), d);
      }
      if (v instanceof Law l) {
        throw LawException.of(Msg.TYPE, n.span(), "a number", "the law '" + l.name() + "'")
            .hint("call it with its inputs: " + l.signature());
      }
      return n;
    }
    if (e instanceof Unary u) {
      return new Unary(u.span(), u.op(), rewrite(u.operand(), names, depth));
    }
    if (e instanceof Binary b) {
      return new Binary(b.span(), b.op(), rewrite(b.lhs(), names, depth), rewrite(b.rhs(), names, depth));
    }
    if (e instanceof Call c) {
      return call(c, names, depth);
    }
    throw LawException.of(Msg.TYPE, e.span(), "arithmetic on numbers", "an expression that is not a formula");
  }

  private static Expr call(Call c, Names names, int depth) {
    List<Expr> args = new ArrayList<>();
    for (Arg a : c.args()) {
      if (a.name() != null) {
        throw LawException.of(Msg.NAMED_ARG, a.span(), ExprPrint.callee(c), a.name());
      }
      args.add(rewrite(a.value(), names, depth));
    }
    if (c.callee() instanceof Name n) {
      Object v = names.apply(n.name());
      if (v instanceof Law law) {
        if (args.size() != law.inputs().size()) {
          throw LawException.of(Msg.ARITY, c.span(), law.name(), law.inputs().size() + " inputs", args.size(),
              args.size() == 1 ? "was" : "were");
        }
        Map<String, Expr> bound = new java.util.HashMap<>();
        for (int i = 0; i < args.size(); i++) {
          bound.put(law.inputs().get(i), args.get(i));
        }
        return inline(law, bound, depth + 1);
      }
      if (v == null) {
        var builtin = Builtin.named(n.name());
        if (builtin.isPresent() && builtin.get().math) {
          return new Call(c.span(), n, args.stream().map(x -> new Arg(x.span(), null, x)).toList());
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
