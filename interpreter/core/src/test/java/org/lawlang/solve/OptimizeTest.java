package org.lawlang.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lawlang.api.LawEngine;
import org.lawlang.diag.LawException;
import org.lawlang.eval.EngineAccess;
import org.lawlang.eval.OptimumReport;
import org.lawlang.eval.Output;
import org.lawlang.eval.Value;
import org.lawlang.eval.Values;

/**
 * Known answers for `minimize`, `maximize` and `solve`: the Chinchilla closed form (to 1e-9
 * relative), its shadow price dL*(C)/d ln C, a maximised monomial, the local method on a problem
 * with a known optimum, roots, and the session keeping its state after a failed question.
 */
class OptimizeTest {
  static final String CHINCHILLA = "law L(N, D) = E + A / N^alpha + B / D^beta\n"
      + "    where E = 1.69, A = 406.4, B = 410.7, alpha = 0.34, beta = 0.28\n";

  static LawEngine engine() {
    return EngineAccess.output(LawEngine.builder(), Output.buffer(new StringBuilder())).build();
  }

  static double num(LawEngine e, String code) {
    return ((Values.Num) EngineAccess.eval(e, "<test>", code)).value();
  }

  static void close(double expected, double actual, double rel) {
    assertTrue(Math.abs(actual - expected) <= rel * Math.abs(expected), "expected " + expected + ", got " + actual);
  }

  @Test
  void chinchillaOptimumMatchesClosedFormAcrossBudgets() {
    double e = 1.69;
    double a = 406.4;
    double b = 410.7;
    double alpha = 0.34;
    double beta = 0.28;
    double g = Math.pow(alpha * a / (beta * b), 1 / (alpha + beta));
    double ea = beta / (alpha + beta);
    double eb = alpha / (alpha + beta);
    LawEngine eng = engine();
    EngineAccess.eval(eng, "<test>", CHINCHILLA);
    for (double c : new double[] {1e18, 5.76e23, 1e26, 1e30}) {
      Value v = EngineAccess.eval(eng, "<test>", "minimize L(N, D) subject to compute: 6*N*D = " + c);
      OptimumReport r = (OptimumReport) v;
      assertEquals("optimal", r.status());
      assertTrue(r.global());
      double n = g * Math.pow(c / 6, ea);
      double d = Math.pow(c / 6, eb) / g;
      close(n, r.point().get("N"), 1e-9);
      close(d, r.point().get("D"), 1e-9);
      double loss = e + a / Math.pow(n, alpha) + b / Math.pow(d, beta);
      close(loss, r.objective(), 1e-12);
      // dL*/dln C = -(alpha·a_N·A/N^alpha + beta·b_D·B/D^beta) along the frontier
      double dldlnc = -(alpha * ea * a / Math.pow(n, alpha) + beta * eb * b / Math.pow(d, beta));
      close(dldlnc / c, r.shadowPrices().get("compute"), 1e-7);
      close(dldlnc * Math.log(2), num(eng, "(minimize L(N, D) subject to compute: 6*N*D = " + c + ").doubling.compute"), 1e-7);
    }
  }

  @Test
  void closedFormProcAgreesWithNumericOptimum() {
    LawEngine eng = engine();
    EngineAccess.eval(eng, "<test>", "import scaling\n" + CHINCHILLA + "let C = 5.76e23\nlet o = minimize L subject to C = 6*N*D\n");
    close(num(eng, "chinchilla_N(L, 5.76e23)"), num(eng, "o.N"), 1e-9);
    close(num(eng, "chinchilla_D(L, 5.76e23)"), num(eng, "o.D"), 1e-9);
  }

  @Test
  void fittedLawsWorkLikeDeclaredLaws() {
    LawEngine eng = engine();
    EngineAccess.eval(eng, "<test>", "law Lfit(N, D) = E + A / N^alpha + B / D^beta");
    org.lawlang.semantics.Law free = ((org.lawlang.eval.LawValue) EngineAccess.eval(eng, "<test>", "Lfit")).law();
    org.lawlang.semantics.Law fixed = free.withFixed(java.util.Map.of("E", 1.69, "A", 406.4, "B", 410.7, "alpha", 0.34, "beta", 0.28));
    // a fit's result is a LawValue subclass with every parameter fixed
    EngineAccess.session(eng).globals().define("F", new org.lawlang.eval.LawValue(fixed) {});
    EngineAccess.eval(eng, "<test>", CHINCHILLA);
    double expected = num(eng, "(minimize L(N, D) subject to 6*N*D = 1e24).N");
    close(expected, num(eng, "(minimize F(N, D) subject to 6*N*D = 1e24).N"), 1e-12);
    EngineAccess.eval(eng, "<test>", "let C = 1e24");
    close(expected, num(eng, "(minimize F subject to C = 6*N*D).N"), 1e-12);
  }

  @Test
  void maximisedMonomial() {
    LawEngine eng = engine();
    Value v = EngineAccess.eval(eng, "<test>", "maximize N subject to 6*N*D <= 1.2e20, D >= 20*N");
    OptimumReport r = (OptimumReport) v;
    close(1e9, r.point().get("N"), 1e-9);
    close(2e10, r.point().get("D"), 1e-9);
    assertEquals(2, r.activeConstraints().size());
  }

  @Test
  void localMethodFindsKnownOptimum() {
    LawEngine eng = engine();
    // not a power law: minimise (ln x − 2)² + y subject to x·y = 1 → x = e^2·…; solve via KKT:
    // f = (ln x − 2)^2 + 1/x; at the optimum 2(ln x − 2)/x = 1/x², i.e. 2x(ln x − 2) = 1
    OptimumReport r = (OptimumReport) EngineAccess.eval(eng, "<test>", "minimize (ln(x) - 2)^2 + y subject to x * y = 1");
    assertFalse(r.global());
    assertEquals("optimal", r.status());
    double x = r.point().get("x");
    assertTrue(Math.abs(2 * x * (Math.log(x) - 2) - 1) < 1e-8, "stationarity at x = " + x);
  }

  @Test
  void rootsAndNoRoot() {
    LawEngine eng = engine();
    EngineAccess.eval(eng, "<test>", CHINCHILLA);
    double n = num(eng, "(solve L(N, 20*N) = 2 for N).N");
    close(2.0, num(eng, "L(" + n + ", " + 20 * n + ")"), 1e-12);
    close(Math.sqrt(2), num(eng, "(solve x^2 = 2 for x).x"), 1e-12);
    LawException e = assertThrows(LawException.class, () -> EngineAccess.eval(eng, "<test>", "solve L(N, 20*N) = 1.5 for N"));
    assertEquals("L607", e.first().code());
  }

  @Test
  void sessionKeepsStateAfterInfeasibleQuestion() {
    LawEngine eng = engine();
    EngineAccess.eval(eng, "<test>", CHINCHILLA + "let before = L(70B, 1.4T)");
    LawException e = assertThrows(LawException.class,
        () -> EngineAccess.eval(eng, "<test>", "let o = minimize L(N, D) subject to N <= 1B, D <= 1T, 6*N*D = 1e24"));
    assertEquals("L602", e.first().code());
    assertTrue(e.first().message().contains("N <= 1B") && e.first().message().contains("D <= 1T"));
    close(1.93665, num(eng, "before"), 1e-5);
  }
}
