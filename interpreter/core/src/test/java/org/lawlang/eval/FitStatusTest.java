package org.lawlang.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The status words are part of the output (reports, {@code f.status}, JSON, `by` tables):
 * the enum keeps them, in order of severity, and says which statuses mean the solver stopped
 * early and which allow a local (delta-method) interval.
 */
class FitStatusTest {
  @Test
  void theWordsAndWhatEachStatusAllows() {
    assertThat(Arrays.stream(FitStatus.values()).map(s -> s.text))
        .containsExactly("failed", "iteration-limit", "at-bound", "not-identifiable", "ill-conditioned", "converged");
    assertThat(Arrays.stream(FitStatus.values()).filter(FitStatus::solverStopped))
        .containsExactly(FitStatus.FAILED, FitStatus.ITERATION_LIMIT);
    assertThat(Arrays.stream(FitStatus.values()).filter(FitStatus::locallyNormal))
        .containsExactly(FitStatus.ILL_CONDITIONED, FitStatus.CONVERGED);
  }
}
