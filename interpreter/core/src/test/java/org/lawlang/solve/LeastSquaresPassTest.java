package org.lawlang.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link LeastSquaresPass}'s passes checked against numbers they did not produce: the gradient against
 * central differences of the objective, the Hessian against central differences of the
 * gradient, and the QR factor against the identities RᵀR = JᵀWJ on the diagonal (the column
 * norms) and Rᵀ·Qᵀr = Jᵀψ (the gradient). The Chinchilla form with Huber on log residuals over
 * 1,100 rows (three blocks) with some rows weighted 0, so every path runs: several blocks, rows
 * left out, rows on both sides of delta.
 */
class LeastSquaresPassTest {
  private FitProblem prob;
  private LeastSquaresPass nm;
  private double[] theta;

  @BeforeEach
  void setUp() {
    int n = 1100;
    double[] nCol = new double[n];
    double[] dCol = new double[n];
    double[] y = new double[n];
    double[] w = new double[n];
    SplittableRandom rng = new SplittableRandom(7);
    for (int i = 0; i < n; i++) {
      nCol[i] = Math.pow(10, 7 + 4 * rng.nextDouble());
      dCol[i] = Math.pow(10, 9 + 3 * rng.nextDouble());
      double truth = 1.8 + 480 * Math.pow(nCol[i], -0.35) + 2100 * Math.pow(dCol[i], -0.37);
      y[i] = Math.log(truth) + 0.03 * rng.nextGaussian();
      w[i] = i % 7 == 3 ? 0 : 1 + rng.nextInt(3);
    }
    prob = ChinchillaForm.problem(nCol, dCol, y, w, new Loss.Huber(0.02, true));
    nm = new LeastSquaresPass(prob);
    theta = prob.theta(new double[] {1.7, 350, 0.32, 2600, 0.39});
  }

  @Test
  void gradientMatchesDifferencesOfTheObjective() {
    nm.full(theta, null);
    double[] grad = nm.grad.clone();
    double scale = 0;
    for (double g : grad) {
      scale = Math.max(scale, Math.abs(g));
    }
    for (int j = 0; j < grad.length; j++) {
      double h = 1e-6;
      double up = nm.objective(shift(theta, j, h), null);
      double down = nm.objective(shift(theta, j, -h), null);
      assertThat(grad[j]).as("gradient %d", j).isCloseTo((up - down) / (2 * h), within(1e-5 * scale));
    }
  }

  @Test
  void factorKeepsColumnNormsAndGradient() {
    double objective = nm.objective(theta, null);
    assertThat(nm.full(theta, null)).isEqualTo(objective);
    int p = prob.p;
    for (int j = 0; j < p; j++) {
      double rtr = 0;
      double rtq = 0;
      for (int k = 0; k <= j; k++) {
        rtr += nm.r[k * p + j] * nm.r[k * p + j];
        rtq += nm.r[k * p + j] * nm.qtr[k];
      }
      assertThat(rtr).as("column %d of RᵀR", j).isCloseTo(nm.colNorm2[j], within(1e-12 * nm.colNorm2[j]));
      assertThat(rtq).as("Rᵀ·Qᵀr %d", j).isCloseTo(nm.grad[j], within(1e-10 * Math.sqrt(nm.colNorm2[j] * nm.resNorm2)));
    }
  }

  @Test
  void hessianMatchesDifferencesOfTheGradient() {
    double objective = nm.objective(theta, null);
    assertThat(nm.hessian(theta, null)).isEqualTo(objective);
    double[] hess = nm.hess.clone();
    double[] grad = nm.grad.clone();
    nm.full(theta, null);
    int p = prob.p;
    double scale = 0;
    for (int j = 0; j < p; j++) {
      assertThat(grad[j]).as("gradient %d from both passes", j).isCloseTo(nm.grad[j], within(1e-12 * Math.abs(grad[j]) + 1e-15));
      scale = Math.max(scale, Math.abs(hess[j * p + j]));
    }
    for (int k = 0; k < p; k++) {
      double h = 1e-6;
      nm.hessian(shift(theta, k, h), null);
      double[] up = nm.grad.clone();
      nm.hessian(shift(theta, k, -h), null);
      double[] down = nm.grad.clone();
      for (int j = 0; j < p; j++) {
        assertThat(hess[j * p + k]).as("Hessian %d,%d", j, k).isCloseTo((up[j] - down[j]) / (2 * h), within(1e-5 * scale));
        assertThat(hess[j * p + k]).as("symmetry").isEqualTo(hess[k * p + j]);
      }
    }
  }

  private static double[] shift(double[] x, int j, double h) {
    double[] out = x.clone();
    out[j] += h;
    return out;
  }
}
