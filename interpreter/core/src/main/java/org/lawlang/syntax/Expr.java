package org.lawlang.syntax;

import java.util.List;
import org.lawlang.diag.Span;

/** Expression nodes of the AST: immutable records, each with the span of source it came from. */
public sealed interface Expr {
  Span span();

  record Num(Span span, double value) implements Expr {}

  record Str(Span span, String value) implements Expr {}

  record Bool(Span span, boolean value) implements Expr {}

  record Name(Span span, String name) implements Expr {}

  record Unary(Span span, UnaryOp op, Expr operand) implements Expr {}

  record Binary(Span span, BinaryOp op, Expr lhs, Expr rhs) implements Expr {}

  record Call(Span span, Expr callee, List<Arg> args) implements Expr {}

  record Field(Span span, Expr target, String field) implements Expr {}

  record Index(Span span, Expr target, Expr index) implements Expr {}

  record ListLit(Span span, List<Expr> items) implements Expr {}

  record Range(Span span, Expr lo, Expr hi, Expr step) implements Expr {}

  record Fit(Span span, Expr target, Expr model, Expr data, List<FitOption> options) implements Expr {}

  record Optimize(Span span, boolean maximize, Expr objective, List<OverVar> over, List<Constraint> constraints) implements Expr {}

  /** `solve` (one root) or, with {@code all}, `roots` (every root bracketed in the range). */
  record Solve(Span span, boolean all, Expr lhs, Expr rhs, Ident variable, Interval range) implements Expr {}

  /**
   * `value by key`: {@code value} evaluated once per group of rows that share the column
   * {@code key} (in each dataset argument that has it), the results joined with the key.
   */
  record By(Span span, Expr value, Ident key) implements Expr {}

  /** A call argument, optionally named (`grid(alpha = 0..2 by 0.5)`). */
  record Arg(Span span, String name, Expr value) {}

  /** A name with its own span, for inputs, variables and declarations. */
  record Ident(Span span, String name) {}

  /** `[lo, hi]` as written in bounds, ranges and fitted ranges. */
  record Interval(Span span, Expr lo, Expr hi) {}

  /** One option of a fit: `using huber(1e-3)`, `on log`, `starts grid(...)`, `bootstrap 4000`, ... */
  record FitOption(Span span, FitOptionKind kind, List<Expr> values, String word) {}

  /** A decision variable named after `over`, with optional bounds. */
  record OverVar(Span span, Ident name, Interval range) {}

  /** A constraint of `subject to`, optionally named: `compute: 6*N*D = C`. */
  record Constraint(Span span, String name, Expr lhs, Relation relation, Expr rhs) {}

  enum UnaryOp {
    NEG("-"),
    PLUS("+"),
    NOT("not ");

    public final String symbol;

    UnaryOp(String symbol) {
      this.symbol = symbol;
    }
  }

  enum BinaryOp {
    ADD("+", 4),
    SUB("-", 4),
    MUL("*", 5),
    DIV("/", 5),
    POW("^", 7),
    LT("<", 3),
    LE("<=", 3),
    GT(">", 3),
    GE(">=", 3),
    EQ("==", 3),
    NE("!=", 3),
    AND("and", 2),
    OR("or", 1),
    IN("in", 3);

    public final String symbol;
    public final int precedence;

    BinaryOp(String symbol, int precedence) {
      this.symbol = symbol;
      this.precedence = precedence;
    }

    public boolean isArithmetic() {
      return precedence >= 4;
    }
  }

  enum Relation {
    EQ("="),
    LE("<="),
    GE(">="),
    LT("<"),
    GT(">");

    public final String symbol;

    Relation(String symbol) {
      this.symbol = symbol;
    }
  }

  enum FitOptionKind {
    USING,
    ON,
    STARTS,
    BOOTSTRAP,
    SEED,
    LEVEL,
    WEIGHTS,
    BY,
    SHARED
  }
}
