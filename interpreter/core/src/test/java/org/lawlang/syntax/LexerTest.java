package org.lawlang.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Source;
import org.lawlang.syntax.Expr.*;
import org.lawlang.syntax.Stmt.ExprStmt;

/** Lexer and parser edge cases: number suffixes, exponents, precedence, Greek names, layout. */
class LexerTest {
  static Expr expr(String text) {
    List<Stmt> stmts = Parsing.parse(new Source("t.law", text)).statements();
    assertThat(stmts).hasSize(1);
    return ((ExprStmt) stmts.get(0)).expr();
  }

  @ParameterizedTest
  @CsvSource({
    "70B, 7e10", "1.4T, 1.4e12", "1e-3, 0.001", "5.76e23, 5.76e23", "400M, 4e8", "3K, 3000",
    ".5, 0.5", "1_000, 1000", "2.5E+2, 250", "1e0T, 1e12", "0.0, 0"
  })
  void numbers(String text, double value) {
    assertThat(((Num) expr(text)).value()).isEqualTo(value);
  }

  @Test
  void suffixIsExactDecimal() {
    // 1.4T is the double nearest 1.4e12, not 1.4 * 1e12 rounded twice
    assertThat(((Num) expr("1.4T")).value()).isEqualTo(1.4e12);
    assertThat(((Num) expr("0.1T")).value()).isEqualTo(1e11);
  }

  @Test
  void suffixThenOperator() {
    Binary b = (Binary) expr("2B*x");
    assertThat(b.op()).isEqualTo(BinaryOp.MUL);
    assertThat(((Num) b.lhs()).value()).isEqualTo(2e9);
    assertThat(((Name) b.rhs()).name()).isEqualTo("x");
  }

  @Test
  void powerBindsTighterThanUnaryMinus() {
    Unary u = (Unary) expr("-2^2");
    assertThat(u.op()).isEqualTo(UnaryOp.NEG);
    assertThat(((Binary) u.operand()).op()).isEqualTo(BinaryOp.POW);
  }

  @Test
  void powerIsRightAssociative() {
    Binary b = (Binary) expr("2^3^2");
    assertThat(b.rhs()).isInstanceOf(Binary.class);
    assertThat(((Num) b.lhs()).value()).isEqualTo(2);
  }

  @Test
  void negativeExponent() {
    Binary b = (Binary) expr("N^-0.5");
    assertThat(b.rhs()).isInstanceOf(Unary.class);
  }

  @Test
  void greekNames() {
    Binary b = (Binary) expr("α + β_2");
    assertThat(((Name) b.lhs()).name()).isEqualTo("α");
    assertThat(((Name) b.rhs()).name()).isEqualTo("β_2");
  }

  @Test
  void rangeWithStep() {
    Range r = (Range) expr("0..2 by 0.5");
    assertThat(((Num) r.lo()).value()).isEqualTo(0);
    assertThat(((Num) r.hi()).value()).isEqualTo(2);
    assertThat(((Num) r.step()).value()).isEqualTo(0.5);
  }

  @Test
  void clauseOnNextLineContinues() {
    List<Stmt> stmts = Parsing.parse(new Source("t.law", "law L(N) = E + A/N^a\n    where E = 1, A = 2,\n      a = 0.3\nprint L(1)")).statements();
    assertThat(stmts).hasSize(2);
    assertThat(((Stmt.LawDecl) stmts.get(0)).where()).hasSize(3);
  }

  @Test
  void newlineInsideParensContinues() {
    assertThat(Parsing.parse(new Source("t.law", "print max(1,\n 2)\n")).statements()).hasSize(1);
  }

  @Test
  void trailingOperatorContinues() {
    assertThat(Parsing.parse(new Source("t.law", "let x = 1 +\n 2\nprint x")).statements()).hasSize(2);
  }

  @Test
  void commentsAndHashInStrings() {
    List<Stmt> stmts = Parsing.parse(new Source("t.law", "# note\nprint \"#faebdd\" # trailing\n")).statements();
    assertThat(((Str) ((Stmt.Print) stmts.get(0)).values().get(0)).value()).isEqualTo("#faebdd");
  }

  @Test
  void severalSyntaxErrorsAreReported() {
    assertThatThrownBy(() -> Parsing.parse(new Source("t.law", "let = 1\nprint 2\nlaw (N) = 3\n")))
        .isInstanceOf(LawException.class)
        .satisfies(e -> assertThat(((LawException) e).diagnostics()).hasSizeGreaterThanOrEqualTo(2));
  }

  @Test
  void deepNestingIsAnErrorNotACrash() {
    String deep = "(".repeat(10_000) + "1" + ")".repeat(10_000);
    assertThatThrownBy(() -> Parsing.parse(new Source("t.law", deep)))
        .isInstanceOf(LawException.class)
        .hasMessageContaining("nested too deeply");
  }

  @Test
  void printedExpressionsParseBack() {
    for (String text : List.of("-2^2", "(-2)^2", "2^-3", "a - (b - c)", "a / (b * c)", "E + A / N^alpha + B / D^beta",
        "(a + b)^(c - 1)", "-(a + b)", "f(x, y).z", "2^3^2", "(2^3)^2", "-x^-y")) {
      Expr e = expr(text);
      assertThat(strip(expr(ExprPrinter.print(e)))).as(text + " -> " + ExprPrinter.print(e)).isEqualTo(strip(e));
    }
  }

  /** The tree without spans, for comparing shapes. */
  static String strip(Expr e) {
    return e.toString().replaceAll("span=[^,]*:\\d+:\\d+, ", "");
  }
}
