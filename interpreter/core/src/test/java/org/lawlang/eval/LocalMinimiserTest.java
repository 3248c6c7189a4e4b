package org.lawlang.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.lawlang.api.LawEngine;
import org.lawlang.solve.ExactLinearLeastSquares;

/**
 * The local minimiser is pluggable: a fit run with a second minimiser (one Gauss–Newton step,
 * exact for a model linear in its parameters) through {@link Fitting}'s constructor gives the
 * closed-form least-squares answer, as Levenberg–Marquardt does, and so does every bootstrap
 * refit and cross-validation fold, which run through the same interface.
 */
class LocalMinimiserTest {
  static final double[] X = {1, 2, 3, 4, 5, 6, 7, 8};
  static final double[] Y = {5.3, 6.8, 9.4, 10.7, 13.2, 14.9, 17.3, 18.8};

  static String script() {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < X.length; i++) {
      rows.append(' ').append(X[i]).append(' ').append(Y[i]).append('\n');
    }
    return "data d = table (x, y) {\n" + rows + "}\n"
        + "law L(x) = a + b * x with a in [-100, 100], b in [-100, 100]\n"
        + "let f = fit y ~ L(x) to d bootstrap 60 seed 4\n";
  }

  static LawEngine engine(Fitting fitting) {
    return EngineAccess.output(EngineAccess.services(LawEngine.builder(), Services.standard().fit(fitting)),
        Output.buffer(new StringBuilder())).build();
  }

  @Test
  void aSecondMinimiserPluggedInGivesTheSameAnswerOnALinearProblem() {
    // the closed form: b = Sxy / Sxx, a = mean(y) - b mean(x)
    double mx = 0;
    double my = 0;
    for (int i = 0; i < X.length; i++) {
      mx += X[i] / X.length;
      my += Y[i] / X.length;
    }
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < X.length; i++) {
      sxy += (X[i] - mx) * (Y[i] - my);
      sxx += (X[i] - mx) * (X[i] - mx);
    }
    double b = sxy / sxx;
    double a = my - b * mx;

    ExactLinearLeastSquares exact = new ExactLinearLeastSquares();
    LawEngine plugged = engine(new Fitting(exact));
    LawEngine standard = engine(new Fitting());
    EngineAccess.eval(plugged, "plugged", script());
    EngineAccess.eval(standard, "standard", script());
    for (LawEngine e : new LawEngine[] {plugged, standard}) {
      assertThat(e.eval("f.a").asDouble()).isCloseTo(a, within(1e-9));
      assertThat(e.eval("f.b").asDouble()).isCloseTo(b, within(1e-9));
      assertThat(e.eval("f.status").toJava()).isEqualTo("converged");
    }
    // the bootstrap's refits and the cross-validation folds ran through the plugged minimiser too
    long afterFit = exact.runs();
    assertThat(afterFit).isGreaterThanOrEqualTo(60);
    double cvPlugged = plugged.eval("f.cv").asDouble();
    assertThat(exact.runs()).isEqualTo(afterFit + 10);
    assertThat(cvPlugged).isCloseTo(standard.eval("f.cv").asDouble(), within(1e-9));
    for (String end : new String[] {"f.ci.a[0]", "f.ci.a[1]", "f.ci.b[0]", "f.ci.b[1]"}) {
      assertThat(plugged.eval(end).asDouble()).isCloseTo(standard.eval(end).asDouble(), within(1e-8));
    }
  }

  @Test
  void aGroupedFitWithSharedParametersRunsThePluggedMinimiserToo() {
    // slope shared by two groups, intercept per group; the closed form is the pooled
    // within-group slope Sxy/Sxx = (9.4 + 9.6) / (5 + 5) = 1.9 and a_g = mean(y_g) - 1.9 * 2.5
    String code = "data d = table (g, x, y) {\n 1 1 5.3\n 1 2 6.8\n 1 3 9.4\n 1 4 10.7\n"
        + " 2 1 7.2\n 2 2 8.9\n 2 3 11.3\n 2 4 12.8\n}\n"
        + "law L(x) = a + b * x with a in [-100, 100], b in [-100, 100]\n"
        + "let fs = fit y ~ L(x) to d by g shared b\n";
    ExactLinearLeastSquares exact = new ExactLinearLeastSquares();
    LawEngine plugged = engine(new Fitting(exact));
    EngineAccess.eval(plugged, "shared", code);
    assertThat(exact.runs()).isGreaterThan(0);
    assertThat(plugged.eval("fs.b").asDouble()).isCloseTo(1.9, within(1e-12));
    assertThat(plugged.eval("fs.a_1").asDouble()).isCloseTo(3.3, within(1e-12));
    assertThat(plugged.eval("fs.a_2").asDouble()).isCloseTo(5.3, within(1e-12));
    assertThat(plugged.eval("fs.status").toJava()).isEqualTo("converged");
  }
}
