package org.lawlang.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Levenberg–Marquardt screening path (tolerances as loose as {@link LocalMinimiser.Tolerances#screening()})
 * against the reference path (the same tolerances, not marked as screening): on the Chinchilla
 * form with Huber on log residuals, fitted to data with no term in D, from a start where B has
 * underflowed to 0 (so B and beta no longer move the objective), the screening run must reach
 * at least as low an objective in fewer
 * evaluations: its Newton phase holds the two dead parameters, where the reference path's
 * Cholesky factor meets their zero pivots and falls back to linear reweighted steps.
 */
class ScreeningPathTest {
  private static FitProblem chinchillaForm() {
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
    return ChinchillaForm.problem(nCol, dCol, y, null, new Loss.Huber(1e-3, true));
  }

  @Test
  void newtonPhaseHoldsParametersTheObjectiveNoLongerDependsOn() {
    FitProblem prob = chinchillaForm();
    double[] start = prob.theta(new double[] {1.5, 300, 0.3, 1, 0});
    start[3] = -20000; // ln B: B = exp(-20000) underflows to 0
    LocalMinimiser.Tolerances screening = LocalMinimiser.Tolerances.screening();
    LocalMinimiser.Tolerances reference = new LocalMinimiser.Tolerances(screening.gtol(), screening.ftol(),
        screening.maxEvaluations(), false);
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
