package org.lawlang.compile;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.lawlang.diag.Span;
import org.lawlang.semantics.MathFunction;

/**
 * A lowered formula: what {@link Flatten} makes of an expression once laws are inlined and
 * bound names are numbers, and what every numeric path reads (the tape, {@link Symbolic},
 * {@link Magnitude}, {@link Signomial}, the interval enclosures). Unlike the surface
 * {@code Expr} it has no calls by name and no markers: a reference says what it refers to,
 * and the piecewise operations the derivative rules need ({@link Sign}, {@link Select},
 * {@link Extreme}) are nodes of their own. Walks go through {@link Visitor}, so a walk that
 * forgets a node does not compile.
 */
public sealed interface Formula {
  <R> R accept(Visitor<R> v);

  /** How many operands the node has (0 for a leaf). */
  int arity();

  /** Operand {@code i}, 0 ≤ i < {@link #arity()}: the walks that run per node read operands without a list. */
  Formula child(int i);

  /** The operands, in order (none for a leaf). */
  default List<Formula> children() {
    Formula[] out = new Formula[arity()];
    for (int i = 0; i < out.length; i++) {
      out[i] = child(i);
    }
    return List.of(out);
  }

  /** One method per node: implementing it is how a walk proves it handles every kind. */
  interface Visitor<R> {
    R constant(Const c);

    R ref(Ref r);

    R neg(Neg n);

    R arith(Arith a);

    R compare(Compare c);

    R apply(Apply a);

    R sign(Sign s);

    R select(Select s);

    R extreme(Extreme e);
  }

  /** What a reference stands for. */
  enum Kind {
    /** A free parameter of a law: what a fit estimates (or a fit's parameter inside a question, for the delta method). */
    PARAMETER,
    /** A data column, one value per row. */
    COLUMN,
    /** A decision variable of `minimize`, `maximize` or `solve`. */
    VARIABLE,
    /** An input slot of a formula evaluated at given points (the delta method's partial derivatives). */
    INPUT
  }

  enum ArithOp {
    ADD, SUB, MUL, DIV, POW
  }

  enum CompareOp {
    LT, LE, GT, GE, EQ, NE
  }

  record Const(double value) implements Formula {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.constant(this);
    }

    @Override
    public int arity() {
      return 0;
    }

