package org.lawlang.solve;

/**
 * Solves a small symmetric positive-definite system by Cholesky factorisation, for Newton's
 * damped steps. Own code rather than Commons Math's for the same start-up reason as
 * {@link SmallSvd}.
 */
final class Cholesky {
  private Cholesky() {}

  /**
   * x with M·x = b, or null when M is not numerically positive definite: a pivot at or below
   * {@code minPivot} (the caller then raises its damping).
   */
  static double[] solve(double[][] m, double[] b, double minPivot) {
    int n = b.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = m[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (!(s > minPivot)) {
            return null;
          }
          l[i][i] = Math.sqrt(s);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= l[i][k] * y[k];
      }
      y[i] = s / l[i][i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = y[i];
      for (int k = i + 1; k < n; k++) {
        s -= l[k][i] * x[k];
      }
      x[i] = s / l[i][i];
    }
    return x;
  }
}
