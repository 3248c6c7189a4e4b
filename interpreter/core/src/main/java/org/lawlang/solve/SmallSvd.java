package org.lawlang.solve;

/**
 * Singular value decomposition of a small dense matrix (rows ≥ columns) by one-sided Jacobi
 * rotations: A = U·diag(σ)·Vᵀ with σ in decreasing order. Used for the solvers' few-by-few
 * matrices (null spaces of constraints, least-norm multipliers, the fit's confounded
 * parameters). It replaces Commons Math's SVD there because the first use of Commons Math's
 * matrix classes costs about 40 ms of a run's start-up (their static formats load the JDK's
 * locale data), more than the rest of a small optimisation; Jacobi is also the accurate
 * method for small singular values.
 */
public final class SmallSvd {
  /** Two vectors count as orthogonal when their cosine is below this. */
  private static final double ORTHOGONAL = 1e-15;
  private static final int MAX_SWEEPS = 80;

  private final int m;
  private final int n;
  private final double[] sigma;
  /** Columns of U (n of them, each of length m) and of V (n × n), in σ's order. */
  private final double[][] uCols;
  private final double[][] vCols;

  private SmallSvd(int m, int n, double[] sigma, double[][] uCols, double[][] vCols) {
    this.m = m;
    this.n = n;
    this.sigma = sigma;
    this.uCols = uCols;
    this.vCols = vCols;
  }

  /** Decomposes {@code a} (rows × columns, rows ≥ columns; pad with zero rows otherwise). */
  public static SmallSvd of(double[][] a) {
    int m = a.length;
    int n = m == 0 ? 0 : a[0].length;
    if (m < n) {
      throw new IllegalArgumentException("SmallSvd needs at least as many rows as columns");
    }
    double[][] cols = new double[n][m];
    double[][] vCols = new double[n][n];
    double scale = 0;
    boolean finite = true;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double x = a[i][j];
        finite &= Double.isFinite(x);
        scale = Math.max(scale, Math.abs(x));
        cols[j][i] = x;
      }
    }
    for (int j = 0; j < n; j++) {
      vCols[j][j] = 1;
    }
    double[] sigma = new double[n];
    if (!finite) {
      java.util.Arrays.fill(sigma, Double.NaN);
      return new SmallSvd(m, n, sigma, cols, vCols);
    }
    if (scale > 0) {
      // unit scale first, so that squared norms neither overflow nor underflow
      for (double[] col : cols) {
        for (int i = 0; i < m; i++) {
          col[i] /= scale;
        }
      }
      rotate(cols, vCols, m, n);
    }
    double[] norm = new double[n];
    for (int j = 0; j < n; j++) {
      double s = 0;
      for (int i = 0; i < m; i++) {
        s += cols[j][i] * cols[j][i];
      }
      norm[j] = Math.sqrt(s);
    }
    // decreasing order by insertion (n is small); ties keep their column order
    int[] order = new int[n];
    for (int j = 0; j < n; j++) {
      int k = j;
      while (k > 0 && norm[order[k - 1]] < norm[j]) {
        order[k] = order[k - 1];
        k--;
      }
      order[k] = j;
    }
    double[][] u = new double[n][];
    double[][] v = new double[n][];
    for (int k = 0; k < n; k++) {
      int j = order[k];
      sigma[k] = norm[j] * scale;
      u[k] = cols[j];
      if (norm[j] > 0) {
        for (int i = 0; i < m; i++) {
          u[k][i] /= norm[j];
        }
      }
      v[k] = vCols[j];
    }
    return new SmallSvd(m, n, sigma, u, v);
  }

  /** Hestenes' sweeps: rotate column pairs until every pair is orthogonal, applying the same rotations to V. */
  private static void rotate(double[][] cols, double[][] vCols, int m, int n) {
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      boolean rotated = false;
      for (int p = 0; p < n - 1; p++) {
        for (int q = p + 1; q < n; q++) {
          double[] cp = cols[p];
          double[] cq = cols[q];
          double alpha = 0;
          double beta = 0;
          double gamma = 0;
          for (int i = 0; i < m; i++) {
            alpha += cp[i] * cp[i];
            beta += cq[i] * cq[i];
            gamma += cp[i] * cq[i];
          }
          if (gamma == 0 || Math.abs(gamma) <= ORTHOGONAL * Math.sqrt(alpha) * Math.sqrt(beta)) {
            continue;
          }
          rotated = true;
          double zeta = (beta - alpha) / (2 * gamma);
          double t = Math.abs(zeta) > 1e150 ? 0.5 / zeta : Math.signum(zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
          if (zeta == 0) {
            t = 1;
          }
          double c = 1 / Math.sqrt(1 + t * t);
          double s = c * t;
          turn(cp, cq, c, s);
          turn(vCols[p], vCols[q], c, s);
        }
      }
      if (!rotated) {
        return;
      }
    }
  }

  private static void turn(double[] x, double[] y, double c, double s) {
    for (int i = 0; i < x.length; i++) {
      double a = x[i];
      double b = y[i];
      x[i] = c * a - s * b;
      y[i] = s * a + c * b;
    }
  }

  /** The singular values, largest first. */
  public double[] singularValues() {
    return sigma.clone();
  }

  /** Entry (i, k) of V: component i of the k-th right singular vector. */
  public double v(int i, int k) {
    return vCols[k][i];
  }

  /**
   * The least-norm least-squares solution of A·x = b, through the pseudo-inverse. Singular
   * values at or below max(rows·σ₁·2⁻⁵², √(smallest normal double)) count as zero, the rule
   * Commons Math's decomposition uses, so results match the solver this replaces.
   */
  public double[] solve(double[] b) {
    double tol = Math.max(m * (n == 0 ? 0 : sigma[0]) * 0x1.0p-52, Math.sqrt(Double.MIN_NORMAL));
    double[] x = new double[n];
    for (int k = 0; k < n; k++) {
      if (!(sigma[k] > tol)) {
        continue;
      }
      double dot = 0;
      for (int i = 0; i < m; i++) {
        dot += uCols[k][i] * b[i];
      }
      double w = dot / sigma[k];
      for (int i = 0; i < n; i++) {
        x[i] += w * vCols[k][i];
      }
    }
    return x;
  }

  /** The numerical rank from singular values in decreasing order: those above 1e-10 of the largest (or of 1). */
  public static int rank(double[] singularValues) {
    double tol = 1e-10 * Math.max(1, singularValues.length == 0 ? 0 : singularValues[0]);
    int rank = 0;
    for (double v : singularValues) {
      rank += v > tol ? 1 : 0;
    }
    return rank;
  }

  /** An orthonormal basis (as columns) of the vectors of length n orthogonal to every row. */
  public static double[][] nullSpace(java.util.List<double[]> rows, int n) {
    if (rows.isEmpty()) {
      double[][] id = new double[n][n];
      for (int i = 0; i < n; i++) {
        id[i][i] = 1;
      }
      return id;
    }
    double[][] a = new double[Math.max(rows.size(), n)][n];
    for (int r = 0; r < rows.size(); r++) {
      a[r] = rows.get(r).clone();
    }
    SmallSvd svd = of(a);
    int rank = rank(svd.singularValues());
    double[][] z = new double[n][n - rank];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n - rank; j++) {
        z[i][j] = svd.v(i, rank + j);
      }
    }
    return z;
  }
}
