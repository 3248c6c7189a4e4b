package org.lawlang.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lawlang.compile.Flatten;
import org.lawlang.compile.Problem;
import org.lawlang.compile.Formula;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Span;
import org.lawlang.semantics.Builtin;
import org.lawlang.semantics.Law;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Expr.*;
import org.lawlang.syntax.ExprPrinter;
import org.lawlang.syntax.NumberFormat;

/**
 * Lowers a `minimize` / `maximize` to a {@link Problem}: finds the decision variables (names
 * after `over`, the inputs of a law named without arguments, names bound nowhere), evaluates
 * everything that does not depend on them, and inlines law calls (declared or fitted laws
 * alike) with {@link Flatten}, so that the solvers see plain formulas in the variables.
 */
final class ProblemBuilder {
  private final Interpreter in;
  private final Env env;
  private final Map<String, Problem.Var> vars = new LinkedHashMap<>();
  /** Lowering for the delta method: a delta value becomes its expansion in the fit's parameters (else its point). */
  private boolean symbolic;

  private ProblemBuilder(Interpreter in, Env env) {
    this.in = in;
    this.env = env;
  }

  /** As {@link #build}, with the fit's parameters left as names (see {@link Delta#symbols}). */
  static Built buildSymbolic(Optimize node, Interpreter in, Env env) {
    ProblemBuilder b = new ProblemBuilder(in, env);
    b.symbolic = true;
    return b.optimize(node);
  }

  /** As {@link #lowerForSolve}, with the fit's parameters left as names. */
  static Formula lowerForSolveSymbolic(Expr e, Ident variable, Interpreter in, Env env) {
    ProblemBuilder b = new ProblemBuilder(in, env);
    b.symbolic = true;
    b.vars.put(variable.name(), new Problem.Var(variable.name(), variable.span(), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, true));
    return b.lower(e);
  }

  /** The problem, with the labels and field keys of its constraints. */
  record Built(Problem problem, List<String> labels, List<String> keys) {}

  static Built build(Optimize node, Interpreter in, Env env) {
    return new ProblemBuilder(in, env).optimize(node);
  }

  /** Lowers one side of `solve lhs = rhs for x` with {@code x} the only variable. */
  static Formula lowerForSolve(Expr e, Ident variable, Interpreter in, Env env) {
    ProblemBuilder b = new ProblemBuilder(in, env);
    b.vars.put(variable.name(), new Problem.Var(variable.name(), variable.span(), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, true));
    return b.lower(e);
  }

  private Built optimize(Optimize node) {
    for (OverVar v : node.over()) {
      double lo = Double.NEGATIVE_INFINITY;
      double hi = Double.POSITIVE_INFINITY;
      if (v.range() != null) {
        lo = Values.finite(in.eval(v.range().lo(), env), v.range().lo().span(), "a bound");
        hi = Values.finite(in.eval(v.range().hi(), env), v.range().hi().span(), "a bound");
        if (!(lo < hi)) {
          throw LawException.of(Msg.BAD_BOUNDS, v.range().span(), v.name().name(), NumberFormat.show(lo), NumberFormat.show(hi));
        }
      }
      vars.put(v.name().name(), new Problem.Var(v.name().name(), v.name().span(), lo, hi, v.range() == null || lo > 0));
    }
    Expr objective = node.objective();
    Law bare = bareLaw(objective);
    Formula flatObjective;
    if (bare != null) {
      List<Formula> args = new ArrayList<>();
      for (String input : bare.inputs()) {
        vars.putIfAbsent(input, new Problem.Var(input, objective.span(), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, true));
        args.add(new Formula.Ref(Formula.Kind.VARIABLE, input, objective.span()));
      }
      flatObjective = Flatten.call(bare, args, objective.span());
    } else {
      collectUnbound(objective);
      node.constraints().forEach(c -> {
        collectUnbound(c.lhs());
        collectUnbound(c.rhs());
      });
      flatObjective = lower(objective);
    }
    if (bare != null) {
      node.constraints().forEach(c -> {
        collectUnbound(c.lhs());
        collectUnbound(c.rhs());
      });
    }
    List<Problem.Constraint> constraints = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    int k = 0;
    for (Constraint c : node.constraints()) {
      k++;
      Formula lhs = lower(c.lhs());
      Formula rhs = lower(c.rhs());
      boolean perturbLhs = !mentionsVariable(lhs) && mentionsVariable(rhs);
      constraints.add(new Problem.Constraint(c.name() != null ? c.name() : "c" + k, c.span(), lhs, c.relation(), rhs, perturbLhs));
      labels.add(c.name() != null ? c.name() : c.span().text());
      keys.add(c.name() != null ? c.name() : "c" + k);
    }
    return new Built(new Problem(List.copyOf(vars.values()), flatObjective, node.maximize(), constraints), labels, keys);
  }

  /** The law an objective names without arguments (`minimize L`), or null. */
  private Law bareLaw(Expr e) {
    if (!(e instanceof Name || e instanceof Field)) {
      return null;
    }
    if (e instanceof Name n && (vars.containsKey(n.name()) || env.lookup(n.name()) == null)) {
      return null;
    }
    Value v = in.eval(e, env);
    return v instanceof LawValue lv ? checkedLaw(lv, e.span()) : null;
  }

