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
  /** The block's model outputs by index (the value, partials, second partials), looked up once per block. */
  private final double[][] outs;

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
    outs = new double[prob.run.tape().outputCount()][];
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
      for (int j = 0; jac && j < p; j++) {
        outs[1 + j] = ws.output(1 + j);
      }
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
            double d = outs[1 + j][i] * scale * chain[j] * sw;
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
        fold(jb, rb, r, qtr, p, rows);
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
      for (int h = 0; h < outs.length; h++) {
        outs[h] = ws.output(h);
      }
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
          dr[j] = outs[1 + j][i] * chain[j] * scale;
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
            double d2 = outs[h++][i] * chain[j] * chain[k];
            if (j == k && prob.logParam[j]) {
              d2 += outs[1 + j][i] * chain[j];
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

  /**
   * Folds {@code rows} rows of the block jb (column-major, stride {@link #BLOCK}) and rb into
   * the p×p factor r and qtr with Householder reflections; jb is left zeroed, rb overwritten.
   *
   * <p>The arithmetic is the textbook one, each sum taken in row order, so the factor is the
   * same to the last bit as one reflection and one dot product at a time; the loops are only
   * arranged so that a reflection's dot products with every later column (and with rb) share
   * one pass over the rows, and the next column's norm is summed in the pass that updates it.
   * A sum in row order is a chain of dependent additions: one chain per pass would leave the
   * processor waiting on each addition, several independent chains in one pass keep it busy.
   */
  static void fold(double[] jb, double[] rb, double[] r, double[] qtr, int p, int rows) {
    double[] dots = new double[p + 1];
    double norm2 = 0;
    boolean normDone = false;
    for (int k = 0; k < p; k++) {
      int ck = k * BLOCK;
      double rkk = r[k * p + k];
      if (!normDone) {
        norm2 = squares(jb, ck, rows, rkk * rkk);
      }
      normDone = false;
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
      // targets t = k+1 .. p-1 are columns of jb, t = p is rb; dots[t] = v0·r[k][t] + Σ jb_k·target_t
      for (int t = k + 1; t <= p; t++) {
        dots[t] = v0 * (t < p ? r[k * p + t] : qtr[k]);
      }
      dotsWith(jb, ck, rb, k + 1, p, rows, dots);
      for (int t = k + 1; t <= p; t++) {
        double dot = dots[t] * beta;
        if (t < p) {
          r[k * p + t] -= dot * v0;
          if (t == k + 1) {
            // update the next column and sum its squares in the same pass (its norm for step k+1)
            double rn = r[t * p + t];
            norm2 = updateAndSquare(jb, t * BLOCK, ck, dot, rows, rn * rn);
            normDone = true;
          } else {
            update(jb, t * BLOCK, jb, ck, dot, rows);
          }
        } else {
          qtr[k] -= dot * v0;
          update(rb, 0, jb, ck, dot, rows);
        }
      }
      r[k * p + k] = alpha;
      java.util.Arrays.fill(jb, ck, ck + rows, 0);
    }
  }

  /** init + Σ a[off+i]², summed in row order. */
  private static double squares(double[] a, int off, int rows, double init) {
    double s = init;
    for (int i = 0; i < rows; i++) {
      s += a[off + i] * a[off + i];
    }
    return s;
  }

  /** a[ao+i] −= dot·jb[ck+i]. */
  private static void update(double[] a, int ao, double[] jb, int ck, double dot, int rows) {
    for (int i = 0; i < rows; i++) {
      a[ao + i] -= dot * jb[ck + i];
    }
  }

  /** The same update of column ct by column ck, returning init + Σ (updated value)² in row order. */
  private static double updateAndSquare(double[] jb, int ct, int ck, double dot, int rows, double init) {
    double s = init;
    for (int i = 0; i < rows; i++) {
      double v = jb[ct + i] - dot * jb[ck + i];
      jb[ct + i] = v;
      s += v * v;
    }
    return s;
  }

  /**
   * dots[t] += Σ jb_k·target_t in row order for every target t = from..p (columns of jb, and
   * rb for t = p), each sum its own chain: up to six chains share a pass over the rows.
   */
  private static void dotsWith(double[] jb, int ck, double[] rb, int from, int p, int rows, double[] dots) {
    int t = from;
    while (t <= p) {
      int m = Math.min(6, p + 1 - t);
      if (m == 1) {
        double[] a = t < p ? jb : rb;
        int o = t < p ? t * BLOCK : 0;
        double s = dots[t];
        for (int i = 0; i < rows; i++) {
          s += jb[ck + i] * a[o + i];
        }
        dots[t] = s;
      } else if (m == 2) {
        double[] a1 = t + 1 < p ? jb : rb;
        int o0 = t * BLOCK;
        int o1 = t + 1 < p ? (t + 1) * BLOCK : 0;
        double s0 = dots[t];
        double s1 = dots[t + 1];
        for (int i = 0; i < rows; i++) {
          double x = jb[ck + i];
          s0 += x * jb[o0 + i];
          s1 += x * a1[o1 + i];
        }
        dots[t] = s0;
        dots[t + 1] = s1;
      } else {
        // three to six chains; a missing target repeats the last one and its sum is dropped
        int last = t + m - 1;
        double[] a0 = t < p ? jb : rb;
        double[] a1 = t + 1 < p ? jb : rb;
        double[] a2 = t + 2 < p ? jb : rb;
        double[] a3 = Math.min(t + 3, last) < p ? jb : rb;
        double[] a4 = Math.min(t + 4, last) < p ? jb : rb;
        double[] a5 = Math.min(t + 5, last) < p ? jb : rb;
        int o0 = t < p ? t * BLOCK : 0;
        int o1 = t + 1 < p ? (t + 1) * BLOCK : 0;
        int o2 = t + 2 < p ? (t + 2) * BLOCK : 0;
        int o3 = Math.min(t + 3, last) < p ? Math.min(t + 3, last) * BLOCK : 0;
        int o4 = Math.min(t + 4, last) < p ? Math.min(t + 4, last) * BLOCK : 0;
        int o5 = Math.min(t + 5, last) < p ? Math.min(t + 5, last) * BLOCK : 0;
        double s0 = dots[t];
        double s1 = dots[t + 1];
        double s2 = dots[t + 2];
        double s3 = m > 3 ? dots[t + 3] : 0;
        double s4 = m > 4 ? dots[t + 4] : 0;
        double s5 = m > 5 ? dots[t + 5] : 0;
        if (m <= 4) {
          for (int i = 0; i < rows; i++) {
            double x = jb[ck + i];
            s0 += x * a0[o0 + i];
            s1 += x * a1[o1 + i];
            s2 += x * a2[o2 + i];
            s3 += x * a3[o3 + i];
          }
        } else {
          for (int i = 0; i < rows; i++) {
            double x = jb[ck + i];
            s0 += x * a0[o0 + i];
            s1 += x * a1[o1 + i];
            s2 += x * a2[o2 + i];
            s3 += x * a3[o3 + i];
            s4 += x * a4[o4 + i];
            s5 += x * a5[o5 + i];
          }
        }
        dots[t] = s0;
        dots[t + 1] = s1;
        dots[t + 2] = s2;
        if (m > 3) {
          dots[t + 3] = s3;
        }
        if (m > 4) {
          dots[t + 4] = s4;
        }
        if (m > 5) {
          dots[t + 5] = s5;
        }
      }
      t += m;
    }
  }
}
