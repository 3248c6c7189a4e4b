package org.lawlang.solve;

import java.util.ArrayList;
import java.util.List;

/**
 * Figures of merit at a fitted point, in natural parameter units: residual sums of squares
 * on the fitting scale, R², AIC/BIC (Gaussian, from the RSS), asymptotic standard errors and
 * correlations (least squares: s²(JᵀJ)⁻¹; Huber: Huber's M-estimator formula
 * K²·[Σψ²/(n−p)]/[mean ψ′]²·(JᵀJ)⁻¹), and the condition number of the column-scaled Jacobian.
 * What the data cannot determine is measured two ways. {@code singular} is the smallest
 * singular value of the column-scaled Jacobian over its largest: at or below
 * {@link #SINGULAR} the Jacobian is singular to working precision, and {@code confounded}
 * lists the parameters its weakest direction (and any other null one) moves.
 * {@code relativeSe} is each parameter's standard error over its own size |estimate|, and
 * {@code undetermined} lists the parameters moved by the weakest direction of the Jacobian
 * scaled by the estimates (∂r/∂ln|θ|), along which the relative standard error is largest.
 */
public record FitStatistics(double rss, double tss, double r2, double aic, double bic, double[] se,
    double[][] correlation, double condition, int rows, int[] confounded, double singular, double[] relativeSe,
    int[] undetermined) {
  /**
   * The Jacobian counts as singular when its column-scaled smallest singular value is at most
   * this fraction of the largest: 1000 machine epsilons. The columns are exact derivatives
   * rounded to a few ulps and summed over the rows, so a direction weaker than this is
   * indistinguishable from an exact null direction (b*c*x fitted as b and c gives 0,
   * a + b*x + c*exp(1e-9*x) gives 7e-17: c*exp(1e-9*x) is c + 1e-9*c*x to within rounding).
   */
  public static final double SINGULAR = 1e3 * Math.ulp(1.0);
  /**
   * A parameter whose standard error exceeds its |estimate| this many times is not determined
   * by the data: its approximate 95% interval is some 40 times wider than the estimate is far
   * from zero, so neither its sign nor its order of magnitude is known. A relative error near
   * 1 only means "not distinguishable from zero", which a well-determined parameter can be:
   * NIST certifies MGH09's b2 and Nelson's b2 with relative standard errors 1.03 and 1.09.
   */
  public static final double UNDETERMINED = 10;
  /** Singular values below this fraction of the largest count as zero when naming confounded parameters. */
  static final double NULL_SPACE = 1e-10;
  /** A parameter belongs to a null direction when its component is at least this fraction of the largest. */
  static final double MEMBER = 0.1;

  /** Computes the statistics at {@code theta} (solver coordinates). */
  public static FitStatistics at(FitProblem prob, double[] theta) {
    int p = prob.p;
    int n = prob.n;
    LeastSquaresPass nm = new LeastSquaresPass(prob);
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
    double[] residuals = new double[n];
    double[] weights = new double[n];
    for (int i = 0; i < n; i++) {
      double u = prob.weight(i);
      double res = view.residual(i);
      residuals[i] = res;
      weights[i] = u;
      rss += u * res * res;
      sw += u;
      swy += u * prob.target[i];
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
    double[][] gram = DampedSteps.inverseGram(r, p);
    double[] se = new double[p];
    double[][] corr = new double[p][p];
    // degrees of freedom from the observations, not the weights' sum: precision weights scaled by
    // c scale the residual sum by c and (JᵀWJ)⁻¹ by 1/c, so the standard errors do not move
    double factor = prob.loss.covarianceFactor(residuals, weights, prob.observations(), p);
    for (int i = 0; i < p; i++) {
      se[i] = gram == null || n <= p ? Double.NaN : Math.sqrt(factor * gram[i][i]);
      for (int j = 0; j < p; j++) {
        corr[i][j] = gram == null ? Double.NaN : gram[i][j] / Math.sqrt(gram[i][i] * gram[j][j]);
      }
    }
    double[] scale = new double[p];
    double[] magnitude = new double[p];
    double[] relSe = new double[p];
    for (int j = 0; j < p; j++) {
      // a column that is zero (the parameter changes nothing) stays zero: its own null direction
      scale[j] = colNorm[j] > 0 ? 1 / colNorm[j] : 0;
      magnitude[j] = Math.abs(nat[j]);
      relSe[j] = se[j] / magnitude[j];
    }
    double[] ratio = new double[1];
    int[] confounded = weakest(r, scale, p, true, ratio);
    int[] undetermined = weakest(r, magnitude, p, false, null);
    // from the singular values, not the Gram matrix's eigenvalues: squaring loses a small one below ~1e-8
    double cond = ratio[0] > 0 ? 1 / ratio[0] : ratio[0] == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    return new FitStatistics(rss, tss, r2, aic, bic, se, corr, cond, n, confounded, ratio[0], relSe, undetermined);
  }

  /**
   * The parameters moved by the right singular vector of R·diag(scale) with the smallest
   * singular value (and, if {@code nulls}, by any other whose value is near zero): moving them
   * along it changes the model least, relative to these units. With the column norms' inverses
   * as the scale, near-zero values are null directions of the Jacobian, which the pairwise
   * correlations cannot show (with a singular Jacobian they are all NaN); with the estimates'
   * magnitudes, it is the direction of the largest relative standard error.
   * {@code ratio[0]}, when given, gets the smallest singular value over the largest.
   */
  private static int[] weakest(double[] r, double[] scale, int p, boolean nulls, double[] ratio) {
    double[][] scaled = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = i; j < p; j++) {
        scaled[i][j] = scale[j] == 0 ? 0 : r[i * p + j] * scale[j];
        if (!Double.isFinite(scaled[i][j])) {
          if (ratio != null) {
            ratio[0] = Double.NaN;
          }
          return new int[0];
        }
      }
    }
    SmallSvd svd = SmallSvd.of(scaled);
    double[] sv = svd.singularValues();
    if (ratio != null) {
      ratio[0] = sv[0] > 0 ? sv[p - 1] / sv[0] : 0;
    }
    boolean[] member = new boolean[p];
    for (int k = 0; k < p; k++) {
      // always the weakest direction (index p − 1: values are sorted descending), then any other null one
      if (k != p - 1 && !(nulls && sv[k] <= NULL_SPACE * sv[0])) {
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
      if (member[j] || scale[j] == 0) {
        out.add(j);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Residuals at a point, evaluated once (fitting scale). */
  static final class TapeRunView {
    final double[] res;

    TapeRunView(FitProblem prob, double[] nat) {
      res = new double[prob.n];
      var ws = prob.run.workspace(LeastSquaresPass.BLOCK);
      for (int from = 0; from < prob.n; from += LeastSquaresPass.BLOCK) {
        int to = Math.min(prob.n, from + LeastSquaresPass.BLOCK);
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
