package org.lawlang.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.lawlang.diag.Source;
import org.lawlang.syntax.Expr.Num;
import org.lawlang.syntax.Stmt.ExprStmt;
import org.lawlang.syntax.Stmt.Let;

/**
 * Round-trip properties of the syntax stage: printing an AST ({@link ExprPrinter},
 * {@link ProgramPrinter}) and parsing the text gives the same AST up to spans; number
 * literals read back exactly; `show` is the number correctly rounded to 6 significant digits.
 */
class RoundTripProperties {
  static Program parse(String text) {
    return Parsing.parse(new Source("printed.law", text));
  }

  @Provide
  Arbitrary<Expr> expressions() {
    return AstArbitraries.exprs(3);
  }

  @Provide
  Arbitrary<List<Stmt>> programs() {
    return AstArbitraries.stmts(1).list().ofMinSize(1).ofMaxSize(3);
  }

  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
  void printedExpressionsParseBack(@ForAll("expressions") Expr e) {
    String text = "let v = " + ExprPrinter.print(e);
    Expr back = ((Let) parse(text).statements().get(0)).value();
    assertThat(AstShape.of(back)).as(text).isEqualTo(AstShape.of(e));
  }

  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
  void printedExpressionStatementsParseBack(@ForAll("expressions") Expr e) {
    String text = ExprPrinter.print(e);
    List<Stmt> back = parse(text).statements();
    assertThat(back).as(text).hasSize(1);
    assertThat(AstShape.of(((ExprStmt) back.get(0)).expr())).as(text).isEqualTo(AstShape.of(e));
  }

  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
  void printedProgramsParseBack(@ForAll("programs") List<Stmt> statements) {
    Program p = new Program(new Source("gen", ""), statements);
    String text = ProgramPrinter.print(p);
    Program back = parse(text);
    assertThat(AstShape.of(back.statements())).as(text).isEqualTo(AstShape.of(statements));
    assertThat(ProgramPrinter.print(back)).as("printing is stable").isEqualTo(text);
  }

  @Provide
  Arbitrary<Double> anyFinite() {
    return Arbitraries.oneOf(
        Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite),
        Arbitraries.doubles(),
        Arbitraries.integers().map(Integer::doubleValue),
        Arbitraries.of(0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1e-4, 9.999995e-5, 999999.5, 1e6, 0.1, 1.4e12, 7e10));
  }

  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
  void literalsReadBackExactly(@ForAll("anyFinite") double x) {
    String text = NumberFormat.literal(Math.abs(x));
    assertThat(AstBuilder.number(text)).as(text).isEqualTo(Math.abs(x));
    Expr parsed = ((Let) parse("let v = " + text).statements().get(0)).value();
    assertThat(((Num) parsed).value()).as(text).isEqualTo(Math.abs(x));
    String signed = NumberFormat.literal(x);
    assertThat(Double.parseDouble(signed)).as(signed).isEqualTo(x == 0 ? 0.0 : x);
  }

  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
  void showIsSixSignificantDigits(@ForAll("anyFinite") double x) {
    String shown = NumberFormat.show(x);
    if (x == 0) {
      assertThat(shown).isEqualTo("0");
      return;
    }
    BigDecimal expected = new BigDecimal(x).round(new MathContext(6, RoundingMode.HALF_EVEN));
    BigDecimal got = new BigDecimal(shown);
    assertThat(got.compareTo(expected)).as(x + " shown as " + shown).isZero();
    assertThat(got.stripTrailingZeros().precision()).as(shown).isLessThanOrEqualTo(6);
    double ax = Math.abs(expected.doubleValue());
    boolean plain = ax >= 1e-4 && ax < 1e6;
    assertThat(shown.contains("e")).as(x + " shown as " + shown).isEqualTo(!plain);
    if (x > 0) {
      // what is shown is itself a law number
      assertThat(new BigDecimal(AstBuilder.number(shown)).compareTo(new BigDecimal(got.doubleValue()))).isZero();
    }
  }
}
