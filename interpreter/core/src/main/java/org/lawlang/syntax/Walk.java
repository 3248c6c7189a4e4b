package org.lawlang.syntax;

import java.util.List;
import java.util.function.Consumer;
import org.lawlang.syntax.Expr.*;

/**
 * The generic walks over expressions, written once: the direct children of any node (every
 * kind of expression named, and an unknown one refused, so a new node cannot be skipped
 * silently), and the names a formula reads as operands.
 */
public final class Walk {
  private Walk() {}

  /** The expressions directly inside {@code e}, in source order (a call's callee first). */
  public static List<Expr> children(Expr e) {
    if (e instanceof Num || e instanceof Str || e instanceof Bool || e instanceof Name) {
      return List.of();
    } else if (e instanceof Unary u) {
      return List.of(u.operand());
    } else if (e instanceof Binary b) {
      return List.of(b.lhs(), b.rhs());
    } else if (e instanceof Call c) {
      java.util.ArrayList<Expr> out = new java.util.ArrayList<>(c.args().size() + 1);
      out.add(c.callee());
      c.args().forEach(a -> out.add(a.value()));
      return out;
    } else if (e instanceof Field f) {
      return List.of(f.target());
    } else if (e instanceof Index i) {
      return List.of(i.target(), i.index());
    } else if (e instanceof ListLit l) {
      return l.items();
    } else if (e instanceof Range r) {
      return r.step() == null ? List.of(r.lo(), r.hi()) : List.of(r.lo(), r.hi(), r.step());
    } else if (e instanceof Fit f) {
      java.util.ArrayList<Expr> out = new java.util.ArrayList<>(List.of(f.target(), f.model(), f.data()));
      f.options().forEach(o -> out.addAll(o.values()));
      return out;
    } else if (e instanceof Optimize o) {
      java.util.ArrayList<Expr> out = new java.util.ArrayList<>();
      out.add(o.objective());
      for (OverVar v : o.over()) {
        if (v.range() != null) {
          out.add(v.range().lo());
          out.add(v.range().hi());
        }
      }
      o.constraints().forEach(c -> {
        out.add(c.lhs());
        out.add(c.rhs());
      });
      return out;
    } else if (e instanceof Solve s) {
      return s.range() == null ? List.of(s.lhs(), s.rhs()) : List.of(s.lhs(), s.rhs(), s.range().lo(), s.range().hi());
    } else if (e instanceof By b) {
      return List.of(b.value());
    }
    throw new IllegalStateException("no walk for " + (e == null ? "null" : e.getClass().getSimpleName()));
  }

  /**
   * Every name a formula reads as a value, in source order: through unary and binary operators
   * and call arguments (a callee is a function, not an operand); other nodes are not formulas.
   */
  public static void formulaNames(Expr e, Consumer<Name> visit) {
    if (e instanceof Name n) {
      visit.accept(n);
    } else if (e instanceof Unary u) {
      formulaNames(u.operand(), visit);
    } else if (e instanceof Binary b) {
      formulaNames(b.lhs(), visit);
      formulaNames(b.rhs(), visit);
    } else if (e instanceof Call c) {
      c.args().forEach(a -> formulaNames(a.value(), visit));
    }
  }
}
