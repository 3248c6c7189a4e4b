package org.lawlang.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lawlang.api.JsonReport;
import org.lawlang.api.LawEngine;
import org.lawlang.api.LawResult;

/**
 * The delta method against answers it did not produce: a straight line's ordinary least
 * squares covariance written out by hand (σ²(XᵀX)⁻¹), the closed-form root and optimum of that
 * line, and, for the Chinchilla fit, the closed-form allocation (chain rule through arithmetic)
 * against the same allocation by `minimize` (implicit function theorem through the KKT system).
 */
class DeltaMethodTest {
  static final double[] X = {1, 2, 3, 4, 5, 6, 7};
  static final double[] Y = {1.1, 2.9, 5.2, 7.1, 8.8, 11.2, 12.7};

  static LawEngine line(String extra) {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < X.length; i++) {
      rows.append("  ").append(X[i]).append(' ').append(Y[i]).append('\n');
    }
    LawEngine engine = EngineAccess.output(LawEngine.builder(), Output.buffer(new StringBuilder())).threads(1).build();
    engine.eval("law L(x) = a + b * x\ndata d = table (x, y) {\n" + rows + "}\nlet f = fit y ~ L(x) to d" + extra + "\n");
    return engine;
  }

  /** σ²(XᵀX)⁻¹ of y = a + b x, from the normal equations (no law code involved). */
  static double[][] olsCovariance() {
    int n = X.length;
    double sx = 0;
    double sxx = 0;
    double sy = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      sx += X[i];
      sxx += X[i] * X[i];
      sy += Y[i];
      sxy += X[i] * Y[i];
    }
    double det = n * sxx - sx * sx;
    double b = (n * sxy - sx * sy) / det;
    double a = (sy - b * sx) / n;
    double rss = 0;
    for (int i = 0; i < n; i++) {
      double r = Y[i] - a - b * X[i];
      rss += r * r;
    }
    double s2 = rss / (n - 2);
    return new double[][] {{s2 * sxx / det, -s2 * sx / det}, {-s2 * sx / det, s2 * n / det}, {a, b}};
  }

  static Uncertain value(LawEngine engine, String expr) {
    return assertInstanceOf(Uncertain.class, EngineAccess.eval(engine, "delta_test_value", expr));
  }

  static void near(double expected, double actual, double rel, String what) {
    assertTrue(Math.abs(actual - expected) <= rel * Math.abs(expected), what + ": expected " + expected + ", got " + actual);
  }

  @Test
  void linearFunctionsOfTheParametersHaveTheAnalyticVariance() {
    LawEngine engine = line("");
    double[][] c = olsCovariance();
    double[] w = {3, -2};
    double var = w[0] * w[0] * c[0][0] + 2 * w[0] * w[1] * c[0][1] + w[1] * w[1] * c[1][1];
    Uncertain v = value(engine, "3 * f.a - 2 * f.b + 1");
    near(Math.sqrt(var), v.se(), 1e-9, "se of 3a - 2b + 1");
    near(3 * c[2][0] - 2 * c[2][1] + 1, v.point(), 1e-9, "point");
    double z = 1.959963984540054;
    near(v.point() - z * Math.sqrt(var), v.interval()[0], 1e-9, "lower end");
    // a call of the fit at x = 4 is a + 4b: the same quadratic form
    double var4 = c[0][0] + 8 * c[0][1] + 16 * c[1][1];
    near(Math.sqrt(var4), value(engine, "f(4)").se(), 1e-9, "se of f(4)");
    assertEquals("delta method", value(engine, "f(4)").method());
  }

  @Test
  void rootsAndOptimaByTheImplicitFunctionTheorem() {
    LawEngine engine = line("");
    double[][] c = olsCovariance();
    double a = c[2][0];
    double b = c[2][1];
    // solve a + b x = 5: x = (5 - a) / b, gradient (-1/b, -(5 - a)/b²)
    double[] g = {-1 / b, -(5 - a) / (b * b)};
    double var = g[0] * g[0] * c[0][0] + 2 * g[0] * g[1] * c[0][1] + g[1] * g[1] * c[1][1];
    Uncertain root = value(engine, "(solve f(x) = 5 for x).x");
    near((5 - a) / b, root.point(), 1e-9, "root");
    near(Math.sqrt(var), root.se(), 1e-7, "se of the root");
    // minimize (a + b x)² + x²: x* = -ab / (1 + b²)
    double d = 1 + b * b;
    double[] h = {-b / d, -a / d + 2 * a * b * b / (d * d)};
    double varMin = h[0] * h[0] * c[0][0] + 2 * h[0] * h[1] * c[0][1] + h[1] * h[1] * c[1][1];
    Uncertain x = value(engine, "(minimize f(x) * f(x) + x * x over x in [-10, 10]).x");
    near(-a * b / d, x.point(), 1e-7, "argmin");
    near(Math.sqrt(varMin), x.se(), 1e-5, "se of the argmin");
  }

  @Test
  void noiseFreeDataCollapseEveryInterval() {
    LawEngine engine = EngineAccess.output(LawEngine.builder(), Output.buffer(new StringBuilder())).threads(1).build();
    engine.eval("""
        law P(x) = c + k / x^e
            with c > 0, k > 0, e in [0, 2]
        data d = table (x, y) {
          1 5.5
          2 4.0811124512547625
          4 3.2374368670764584
          8 2.7357843633470003
          16 2.4375
          32 2.260139056406845
        }
        let f = fit y ~ P(x) to d starts at(c = 1, k = 1, e = 1)
        """);
    for (String q : new String[] {"f.c", "f.e", "f(100)", "(solve f(x) = 2.5 for x).x", "(minimize f(x) + 0.01 * x over x in [0.5, 100]).x",
        "ln(f.k) / f.e"}) {
      Uncertain u = value(engine, q);
      double[] ci = u.interval();
      assertTrue(ci[1] - ci[0] <= 1e-6 * Math.abs(u.point()), q + " interval " + ci[0] + " .. " + ci[1] + " should collapse to " + u.point());
    }
  }

  @Test
  void levelSamplesAndTheApi() {
    LawEngine engine = line(" level 0.8");
    Uncertain v = value(engine, "f(4)");
    near(1.2815515655446004 * v.se(), v.interval()[1] - v.point(), 1e-9, "80% half-width");
    assertTrue(v.show().contains("(80% delta method: "), v.show());
    LawResult r = engine.eval("f(4)");
    LawResult.Interval i = assertInstanceOf(LawResult.Interval.class, r);
    assertEquals("delta method", i.method());
    near(v.interval()[0], i.lo(), 1e-12, "API lower end");
    String json = JsonReport.json(r);
    assertTrue(json.contains("\"method\":\"delta method\"") || json.contains("\"method\": \"delta method\""), json);
    // a delta value has no samples: a clear error, not an empty list
    try {
      engine.eval("f(4).samples");
      throw new AssertionError("expected an error");
    } catch (org.lawlang.api.LawScriptException e) {
      assertTrue(e.getMessage().contains("delta method"), e.getMessage());
    }
  }

  @Test
  void theClosedFormAndMinimizeAgreeOnTheChinchillaFit() {
    java.nio.file.Path data = java.nio.file.Path.of("../../examples/data/epoch_chinchilla_svg_extracted_data.csv").toAbsolutePath().normalize();
    LawEngine engine = EngineAccess.output(LawEngine.builder(), Output.buffer(new StringBuilder())).workDir(data.getParent()).threads(2).build();
    engine.eval("data all = csv \"" + data + "\" {\n N = \"Model Size\"\n C = \"Training FLOP\"\n loss = \"loss\"\n D = C / (6 * N)\n}\n"
        + "data runs = all where loss < largest(all.loss, 5)\n"
        + "law Lfit(N, D) = E + A / N^alpha + B / D^beta\n  with E > 0, A > 0, B > 0, alpha in [0, 2], beta in [0, 2]\n"
        + "let f = fit loss ~ Lfit(N, D) to runs using huber(1e-3) on log\n"
        + "  starts grid(alpha = 0..1 by 0.5, beta = 0..1 by 0.5, A = exp(0..20 by 10), B = exp(0..20 by 10))\n"
        + "let C = 5.76e23\n"
        + "let G = (f.alpha * f.A / (f.beta * f.B)) ^ (1 / (f.alpha + f.beta))\n"
        + "let N_opt = G * (C / 6) ^ (f.beta / (f.alpha + f.beta))\n"
        + "let o = minimize f(N, D) subject to 6*N*D = C\n");
    Uncertain closed = value(engine, "N_opt");
    Uncertain solved = value(engine, "o.N");
    near(closed.point(), solved.point(), 1e-6, "N_opt");
    near(closed.se(), solved.se(), 1e-5, "se of N_opt");
    Uncertain ratio = value(engine, "o.D / o.N");
    assertTrue(ratio.interval()[0] > 5 && ratio.interval()[1] < 40, ratio.show());
  }
}
