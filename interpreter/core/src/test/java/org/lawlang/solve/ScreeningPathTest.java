package org.lawlang.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lawlang.compile.Flatten;
import org.lawlang.compile.Formula;
import org.lawlang.compile.Formula.Kind;
import org.lawlang.compile.Formula.Ref;
import org.lawlang.compile.Symbolic;
import org.lawlang.compile.Tape;
import org.lawlang.compile.TapeRun;
import org.lawlang.diag.Source;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Parsing;
import org.lawlang.syntax.Stmt;

/**
 * The Levenberg–Marquardt screening path (tolerances as loose as {@link LocalMinimiser.Tolerances#screening()})
 * against the reference path (tolerances a hair tighter, which keep it off): on the Chinchilla
 * form with Huber on log residuals, fitted to data with no term in D, from a start where B has
 * underflowed to 0 (so B and beta no longer move the objective), the screening run must reach
 * at least as low an objective in fewer
 * evaluations: its Newton phase holds the two dead parameters, where the reference path's
 * Cholesky factor meets their zero pivots and falls back to linear reweighted steps.
 */
class ScreeningPathTest {
  private static final List<Ref> PARAMS = java.util.stream.Stream.of("E", "A", "alpha", "B", "beta")
      .map(n -> new Ref(Kind.PARAMETER, n)).toList();
  private static final List<Ref> COLUMNS = List.of(new Ref(Kind.COLUMN, "N"), new Ref(Kind.COLUMN, "D"));

  private static FitProblem chinchillaForm() {
    Formula model = expr("E + A * N ^ (-alpha) + B * D ^ (-beta)");
    List<Formula> outputs = new ArrayList<>();
    outputs.add(model);
    List<Formula> firsts = new ArrayList<>();
    for (Ref q : PARAMS) {
      firsts.add(Symbolic.derivative(model, q));
    }
    outputs.addAll(firsts);
    for (int j = 0; j < PARAMS.size(); j++) {
      for (int k = j; k < PARAMS.size(); k++) {
        outputs.add(Symbolic.derivative(firsts.get(j), PARAMS.get(k)));
      }
    }
    int n = 300;
    double[] nCol = new double[n];
    double[] dCol = new double[n];
    double[] y = new double[n];
    SplittableRandom rng = new SplittableRandom(11);
    for (int i = 0; i < n; i++) {
      nCol[i] = Math.pow(10, 7 + 4 * rng.nextDouble());
      dCol[i] = Math.pow(10, 9 + 3 * rng.nextDouble());
      // no data term: from a start where B has underflowed, the three live parameters are the whole model
      double truth = 1.8 + 480 * Math.pow(nCol[i], -0.35);
      y[i] = Math.log(truth) + 0.03 * rng.nextGaussian();
    }
    TapeRun run = new TapeRun(Tape.compile(PARAMS, COLUMNS, outputs), new double[][] {nCol, dCol});
    double inf = Double.POSITIVE_INFINITY;
    return new FitProblem(run, y, null, new Loss.Huber(1e-3, true), new double[] {0, 0, 0, 0, 0},
        new double[] {inf, inf, 2, inf, 2}, new boolean[] {true, true, false, true, false});
  }

  private static Formula expr(String text) {
    Expr e = ((Stmt.ExprStmt) Parsing.parse(new Source("test", text)).statements().get(0)).expr();
    return Flatten.expr(e, n -> new Flatten.Reference(n.equals("N") || n.equals("D") ? Kind.COLUMN : Kind.PARAMETER));
  }

  @Test
  void newtonPhaseHoldsParametersTheObjectiveNoLongerDependsOn() {
    FitProblem prob = chinchillaForm();
    double[] start = prob.theta(new double[] {1.5, 300, 0.3, 1, 0});
    start[3] = -20000; // ln B: B = exp(-20000) underflows to 0
    LocalMinimiser.Tolerances screening = LocalMinimiser.Tolerances.screening();
    LocalMinimiser.Tolerances reference = new LocalMinimiser.Tolerances(screening.gtol(), screening.ftol() * 0.99,
        screening.maxEvaluations());
    assertThat(LevenbergMarquardt.screening(screening)).isTrue();
    assertThat(LevenbergMarquardt.screening(reference)).isFalse();
    LocalMinimiser.Result fast = LevenbergMarquardt.minimize(prob, new LeastSquaresPass(prob), start, null, screening, null);
    LocalMinimiser.Result ref = LevenbergMarquardt.minimize(prob, new LeastSquaresPass(prob), start, null, reference, null);
    assertThat(fast.status()).isEqualTo(LocalMinimiser.Status.CONVERGED);
    assertThat(ref.status()).isEqualTo(LocalMinimiser.Status.CONVERGED);
    assertThat(fast.theta()[3]).isEqualTo(-20000);
    // the Newton phase converges quadratically where reweighted steps settle linearly: a lower objective, a smaller cosine
    assertThat(fast.f()).isLessThanOrEqualTo(ref.f());
    assertThat(fast.gradientCosine()).isLessThanOrEqualTo(screening.gtol());
    assertThat(fast.iterations()).isLessThan(ref.iterations());
  }
}
