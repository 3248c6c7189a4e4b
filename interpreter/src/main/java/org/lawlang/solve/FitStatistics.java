package org.lawlang.solve;

import java.util.ArrayList;
import java.util.List;

/**
 * Figures of merit at a fitted point, in natural parameter units: residual sums of squares
 * on the fitting scale, R², AIC/BIC (Gaussian, from the RSS), asymptotic standard errors and
 * correlations (least squares: s²(JᵀJ)⁻¹; Huber: Huber's M-estimator formula
 * K²·[Σψ²/(n−p)]/[mean ψ′]²·(JᵀJ)⁻¹), and the condition number of the column-scaled Jacobian.
 * {@code confounded} lists the parameters (indices) that the column-scaled Jacobian's weakest
 * direction (and any other null one) moves: when the Jacobian is singular the correlations are
 * undefined, and near it every pair in that direction correlates ±1 however little it moves;
 * these are the parameters the data cannot tell apart if the status is not-identifiable.
 */
public record FitStatistics(double rss, double tss, double r2, double aic, double bic, double[] se,
    double[][] correlation, double condition, int rows, int[] confounded) {
  /** Singular values below this fraction of the largest count as zero when naming confounded parameters. */
  static final double NULL_SPACE = 1e-10;
  /** A parameter belongs to a null direction when its component is at least this fraction of the largest. */
  static final double MEMBER = 0.1;

  /** Computes the statistics at {@code theta} (solver coordinates). */
  public static FitStatistics at(FitProblem prob, double[] theta) {
    int p = prob.p;
    int n = prob.n;
    Normal nm = new Normal(prob);
    nm.naturalLsq(theta, null);
    double[] r = nm.r.clone();
    double[] colNorm = new double[p];
    for (int j = 0; j < p; j++) {
      colNorm[j] = Math.sqrt(nm.colNorm2[j]);
    }
    // residuals on the fitting scale, again, for RSS, TSS and the Huber factors
    double[] nat = prob.natural(theta);
    TapeRunView view = new TapeRunView(prob, nat);
    double rss = 0;
    double sw = 0;
    double swy = 0;
    double psi2 = 0;
    double dpsi = 0;
    double dpsi2 = 0;
    for (int i = 0; i < n; i++) {
      double u = prob.weight(i);
      double res = view.residual(i);
      rss += u * res * res;
      sw += u;
      swy += u * prob.target[i];
      if (prob.loss == FitProblem.Loss.HUBER) {
        boolean in = Math.abs(res) <= prob.delta;
        double ps = in ? res : prob.delta * Math.signum(res);
        psi2 += u * ps * ps;
        dpsi += in ? u : 0;
        dpsi2 += in ? u : 0;
      }
    }
    double mean = swy / sw;
    double tss = 0;
    for (int i = 0; i < n; i++) {
      double d = prob.target[i] - mean;
      tss += prob.weight(i) * d * d;
    }
    double r2 = tss > 0 ? 1 - rss / tss : Double.NaN;
    double ll = n * Math.log(rss / n);
    double aic = ll + 2 * p;
    double bic = ll + p * Math.log(n);
    double[][] gram = Steps.inverseGram(r, p);
    double[] se = new double[p];
    double[][] corr = new double[p][p];
    double factor;
    if (prob.loss == FitProblem.Loss.HUBER) {
      double m = dpsi / sw;
      double var = dpsi2 / sw - m * m;
      double k = 1 + (double) p / sw * (m > 0 ? var / (m * m) : Double.NaN);
      factor = m > 0 ? k * k * (psi2 / (sw - p)) / (m * m) : Double.NaN;
    } else {
      factor = rss / (sw - p);
    }
    for (int i = 0; i < p; i++) {
      se[i] = gram == null || n <= p ? Double.NaN : Math.sqrt(factor * gram[i][i]);
      for (int j = 0; j < p; j++) {
        corr[i][j] = gram == null ? Double.NaN : gram[i][j] / Math.sqrt(gram[i][i] * gram[j][j]);
      }
    }
    double cond = condition(r, colNorm, p);
    int[] confounded = confounded(r, colNorm, p);
    return new FitStatistics(rss, tss, r2, aic, bic, se, corr, cond, n, confounded);
  }

  /**
   * The parameters moved by the right singular vectors of the column-scaled R factor whose
   * singular values are (near) zero: moving them along such a vector leaves the model
   * unchanged to first order, so these, and no others, are the ones the data cannot fix.
   * (The pairwise correlations cannot say this: with a singular Jacobian they are all NaN.)
   */
  private static int[] confounded(double[] r, double[] colNorm, int p) {
    double[][] scaled = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = i; j < p; j++) {
        // a column that is zero (the parameter changes nothing) stays zero: its own null direction
        scaled[i][j] = colNorm[j] > 0 ? r[i * p + j] / colNorm[j] : 0;
        if (!Double.isFinite(scaled[i][j])) {
          return new int[0];
        }
      }
    }
    SmallSvd svd = SmallSvd.of(scaled);
    double[] sv = svd.singularValues();
    boolean[] member = new boolean[p];
    for (int k = 0; k < p; k++) {
      // always the weakest direction (index p − 1: values are sorted descending), then any other null one
      if (k != p - 1 && !(sv[k] <= NULL_SPACE * sv[0])) {
        continue;
      }
      double max = 0;
      for (int j = 0; j < p; j++) {
        max = Math.max(max, Math.abs(svd.v(j, k)));
      }
      for (int j = 0; j < p; j++) {
        member[j] |= Math.abs(svd.v(j, k)) >= MEMBER * max;
      }
    }
    List<Integer> out = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      if (member[j] || colNorm[j] == 0) {
        out.add(j);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Condition number of J with unit-norm columns: √(λmax/λmin) of its scaled Gram matrix. */
  private static double condition(double[] r, double[] colNorm, int p) {
    double[][] a = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        double s = 0;
        for (int k = 0; k <= Math.min(i, j); k++) {
          s += r[k * p + i] * r[k * p + j];
        }
        double d = colNorm[i] * colNorm[j];
        a[i][j] = d > 0 ? s / d : (i == j ? 0 : 0);
      }
    }
    double[] ev = Jacobi.eigenvalues(a);
    double max = 0;
    double min = Double.POSITIVE_INFINITY;
    for (double e : ev) {
      max = Math.max(max, e);
      min = Math.min(min, e);
    }
    return min > 0 ? Math.sqrt(max / min) : Double.POSITIVE_INFINITY;
  }

  /** Residuals at a point, evaluated once (fitting scale). */
  private static final class TapeRunView {
    final double[] res;

    TapeRunView(FitProblem prob, double[] nat) {
      res = new double[prob.n];
      var ws = prob.run.workspace(Normal.BLOCK);
      for (int from = 0; from < prob.n; from += Normal.BLOCK) {
        int to = Math.min(prob.n, from + Normal.BLOCK);
        prob.run.evaluate(ws, nat, from, to);
        double[] m = ws.output(0);
        for (int i = from; i < to; i++) {
          double mi = m[i - from];
          res[i] = (prob.logScale ? Math.log(mi) : mi) - prob.target[i];
        }
      }
    }

    double residual(int i) {
      return res[i];
    }
  }
}
