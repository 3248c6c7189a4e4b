package org.lawlang.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lawlang.api.FitResult;
import org.lawlang.api.LawEngine;
import org.lawlang.api.LawResult;
import org.lawlang.api.Optimum;
import org.lawlang.eval.EngineAccess;
import org.lawlang.eval.Services;
import org.lawlang.eval.Value;
import org.lawlang.syntax.Expr;

/** Fits and optima become FitResult and Optimum, from any implementation of the report interfaces. */
class ReportConversionTest {
  @Test
  void aFitReportBecomesAFitResult() {
    FitResult f = (FitResult) EngineAccess.result(new Fakes.Fit());
    assertThat(f.parameters()).containsExactly("alpha", "E");
    assertThat(f.estimate("alpha")).isEqualTo(0.34);
    assertThat(f.standardErrors().get("E")).isNaN();
    assertThat(f.intervals()).containsOnlyKeys("alpha");
    assertThat(f.converged()).isTrue();
    assertThat(f.statistic("r2")).isEqualTo(0.98);
    assertThat(f.statistic("aic")).isNaN();
    assertThat(f.law()).isNull();
    assertThat(f.text()).isEqualTo("fit L: converged");
  }

  @Test
  void anOptimumReportBecomesAnOptimum() {
    Optimum o = (Optimum) EngineAccess.result(new Fakes.Opt());
    assertThat(o.optimal()).isTrue();
    assertThat(o.global()).isTrue();
    assertThat(o.get("N")).isEqualTo(7e10);
    assertThat(o.activeConstraints()).containsExactly("compute");
    assertThat(o.shadowPrices()).containsEntry("compute", -0.05);
  }

  @Test
  void aFitExpressionEvaluatesToAFitResult() {
    Services services = Services.standard().fit((Expr.Fit node, org.lawlang.eval.Interpreter in, org.lawlang.eval.Env env) -> (Value) new Fakes.Fit());
    LawEngine engine = EngineAccess.services(LawEngine.builder(), services).onPrint(s -> {}).build();
    engine.eval("data runs = table (N, loss) {\n 1 2\n 3 4\n}\nlaw F(N) = A / N^alpha with A > 0");
    LawResult r = engine.eval("fit loss ~ F(N) to runs");
    assertThat(r).isInstanceOf(FitResult.class);
  }
}
