package org.lawlang.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.lawlang.api.LawEngine;
import org.lawlang.eval.EngineAccess;

/** A multi-start fit with a bootstrap gives bit-identical results on 1, 2 and 3 threads. */
class FitDeterminismTest {
  static final String CODE = String.join("\n",
      "data all = csv \"data/epoch_chinchilla_svg_extracted_data.csv\" {",
      "    N = \"Model Size\"", "    C = \"Training FLOP\"", "    loss = \"loss\"", "    D = C / (6 * N)", "}",
      "law Lfit(N, D) = E + A / N^alpha + B / D^beta with E > 0, A > 0, B > 0, alpha in [0, 2], beta in [0, 2]",
      "fit loss ~ Lfit(N, D) to all using huber(1e-3) on log",
      "    starts grid(alpha = [0, 0.5, 1], beta = [0.5, 1], A = exp([0, 5, 10]), B = exp([5, 10])), random(7)",
      "    bootstrap 40 seed 3");

  static FitValue run(int threads) {
    Path examples = Path.of("../../examples").toAbsolutePath().normalize();
    LawEngine e = EngineAccess.output(LawEngine.builder(), Output.buffer(new StringBuilder())).workDir(examples).threads(threads).build();
    return (FitValue) EngineAccess.eval(e, "determinism", CODE);
  }

  @Test
  void sameAnswerOnAnyNumberOfThreads() {
    FitValue one = run(1);
    for (int threads : new int[] {2, 3}) {
      FitValue many = run(threads);
      assertEquals(one.objective(), many.objective());
      assertEquals(one.show(), many.show());
      for (String p : one.parameterNames()) {
        assertEquals(one.estimate(p), many.estimate(p));
        assertArrayEquals(one.interval(p), many.interval(p));
      }
    }
  }
}
