package org.lawlang.solve;

import org.lawlang.compile.GeometricForm.Lse;

/**
 * F(y) = ln Σ_k exp(c_k + e_k·y): the log of a posynomial after the substitution
 * x = x0 + Z·y, with its exact gradient Σ w_k e_k and Hessian Σ w_k e_k e_kᵀ − ∇F∇Fᵀ
 * (w = softmax of the terms). Convex; evaluated without overflow.
 */
final class LogSumExp {
  final double[] c;
  final double[][] e;
  private final double[] w;

  LogSumExp(double[] c, double[][] e) {
    this.c = c;
    this.e = e;
    this.w = new double[c.length];
  }

  /** {@code f} in the reduced coordinates: x = x0 + Z·y (Z is n×k, may be null for identity). */
  static LogSumExp reduce(Lse f, double[] x0, double[][] z) {
    int terms = f.terms();
    int k = z == null ? x0.length : z[0].length;
    double[] c = new double[terms];
    double[][] e = new double[terms][k];
    for (int t = 0; t < terms; t++) {
      double[] a = f.exps()[t];
      double s = f.logc()[t];
      for (int i = 0; i < a.length; i++) {
        s += a[i] * x0[i];
      }
      c[t] = s;
      for (int j = 0; j < k; j++) {
        double v = 0;
        if (z == null) {
          v = a[j];
        } else {
          for (int i = 0; i < a.length; i++) {
            v += a[i] * z[i][j];
          }
        }
        e[t][j] = v;
      }
    }
    return new LogSumExp(c, e);
  }

  double value(double[] y) {
    return eval(y, null, null);
  }

  /** The value; fills {@code g} and {@code h} (of size k, k×k) when they are not null. */
  double eval(double[] y, double[] g, double[][] h) {
    int terms = c.length;
    int k = y.length;
    double max = Double.NEGATIVE_INFINITY;
    for (int t = 0; t < terms; t++) {
      double s = c[t];
      for (int j = 0; j < k; j++) {
        s += e[t][j] * y[j];
      }
      w[t] = s;
      max = Math.max(max, s);
    }
    if (!Double.isFinite(max)) {
      return Double.NaN;
    }
    double sum = 0;
    for (int t = 0; t < terms; t++) {
      w[t] = Math.exp(w[t] - max);
      sum += w[t];
    }
    if (g != null) {
      for (int j = 0; j < k; j++) {
        double v = 0;
        for (int t = 0; t < terms; t++) {
          v += w[t] * e[t][j];
        }
        g[j] = v / sum;
      }
      if (h != null) {
        for (int a = 0; a < k; a++) {
          for (int b = 0; b <= a; b++) {
            double v = 0;
            for (int t = 0; t < terms; t++) {
              v += w[t] * e[t][a] * e[t][b];
            }
            v = v / sum - g[a] * g[b];
            h[a][b] = v;
            h[b][a] = v;
          }
        }
      }
    }
    return max + Math.log(sum);
  }
}
