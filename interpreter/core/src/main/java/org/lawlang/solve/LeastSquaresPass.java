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
final class LeastSquaresPass {
  static final int BLOCK = 512;
  final FitProblem prob;
  final int p;
  final TapeRun.Workspace ws;
  /**
   * The block's weighted Jacobian, one array per column: jb[k][i]. (Separate arrays, not one
   * strided array, so that the JIT can vectorise the fold's column updates.)
   */
  final double[][] jb;
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
  /** Per kept row of the block: 1/m on the log scale (else 1), √weight, and the row's index in the block (rb holds ψ/√weight). */
  private final double[] rowScale = new double[BLOCK];
  private final double[] rowRoot = new double[BLOCK];
  private final int[] rowAt = new int[BLOCK];
  /** Per kept row, for the Hessian: u(ψ′ − ψ·[log]) and uψ·scale. */
  private final double[] rowOuter = new double[BLOCK];
  private final double[] rowCurv = new double[BLOCK];
  /** −0 in every row: added to a number, it leaves it as it is (the sign of a zero too). */
  private static final double[] NEGATIVE_ZEROS = negativeZeros();
  private final double[] negativeZeros = NEGATIVE_ZEROS;
  /** The upper triangle's pairs (j, k, output index of ∂²m/∂θ_j∂θ_k), in the tape's order. */
  private final int[][] pairs;
  /** The block's model outputs by index (the value, partials, second partials), looked up once per block. */
  private final double[][] outs;

  LeastSquaresPass(FitProblem prob) {
    this.prob = prob;
    this.p = prob.p;
    ws = prob.run.workspace(BLOCK);
    jb = new double[p][BLOCK];
    hess = new double[p * p];
    rb = new double[BLOCK];
    r = new double[p * p];
    qtr = new double[p];
    grad = new double[p];
    colNorm2 = new double[p];
    nat = new double[p];
    chain = new double[p];
    outs = new double[prob.run.tape().outputCount()][];
    pairs = new int[p * (p + 1) / 2][];
    int h = 1 + p;
    for (int j = 0, q = 0; j < p; j++) {
      for (int k = j; k < p; k++) {
        pairs[q++] = new int[] {j, k, h++};
      }
    }
  }

