package org.lawlang.solve;

import java.util.List;
import org.lawlang.syntax.NumberFormat;

/**
 * The per-row loss of a fit's residual r, on the scale the fit works on (ln prediction − ln
 * target for the log losses). The solvers read only this: ρ (the row's contribution to the
 * objective), ψ = ρ′, ψ′, the weight ψ(r)/r of iteratively reweighted least squares, whether
 * Newton's method needs the model's second derivatives, and the factor of the sandwich
 * covariance. A new loss is one implementation here and one name in {@link #NAMES}.
 */
public sealed interface Loss permits Loss.LeastSquares, Loss.Huber {
  /** The names a script writes after {@code using}, for the checker's suggestions. */
  List<String> NAMES = List.of("lsq", "least_squares", "huber");

  /** The Huber delta when {@code huber} is written without one. */
  double DEFAULT_DELTA = 1e-3;

  /** The row's loss. */
  double rho(double r);

  /** ρ′(r). */
  double psi(double r);

  /** ψ′(r). */
  double dpsi(double r);

  /** ψ(r)/r, the row's weight in reweighted least squares (1 for least squares). */
  double weight(double r);

  /** Whether residuals are ln prediction − ln target. */
  boolean logScale();

  /** The same loss on the other scale ({@code on log}, {@code on raw}). */
  Loss onScale(boolean log);

  /** Whether the solver needs the model's second derivatives (a Newton end game). */
  boolean needsHessian();

  /** What users read as the objective from the ½-convention sum {@code f}. */
  double reported(double f);

  /** How the fit's summary names it: "least squares", "Huber (delta 0.001)". */
  String text();

  /**
   * The factor that turns (JᵀWJ)⁻¹ into the covariance of the estimates, from the weighted
   * residuals: the residual variance for least squares; Huber's sandwich (Huber 1981, §7.6)
   * with its small-sample correction for the robust loss.
   *
   * @param obs the observations (degrees of freedom), p the free parameters
   */
  double covarianceFactor(double[] residuals, double[] weights, double obs, int p);

  /** Least squares: ρ = r²/2, on the raw scale or (log least squares) on ln. */
  record LeastSquares(boolean logScale) implements Loss {
    public static final LeastSquares RAW = new LeastSquares(false);
    public static final LeastSquares LOG = new LeastSquares(true);

    @Override
    public double rho(double r) {
      return 0.5 * r * r;
    }

    @Override
    public double psi(double r) {
      return r;
    }

    @Override
    public double dpsi(double r) {
      return 1;
    }

    @Override
    public double weight(double r) {
      return 1;
    }

    @Override
    public Loss onScale(boolean log) {
      return log ? LOG : RAW;
    }

    @Override
    public boolean needsHessian() {
      return false;
    }

    @Override
    public double reported(double f) {
      return 2 * f;
    }

    @Override
    public String text() {
      return "least squares";
    }

    @Override
    public double covarianceFactor(double[] residuals, double[] weights, double obs, int p) {
      double rss = 0;
      for (int i = 0; i < residuals.length; i++) {
        rss += weights[i] * residuals[i] * residuals[i];
      }
      return rss / (obs - p);
    }
  }

  /** Huber's loss: r²/2 within delta, linear beyond; on the log scale unless {@code on raw}. */
  record Huber(double delta, boolean logScale) implements Loss {
    @Override
    public double rho(double r) {
      double a = Math.abs(r);
      return a <= delta ? 0.5 * r * r : delta * (a - 0.5 * delta);
    }

    @Override
    public double psi(double r) {
      return Math.abs(r) <= delta ? r : delta * Math.signum(r);
    }

    @Override
    public double dpsi(double r) {
      return Math.abs(r) <= delta ? 1 : 0;
    }

    @Override
    public double weight(double r) {
      double a = Math.abs(r);
      return a <= delta ? 1 : delta / a;
    }

    @Override
    public Loss onScale(boolean log) {
      return new Huber(delta, log);
    }

    @Override
    public boolean needsHessian() {
      return true;
    }

    @Override
    public double reported(double f) {
      return f;
    }

    @Override
    public String text() {
      return "Huber (delta " + NumberFormat.show(delta) + ")";
    }

    @Override
    public double covarianceFactor(double[] residuals, double[] weights, double obs, int p) {
      double sw = 0;
      double psi2 = 0;
      double dpsi = 0;
      for (int i = 0; i < residuals.length; i++) {
        double u = weights[i];
        double ps = psi(residuals[i]);
        sw += u;
        psi2 += u * ps * ps;
        dpsi += u * dpsi(residuals[i]);
      }
      double m = dpsi / sw;
      // ψ′ is 0 or 1, so its mean square is its mean
      double var = dpsi / sw - m * m;
      double k = 1 + (double) p / obs * (m > 0 ? var / (m * m) : Double.NaN);
      return m > 0 ? k * k * (psi2 / (obs - p)) / (m * m) : Double.NaN;
    }
  }
}
