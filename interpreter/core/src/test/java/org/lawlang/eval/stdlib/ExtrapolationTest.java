package org.lawlang.eval.stdlib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lawlang.eval.Values;

/** The "far outside the fitted range" rule, citation short names and import suggestions. */
class ExtrapolationTest {
  @Test
  void positiveRangesAreWidenedByTheFactorOnALogScale() {
    assertThat(Extrapolation.outside(1.6e11, 7e7, 1.6e10, 10)).isFalse();
    assertThat(Extrapolation.outside(1.61e11, 7e7, 1.6e10, 10)).isTrue();
    assertThat(Extrapolation.outside(7e6, 7e7, 1.6e10, 10)).isFalse();
    assertThat(Extrapolation.outside(6.9e6, 7e7, 1.6e10, 10)).isTrue();
    assertThat(Extrapolation.outside(Double.NaN, 1, 2, 10)).isFalse();
  }

  @Test
  void rangesThroughZeroAreWidenedByTheirWidth() {
    assertThat(Extrapolation.outside(-9, 0, 1, 10)).isFalse();
    assertThat(Extrapolation.outside(-9.5, 0, 1, 10)).isTrue();
    assertThat(Extrapolation.outside(-2, -1, -0.5, 2)).isTrue();
  }

  @Test
  void listsReportTheirFirstPointOutside() {
    var list = new Values.ListVal(List.of(new Values.Num(1e8), new Values.Num(1e12), new Values.Num(1e13)));
    assertThat(Extrapolation.firstOutside(list, 7e7, 1.6e10, 10)).isEqualTo(1e12);
    assertThat(Extrapolation.firstOutside(new Values.Str("x"), 1, 2, 10)).isNull();
  }

  @Test
  void citationsShortenToAuthorsAndYear() {
    assertThat(Citations.shortName("Hoffmann et al. 2022, Training Compute-Optimal Large Language Models, arXiv:2203.15556"))
        .isEqualTo("Hoffmann et al. 2022");
    assertThat(Citations.shortName("my notes, table 2")).isEqualTo("my notes");
    assertThat(Citations.shortName(null)).isNull();
  }

  @Test
  void importsSuggestModulesByTypoNicknameOrAuthor() {
    List<String> mods = List.of("hoffmann2022", "besiroglu2024", "kaplan2020", "llama3_2024");
    assertThat(ModuleNames.suggest("hofmann2022", mods)).contains("hoffmann2022");
    assertThat(ModuleNames.suggest("chinchilla", mods)).contains("hoffmann2022");
    assertThat(ModuleNames.suggest("chinchila", mods)).contains("hoffmann2022");
    assertThat(ModuleNames.suggest("epoch", mods)).contains("besiroglu2024");
    assertThat(ModuleNames.suggest("kaplan", mods)).contains("kaplan2020");
    assertThat(ModuleNames.suggest("llama3", mods)).contains("llama3_2024");
    assertThat(ModuleNames.suggest("zzz", mods)).isEmpty();
  }
}
