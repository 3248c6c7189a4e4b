package org.lawlang.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.lawlang.api.LawEngine;
import org.lawlang.diag.LawException;

/**
 * Groups and typed columns checked against what did not produce them: a fit `by source`
 * equals the fit to each source's rows chosen with `where`; the joint fit with shared
 * exponents equals SciPy's least_squares on the same rows (scipy.optimize.least_squares,
 * log residuals, xtol = ftol = gtol = 1e-15; its numbers recorded below, so the test needs no
 * Python); `count … by` equals the counts of the filtered datasets.
 */
class GroupsTest {
  static final Path EXAMPLES = Path.of(System.getProperty("law.repo", "../..")).toAbsolutePath().normalize().resolve("examples");

  static final String LOAD = """
      data clean = csv "data/multi_source_isoflop.csv" {
          source = text "source", outlier = bool "outlier", N = "params", D = "tokens", loss = "loss"
      } where not outlier
      law Lfit(N, D) = E + A / N^alpha + B / D^beta
          with E > 0, A > 0, B > 0, alpha in [0, 2], beta in [0, 2]
      """;
  static final String STARTS = " starts grid(alpha = 0..1 by 0.5, beta = 0..1 by 0.5, A = exp(0..20 by 10), B = exp(0..20 by 10))";

  static LawEngine engine() {
    LawEngine engine = org.lawlang.eval.EngineAccess.output(LawEngine.builder(), Output.buffer(new StringBuilder())).workDir(EXAMPLES).threads(2).build();
    org.lawlang.eval.EngineAccess.eval(engine, "setup", LOAD);
    return engine;
  }

  @Test
  void aFitByGroupIsTheFitToEachGroupsRows() {
    LawEngine engine = engine();
    GroupFits fits = (GroupFits) org.lawlang.eval.EngineAccess.eval(engine, "t", "fit loss ~ Lfit(N, D) to clean by source on log" + STARTS);
    assertEquals(java.util.List.of("chinchilla", "llama_3", "small_lab"), new java.util.ArrayList<>(fits.fits().keySet()));
    for (String source : fits.fits().keySet()) {
      org.lawlang.eval.EngineAccess.eval(engine, "t", "data one = clean where source == \"" + source + "\"");
      FitValue alone = (FitValue) org.lawlang.eval.EngineAccess.eval(engine, "t", "fit loss ~ Lfit(N, D) to one on log" + STARTS);
      FitValue grouped = fits.fits().get(source);
      for (String p : alone.parameterNames()) {
        assertEquals(alone.estimate(p), grouped.estimate(p), 1e-12 * Math.abs(alone.estimate(p)), source + " " + p);
      }
      assertEquals(alone.observations(), grouped.observations());
    }
  }

  @Test
  void sharedExponentsEqualSciPysJointLeastSquares() {
    FitValue joint = (FitValue) org.lawlang.eval.EngineAccess.eval(engine(), "t", "fit loss ~ Lfit(N, D) to clean by source shared alpha, beta on log" + STARTS);
    // scipy.optimize.least_squares on the 129 clean rows, residual ln(model) - ln(loss), 11 parameters
    double[] scipy = {3.39865226e-01, 2.96352900e-01, 1.71430565e+00, 4.16222455e+02, 5.58665648e+02, 1.67359866e+00,
        3.98332311e+02, 8.58535377e+02, 2.21835143e+00, 5.25154125e+02, 5.71889656e+02};
    String[] names = {"alpha", "beta", "E_chinchilla", "A_chinchilla", "B_chinchilla", "E_llama_3", "A_llama_3", "B_llama_3",
        "E_small_lab", "A_small_lab", "B_small_lab"};
    for (int j = 0; j < names.length; j++) {
      assertEquals(scipy[j], joint.estimate(names[j]), 2e-6 * Math.abs(scipy[j]), names[j]);
    }
    assertEquals("converged", joint.status());
  }