    @Override
    public Formula child(int i) {
      throw new IndexOutOfBoundsException(i);
    }
  }

  /**
   * A reference to a named quantity of a given kind; {@code span} is where it was written (for
   * messages) and is not part of its identity.
   */
  record Ref(Kind kind, String name, Span span) implements Formula {
    public Ref(Kind kind, String name) {
      this(kind, name, Span.NOWHERE);
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.ref(this);
    }

    @Override
    public int arity() {
      return 0;
    }

    @Override
    public Formula child(int i) {
      throw new IndexOutOfBoundsException(i);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Ref r && r.kind == kind && r.name.equals(name);
    }

    @Override
    public int hashCode() {
      return kind.hashCode() * 31 + name.hashCode();
    }
  }

  record Neg(Formula x) implements Formula {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.neg(this);
    }

    @Override
    public int arity() {
      return 1;
    }

    @Override
    public Formula child(int i) {
      return x;
    }
  }

  record Arith(ArithOp op, Formula l, Formula r) implements Formula {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.arith(this);
    }

    @Override
    public int arity() {
      return 2;
    }

    @Override
    public Formula child(int i) {
      return i == 0 ? l : r;
    }
  }

  /** 1 when the comparison holds, else 0; {@code span} is the comparison's source, for messages. */
  record Compare(CompareOp op, Formula l, Formula r, Span span) implements Formula {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.compare(this);
    }

    @Override
    public int arity() {
      return 2;
    }

    @Override
    public Formula child(int i) {
      return i == 0 ? l : r;
    }
  }

  /** A function of the registry applied to one argument. */
  record Apply(MathFunction fn, Formula x) implements Formula {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.apply(this);
    }

    @Override
    public int arity() {
      return 1;
    }

    @Override
    public Formula child(int i) {
      return x;
    }
  }

  /** -1, 0 or 1: piecewise constant (the derivative of abs). */
  record Sign(Formula x) implements Formula {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.sign(this);
    }

    @Override
    public int arity() {
      return 1;
    }

    @Override
    public Formula child(int i) {
      return x;
    }
  }

  /** {@code then} where {@code condition} is not zero, else {@code otherwise} (the derivative of min and max). */
  record Select(Formula condition, Formula then, Formula otherwise) implements Formula {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.select(this);
    }

    @Override
    public int arity() {
      return 3;
    }

    @Override
    public Formula child(int i) {
      return i == 0 ? condition : i == 1 ? then : otherwise;
    }
  }

  /** The smaller ({@code min}) or the larger of two formulas; min and max of more are nested. */
  record Extreme(boolean min, Formula l, Formula r) implements Formula {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.extreme(this);
    }

    @Override
    public int arity() {
      return 2;
    }

    @Override
    public Formula child(int i) {
      return i == 0 ? l : r;
    }
  }

  // ---- small generic walks ----------------------------------------------------------------

  /** The references a formula mentions, in order of first appearance. */
  static Set<Ref> refs(Formula f) {
    Set<Ref> out = new LinkedHashSet<>();
    collect(f, out);
    return out;
  }

  private static void collect(Formula f, Set<Ref> out) {
    if (f instanceof Ref r) {
      out.add(r);
    }
    for (int i = 0; i < f.arity(); i++) {
      collect(f.child(i), out);
    }
  }

  /** The names of the references of {@code kind}, in order of first appearance. */
  static Set<String> names(Formula f, Kind kind) {
    Set<String> out = new LinkedHashSet<>();
    for (Ref r : refs(f)) {
      if (r.kind() == kind) {
        out.add(r.name());
      }
    }
    return out;
  }

  /** Whether {@code f} mentions a reference that satisfies {@code test} (without collecting them). */
  static boolean anyRef(Formula f, java.util.function.Predicate<Ref> test) {
    if (f instanceof Ref r) {
      return test.test(r);
    }
    for (int i = 0; i < f.arity(); i++) {
      if (anyRef(f.child(i), test)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code f} mentions {@code r}. */
  static boolean mentions(Formula f, Ref r) {
    if (f instanceof Ref x) {
      return x.equals(r);
    }
    for (int i = 0; i < f.arity(); i++) {
      if (mentions(f.child(i), r)) {
        return true;
      }
    }
    return false;
  }

  /** {@code f} with each reference r replaced by {@code by.apply(r)}. */
  static Formula replace(Formula f, Function<Ref, Formula> by) {
    return rewrite(f, g -> g instanceof Ref r ? by.apply(r) : g);
  }

  /** {@code f} rebuilt bottom-up, each node (its operands already rewritten) passed through {@code post}. */
  static Formula rewrite(Formula f, UnaryOperator<Formula> post) {
    return f.accept(new Visitor<>() {
      @Override
      public Formula constant(Const c) {
        return post.apply(c);
      }

      @Override
      public Formula ref(Ref r) {
        return post.apply(r);
      }

      @Override
      public Formula neg(Neg n) {
        return post.apply(new Neg(n.x().accept(this)));
      }

      @Override
      public Formula arith(Arith a) {
        return post.apply(new Arith(a.op(), a.l().accept(this), a.r().accept(this)));
      }

      @Override
      public Formula compare(Compare c) {
        return post.apply(new Compare(c.op(), c.l().accept(this), c.r().accept(this), c.span()));
      }

      @Override
      public Formula apply(Apply a) {
        return post.apply(new Apply(a.fn(), a.x().accept(this)));
      }

      @Override
      public Formula sign(Sign s) {
        return post.apply(new Sign(s.x().accept(this)));
      }

      @Override
      public Formula select(Select s) {
        return post.apply(new Select(s.condition().accept(this), s.then().accept(this), s.otherwise().accept(this)));
      }

      @Override
      public Formula extreme(Extreme x) {
        return post.apply(new Extreme(x.min(), x.l().accept(this), x.r().accept(this)));
      }
    });
  }

  /** a − b, unsimplified. */
  static Formula minus(Formula a, Formula b) {
    return new Arith(ArithOp.SUB, a, b);
  }
}
