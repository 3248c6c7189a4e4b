package org.lawlang.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.lawlang.api.LawEngine;

/**
 * Properties of the delta method over random cases: for a linear function of a line's
 * parameters the standard error is sqrt(wᵀΣw) with Σ the ordinary least squares covariance
 * written out by hand; for a power law recovered exactly from noise-free data, every propagated
 * interval — a parameter, a call, a root, an optimum — collapses to its point.
 */
class DeltaMethodProperties {
  @Property(tries = 40, edgeCases = EdgeCasesMode.NONE)
  void linearCombinationsHaveTheAnalyticVariance(@ForAll @DoubleRange(min = -5, max = 5) double w1,
      @ForAll @DoubleRange(min = -5, max = 5) double w2, @ForAll @DoubleRange(min = -3, max = 3) double shift) {
    LawEngine engine = DeltaMethodTest.line("");
    double[][] c = DeltaMethodTest.olsCovariance();
    double var = w1 * w1 * c[0][0] + 2 * w1 * w2 * c[0][1] + w2 * w2 * c[1][1];
    Uncertain v = DeltaMethodTest.value(engine, "(" + w1 + ") * f.a + (" + w2 + ") * f.b + (" + shift + ")");
    assertTrue(Math.abs(v.se() - Math.sqrt(var)) <= 1e-8 * Math.sqrt(var) + 1e-15, v.se() + " vs " + Math.sqrt(var));
  }

  @Property(tries = 15, edgeCases = EdgeCasesMode.NONE)
  void noiseFreeFitsCollapseEveryInterval(@ForAll @DoubleRange(min = 0.5, max = 3) double floor,
      @ForAll @DoubleRange(min = 1, max = 10) double scale, @ForAll @DoubleRange(min = 0.3, max = 1.2) double exponent) {
    StringBuilder rows = new StringBuilder();
    for (double x = 1; x <= 64; x *= 2) {
      rows.append("  ").append(x).append(' ').append(floor + scale / Math.pow(x, exponent)).append('\n');
    }
    LawEngine engine = EngineAccess.output(LawEngine.builder(), Output.buffer(new StringBuilder())).threads(1).build();
    engine.eval("law P(x) = c + k / x^e\n    with c > 0, k > 0, e in [0, 2]\ndata d = table (x, y) {\n" + rows + "}\n"
        + "let f = fit y ~ P(x) to d starts at(c = 1, k = 3, e = 0.7)\n");
    double target = floor + scale / Math.pow(8, exponent);
    for (String q : new String[] {"f.e", "f(100)", "(solve f(x) = " + target + " for x).x", "f.c * f.k / f.e"}) {
      Uncertain u = DeltaMethodTest.value(engine, q);
      double[] ci = u.interval();
      assertTrue(ci[1] - ci[0] <= 1e-6 * Math.abs(u.point()), q + ": " + u.show());
    }
  }
}
