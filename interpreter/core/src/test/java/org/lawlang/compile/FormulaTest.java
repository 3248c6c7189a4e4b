package org.lawlang.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lawlang.compile.Formula.Kind;
import org.lawlang.compile.Formula.Ref;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Source;
import org.lawlang.diag.Span;
import org.lawlang.semantics.MathFunction;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Parsing;
import org.lawlang.syntax.Stmt;

/**
 * The formula IR: every node has its own visitor method (so a walk that forgets one does not
 * compile), lowering keeps the source spans that errors point at, exact derivatives agree with
 * difference quotients, and the tape shares repeated terms and the program cache never hands out
 * a program for a different formula.
 */
class FormulaTest {
  private static final Ref X = new Ref(Kind.VARIABLE, "x");
  private static final Ref Y = new Ref(Kind.VARIABLE, "y");

  private static Source source(String text) {
    return new Source("t.law", "let v = " + text);
  }

  private static Expr parse(Source s) {
    return ((Stmt.Let) Parsing.parse(s).statements().get(0)).value();
  }

  /** {@code text} lowered with every free name a decision variable. */
  private static Formula lower(String text) {
    return Flatten.expr(parse(source(text)), n -> new Flatten.Reference(Kind.VARIABLE));
  }

  @Test
  void everyNodeDispatchesToItsOwnVisitorMethod() throws Exception {
    Class<?>[] nodes = Formula.class.getPermittedSubclasses();
    Method[] methods = Formula.Visitor.class.getDeclaredMethods();
    assertEquals(nodes.length, methods.length, "one visitor method per node");
    Set<String> called = new HashSet<>();
    for (Class<?> node : nodes) {
      Formula f = instance(node);
      List<Method> hit = new ArrayList<>();
      Formula.Visitor<?> recorder = (Formula.Visitor<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {Formula.Visitor.class}, (proxy, m, args) -> {
            hit.add(m);
            return null;
          });
      f.accept(recorder);
      assertEquals(1, hit.size(), node.getSimpleName());
      assertEquals(node, hit.get(0).getParameterTypes()[0], node.getSimpleName() + " calls the method that takes it");
      called.add(hit.get(0).getName());
      assertEquals(f.children().size(), childCount(f), node.getSimpleName() + " lists its operands");
    }
    assertEquals(nodes.length, called.size());
  }

  /** A node of the given record class, with constants and references for operands. */
  private static Formula instance(Class<?> node) throws Exception {
    RecordComponent[] parts = node.getRecordComponents();
    Object[] args = new Object[parts.length];
    Class<?>[] types = new Class<?>[parts.length];
    for (int i = 0; i < parts.length; i++) {
      Class<?> t = parts[i].getType();
      types[i] = t;
      args[i] = t == Formula.class ? (Object) new Formula.Const(i + 1) : t == double.class ? 2.0 : t == boolean.class ? true
          : t == String.class ? "x" : t == Span.class ? Span.NOWHERE : t == Kind.class ? Kind.VARIABLE
          : t == MathFunction.class ? MathFunction.EXP : t.isEnum() ? t.getEnumConstants()[0] : null;
    }
    return (Formula) node.getDeclaredConstructor(types).newInstance(args);
  }

  private static int childCount(Formula f) {
    int n = 0;
    for (RecordComponent c : f.getClass().getRecordComponents()) {
      n += c.getType() == Formula.class ? 1 : 0;
    }
    return n;
  }

  @Test
  void loweringKeepsTheSpansErrorsPointAt() {
    Source s = source("x * 2 + y");
    Formula f = Flatten.expr(parse(s), n -> new Flatten.Reference(Kind.VARIABLE));
    // a reference the program has no slot for is reported where it was written
    LawException e = assertThrows(LawException.class, () -> ScalarProgram.of(List.of(X), f));
    assertEquals(Msg.UNKNOWN_NAME.code(), e.first().code());
    assertEquals("y", e.first().span().text());
    assertEquals(1, e.first().span().line());
    assertEquals(17, e.first().span().column());
    // a comparison cannot be differentiated: the message points at it
    Source c = source("x * (x > 1)");
    Formula g = Flatten.expr(parse(c), n -> new Flatten.Reference(Kind.VARIABLE));
    LawException d = assertThrows(LawException.class, () -> Symbolic.derivative(g, X));
    assertEquals("x > 1", d.first().span().text());
    // a call of something that is not a function names it
    LawException call = assertThrows(LawException.class, () -> lower("x + foo(x)"));
    assertEquals(Msg.NOT_CALLABLE.code(), call.first().code());
    assertEquals("foo", call.first().span().text());
  }

