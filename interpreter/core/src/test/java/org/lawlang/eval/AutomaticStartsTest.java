package org.lawlang.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.lawlang.api.LawEngine;
import org.lawlang.eval.EngineAccess;
import org.lawlang.semantics.Param;

/**
 * With no starts, a fit grids the declared bounds itself: on the Chinchilla runs it reaches
 * the optimum of the tour's explicit 81-point grid searched exhaustively (`fullgrid`, which
 * shares no code with the automatic choice of points), the same on any number of threads;
 * a script's own starts are left alone; each kind of bound gets the documented axis.
 */
class AutomaticStartsTest {
  static final String SETUP = String.join("\n",
      "data all = csv \"data/epoch_chinchilla_svg_extracted_data.csv\" {",
      "    N = \"Model Size\"", "    C = \"Training FLOP\"", "    loss = \"loss\"", "    D = C / (6 * N)", "}",
      "data runs = all where loss < largest(all.loss, 5)",
      "law Lfit(N, D) = E + A / N^alpha + B / D^beta with E > 0, A > 0, B > 0, alpha in [0, 2], beta in [0, 2]", "");

  static FitValue fit(int threads, String starts) {
    Path examples = Path.of("../../examples").toAbsolutePath().normalize();
    LawEngine engine = EngineAccess.output(LawEngine.builder(), Output.buffer(new StringBuilder())).workDir(examples).threads(threads).build();
    return (FitValue) EngineAccess.eval(engine, "test", SETUP + "fit loss ~ Lfit(N, D) to runs using huber(1e-3) on log " + starts);
  }

  @Test
  void noStartsReachTheExhaustiveGridsOptimum() {
    FitValue auto = fit(2, "");
    FitValue full = fit(2, "starts fullgrid(alpha = 0..1 by 0.5, beta = 0..1 by 0.5, A = exp(0..20 by 10), B = exp(0..20 by 10))");
    assertEquals("converged", auto.status());
    assertEquals(243, auto.outcome().search().starts());
    assertTrue(auto.outcome().search().startsNote().startsWith("automatic grid of 243 points"), auto.outcome().search().startsNote());
    assertNull(full.outcome().search().startsNote());
    assertEquals(1.0, auto.statistics().get("automatic_starts"));
    assertEquals(0.0, full.statistics().get("automatic_starts"));
    assertEquals(full.objective(), auto.objective(), 1e-9 * full.objective());
    for (String p : full.parameterNames()) {
      assertEquals(full.estimate(p), auto.estimate(p), 1e-6 * Math.abs(full.estimate(p)), p);
    }
  }

  @Test
  void theSameOnAnyNumberOfThreads() {
    assertArrayEquals(fit(1, "").outcome().optimum().estimates(), fit(2, "").outcome().optimum().estimates());
  }

  @Test
  void eachKindOfBoundGetsItsAxis() {
    double inf = Double.POSITIVE_INFINITY;
    assertArrayEquals(new double[] {1e-3, 1, 1e3}, FitStarts.autoAxis(new Param("A", 0, inf, true, false, null)));
    assertArrayEquals(new double[] {1e-3, 1, 1e3}, FitStarts.autoAxis(new Param("A", 0, inf, false, false, null)));
    assertArrayEquals(new double[] {2.002, 4, 2002}, FitStarts.autoAxis(new Param("x", 2, inf, false, false, null)), 1e-12);
    assertArrayEquals(new double[] {-2002, -4, -2.002}, FitStarts.autoAxis(new Param("x", -inf, -2, false, false, null)), 1e-12);
    assertArrayEquals(new double[] {0.5, 1, 1.5}, FitStarts.autoAxis(new Param("alpha", 0, 2, false, false, null)));
    // a positive interval spanning a factor 100 or more: geometric quartiles
    assertArrayEquals(new double[] {10, 100, 1000}, FitStarts.autoAxis(new Param("k", 1, 1e4, false, false, null)), 1e-9);
    assertArrayEquals(new double[] {0.3}, FitStarts.autoAxis(new Param("alpha", 0, 2, false, false, 0.3)));
    assertArrayEquals(new double[] {1}, FitStarts.autoAxis(Param.free("b")));
  }
}
