package org.lawlang.solve;

import java.util.Arrays;
import org.lawlang.compile.TapeRun;

/**
 * One pass over the rows at a point θ: the objective, and the weighted Jacobian folded into
 * a p×p triangular factor R with Qᵀr by blocked Householder QR (so solver steps never square
 * the condition number, and memory stays one block of rows however many rows there are).
 * For a robust {@link Loss} the rows are weighted as in iteratively reweighted least squares (w = ψ(r)/r),
 * whose quadratic model majorises the Huber sum and whose stationary points are exactly the
 * Huber optimum's. One instance per thread; reused across passes.
 */
final class Normal {
  static final int BLOCK = 512;
  final FitProblem prob;
  final int p;
  final TapeRun.Workspace ws;
  /** The block's weighted Jacobian, column-major: jb[k * BLOCK + i]. */
  final double[] jb;
  final double[] rb;
  final double[] r;
  final double[] qtr;
  final double[] grad;
  final double[] colNorm2;
  double f;
  double resNorm2;
  final double[] nat;
  final double[] chain;
  /** The exact Hessian of the objective (Huber), filled by {@link #hessian}. */
  final double[] hess;

  Normal(FitProblem prob) {
    this.prob = prob;
    this.p = prob.p;
    ws = prob.run.workspace(BLOCK);
    jb = new double[BLOCK * p];
    hess = new double[p * p];
    rb = new double[BLOCK];
    r = new double[p * p];
    qtr = new double[p];
    grad = new double[p];
    colNorm2 = new double[p];
    nat = new double[p];
    chain = new double[p];
  }

  /** The objective only (½ convention); +inf when the model is not finite or not positive under log. */
  double objective(double[] theta, double[] mult) {
    return pass(theta, mult, false, false);
  }

  /** Objective, R, Qᵀr, gradient Jᵀψ and column norms at θ. Returns the objective. */
  double full(double[] theta, double[] mult) {
    return pass(theta, mult, true, false);
  }

  /** As {@link #full} but in natural coordinates with plain least-squares weights (for standard errors). */
  double naturalLsq(double[] theta, double[] mult) {
    return pass(theta, mult, true, true);
  }

  private double pass(double[] theta, double[] mult, boolean jac, boolean naturalLsq) {
    for (int j = 0; j < p; j++) {
      nat[j] = prob.logParam[j] ? Math.exp(theta[j]) : theta[j];
      chain[j] = prob.logParam[j] && !naturalLsq ? nat[j] : 1;
    }
    if (jac) {
      Arrays.fill(r, 0);
      Arrays.fill(qtr, 0);
      Arrays.fill(grad, 0);
      Arrays.fill(colNorm2, 0);
    }
    double sum = 0;
    double res2 = 0;
    int n = prob.n;
    double[] y = prob.target;
    double[] w = prob.weights;
    boolean log = prob.logScale;
    Loss loss = naturalLsq ? Loss.LeastSquares.RAW : prob.loss;
    for (int from = 0; from < n; from += BLOCK) {
      int to = Math.min(n, from + BLOCK);
      prob.run.evaluate(ws, nat, from, to, jac ? 1 + p : 1);
      double[] m = ws.output(0);
      int rows = 0;
      for (int i = 0; i < to - from; i++) {
        int row = from + i;
        double u = (w == null ? 1 : w[row]) * (mult == null ? 1 : mult[row]);
        if (u == 0) {
          continue;
        }
        double mi = m[i];
        if (!(Math.abs(mi) < Double.POSITIVE_INFINITY) || (log && !(mi > 0))) {
          return Double.POSITIVE_INFINITY;
        }
        double res = log ? Math.log(mi) - y[row] : mi - y[row];
        double scale = log ? 1 / mi : 1;
        sum += u * loss.rho(res);
        double psi = u * loss.psi(res);
        double wt = u * loss.weight(res);
        if (jac) {
          double sw = Math.sqrt(wt);
          double rt = psi / sw;
          for (int j = 0; j < p; j++) {
            double d = ws.output(1 + j)[i] * scale * chain[j] * sw;
            if (!(Math.abs(d) < Double.POSITIVE_INFINITY)) {
              return Double.POSITIVE_INFINITY;
            }
            jb[j * BLOCK + rows] = d;
            grad[j] += d * rt;
            colNorm2[j] += d * d;
          }
          rb[rows] = rt;
          res2 += rt * rt;
          rows++;
        }
      }
      if (jac && rows > 0) {
        fold(rows);
      }
    }
    if (!(sum < Double.POSITIVE_INFINITY)) {
      return Double.POSITIVE_INFINITY;
    }
    f = sum;
    resNorm2 = res2;
    return sum;
  }

