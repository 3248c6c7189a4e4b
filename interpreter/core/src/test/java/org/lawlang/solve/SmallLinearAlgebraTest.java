package org.lawlang.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

/**
 * The solvers' own small dense algebra (SVD, Cholesky, Jacobi eigenvectors, Brent) against
 * Commons Math, which it replaced on the start-up path, on random and rank-deficient inputs.
 */
class SmallLinearAlgebraTest {
  private final Random rnd = new Random(7);

  private double[][] randomMatrix(int m, int n, int rank) {
    double[][] left = new double[m][rank];
    double[][] right = new double[rank][n];
    for (double[] row : left) {
      for (int j = 0; j < rank; j++) {
        row[j] = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(5) - 2);
      }
    }
    for (double[] row : right) {
      for (int j = 0; j < n; j++) {
        row[j] = rnd.nextGaussian();
      }
    }
    double[][] a = new double[m][n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        for (int k = 0; k < rank; k++) {
          a[i][j] += left[i][k] * right[k][j];
        }
      }
    }
    return a;
  }

  @Test
  void svdMatchesCommonsMath() {
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + rnd.nextInt(6);
      int m = n + rnd.nextInt(4);
      int rank = 1 + rnd.nextInt(n);
      double[][] a = randomMatrix(m, n, rank);
      SmallSvd ours = SmallSvd.of(a);
      SingularValueDecomposition cm = new SingularValueDecomposition(new Array2DRowRealMatrix(a, true));
      double[] s = ours.singularValues();
      double[] t = cm.getSingularValues();
      for (int k = 0; k < n; k++) {
        assertThat(s[k]).as("σ%d, trial %d", k, trial).isCloseTo(t[k], within(1e-12 * t[0]));
      }
      assertThat(SmallSvd.rank(s)).isEqualTo(rank);
      // V is orthonormal, and its trailing columns span A's null space
      for (int p = 0; p < n; p++) {
        for (int q = 0; q < n; q++) {
          double dot = 0;
          for (int i = 0; i < n; i++) {
            dot += ours.v(i, p) * ours.v(i, q);
          }
          assertThat(dot).isCloseTo(p == q ? 1 : 0, within(1e-12));
        }
      }
      for (int k = rank; k < n; k++) {
        for (int i = 0; i < m; i++) {
          double r = 0;
          for (int j = 0; j < n; j++) {
            r += a[i][j] * ours.v(j, k);
          }
          assertThat(r).isCloseTo(0, within(1e-12 * s[0]));
        }
      }
      double[] b = new double[m];
      for (int i = 0; i < m; i++) {
        b[i] = rnd.nextGaussian();
      }
      double[] x = ours.solve(b);
      double[] y = cm.getSolver().solve(new ArrayRealVector(b)).toArray();
      double size = 0;
      for (double v : y) {
        size = Math.max(size, Math.abs(v));
      }
      for (int j = 0; j < n; j++) {
        assertThat(x[j]).as("least-norm solution, trial %d", trial).isCloseTo(y[j], within(1e-8 * Math.max(1, size)));
      }
    }
  }

  @Test
  void svdOfZerosAndNonFiniteInput() {
    SmallSvd zero = SmallSvd.of(new double[3][2]);
    assertThat(zero.singularValues()).containsExactly(0, 0);
    assertThat(zero.solve(new double[] {1, 2, 3})).containsExactly(0, 0);
    assertThat(SmallSvd.of(new double[][] {{1, Double.NaN}, {0, 1}}).singularValues()[0]).isNaN();
  }

  @Test
  void choleskyMatchesCommonsMathAndRefusesIndefiniteMatrices() {
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + rnd.nextInt(6);
      double[][] g = randomMatrix(n + 2, n, n);
      double[][] spd = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          for (double[] row : g) {
            spd[i][j] += row[i] * row[j];
          }
        }
      }
      double[] b = new double[n];
      for (int i = 0; i < n; i++) {
        b[i] = rnd.nextGaussian();
      }
      double[] x = Cholesky.solve(spd, b, 1e-14);
      double[] y = new CholeskyDecomposition(new Array2DRowRealMatrix(spd, true), 1e-12, 1e-14).getSolver().solve(new ArrayRealVector(b)).toArray();
      // backward stable, as Commons Math is: residuals at rounding level of ‖M‖‖x‖
      double mSize = 0;
      double xSize = 0;
      for (int i = 0; i < n; i++) {
        xSize = Math.max(xSize, Math.abs(x[i]));
        for (int j = 0; j < n; j++) {
          mSize = Math.max(mSize, Math.abs(spd[i][j]));
        }
      }
      for (int i = 0; i < n; i++) {
        double r = -b[i];
        double rCm = -b[i];
        for (int j = 0; j < n; j++) {
          r += spd[i][j] * x[j];
          rCm += spd[i][j] * y[j];
        }
        assertThat(Math.abs(r)).as("residual, trial %d", trial).isLessThanOrEqualTo(1e-12 * n * mSize * xSize + 1e-15);
        assertThat(Math.abs(r)).isLessThanOrEqualTo(100 * Math.abs(rCm) + 1e-13 * n * mSize * xSize);
      }
    }
    assertThat(Cholesky.solve(new double[][] {{1, 2}, {2, 1}}, new double[] {1, 1}, 1e-14)).isNull();
    assertThat(Cholesky.solve(new double[][] {{0}}, new double[] {1}, 1e-14)).isNull();
  }

  @Test
  void jacobiEigenvectorsAreEigenvectors() {
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + rnd.nextInt(6);
      double[][] a = randomMatrix(n, n, n);
      double[][] sym = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          sym[i][j] = a[i][j] + a[j][i];
        }
      }
      Jacobi.Eigen e = Jacobi.decompose(sym);
      double size = 0;
      for (double v : e.values()) {
        size = Math.max(size, Math.abs(v));
      }
      for (int k = 0; k < n; k++) {
        double[] v = e.vectors()[k];
        for (int i = 0; i < n; i++) {
          double av = 0;
          for (int j = 0; j < n; j++) {
            av += sym[i][j] * v[j];
          }
          assertThat(av).isCloseTo(e.values()[k] * v[i], within(1e-10 * Math.max(1, size)));
        }
      }
    }
  }

  @Test
  void brentTakesCommonsMathsStepsExactly() throws Brent.NotConverged {
    DoubleUnaryOperator[] fs = {
      x -> x * x - 2, x -> Math.exp(x) - 5, x -> Math.cos(x) - x, x -> Math.pow(x, 3) - 2 * x - 5, x -> Math.log(x) + x, x -> Math.atan(x - 0.3),
    };
    double[][] brackets = {{0, 2}, {0, 3}, {0, 1}, {2, 3}, {0.1, 1}, {-10, 10}};
    for (int i = 0; i < fs.length; i++) {
      DoubleUnaryOperator f = fs[i];
      double ours = Brent.solve(f, brackets[i][0], brackets[i][1], 1e-15, 1e-14, 200);
      double theirs = new BrentSolver(1e-15, 1e-14).solve(200, f::applyAsDouble, brackets[i][0], brackets[i][1]);
      assertThat(ours).as("function %d", i).isEqualTo(theirs);
    }
  }
}