  @Test
  void derivativesAgreeWithDifferenceQuotients() {
    String[] formulas = {
        "x * y^2 - exp(-x) / (1 + y^2)",
        "ln(2 + x^2) * sqrt(1 + y^2) + atan(x * y)",
        "x^y + 3 * y^x",
        "abs(x - 2 * y) + max(x, y, 1) - min(x^2, y)",
        "sin(x) * cos(y) + log10(1 + x^2) - log2(3 + y)"};
    Random r = new Random(11);
    for (String text : formulas) {
      Formula f = lower(text);
      ScalarProgram value = ScalarProgram.of(List.of(X, Y), f);
      ScalarProgram dx = ScalarProgram.of(List.of(X, Y), Symbolic.derivative(f, X));
      ScalarProgram dy = ScalarProgram.of(List.of(X, Y), Symbolic.derivative(f, Y));
      for (int k = 0; k < 50; k++) {
        double x = 0.3 + 2 * r.nextDouble();
        double y = 0.3 + 2 * r.nextDouble();
        double h = 1e-6;
        double qx = (value.value(new double[] {x + h, y}) - value.value(new double[] {x - h, y})) / (2 * h);
        double qy = (value.value(new double[] {x, y + h}) - value.value(new double[] {x, y - h})) / (2 * h);
        double ex = dx.value(new double[] {x, y});
        double ey = dy.value(new double[] {x, y});
        if (Math.abs(x - y) > 1e-3 && Math.abs(x - 2 * y) > 1e-3 && Math.abs(x * x - y) > 1e-3 && Math.abs(x - 1) > 1e-3
            && Math.abs(y - 1) > 1e-3) { // away from the kinks of abs, min and max
          assertEquals(qx, ex, 1e-6 * Math.max(1, Math.abs(qx)), text + " d/dx at " + x + ", " + y);
          assertEquals(qy, ey, 1e-6 * Math.max(1, Math.abs(qy)), text + " d/dy at " + x + ", " + y);
        }
      }
    }
  }

  @Test
  void minAndMaxOfSeveralTakeTheFirstOnTies() {
    Formula f = lower("min(x, y, 2)");
    ScalarProgram d = ScalarProgram.of(List.of(X, Y), List.of(Symbolic.derivative(f, X), Symbolic.derivative(f, Y)));
    double[] out = new double[2];
    d.evaluate(new double[] {2, 2}, out);
    assertEquals(1, out[0]);
    assertEquals(0, out[1]);
    d.evaluate(new double[] {3, 1}, out);
    assertEquals(0, out[0]);
    assertEquals(1, out[1]);
    assertEquals(1, ScalarProgram.of(List.of(X, Y), f).value(new double[] {3, 1}));
  }

  @Test
  void theTapeComputesARepeatedTermOnce() {
    Formula f = lower("x^-0.34 + 2 * x^-0.34");
    Formula d = Symbolic.derivative(f, X);
    Tape once = Tape.compile(List.of(X), List.of(), List.of(f));
    // x, 0.34, -0.34 (folded by the parser or kept as a negation), x^-0.34, 2, 2*x^-0.34, the sum
    assertTrue(once.size() <= 7, once.describe());
    Tape both = Tape.compile(List.of(X), List.of(), List.of(f, d));
    Tape alone = Tape.compile(List.of(X), List.of(), List.of(d));
    assertTrue(both.size() < once.size() + alone.size(), "the value and its derivative share nodes");
  }

  @Test
  void aColumnNamedLikeAParameterStaysAColumn() {
    // the law's free parameter A and the data's column A are references of different kinds:
    // y = 2 x whatever the column A holds, and A is fitted, not read from the data
    org.lawlang.api.LawEngine eng = org.lawlang.eval.EngineAccess.output(org.lawlang.api.LawEngine.builder(),
        org.lawlang.eval.Output.buffer(new StringBuilder())).build();
    org.lawlang.eval.EngineAccess.eval(eng, "<test>", "data d = table (x, y, A) {\n 1 2 50\n 2 4 -7\n 3 6 0.5\n 4 8 9\n}\n"
        + "law L(x) = A * x with A > 0 start 1\nlet f = fit y ~ L(x) to d\n"
        + "law M(x, a) = B * x + a with B start 1\nlet g = fit y ~ M(x, A) to d\n");
    assertEquals(2, estimate(org.lawlang.eval.EngineAccess.eval(eng, "<test>", "f.A")), 1e-6);
    // passed as an argument, the column is read row by row: y - A = B x has no exact fit, and B is its least-squares slope
    double slope = estimate(org.lawlang.eval.EngineAccess.eval(eng, "<test>", "g.B"));
    double sxy = 0;
    double sxx = 0;
    double[][] rows = {{1, 2 - 50}, {2, 4 + 7}, {3, 6 - 0.5}, {4, 8 - 9}};
    for (double[] r : rows) {
      sxy += r[0] * r[1];
      sxx += r[0] * r[0];
    }
    assertEquals(sxy / sxx, slope, 1e-6);
  }

  /** A fitted parameter's estimate (a delta-method value when the fit has residuals). */
  private static double estimate(org.lawlang.eval.Value v) {
    return v instanceof org.lawlang.eval.Uncertain u ? u.point() : ((org.lawlang.eval.Values.Num) v).value();
  }

  @Test
  void theProgramCacheTellsFormulasApart() {
    boolean[] log = {false};
    SmoothFunction a = SmoothFunction.of(lower("x^2 + 1"), List.of(X), log, 1);
    SmoothFunction same = SmoothFunction.of(lower("x^2 + 1"), List.of(X), log, 1);
    SmoothFunction other = SmoothFunction.of(lower("x^2 + 2"), List.of(X), log, 1);
    SmoothFunction inLogs = SmoothFunction.of(lower("x^2 + 1"), List.of(X), new boolean[] {true}, 1);
    assertSame(a, same, "a formula asked again reuses its program");
    double[] g = new double[1];
    assertEquals(5, a.eval(new double[] {2}, g, null));
    assertEquals(4, g[0]);
    assertEquals(6, other.eval(new double[] {2}, g, null));
    // in log coordinates u = ln x: x^2 + 1 = e^(2u) + 1, d/du = 2 e^(2u)
    assertEquals(Math.exp(2) + 1, inLogs.eval(new double[] {1}, g, null), 1e-12);
    assertEquals(2 * Math.exp(2), g[0], 1e-12);
    assertNotEquals(a, other);
  }
}
