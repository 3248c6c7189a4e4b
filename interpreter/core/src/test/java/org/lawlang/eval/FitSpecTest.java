package org.lawlang.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lawlang.api.LawEngine;

/**
 * What {@link FitSetup} reads from a `fit` statement arrives in one immutable {@link FitSpec}
 * (the options resolved, the seed chosen, the law carrying its input ranges), and a spec that
 * breaks an invariant the stages rely on cannot be made.
 */
class FitSpecTest {
  static final String SCRIPT = "data d = table (x, y) {\n 1 3.1\n 2 4.9\n 4 9.2\n 8 17.1\n}\n"
      + "law L(x) = a + b * x with a in [-10, 10], b > 0\n";

  /** The spec of each fit the script runs (the fit itself runs as usual). */
  static List<FitSpec> specs(String code) {
    List<FitSpec> out = new ArrayList<>();
    Fitting fitting = new Fitting();
    Services services = Services.standard().fit((node, in, env) -> {
      out.add(new FitSetup(node, in, env).spec());
      return fitting.fit(node, in, env);
    });
    LawEngine engine = EngineAccess.output(EngineAccess.services(LawEngine.builder(), services), Output.buffer(new StringBuilder()))
        .seed(11).build();
    EngineAccess.eval(engine, "spec", SCRIPT + code);
    return out;
  }

  @Test
  void theOptionsArriveResolved() {
    FitSpec s = specs("let f = fit y ~ L(x) to d using huber(0.5) on raw starts at(a = 1, b = 2), random(3) bootstrap 30 seed 5 level 0.9")
        .get(0);
    assertThat(s.objectiveText()).isEqualTo("Huber (delta 0.5) on raw");
    assertThat(s.seed()).isEqualTo(5);
    assertThat(s.bootstrap()).isEqualTo(new FitSpec.Bootstrap(30, 0.9));
    assertThat(s.starts().size()).isEqualTo(4);
    assertThat(s.starts().points().get(0)).containsExactly(1, 2);
    assertThat(s.free()).extracting(p -> p.name()).containsExactly("a", "b");
    assertThat(s.dataName()).isEqualTo("d");
    assertThat(s.problem().rows()).isEqualTo(4);
    // the law knows the range of x it was fitted over
    assertThat(s.law().meta().fitted().get("x")).containsExactly(1, 8);
  }

  @Test
  void withoutOptionsTheDefaultsAndTheSessionSeed() {
    FitSpec s = specs("let f = fit y ~ L(x) to d").get(0);
    assertThat(s.objectiveText()).isEqualTo("least squares on raw");
    assertThat(s.seed()).isEqualTo(11);
    assertThat(s.bootstrap()).isEqualTo(new FitSpec.Bootstrap(0, 0.95));
  }

  @Test
  void aSpecThatBreaksAnInvariantCannotBeMade() {
    FitSpec s = specs("let f = fit y ~ L(x) to d").get(0);
    assertThatThrownBy(() -> s.free().add(s.free().get(0))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> s.withStarts(new FitStarts.Starts(List.of(), List.of()))).isInstanceOf(IllegalArgumentException.class);
    List<int[]> none = new ArrayList<>();
    none.add(null);
    assertThatThrownBy(() -> s.withStarts(new FitStarts.Starts(List.of(new double[] {1}), none)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FitSpec.Bootstrap(-1, 0.95)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FitSpec.Bootstrap(100, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FitSpec(s.at(), s.law(), s.free().subList(0, 1), s.dataName(), s.problem(), s.starts(), 1,
        s.bootstrap())).isInstanceOf(IllegalArgumentException.class);
  }
}