  /**
   * The objective with its exact gradient and Hessian in solver coordinates (needs the model's
   * second derivatives): per row u·[ψ′(r)·∇r∇rᵀ + ψ(r)·∇²r], with ∇r, ∇²r from the model's
   * partials through the log scale and the log-parameter chain rule. Also column norms of ∇r.
   */
  double hessian(double[] theta, double[] mult) {
    for (int j = 0; j < p; j++) {
      nat[j] = prob.logParam[j] ? Math.exp(theta[j]) : theta[j];
      chain[j] = prob.logParam[j] ? nat[j] : 1;
    }
    Arrays.fill(hess, 0);
    Arrays.fill(grad, 0);
    Arrays.fill(colNorm2, 0);
    double sum = 0;
    int n = prob.n;
    double[] y = prob.target;
    double[] w = prob.weights;
    boolean log = prob.logScale;
    Loss loss = prob.loss;
    double[] dr = new double[p];
    double res2 = 0;
    for (int from = 0; from < n; from += BLOCK) {
      int to = Math.min(n, from + BLOCK);
      prob.run.evaluate(ws, nat, from, to);
      double[] m = ws.output(0);
      for (int i = 0; i < to - from; i++) {
        int row = from + i;
        double u = (w == null ? 1 : w[row]) * (mult == null ? 1 : mult[row]);
        if (u == 0) {
          continue;
        }
        double mi = m[i];
        if (!(Math.abs(mi) < Double.POSITIVE_INFINITY) || (log && !(mi > 0))) {
          return Double.POSITIVE_INFINITY;
        }
        double res = log ? Math.log(mi) - y[row] : mi - y[row];
        double scale = log ? 1 / mi : 1;
        sum += u * loss.rho(res);
        double psi = loss.psi(res);
        double dpsi = loss.dpsi(res);
        for (int j = 0; j < p; j++) {
          dr[j] = ws.output(1 + j)[i] * chain[j] * scale;
          grad[j] += u * psi * dr[j];
          colNorm2[j] += u * dr[j] * dr[j];
        }
        // ∇²r = ∇²m·scale − (log ? ∇r∇rᵀ : 0); Hessian += u[(ψ′ − ψ·[log])∇r∇rᵀ + ψ·scale·∇²m]
        res2 += u * psi * res;
        double outer = u * (dpsi - (log ? psi : 0));
        double curv = u * psi * scale;
        int h = 1 + p;
        for (int j = 0; j < p; j++) {
          for (int k = j; k < p; k++) {
            double d2 = ws.output(h++)[i] * chain[j] * chain[k];
            if (j == k && prob.logParam[j]) {
              d2 += ws.output(1 + j)[i] * chain[j];
            }
            hess[j * p + k] += outer * dr[j] * dr[k] + curv * d2;
          }
        }
      }
    }
    for (int j = 0; j < p; j++) {
      for (int k = 0; k < j; k++) {
        hess[j * p + k] = hess[k * p + j];
      }
    }
    if (!(sum < Double.POSITIVE_INFINITY)) {
      return Double.POSITIVE_INFINITY;
    }
    f = sum;
    resNorm2 = res2;
    return sum;
  }

  /** Folds {@code rows} rows of jb/rb into R/Qᵀr with Householder reflections. */
  private void fold(int rows) {
    for (int k = 0; k < p; k++) {
      int ck = k * BLOCK;
      double rkk = r[k * p + k];
      double norm2 = rkk * rkk;
      for (int i = 0; i < rows; i++) {
        norm2 += jb[ck + i] * jb[ck + i];
      }
      if (norm2 == 0) {
        continue;
      }
      double norm = Math.sqrt(norm2);
      double alpha = rkk > 0 ? -norm : norm;
      double v0 = rkk - alpha;
      double vnorm2 = v0 * v0 + norm2 - rkk * rkk;
      if (vnorm2 == 0) {
        continue;
      }
      double beta = 2 / vnorm2;
      for (int j = k + 1; j < p; j++) {
        int cj = j * BLOCK;
        double dot = v0 * r[k * p + j];
        for (int i = 0; i < rows; i++) {
          dot += jb[ck + i] * jb[cj + i];
        }
        dot *= beta;
        r[k * p + j] -= dot * v0;
        for (int i = 0; i < rows; i++) {
          jb[cj + i] -= dot * jb[ck + i];
        }
      }
      double dot = v0 * qtr[k];
      for (int i = 0; i < rows; i++) {
        dot += jb[ck + i] * rb[i];
      }
      dot *= beta;
      qtr[k] -= dot * v0;
      for (int i = 0; i < rows; i++) {
        rb[i] -= dot * jb[ck + i];
      }
      r[k * p + k] = alpha;
      for (int i = 0; i < rows; i++) {
        jb[ck + i] = 0;
      }
    }
  }
}