  private static Law checkedLaw(LawValue lv, Span at) {
    Law law = lv.law();
    List<String> free = law.freeParameterNames();
    if (!free.isEmpty()) {
      throw LawException.of(Msg.FREE_PARAMETERS, at, law.name(), String.join(", ", free))
          .hint("give values with 'where " + free.get(0) + " = ...', or fit the law to data first");
    }
    return law;
  }

  private void collectUnbound(Expr e) {
    org.lawlang.syntax.Walk.formulaNames(e, n -> {
      if (!vars.containsKey(n.name()) && env.lookup(n.name()) == null && Builtin.named(n.name()).isEmpty()) {
        vars.put(n.name(), new Problem.Var(n.name(), n.span(), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, true));
      }
    });
  }

  private boolean mentionsVariable(Formula e) {
    return Formula.anyRef(e, r -> r.kind() == Formula.Kind.VARIABLE && vars.containsKey(r.name()));
  }

  /** Whether the source expression depends on a decision variable (not looking into nested questions). */
  private boolean dependsOnVariable(Expr e) {
    if (e instanceof Name n) {
      return vars.containsKey(n.name());
    } else if (e instanceof Unary u) {
      return dependsOnVariable(u.operand());
    } else if (e instanceof Binary b) {
      return dependsOnVariable(b.lhs()) || dependsOnVariable(b.rhs());
    } else if (e instanceof Call c) {
      return dependsOnVariable(c.callee()) || c.args().stream().anyMatch(a -> dependsOnVariable(a.value()));
    } else if (e instanceof Field f) {
      return dependsOnVariable(f.target());
    } else if (e instanceof Index i) {
      return dependsOnVariable(i.target()) || dependsOnVariable(i.index());
    } else if (e instanceof ListLit l) {
      return l.items().stream().anyMatch(this::dependsOnVariable);
    }
    return false;
  }

  /** The lowered formula of a source expression. */
  private Formula lower(Expr e) {
    if (!dependsOnVariable(e)) {
      Value v = in.eval(e, env);
      if (v instanceof Values.Num n) {
        return new Formula.Const(n.value());
      }
      if (v instanceof Uncertain u && u.isDelta()) {
        return symbolic ? Delta.linearized(u) : new Formula.Const(u.point());
      }
      if (v instanceof Values.Bool) {
        throw LawException.of(Msg.TYPE, e.span(), "a number", "a comparison").hint("constraints go after 'subject to'");
      }
      if (v instanceof LawValue lv) {
        throw LawException.of(Msg.TYPE, e.span(), "a number", "the law '" + lv.law().name() + "'")
            .hint("call it with its inputs, " + lv.law().signature() + ", or name it alone as the whole objective");
      }
      throw LawException.of(Msg.TYPE, e.span(), "a number", Values.describe(v));
    }
    if (e instanceof Name n) {
      return new Formula.Ref(Formula.Kind.VARIABLE, n.name(), n.span());
    }
    if (e instanceof Unary u) {
      return Flatten.unary(u, lower(u.operand()));
    }
    if (e instanceof Binary b) {
      if (!b.op().isArithmetic()) {
        throw LawException.of(Msg.TYPE, b.span(), "arithmetic", "'" + b.op().symbol + "'")
            .hint("write constraints after 'subject to': minimize f subject to N <= 1T");
      }
      Formula rhs = lower(b.rhs());
      if (b.op() == BinaryOp.DIV && rhs instanceof Formula.Const z && z.value() == 0) {
        throw LawException.of(Msg.DIVISION_BY_ZERO, b.rhs().span());
      }
      return Flatten.binary(b, lower(b.lhs()), rhs);
    }
    if (e instanceof Call c) {
      return call(c);
    }
    throw LawException.of(Msg.TYPE, e.span(), "a formula in the variables " + String.join(", ", vars.keySet()), "this expression");
  }

  private Formula call(Call c) {
    if (dependsOnVariable(c.callee())) {
      throw LawException.of(Msg.NOT_CALLABLE, c.callee().span(), "a decision variable");
    }
    Value callee = in.eval(c.callee(), env);
    List<Formula> args = new ArrayList<>();
    for (Arg a : c.args()) {
      if (a.name() != null) {
        throw LawException.of(Msg.NAMED_ARG, a.span(), ExprPrinter.print(c.callee()), a.name());
      }
      args.add(lower(a.value()));
    }
    if (callee instanceof LawValue lv) {
      return Flatten.call(checkedLaw(lv, c.callee().span()), args, c.span());
    }
    if (callee instanceof BuiltinValue bv && bv.builtin().math) {
      return Flatten.builtin(bv.builtin(), args, c.span());
    }
    throw LawException.of(Msg.NOT_CALLABLE, c.callee().span(), Values.describe(callee) + " of the decision variables")
        .hint("inside minimize and solve, only laws and the math functions " + org.lawlang.semantics.MathFunction.namesText()
            + " take the variables");
  }

  /** Names of variables that appear nowhere in the lowered problem. */
  static Set<String> unused(Problem p) {
    Set<String> seen = new LinkedHashSet<>(Formula.names(p.objective(), Formula.Kind.VARIABLE));
    for (Problem.Constraint c : p.constraints()) {
      seen.addAll(Formula.names(c.lhs(), Formula.Kind.VARIABLE));
      seen.addAll(Formula.names(c.rhs(), Formula.Kind.VARIABLE));
    }
    Set<String> out = new LinkedHashSet<>();
    for (Problem.Var v : p.variables()) {
      if (!seen.contains(v.name())) {
        out.add(v.name());
      }
    }
    return out;
  }
}