  @Test
  void sharedFitsStandardErrorsEqualSciPysJacobianCovariance() throws java.io.IOException {
    FitValue joint = (FitValue) org.lawlang.eval.EngineAccess.eval(engine(), "t", "fit loss ~ Lfit(N, D) to clean by source shared alpha, beta on log" + STARTS);
    // src/test/reference/joint_fit_covariance.py: least_squares, then s^2 (J^T J)^-1 with s^2 = SSR / (n - p)
    java.util.List<String> lines = java.nio.file.Files.readAllLines(EXAMPLES.resolve("../interpreter/core/src/test/resources/reference/joint_fit_covariance.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      assertEquals(Double.parseDouble(f[1]), joint.estimate(f[0]), 2e-6 * Math.abs(Double.parseDouble(f[1])), f[0]);
      assertEquals(Double.parseDouble(f[2]), joint.standardError(f[0]), 1e-4 * Double.parseDouble(f[2]), f[0] + " standard error");
    }
    assertEquals(11, lines.size() - 1);
  }

  @Test
  void numericKeysEqualToSixDigitsAreStillTwoGroups() {
    LawEngine engine = engine();
    org.lawlang.eval.EngineAccess.eval(engine, "t", "data b = table (C, loss) {\n 1.0000001e18 3\n 1.0000001e18 4\n 1.0000002e18 5\n 1e19 6\n 1e19 7\n}");
    TableValue t = (TableValue) org.lawlang.eval.EngineAccess.eval(engine, "t", "sum(b.loss) by C");
    assertEquals(3, t.rows().size());
    assertEquals(java.util.List.of(7.0, 5.0, 13.0), t.rows().stream().map(r -> ((Values.Num) r.get(1)).value()).toList());
    assertEquals(1.0000002e18, ((Values.Num) t.rows().get(1).get(0)).value());
  }

  @Test
  void countByGroupEqualsTheFilteredCounts() {
    LawEngine engine = engine();
    TableValue t = (TableValue) org.lawlang.eval.EngineAccess.eval(engine, "t", "count(clean) by source");
    assertEquals(3, t.rows().size());
    for (var row : t.rows()) {
      org.lawlang.eval.EngineAccess.eval(engine, "t", "data g = clean where source == \"" + row.get(0).show() + "\"");
      assertEquals(((Values.Num) org.lawlang.eval.EngineAccess.eval(engine, "t", "count(g)")).value(), ((Values.Num) row.get(1)).value());
    }
  }

  @Test
  void aGroupsFitInsideAQuestionCarriesTheIntervalItCarriesByName() {
    LawEngine engine = engine();
    org.lawlang.eval.EngineAccess.eval(engine, "t", "let fits = fit loss ~ Lfit(N, D) to clean by source on log" + STARTS + "\nlet f = fits.llama_3");
    Uncertain named = (Uncertain) ((OptimumValue) org.lawlang.eval.EngineAccess.eval(engine, "t",
        "minimize f(N, D) subject to 6 * N * D = 1e22")).field("N", org.lawlang.diag.Span.NOWHERE);
    for (String callee : new String[] {"fits.llama_3", "fits[\"llama_3\"]"}) {
      Value v = ((OptimumValue) org.lawlang.eval.EngineAccess.eval(engine, "t", "minimize " + callee + "(N, D) subject to 6 * N * D = 1e22"))
          .field("N", org.lawlang.diag.Span.NOWHERE);
      Uncertain u = (Uncertain) v;
      assertEquals(named.point(), u.point(), 0, callee);
      assertEquals(named.interval()[0], u.interval()[0], 0, callee);
      assertEquals(named.interval()[1], u.interval()[1], 0, callee);
    }
  }

  @Test
  void textComparedWithANumberIsAnErrorNotFalse() {
    LawException e = assertThrows(LawException.class, () -> org.lawlang.eval.EngineAccess.eval(engine(), "t", "data x = clean where source == 3"));
    assertEquals("L301", e.first().code());
  }
}
