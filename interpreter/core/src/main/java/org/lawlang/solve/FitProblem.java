package org.lawlang.solve;

import org.lawlang.compile.TapeRun;

/**
 * A curve fit ready for the solvers: a compiled model with its exact partials bound to the
 * data (output 0 is the prediction, output 1+j its derivative by parameter j), the target
 * on the fitting scale, optional row weights, the loss, and each parameter's box in the
 * solver's coordinates θ (a positive parameter is fitted as θ = ln p, which puts starts like
 * A = exp(25) and A = 1 the same distance apart as the numbers suggest).
 */
public final class FitProblem {
  final TapeRun run;
  final double[] target;
  final double[] weights;
  final boolean counts;
  final boolean logScale;
  final Loss loss;
  final boolean[] logParam;
  final double[] lo;
  final double[] hi;
  final int p;
  final int n;

  /**
   * @param target the target on the fitting scale (already ln y when the loss is on the log scale)
   * @param weights row weights, or null for 1
   * @param lo lower bounds of the natural parameters (-inf for none)
   * @param hi upper bounds
   * @param logParam which parameters are fitted as their logarithm (need lo >= 0)
   */
  public FitProblem(TapeRun run, double[] target, double[] weights, Loss loss, double[] lo, double[] hi, boolean[] logParam) {
    this(run, target, weights, false, loss, lo, hi, logParam);
  }

  /**
   * @param counts whether the weights count repeated rows (a row of weight 3 is three
   *     observations) rather than give each row's precision (the default: scaling every weight
   *     by the same factor changes no estimate and no standard error)
   */
  public FitProblem(TapeRun run, double[] target, double[] weights, boolean counts, Loss loss,
      double[] lo, double[] hi, boolean[] logParam) {
    this.counts = counts;
    this.run = run;
    this.target = target;
    this.weights = weights;
    this.logScale = loss.logScale();
    this.loss = loss;
    this.p = lo.length;
    this.n = target.length;
    this.logParam = logParam.clone();
    this.lo = new double[p];
    this.hi = new double[p];
    for (int j = 0; j < p; j++) {
      this.lo[j] = logParam[j] ? (lo[j] > 0 ? Math.log(lo[j]) : Double.NEGATIVE_INFINITY) : lo[j];
      this.hi[j] = logParam[j] ? Math.log(hi[j]) : hi[j];
    }
  }

  /** Whether the compiled model carries second derivatives (outputs after the partials). */
  boolean hasHessian() {
    return run.tape().outputCount() > 1 + p;
  }

  public int parameters() {
    return p;
  }

  public int rows() {
    return n;
  }

  public Loss loss() {
    return loss;
  }

  public boolean logScale() {
    return logScale;
  }

  /**
   * True when a residual sum of squares is at rounding level: every row fits to about 12
   * significant digits of the target's scale. The angle test cannot judge such a fit (the
   * residual is noise), and it is as converged as a fit can be.
   */
  boolean exact(double resNorm2) {
    if (exactFloor < 0) {
      double scale = 1;
      for (double y : target) {
        scale = Math.max(scale, Math.abs(logScale && y > 0 ? Math.log(y) : y));
      }
      double w = 0;
      for (int i = 0; i < n; i++) {
        w += weight(i);
      }
      exactFloor = Math.max(w, 1) * Math.pow(1e-12 * scale, 2);
    }
    return resNorm2 <= exactFloor;
  }

  private double exactFloor = -1;

  public double[] target() {
    return target;
  }

  public double weight(int i) {
    return weights == null ? 1 : weights[i];
  }

  /**
   * How many observations the residuals stand for, in the standard errors' degrees of freedom:
   * the weights' sum when they count repeated rows, else the rows with a positive weight.
   */
  public double observations() {
    if (weights == null) {
      return n;
    }
    double out = 0;
    for (double w : weights) {
      out += counts ? w : w > 0 ? 1 : 0;
    }
    return out;
  }

  /** Whether rows carry weights other than 1. */
  public boolean weighted() {
    return weights != null;
  }

  /**
   * Whether the unweighted residuals are finite on every row at {@code theta}: when they are
   * and the fit still fails, it is the weights that make the objective overflow.
   */
  public boolean residualsFinite(double[] theta) {
    double[] nat = natural(theta);
    var ws = run.workspace(LeastSquaresPass.BLOCK);
    for (int from = 0; from < n; from += LeastSquaresPass.BLOCK) {
      int to = Math.min(n, from + LeastSquaresPass.BLOCK);
      run.evaluate(ws, nat, from, to);
      double[] m = ws.output(0);
      for (int i = from; i < to; i++) {
        double r = (logScale ? Math.log(m[i - from]) : m[i - from]) - target[i];
        if (!Double.isFinite(r)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Natural parameter values from solver coordinates. */
  public double[] natural(double[] theta) {
    double[] out = theta.clone();
    for (int j = 0; j < p; j++) {
      if (logParam[j]) {
        out[j] = Math.exp(theta[j]);
      }
    }
    return out;
  }

  /** Solver coordinates from natural values (which must lie in the bounds). */
  public double[] theta(double[] natural) {
    double[] out = natural.clone();
    for (int j = 0; j < p; j++) {
      if (logParam[j]) {
        out[j] = Math.log(natural[j]);
      }
    }
    return out;
  }

  /** Whether parameter j is fitted as its logarithm (declared positive). */
  public boolean logScaled(int j) {
    return logParam[j];
  }

  /** The solver-coordinate box. */
  public double lo(int j) {
    return lo[j];
  }

  public double hi(int j) {
    return hi[j];
  }

  /** The loss of one residual. */
  public double rho(double r) {
    return loss.rho(r);
  }

  /** What users read as the objective: the Huber sum as defined, or the weighted RSS for least squares. */
  public double reported(double f) {
    return loss.reported(f);
  }
}
