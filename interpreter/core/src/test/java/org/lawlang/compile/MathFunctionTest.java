package org.lawlang.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.lawlang.diag.Span;
import org.lawlang.eval.BuiltinCalls;
import org.lawlang.eval.Values;
import org.lawlang.semantics.Builtin;
import org.lawlang.semantics.MathFunction;
import org.junit.jupiter.api.Test;

/**
 * Every function of the registry agrees with itself along every path: the interpreter, the
 * tape (a formula of a variable and of a data column), and its declared derivative against a
 * difference quotient that does not use it.
 */
class MathFunctionTest {
  private static final double[] POINTS = {0.3, 0.9, 1.7, 4.2};
  private static final Formula.Ref X = new Formula.Ref(Formula.Kind.VARIABLE, "x");
  private static final Formula.Ref COLUMN = new Formula.Ref(Formula.Kind.COLUMN, "x");

  @Test
  void everyMathBuiltinIsDeclaredOnce() {
    for (Builtin b : Builtin.values()) {
      if (b.math && b != Builtin.MIN && b != Builtin.MAX) {
        assertNotNull(b.function, b.name);
        assertEquals(b.function.name, b.name);
        assertEquals(b.function.doc, b.doc);
      }
    }
    for (MathFunction f : MathFunction.values()) {
      assertEquals(f, Builtin.named(f.name).orElseThrow().function);
    }
  }

  @Test
  void interpreterAndTapeAgreeWithTheDeclaration() {
    for (MathFunction f : MathFunction.values()) {
      ScalarProgram p = ScalarProgram.of(List.of(X), new Formula.Apply(f, X));
      Tape t = Tape.compile(List.of(), List.of(COLUMN), List.of(new Formula.Apply(f, COLUMN)));
      TapeRun run = new TapeRun(t, new double[][] {POINTS});
      TapeRun.Workspace ws = run.workspace(POINTS.length);
      run.evaluate(ws, new double[0], 0, POINTS.length);
      for (int i = 0; i < POINTS.length; i++) {
        double x = POINTS[i];
        double want = f.apply(x);
        Values.Num got = (Values.Num) BuiltinCalls.call(Builtin.named(f.name).orElseThrow(), List.of(new Values.Num(x)), Span.NOWHERE);
        assertEquals(want, got.value(), 0, f.name);
        assertEquals(want, p.value(new double[] {x}), 0, f.name + " on the scalar tape");
        assertEquals(want, ws.output(0)[i], 0, f.name + " on a column");
      }
    }
  }

  @Test
  void derivativesAgreeWithDifferenceQuotients() {
    for (MathFunction f : MathFunction.values()) {
      Formula d = Symbolic.derivative(new Formula.Apply(f, X), X);
      ScalarProgram p = ScalarProgram.of(List.of(X), d);
      for (double x : POINTS) {
        double h = 1e-6 * Math.max(1, Math.abs(x));
        double quotient = (f.apply(x + h) - f.apply(x - h)) / (2 * h);
        double exact = p.value(new double[] {x});
        assertEquals(quotient, exact, 1e-7 * Math.max(1, Math.abs(quotient)), f.name + "' at " + x);
      }
    }
  }

  @Test
  void domainsRejectWhatTheFunctionCannotTake() {
    for (MathFunction f : MathFunction.values()) {
      assertTrue(f.accepts(1), f.name);
      boolean definedBelowZero = !Double.isNaN(f.apply(-1));
      assertEquals(definedBelowZero, f.accepts(-1), f.name);
    }
    assertTrue(MathFunction.SQRT.accepts(0));
    assertTrue(!MathFunction.LN.accepts(0));
  }
}
