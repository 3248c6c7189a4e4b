package org.lawlang.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.lawlang.compile.Magnitude;
import org.lawlang.diag.Source;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Parsing;
import org.lawlang.syntax.Stmt;

/**
 * The independent root check refutes what is not a root — a pole, a jump, a point merely near
 * a root, a touch of zero without a sign change — and confirms roots at any scale, each
 * against the formula's own value and the size of its terms.
 */
class RootCheckTest {
  /** f and the size of its terms, from law text in x. */
  private static DoubleUnaryOperator[] formula(String text) {
    Expr parsed = ((Stmt.ExprStmt) Parsing.parse(new Source("t", text)).statements().get(0)).expr();
    var e = org.lawlang.compile.Flatten.expr(parsed, n -> new org.lawlang.compile.Flatten.Reference(org.lawlang.compile.Formula.Kind.VARIABLE));
    var x0 = new org.lawlang.compile.Formula.Ref(org.lawlang.compile.Formula.Kind.VARIABLE, "x");
    org.lawlang.compile.ScalarProgram f = org.lawlang.compile.ScalarProgram.of(java.util.List.of(x0), e);
    return new DoubleUnaryOperator[] {x -> f.value(new double[] {x}), Magnitude.function(e, x0)};
  }

  private static RootCheck.Verdict check(String text, double x) {
    DoubleUnaryOperator[] f = formula(text);
    return RootCheck.check(f[0], f[1], x);
  }

  @Test
  void confirmsRootsAtEveryScale() {
    assertTrue(check("(x - 2) * (x - 7)", 2).root());
    assertTrue(check("x - 1e-20", 1e-20).root());
    assertTrue(check("x * 1e30 - 3", 3e-30).root());
    assertTrue(check("x^2 - 2", Math.sqrt(2)).root());
    assertTrue(check("x - 9e29", 9e29).root());
    assertTrue(check("exp(x) - 1e300", Math.log(1e300)).root());
  }

  @Test
  void refutesPolesJumpsAndNearMisses() {
    RootCheck.Verdict pole = check("(x - 3) / (x - 1.2345)", 1.2345 + 1e-16);
    assertFalse(pole.root(), pole.why());
    assertFalse(check("1 / (x - 3)", Math.nextUp(3.0)).root());
    assertFalse(check("2 * (x >= 2) - 1", 2).root()); // f jumps from -1 to 1
    assertFalse(check("x - 3", 3.0001).root());
    assertFalse(check("x - 1e-20", 1.05e-20).root()); // what an absolute tolerance on f accepted
    RootCheck.Verdict touch = check("(x - 2)^2 + 1e-30", 2);
    assertFalse(touch.root(), "a touch without a sign change is not a root");
    assertEquals(1e-30, touch.residual(), 1e-45);
  }

  @Test
  void sizesAreTheTermsWithNothingCancelling() {
    DoubleUnaryOperator size = formula("(x - 2) * (x - 7)")[1];
    assertEquals(4 * 9, size.applyAsDouble(2), 1e-12);
    assertEquals(5, formula("(x + 2) / (x - 2)")[1].applyAsDouble(3), 1e-12);
  }
}
