package org.lawlang.solve;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Small least-squares fits for the workflow builtins (`powerfit`, `polyfit`): a straight
 * line with its R² (Commons Math's SimpleRegression) and a polynomial by QR on the
 * Vandermonde matrix of centred, scaled x.
 */
public final class Regression {
  private Regression() {}

  /** {intercept, slope, r²} of y on x. */
  public static double[] line(double[] x, double[] y) {
    SimpleRegression r = new SimpleRegression(true);
    for (int i = 0; i < x.length; i++) {
      r.addData(x[i], y[i]);
    }
    double r2 = x.length > 2 || r.getTotalSumSquares() > 0 ? r.getRSquare() : 1;
    return new double[] {r.getIntercept(), r.getSlope(), r2};
  }

  /** Coefficients c0..cd of y ≈ Σ c_k x^k, or null when x has too few distinct values. */
  public static double[] polynomial(double[] x, double[] y, int degree) {
    int n = x.length;
    double mean = 0;
    for (double v : x) {
      mean += v / n;
    }
    double scale = 0;
    for (double v : x) {
      scale = Math.max(scale, Math.abs(v - mean));
    }
    if (scale == 0) {
      scale = 1;
    }
    double[][] a = new double[n][degree + 1];
    for (int i = 0; i < n; i++) {
      double t = (x[i] - mean) / scale;
      double p = 1;
      for (int k = 0; k <= degree; k++) {
        a[i][k] = p;
        p *= t;
      }
    }
    double[] c;
    try {
      c = new QRDecomposition(new Array2DRowRealMatrix(a, false), 1e-12).getSolver().solve(new ArrayRealVector(y)).toArray();
    } catch (SingularMatrixException e) {
      return null;
    }
    // expand Σ c_k ((x − mean)/scale)^k into powers of x
    double[] out = new double[degree + 1];
    double[] binom = new double[degree + 1];
    for (int k = 0; k <= degree; k++) {
      double ck = c[k] / Math.pow(scale, k);
      binom[0] = 1;
      for (int j = 1; j <= k; j++) {
        binom[j] = 0;
      }
      for (int j = 1; j <= k; j++) {
        for (int i = j; i >= 1; i--) {
          binom[i] += binom[i - 1];
        }
      }
      for (int j = 0; j <= k; j++) {
        out[j] += ck * binom[j] * Math.pow(-mean, k - j);
      }
    }
    return out;
  }
}