  private static double[] negativeZeros() {
    double[] out = new double[BLOCK];
    Arrays.fill(out, -0.0);
    return out;
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
      int len = to - from;
      for (int i = 0; i < len; i++) {
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
        sum += u * loss.rho(res);
        if (jac) {
          // ψ and the weight now; the square roots and quotients below, in a loop the JIT vectorises
          rb[rows] = u * loss.psi(res);
          rowRoot[rows] = u * loss.weight(res);
          rowScale[rows] = mi;
          rowAt[rows] = i;
          rows++;
        }
      }
      for (int k = 0; jac && k < rows; k++) {
        double sw = Math.sqrt(rowRoot[k]);
        rowRoot[k] = sw;
        rb[k] = rb[k] / sw;
      }
      for (int k = 0; jac && log && k < rows; k++) {
        rowScale[k] = 1 / rowScale[k];
      }
      if (jac && !log) {
        Arrays.fill(rowScale, 0, rows, 1);
      }
      // the weighted Jacobian, five columns to a pass, with its gradient and column norms (row order)
      for (int j = 0; jac && j < p; j += 5) {
        res2 = jacobianColumns(j, Math.min(5, p - j), rows, res2);
      }
      for (int k = 0; jac && p == 0 && k < rows; k++) {
        res2 += rb[k] * rb[k];
      }
      for (int j = 0; jac && j < p; j++) {
        // a non-finite entry makes its column's sum of squares inf or NaN (which overflow alone can also do)
        if (!(colNorm2[j] < Double.POSITIVE_INFINITY) && !finite(jb[j], rows)) {
          return Double.POSITIVE_INFINITY;
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
   * Columns j..j+count-1 (count 1 to 5) of the block's weighted Jacobian, ∂m/∂θ·scale·chain·√w
   * per kept row, into jb, adding d·rt to grad and d² to colNorm2 in row order: ten
   * independent sums share one pass. A missing column repeats the last (same values, same place).
   * Returns res2 plus Σ rt² over the rows when j = 0 (so that sum shares the first pass), else res2.
   */
  private double jacobianColumns(int j, int count, int rows, double res2) {
    int l = j + count - 1;
    int j1 = Math.min(j + 1, l);
    int j2 = Math.min(j + 2, l);
    int j3 = Math.min(j + 3, l);
    int j4 = Math.min(j + 4, l);
    double[] o0 = outs[1 + j];
    double[] o1 = outs[1 + j1];
    double[] o2 = outs[1 + j2];
    double[] o3 = outs[1 + j3];
    double[] o4 = outs[1 + j4];
    double[] d0s = jb[j];
    double[] d1s = jb[j1];
    double[] d2s = jb[j2];
    double[] d3s = jb[j3];
    double[] d4s = jb[j4];
    double c0 = chain[j];
    double c1 = chain[j1];
    double c2 = chain[j2];
    double c3 = chain[j3];
    double c4 = chain[j4];
    double g0 = grad[j];
    double g1 = grad[j1];
    double g2 = grad[j2];
    double g3 = grad[j3];
    double g4 = grad[j4];
    double n0 = colNorm2[j];
    double n1 = colNorm2[j1];
    double n2 = colNorm2[j2];
    double n3 = colNorm2[j3];
    double n4 = colNorm2[j4];
    double rr = res2;
    boolean first = j == 0;
    for (int k = 0; k < rows; k++) {
      int at = rowAt[k];
      double scale = rowScale[k];
      double root = rowRoot[k];
      double rt = rb[k];
      if (first) {
        rr += rt * rt;
      }
      double d0 = o0[at] * scale * c0 * root;
      double d1 = o1[at] * scale * c1 * root;
      double d2 = o2[at] * scale * c2 * root;
      double d3 = o3[at] * scale * c3 * root;
      double d4 = o4[at] * scale * c4 * root;
      d0s[k] = d0;
      d1s[k] = d1;
      d2s[k] = d2;
      d3s[k] = d3;
      d4s[k] = d4;
      g0 += d0 * rt;
      n0 += d0 * d0;
      g1 += d1 * rt;
      n1 += d1 * d1;
      g2 += d2 * rt;
      n2 += d2 * d2;
      g3 += d3 * rt;
      n3 += d3 * d3;
      g4 += d4 * rt;
      n4 += d4 * d4;
    }
    // a repeated column summed the same numbers as the one it repeats: either store will do
    grad[j4] = g4;
    colNorm2[j4] = n4;
    grad[j3] = g3;
    colNorm2[j3] = n3;
    grad[j2] = g2;
    colNorm2[j2] = n2;
    grad[j1] = g1;
    colNorm2[j1] = n1;
    grad[j] = g0;
    colNorm2[j] = n0;
    return rr;
  }

  private static boolean finite(double[] xs, int rows) {
    for (int k = 0; k < rows; k++) {
      if (!(Math.abs(xs[k]) < Double.POSITIVE_INFINITY)) {
        return false;
      }
    }
    return true;
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
    double res2 = 0;
    for (int from = 0; from < n; from += BLOCK) {
      int to = Math.min(n, from + BLOCK);
      prob.run.evaluate(ws, nat, from, to);
      double[] m = ws.output(0);
      for (int h = 0; h < outs.length; h++) {
        outs[h] = ws.output(h);
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
        double psi = loss.psi(res);
        double dpsi = loss.dpsi(res);
        res2 += u * psi * res;
        // ∇²r = ∇²m·scale − (log ? ∇r∇rᵀ : 0); Hessian += u[(ψ′ − ψ·[log])∇r∇rᵀ + ψ·scale·∇²m]
        rowAt[rows] = i;
        rowScale[rows] = scale;
        rowRoot[rows] = u;
        rb[rows] = u * psi;
        rowOuter[rows] = u * (dpsi - (log ? psi : 0));
        rowCurv[rows] = u * psi * scale;
        rows++;
      }
      // ∇r column by column (as the Jacobian, five to a pass), then the Hessian's entries five to a pass
      for (int j = 0; j < p; j += 5) {
        residualGradients(j, Math.min(5, p - j), rows);
      }
      for (int q = 0; q < pairs.length; q += 5) {
        hessianEntries(q, Math.min(5, pairs.length - q), rows);
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
   * ∇r for columns j..j+count-1 (count 1 to 5) into jb (∂m/∂θ·chain·scale per kept row), adding
   * uψ·∂r to grad and u·∂r² to colNorm2 in row order (rb holds uψ, rowRoot u; as
   * {@link #jacobianColumns}, ten sums share a pass and a missing column repeats the last).
   */
  private void residualGradients(int j, int count, int rows) {
    int l = j + count - 1;
    int[] js = {j, Math.min(j + 1, l), Math.min(j + 2, l), Math.min(j + 3, l), Math.min(j + 4, l)};
    double[] o0 = outs[1 + js[0]];
    double[] o1 = outs[1 + js[1]];
    double[] o2 = outs[1 + js[2]];
    double[] o3 = outs[1 + js[3]];
    double[] o4 = outs[1 + js[4]];
    double[] d0s = jb[js[0]];
    double[] d1s = jb[js[1]];
    double[] d2s = jb[js[2]];
    double[] d3s = jb[js[3]];
    double[] d4s = jb[js[4]];
    double c0 = chain[js[0]];
    double c1 = chain[js[1]];
    double c2 = chain[js[2]];
    double c3 = chain[js[3]];
    double c4 = chain[js[4]];
    double g0 = grad[js[0]];
    double g1 = grad[js[1]];
    double g2 = grad[js[2]];
    double g3 = grad[js[3]];
    double g4 = grad[js[4]];
    double n0 = colNorm2[js[0]];
    double n1 = colNorm2[js[1]];
    double n2 = colNorm2[js[2]];
    double n3 = colNorm2[js[3]];
    double n4 = colNorm2[js[4]];
    for (int k = 0; k < rows; k++) {
      int at = rowAt[k];
      double scale = rowScale[k];
      double u = rowRoot[k];
      double upsi = rb[k];
      double d0 = o0[at] * c0 * scale;
      double d1 = o1[at] * c1 * scale;
      double d2 = o2[at] * c2 * scale;
      double d3 = o3[at] * c3 * scale;
      double d4 = o4[at] * c4 * scale;
      d0s[k] = d0;
      d1s[k] = d1;
      d2s[k] = d2;
      d3s[k] = d3;
      d4s[k] = d4;
      g0 += upsi * d0;
      n0 += u * d0 * d0;
      g1 += upsi * d1;
      n1 += u * d1 * d1;
      g2 += upsi * d2;
      n2 += u * d2 * d2;
      g3 += upsi * d3;
      n3 += u * d3 * d3;
      g4 += upsi * d4;
      n4 += u * d4 * d4;
    }
    double[] gs = {g0, g1, g2, g3, g4};
    double[] ns = {n0, n1, n2, n3, n4};
    for (int q = 4; q >= 0; q--) {
      grad[js[q]] = gs[q];
      colNorm2[js[q]] = ns[q];
    }
  }

  /**
   * Hessian entries for pairs q..q+count-1 (count 1 to 5) of {@link #pairs}: per kept row,
   * outer·∂r_j·∂r_k + curv·∂²m_jk (∂²m in solver coordinates: the second partial times both
   * chain factors, plus the first partial's chain term on a log-fitted diagonal), summed in row
   * order; five sums share a pass, a missing pair repeats the last.
   */
  private void hessianEntries(int q, int count, int rows) {
    int l = q + count - 1;
    int[] ps = {q, Math.min(q + 1, l), Math.min(q + 2, l), Math.min(q + 3, l), Math.min(q + 4, l)};
    double[][] s2 = new double[5][];
    double[][] dj = new double[5][];
    double[][] dk = new double[5][];
    double[][] s1 = new double[5][];
    double[] cjk = new double[10];
    double[] cd = new double[5];
    double[] acc = new double[5];
    for (int e = 0; e < 5; e++) {
      int[] pr = pairs[ps[e]];
      int j = pr[0];
      int k = pr[1];
      s2[e] = outs[pr[2]];
      dj[e] = jb[j];
      dk[e] = jb[k];
      cjk[2 * e] = chain[j];
      cjk[2 * e + 1] = chain[k];
      // off the log-fitted diagonal nothing is added: + (−0)·1 leaves every number as it is
      boolean diag = j == k && prob.logParam[j];
      s1[e] = diag ? outs[1 + j] : negativeZeros;
      cd[e] = diag ? chain[j] : 1;
      acc[e] = hess[j * p + k];
    }
    double[] a0 = s2[0], a1 = s2[1], a2 = s2[2], a3 = s2[3], a4 = s2[4];
    double[] x0 = dj[0], x1 = dj[1], x2 = dj[2], x3 = dj[3], x4 = dj[4];
    double[] y0 = dk[0], y1 = dk[1], y2 = dk[2], y3 = dk[3], y4 = dk[4];
    double[] b0 = s1[0], b1 = s1[1], b2 = s1[2], b3 = s1[3], b4 = s1[4];
    double h0 = acc[0], h1 = acc[1], h2 = acc[2], h3 = acc[3], h4 = acc[4];
    double j0 = cjk[0], j1 = cjk[2], j2 = cjk[4], j3 = cjk[6], j4 = cjk[8];
    double k0 = cjk[1], k1 = cjk[3], k2 = cjk[5], k3 = cjk[7], k4 = cjk[9];
    double e0 = cd[0], e1 = cd[1], e2 = cd[2], e3 = cd[3], e4 = cd[4];
    for (int r = 0; r < rows; r++) {
      int at = rowAt[r];
      double outer = rowOuter[r];
      double curv = rowCurv[r];
      h0 += outer * x0[r] * y0[r] + curv * (a0[at] * j0 * k0 + b0[at] * e0);
      h1 += outer * x1[r] * y1[r] + curv * (a1[at] * j1 * k1 + b1[at] * e1);
      h2 += outer * x2[r] * y2[r] + curv * (a2[at] * j2 * k2 + b2[at] * e2);
      h3 += outer * x3[r] * y3[r] + curv * (a3[at] * j3 * k3 + b3[at] * e3);
      h4 += outer * x4[r] * y4[r] + curv * (a4[at] * j4 * k4 + b4[at] * e4);
    }
    double[] hs = {h0, h1, h2, h3, h4};
    for (int e = 4; e >= 0; e--) {
      int[] pr = pairs[ps[e]];
      hess[pr[0] * p + pr[1]] = hs[e];
    }
  }

  /**
   * Folds {@code rows} rows of the block's columns jb[0..p-1] and rb into the p×p factor r and
   * qtr with Householder reflections; jb is left zeroed, rb overwritten.
   *
   * <p>The arithmetic is the textbook one, each sum taken in row order, so the factor is the
   * same to the last bit as one reflection and one dot product at a time (LeastSquaresFoldTest); the
   * loops are only arranged so that a reflection's dot products with every later column (and
   * with rb) share one pass over the rows, with the column's own norm when the factor's row is
   * still untouched, or else the norm is summed in the pass that updates the column. A sum in
   * row order is a chain of dependent additions: one chain per pass leaves the processor
   * waiting on each addition, several independent chains in one pass keep it busy.
   */
  static void fold(double[][] jb, double[] rb, double[] r, double[] qtr, int p, int rows) {
    double[] dots = new double[p + 1];
    double norm2 = 0;
    boolean normDone = false;
    for (int k = 0; k < p; k++) {
      double[] ck = jb[k];
      double rkk = r[k * p + k];
      // Row k of the factor still all +0 (the first block of rows): the reflection's dot products
      // start from v0·(+0) = −0 whatever v0 is (v0 = −norm < 0 here), so they can be summed in the
      // same pass as the column's norm, before v0 is known
      boolean fresh = !normDone && untouched(r, qtr, k, p);
      if (fresh) {
        dots[k] = rkk * rkk;
        for (int t = k + 1; t <= p; t++) {
          dots[t] = -0.0;
        }
        dotsWith(jb, ck, rb, k, p, rows, dots);
        norm2 = dots[k];
      } else if (!normDone) {
        norm2 = squares(ck, rows, rkk * rkk);
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
      if (!fresh || !(Math.abs(v0) < Double.POSITIVE_INFINITY)) {
        // targets t = k+1 .. p-1 are columns of jb, t = p is rb; dots[t] = v0·r[k][t] + Σ jb_k·target_t
        // (an infinite v0 makes v0·0 NaN: the sums are then taken again from that start)
        for (int t = k + 1; t <= p; t++) {
          dots[t] = v0 * (t < p ? r[k * p + t] : qtr[k]);
        }
        dotsWith(jb, ck, rb, k + 1, p, rows, dots);
      }
      for (int t = k + 1; t <= p; t++) {
        double dot = dots[t] * beta;
        if (t < p) {
          r[k * p + t] -= dot * v0;
          if (t == k + 1 && !untouched(r, qtr, t, p)) {
            // update the next column and sum its squares in the same pass (its norm for step k+1)
            double rn = r[t * p + t];
            norm2 = updateAndSquare(jb[t], ck, dot, rows, rn * rn);
            normDone = true;
          } else {
            update(jb[t], ck, dot, rows);
          }
        } else {
          qtr[k] -= dot * v0;
          update(rb, ck, dot, rows);
        }
      }
      r[k * p + k] = alpha;
      java.util.Arrays.fill(ck, 0, rows, 0);
    }
  }

  /** Whether row k of the factor (diagonal on) and qtr[k] are all +0, as before the first block. */
  private static boolean untouched(double[] r, double[] qtr, int k, int p) {
    for (int t = k; t < p; t++) {
      if (Double.doubleToRawLongBits(r[k * p + t]) != 0) {
        return false;
      }
    }
    return Double.doubleToRawLongBits(qtr[k]) == 0;
  }

  /** init + Σ a[i]², summed in row order. */
  private static double squares(double[] a, int rows, double init) {
    double s = init;
    for (int i = 0; i < rows; i++) {
      s += a[i] * a[i];
    }
    return s;
  }

  /** a[i] −= dot·c[i]. */
  private static void update(double[] a, double[] c, double dot, int rows) {
    for (int i = 0; i < rows; i++) {
      a[i] -= dot * c[i];
    }
  }

  /** The same update, returning init + Σ (updated a[i])² in row order. */
  private static double updateAndSquare(double[] a, double[] c, double dot, int rows, double init) {
    double s = init;
    for (int i = 0; i < rows; i++) {
      double v = a[i] - dot * c[i];
      a[i] = v;
      s += v * v;
    }
    return s;
  }

  /**
   * dots[t] += Σ c·target_t in row order for every target t = from..p (jb[t], and rb for
   * t = p), each sum its own chain: up to six chains share a pass over the rows.
   */
  private static void dotsWith(double[][] jb, double[] c, double[] rb, int from, int p, int rows, double[] dots) {
    int t = from;
    while (t <= p) {
      int m = Math.min(6, p + 1 - t);
      int last = t + m - 1;
      // a missing target repeats the last one and its sum is dropped
      double[] a0 = target(jb, rb, t, p);
      double[] a1 = target(jb, rb, Math.min(t + 1, last), p);
      double[] a2 = target(jb, rb, Math.min(t + 2, last), p);
      double[] a3 = target(jb, rb, Math.min(t + 3, last), p);
      double[] a4 = target(jb, rb, Math.min(t + 4, last), p);
      double[] a5 = target(jb, rb, Math.min(t + 5, last), p);
      double s0 = dots[t];
      double s1 = m > 1 ? dots[t + 1] : 0;
      double s2 = m > 2 ? dots[t + 2] : 0;
      double s3 = m > 3 ? dots[t + 3] : 0;
      double s4 = m > 4 ? dots[t + 4] : 0;
      double s5 = m > 5 ? dots[t + 5] : 0;
      if (m == 1) {
        for (int i = 0; i < rows; i++) {
          s0 += c[i] * a0[i];
        }
      } else if (m == 2) {
        for (int i = 0; i < rows; i++) {
          double x = c[i];
          s0 += x * a0[i];
          s1 += x * a1[i];
        }
      } else if (m <= 4) {
        for (int i = 0; i < rows; i++) {
          double x = c[i];
          s0 += x * a0[i];
          s1 += x * a1[i];
          s2 += x * a2[i];
          s3 += x * a3[i];
        }
      } else {
        for (int i = 0; i < rows; i++) {
          double x = c[i];
          s0 += x * a0[i];
          s1 += x * a1[i];
          s2 += x * a2[i];
          s3 += x * a3[i];
          s4 += x * a4[i];
          s5 += x * a5[i];
        }
      }
      double[] sums = {s0, s1, s2, s3, s4, s5};
      for (int q = 0; q < m; q++) {
        dots[t + q] = sums[q];
      }
      t += m;
    }
  }

  private static double[] target(double[][] jb, double[] rb, int t, int p) {
    return t < p ? jb[t] : rb;
  }
}
