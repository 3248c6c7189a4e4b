package org.lawlang.solve;

/**
 * Eigenvalues and eigenvectors of a small symmetric matrix by cyclic Jacobi rotations (for
 * condition numbers and Newton's directions of negative curvature). Own code, like
 * {@link SmallSvd}, because the first use of Commons Math's matrix classes costs tens of
 * milliseconds of start-up.
 */
public final class Jacobi {
  private Jacobi() {}

  /** Eigenvalues (in no particular order) and, at the same index, unit eigenvectors. */
  public record Eigen(double[] values, double[][] vectors) {}

  public static double[] eigenvalues(double[][] input) {
    return decompose(input).values();
  }

  public static Eigen decompose(double[][] input) {
    int n = input.length;
    double[][] a = new double[n][];
    double[][] v = new double[n][n];
    for (int i = 0; i < n; i++) {
      a[i] = input[i].clone();
      v[i][i] = 1;
    }
    for (int sweep = 0; sweep < 100; sweep++) {
      double off = 0;
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          off += a[i][j] * a[i][j];
        }
      }
      if (off < 1e-300) {
        break;
      }
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          if (a[p][q] == 0) {
            continue;
          }
          double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
          double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
          if (theta == 0) {
            t = 1;
          }
          double c = 1 / Math.sqrt(t * t + 1);
          double s = t * c;
          for (int k = 0; k < n; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
          }
          for (int k = 0; k < n; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
          }
          for (int k = 0; k < n; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
          }
        }
      }
    }
    double[] values = new double[n];
    double[][] vectors = new double[n][n];
    for (int i = 0; i < n; i++) {
      values[i] = a[i][i];
      for (int k = 0; k < n; k++) {
        vectors[i][k] = v[k][i];
      }
    }
    return new Eigen(values, vectors);
  }
}
