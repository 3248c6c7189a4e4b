package org.lawlang.solve;

/**
 * The small dense linear algebra of a Levenberg–Marquardt step on the p×p factor R:
 * the damped step for the free parameters by Householder QR of [R; √λ·D] (no normal
 * equations), the model's predicted reduction, and R⁻¹ for covariances.
 */
final class DampedSteps {
  private DampedSteps() {}

  /**
   * Solves min ‖R Δ + qtr‖² + λ‖D Δ‖² over the parameters not {@code held} (held ones get 0).
   * Returns false when the system is singular.
   */
  static boolean solve(double[] r, double[] qtr, double[] diag, double lambda, boolean[] held, int p, double[] step) {
    int m = 0;
    int[] free = new int[p];
    for (int j = 0; j < p; j++) {
      step[j] = 0;
      if (!held[j]) {
        free[m++] = j;
      }
    }
    if (m == 0) {
      return true;
    }
    int rows = p + m;
    double[][] a = new double[rows][m];
    double[] b = new double[rows];
    double sl = Math.sqrt(lambda);
    for (int i = 0; i < p; i++) {
      for (int c = 0; c < m; c++) {
        a[i][c] = r[i * p + free[c]];
      }
      b[i] = -qtr[i];
    }
    for (int c = 0; c < m; c++) {
      double d = diag[free[c]];
      a[p + c][c] = sl * (d > 0 ? d : 1);
    }
    for (int k = 0; k < m; k++) {
      double norm2 = 0;
      for (int i = k; i < rows; i++) {
        norm2 += a[i][k] * a[i][k];
      }
      if (norm2 == 0) {
        return false;
      }
      double norm = Math.sqrt(norm2);
      double alpha = a[k][k] > 0 ? -norm : norm;
      double v0 = a[k][k] - alpha;
      double vnorm2 = v0 * v0 + norm2 - a[k][k] * a[k][k];
      a[k][k] = v0;
      if (vnorm2 > 0) {
        double beta = 2 / vnorm2;
        for (int j = k + 1; j < m; j++) {
          double dot = 0;
          for (int i = k; i < rows; i++) {
            dot += a[i][k] * a[i][j];
          }
          dot *= beta;
          for (int i = k; i < rows; i++) {
            a[i][j] -= dot * a[i][k];
          }
        }
        double dot = 0;
        for (int i = k; i < rows; i++) {
          dot += a[i][k] * b[i];
        }
        dot *= beta;
        for (int i = k; i < rows; i++) {
          b[i] -= dot * a[i][k];
        }
      }
      a[k][k] = alpha;
    }
    double[] s = new double[m];
    for (int k = m - 1; k >= 0; k--) {
      double v = b[k];
      for (int j = k + 1; j < m; j++) {
        v -= a[k][j] * s[j];
      }
      if (a[k][k] == 0) {
        return false;
      }
      s[k] = v / a[k][k];
      if (!Double.isFinite(s[k])) {
        return false;
      }
    }
    for (int c = 0; c < m; c++) {
      step[free[c]] = s[c];
    }
    return true;
  }

  /** ½‖qtr‖² − ½‖qtr + R Δ‖²: how much the (majorising) quadratic model falls along Δ. */
  static double predicted(double[] r, double[] qtr, double[] step, int p) {
    double out = 0;
    for (int i = 0; i < p; i++) {
      double rd = 0;
      for (int j = i; j < p; j++) {
        rd += r[i * p + j] * step[j];
      }
      out -= qtr[i] * rd + 0.5 * rd * rd;
    }
    return out;
  }

  /** (RᵀR)⁻¹ for upper-triangular R, or null when R is singular. */
  static double[][] inverseGram(double[] r, int p) {
    double[][] inv = new double[p][p];
    for (int c = 0; c < p; c++) {
      // column c of R^-1 by back substitution on e_c
      for (int i = p - 1; i >= 0; i--) {
        double v = i == c ? 1 : 0;
        for (int j = i + 1; j < p; j++) {
          v -= r[i * p + j] * inv[j][c];
        }
        if (r[i * p + i] == 0) {
          return null;
        }
        inv[i][c] = v / r[i * p + i];
      }
    }
    double[][] out = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        double s = 0;
        for (int k = 0; k < p; k++) {
          s += inv[i][k] * inv[j][k];
        }
        out[i][j] = s;
      }
    }
    return out;
  }

  /**
   * Solves (H + λ·diag(d²)) Δ = −g over the parameters not held, by Cholesky. Returns false
   * when the damped matrix is not positive definite (the caller raises λ).
   */
  static boolean newton(double[] h, double[] g, double[] d2, double lambda, boolean[] held, int p, double[] step) {
    int m = 0;
    int[] free = new int[p];
    for (int j = 0; j < p; j++) {
      step[j] = 0;
      if (!held[j]) {
        free[m++] = j;
      }
    }
    double[] l = new double[m * m];
    for (int a = 0; a < m; a++) {
      for (int b = 0; b <= a; b++) {
        double v = h[free[a] * p + free[b]] + (a == b ? lambda * d2[free[a]] : 0);
        for (int k = 0; k < b; k++) {
          v -= l[a * m + k] * l[b * m + k];
        }
        if (a == b) {
          if (!(v > 0)) {
            return false;
          }
          l[a * m + a] = Math.sqrt(v);
        } else {
          l[a * m + b] = v / l[b * m + b];
        }
      }
    }
    double[] z = new double[m];
    for (int a = 0; a < m; a++) {
      double v = -g[free[a]];
      for (int k = 0; k < a; k++) {
        v -= l[a * m + k] * z[k];
      }
      z[a] = v / l[a * m + a];
    }
    for (int a = m - 1; a >= 0; a--) {
      double v = z[a];
      for (int k = a + 1; k < m; k++) {
        v -= l[k * m + a] * z[k];
      }
      z[a] = v / l[a * m + a];
      if (!Double.isFinite(z[a])) {
        return false;
      }
    }
    for (int a = 0; a < m; a++) {
      step[free[a]] = z[a];
    }
    return true;
  }

  /** −(gᵀΔ + ½ΔᵀHΔ): the decrease the quadratic model with the exact Hessian predicts. */
  static double predictedNewton(double[] h, double[] g, double[] step, int p) {
    double out = 0;
    for (int i = 0; i < p; i++) {
      double hd = 0;
      for (int j = 0; j < p; j++) {
        hd += h[i * p + j] * step[j];
      }
      out -= g[i] * step[i] + 0.5 * step[i] * hd;
    }
    return out;
  }
}
