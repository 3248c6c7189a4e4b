package org.lawlang.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lawlang.api.LawEngine;
import org.lawlang.diag.LawException;
import org.lawlang.eval.EngineAccess;
import org.lawlang.eval.Output;

/**
 * Resource limits of the core: lists and ranges past the cap are clear errors, not an
 * out-of-memory crash, and the largest allowed lists stay within the fuzzers' time budget.
 */
class LimitsTest {
  private static LawEngine engine() {
    return EngineAccess.output(LawEngine.builder(), Output.buffer(new StringBuilder())).threads(1).build();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "let xs = 1..1e9                      | L901",
    "let xs = 0..1 by 1e-12               | L901",
    "let xs = logspace(1, 2, 1e9)         | L310",
    "let xs = linspace(0, 1, 1e300)       | L310",
    "let xs = 1..1e308                    | L901",
    "let xs = -1e308..1e308               | L901",
    "let xs = logspace(1, 2, 2.5)         | L310",
  })
  void tooLongIsAClearError(String code, String expected) {
    Guard.run(code, () -> assertThatThrownBy(() -> engine().eval(code))
        .isInstanceOf(org.lawlang.api.LawScriptException.class)
        .satisfies(e -> assertThat(((org.lawlang.api.LawScriptException) e).code()).isEqualTo(expected)), () -> {});
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "print count(1..1e6)",
    "print sum(logspace(1, 2, 1e6) * 2)",
    "print count(sort(linspace(1, 0, 1e6)))",
    "law L(N) = 1 + 1 / N^0.3\nprint mean(L(1..1e6))",
  })
  void theLargestListsAreQuick(String code) {
    LawEngine e = engine();
    Guard.run(code, () -> e.eval(code), e::cancel);
  }
}
