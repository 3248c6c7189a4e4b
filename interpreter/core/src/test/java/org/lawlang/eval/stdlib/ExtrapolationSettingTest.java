package org.lawlang.eval.stdlib;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lawlang.api.LawEngine;
import org.lawlang.eval.EngineAccess;
import org.lawlang.eval.Output;

/** The warning threshold is the session's extrapolationFactor: tighter, looser, or off. */
class ExtrapolationSettingTest {
  static final String CODE = "import hoffmann2022\nprint chinchilla_L(5e10, 1e11)\nprint chinchilla_L(2e11, 1e11)";

  static String run(double factor) {
    StringBuilder out = new StringBuilder();
    LawEngine engine = EngineAccess.output(LawEngine.builder(), Output.buffer(out)).extrapolationFactor(factor).build();
    EngineAccess.eval(engine, "t.law", CODE);
    return out.toString();
  }

  @Test
  void theDefaultFactorIsTen() {
    String out = run(10);
    assertThat(out).contains("N = 2e11").doesNotContain("N = 5e10").contains("[L704]");
    assertThat(out.split("\\[L704\\]", -1)).hasSize(2);
  }

  @Test
  void aSmallerFactorWarnsSooner() {
    String out = run(2);
    assertThat(out).contains("N = 5e10").contains("more than 2× outside");
    assertThat(out.split("\\[L704\\]", -1)).hasSize(3);
  }

  @Test
  void zeroTurnsTheWarningOff() {
    assertThat(run(0)).doesNotContain("L704").contains("2.09003");
  }
}
