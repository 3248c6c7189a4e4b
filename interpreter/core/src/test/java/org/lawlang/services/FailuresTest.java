package org.lawlang.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.lawlang.api.DatasetInfo;
import org.lawlang.api.FitResult;
import org.lawlang.api.LawEngine;
import org.lawlang.api.LawResult;
import org.lawlang.api.LawScriptException;
import org.lawlang.api.Optimum;

/** Every failure of the API is one exception type with a code; results cannot be changed through what they hand out. */
class FailuresTest {
  static final String CHINCHILLA = "law L(N, D) = E + A / N^alpha + B / D^beta\n"
      + "    where E = 1.69, A = 406.4, B = 410.7, alpha = 0.34, beta = 0.28\n";

  static void fails(String code, ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(LawScriptException.class)
        .satisfies(e -> assertThat(((LawScriptException) e).code()).isEqualTo(code));
  }

  @Test
  void nullsAreTheApiExceptionNotAnInternalError() {
    LawEngine e = LawEngine.builder().build();
    fails("L811", () -> e.eval((String) null));
    fails("L811", () -> e.eval((java.nio.file.Path) null));
    fails("L811", () -> e.set("x", null));
    fails("L811", () -> e.get(null));
    fails("L811", () -> e.setRows("d", null));
    List<Map<String, Double>> withNull = new java.util.ArrayList<>();
    withNull.add(Map.of("N", 1.0));
    withNull.add(null);
    fails("L811", () -> e.setRows("d", withNull));
    fails("L811", () -> LawEngine.builder().workDir(null));
  }

  @Test
  void badDataFromJavaIsRefusedAlike() {
    LawEngine e = LawEngine.builder().build();
    fails("L811", () -> e.set("x", Double.NaN));
    fails("L811", () -> e.setData("d", List.of("N", "N"), new double[][] {{1, 2}}));
    fails("L811", () -> e.setData("d", Map.of("N", new double[0])));
    fails("L811", () -> e.setRows("d", List.of()));
  }

  @Test
  void misusingAResultIsTheApiException() {
    LawEngine e = LawEngine.builder().onPrint(s -> {}).build();
    e.eval(CHINCHILLA);
    e.setData("runs", Map.of("N", new double[] {1e8, 1e9, 1e10, 1e11, 1e12}, "y", new double[] {3.1, 2.6, 2.3, 2.1, 1.95}));
    e.eval("law F(N) = E + A / N^alpha with E in [0, 3], A > 0, alpha in [0, 1]");
    FitResult f = (FitResult) e.eval("fit y ~ F(N) to runs");
    fails("L811", () -> f.estimate("gamma"));
    Optimum o = (Optimum) e.eval("minimize L(N, D) subject to 6*N*D = 1e24");
    fails("L811", () -> o.get("C"));
    fails("L811", () -> e.eval("\"text\"").asDouble());
    fails("L811", () -> e.getNumber("L"));
    fails("L201", () -> e.get("nothing_here"));
    fails("L811", () -> e.law("runs"));
  }

  @Test
  void resultsHandOutCopies() {
    LawEngine e = LawEngine.builder().build();
    DatasetInfo d = e.setData("d", Map.of("x", new double[] {1, 2, 3}));
    d.columns().get("x")[0] = 99;
    d.column("x")[1] = 99;
    assertThat(d.column("x")).containsExactly(1, 2, 3);
    assertThatThrownBy(() -> d.columns().put("y", new double[0])).isInstanceOf(UnsupportedOperationException.class);
    Map<String, double[]> ci = new HashMap<>();
    ci.put("a", new double[] {1, 2});
    FitResult f = new FitResult(List.of("a"), Map.of("a", 1.5), Map.of("a", 0.1), ci, "converged", true, 0, 3, 1, Map.of(), null, "");
    f.intervals().get("a")[0] = -5;
    ci.get("a")[0] = -5;
    assertThat(f.intervals().get("a")).containsExactly(1, 2);
    LawResult.Items items = (LawResult.Items) e.eval("[1, 2]");
    assertThatThrownBy(() -> items.items().add(new LawResult.Num(3))).isInstanceOf(UnsupportedOperationException.class);
  }
}
