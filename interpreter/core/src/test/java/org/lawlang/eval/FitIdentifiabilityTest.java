package org.lawlang.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.lawlang.api.LawEngine;
import org.lawlang.eval.EngineAccess;

/**
 * A fit's status says what the data determine: not-identifiable for a direction the data
 * cannot fix (parameters entering only as a product, a zero column, a standard error far
 * beyond the estimate), never for a strong correlation alone or for an estimate merely not
 * distinguishable from zero. Also: restarts after a failure are reproducible by seed, and a
 * fit with no bounded parameter and no starts keeps its one default start.
 */
class FitIdentifiabilityTest {
  static final String NOISY = "data d = table(x, y) {\n 1 2.1\n 2 3.9\n 3 6.2\n 4 7.8\n 5 10.1\n 6 12.2\n}\n";

  static FitValue fit(String code) {
    Path golden = Path.of(System.getProperty("law.repo", "../..")).toAbsolutePath().normalize().resolve("interpreter/cli/src/test/resources/golden/fit");
    LawEngine engine = EngineAccess.output(LawEngine.builder(), Output.buffer(new StringBuilder())).workDir(golden).threads(1).build();
    return (FitValue) EngineAccess.eval(engine, "test", code);
  }

  @Test
  void parametersOnlyAsAProductAreNotIdentifiable() {
    FitValue f = fit(NOISY + "law M(x) = a*b*x\nfit y ~ M(x) to d");
    assertEquals("not-identifiable", f.status());
    assertTrue(f.statusDetail().startsWith("a and b cannot be told apart"), f.statusDetail());
    FitValue g = fit(NOISY + "law P(x) = E + A*B/x^alpha with E > 0, A > 0, B > 0\nfit y ~ P(x) to d starts at(alpha = 0.5)");
    assertEquals("not-identifiable", g.status(), g.show());
    assertTrue(g.statusDetail().startsWith("A and B cannot be told apart"), g.statusDetail());
  }

  @Test
  void aZeroColumnIsNotIdentifiable() {
    FitValue f = fit(NOISY + "law Z(x) = a + b*x + c*exp(-1000*x)\nfit y ~ Z(x) to d");
    assertEquals("not-identifiable", f.status());
    assertTrue(f.statusDetail().startsWith("c does not change the model"), f.statusDetail());
  }

  @Test
  void aStandardErrorFarBeyondTheEstimateIsNotIdentifiable() {
    // (on these 4 rows; on NOISY's 6 the data's own curvature fixes c to about ±110%, through c*5e-9*x^2)
    FitValue f = fit("data d = table(x, y) {\n 1 2\n 2 4\n 3 5\n 4 7\n}\nlaw W(x) = a + b*x + c*exp(1e-4*x)\nfit y ~ W(x) to d");
    assertEquals("not-identifiable", f.status());
    assertTrue(Math.abs(f.standardError("a") / f.estimate("a")) > 10);
    assertTrue(f.statusDetail().startsWith("a and c cannot be told apart"), f.statusDetail());
  }

  @Test
  void anEstimateNotDistinguishableFromZeroIsStillDetermined() {
    // the intercept is about 0.0 ± 0.2: relative standard error above 1, below 10
    FitValue f = fit(NOISY + "law L(x) = a + b*x\nfit y ~ L(x) to d");
    double rel = Math.abs(f.standardError("a") / f.estimate("a"));
    assertTrue(rel > 1 && rel < 10, "relative SE " + rel);
    assertEquals("converged", f.status());
  }

  @Test
  void aStrongCorrelationAloneIsANoteNotAStatus() {
    FitValue f = fit("data d = csv \"bennett5.csv\"\nlaw B(x) = b1 * (b2 + x)^(-1/b3)\n"
        + "fit y ~ B(x) to d starts at(b1 = -2000, b2 = 50, b3 = 0.8)");
    double c = f.outcome().optimum().stats().correlation()[0][2];
    assertTrue(Math.abs(c) > 0.99999, "correlation " + c);
    assertEquals("converged", f.status());
    assertTrue(f.statusDetail().contains("b1 and b3 are correlated 0.999997"), f.statusDetail());
    // NIST's certified standard deviations, to 4 digits
    assertEquals(2.9715175411E+02, f.standardError("b1"), 2.9715175411E+02 * 1e-4);
    assertEquals(2.0272299378E-02, f.standardError("b3"), 2.0272299378E-02 * 1e-4);
  }

  @Test
  void restartsAreReproducibleBySeed() {
    String box = "data box = table(x, y) {\n 1 109\n 2 149\n 3 149\n 5 191\n 7 213\n 10 224\n}\n"
        + "law M(x) = b1*(1-exp(-b2*x))\n";
    FitValue a = fit(box + "fit y ~ M(x) to box starts at(b1 = 1, b2 = 1) seed 7");
    FitValue b = fit(box + "fit y ~ M(x) to box starts at(b1 = 1, b2 = 1) seed 7");
    assertEquals("converged", a.status());
    assertTrue(a.outcome().search().restartNote().startsWith("converged after"), a.outcome().search().restartNote());
    assertArrayEquals(a.outcome().optimum().estimates(), b.outcome().optimum().estimates());
    assertTrue(a.statistics().get("restarts") >= 1, "the API reports the restarts");
    assertEquals(a.outcome().search().restartNote(), b.outcome().search().restartNote());
    // the certified optimum, whichever restart found it
    assertEquals(2.1380940889E+02, a.estimate("b1"), 2.1380940889E+02 * 1e-6);
    assertEquals(5.4723748542E-01, a.estimate("b2"), 5.4723748542E-01 * 1e-6);
  }

  @Test
  void noBoundedParameterKeepsTheDefaultStartAndSaysNothing() {
    FitValue f = fit(NOISY + "law L(x) = a + b*x\nfit y ~ L(x) to d");
    assertEquals(1, f.outcome().search().starts());
    assertNull(f.outcome().search().startsNote());
    assertNull(f.outcome().search().restartNote());
  }
}
