package org.lawlang.solve;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lawlang.eval.BenchProblems;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The evaluation floor (not a test): one evaluation of the Chinchilla fit's objective, as the
 * solvers call it, through the tape ({@link LeastSquaresPass} on the compiled model, exactly what a fit
 * runs) and hand-coded in a plain Java loop for L = E + A/N^α + B/D^β (Huber on log residuals,
 * delta 1e-3, 240 rows, E, A, B fitted as their logarithms). Three kinds of evaluation:
 *
 * <ul>
 *   <li>{@code objective}: the Huber sum only (the screen of a grid);
 *   <li>{@code full}: the sum, the reweighted Jacobian folded into R and Qᵀr by Householder QR,
 *       the gradient and the column norms (every Levenberg–Marquardt step);
 *   <li>{@code hessian}: the sum, the gradient and the exact Hessian (the Newton end game).
 * </ul>
 *
 * <p>The floor reads ln N and ln D computed once (as the tape does with data-only nodes) and
 * calls the same Householder fold as {@link LeastSquaresPass}: what it leaves out is only the tape's
 * interpretation. Each pair is checked to agree before timing, so the floor computes the same
 * numbers. Divide a score by 240 for ns per row. Run with {@code bench/floor.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 6, time = 1)
@Fork(value = 1, jvmArgs = {"-Xss16m"})
public class FloorBench {
  /** Where the parameters sit: near the optimum (most evaluations) or at a grid start far from it. */
  @Param({"optimum", "start"})
  public String point;

  /** The data file, relative to the repository (bench/floor.sh runs there) unless the property floor.csv names it. */
  static final String CSV = System.getProperty("floor.csv", "examples/data/epoch_chinchilla_svg_extracted_data.csv");

  FitProblem prob;
  LeastSquaresPass nm;
  double[] theta;
  Floor floor;

  @Setup(Level.Trial)
  public void setUp() {
    BenchProblems.Bound b = BenchProblems.chinchilla(Path.of(CSV));
    prob = b.problem();
    nm = new LeastSquaresPass(prob);
    List<String> names = b.names();
    double[] nat = new double[names.size()];
    boolean optimum = point.equals("optimum");
    for (int j = 0; j < nat.length; j++) {
      nat[j] = switch (names.get(j)) {
        case "E" -> optimum ? 1.8172 : Math.exp(0.5);
        case "A" -> optimum ? 482.0 : Math.exp(5);
        case "alpha" -> optimum ? 0.3478 : 0.5;
        case "B" -> optimum ? 2085.4 : Math.exp(10);
        case "beta" -> optimum ? 0.3658 : 0.5;
        default -> throw new IllegalStateException("unexpected parameter " + names.get(j));
      };
    }
    theta = prob.theta(nat);
    floor = new Floor(prob, names);
    floor.check(nm, theta);
  }

  @Benchmark
  public double tapeObjective() {
    return nm.objective(theta, null);
  }

  @Benchmark
  public double floorObjective() {
    return floor.objective(theta);
  }

  @Benchmark
  public double tapeFull() {
    return nm.full(theta, null);
  }

  @Benchmark
  public double floorFull() {
    return floor.full(theta);
  }

  @Benchmark
  public double tapeHessian() {
    return nm.hessian(theta, null);
  }

  @Benchmark
  public double floorHessian() {
    return floor.hessian(theta);
  }

  /** The same three evaluations written by hand for this one model. */
  static final class Floor {
    final int n;
    final int p = 5;
    final double[] lnN;
    final double[] lnD;
    final double[] y;
    final double delta = 1e-3;
    /** Where E, A, α, B, β sit in the solver's parameter order. */
    final int iE;
    final int iA;
    final int iAlpha;
    final int iB;
    final int iBeta;
    final double[][] jb = new double[p][LeastSquaresPass.BLOCK];
    final double[] rb = new double[LeastSquaresPass.BLOCK];
    final double[] r = new double[p * p];
    final double[] qtr = new double[p];
    final double[] grad = new double[p];
    final double[] colNorm2 = new double[p];
    final double[] hess = new double[p * p];

    Floor(FitProblem prob, List<String> names) {
      n = prob.n;
      y = prob.target;
      double[] nCol = prob.run.column("#N");
      double[] dCol = prob.run.column("#D");
      lnN = new double[n];
      lnD = new double[n];
      for (int i = 0; i < n; i++) {
        lnN[i] = Math.log(nCol[i]);
        lnD[i] = Math.log(dCol[i]);
      }
      iE = names.indexOf("E");
      iA = names.indexOf("A");
      iAlpha = names.indexOf("alpha");
      iB = names.indexOf("B");
      iBeta = names.indexOf("beta");
    }

    double objective(double[] t) {
      double e = Math.exp(t[iE]);
      double a = Math.exp(t[iA]);
      double alpha = t[iAlpha];
      double b = Math.exp(t[iB]);
      double beta = t[iBeta];
      double sum = 0;
      for (int i = 0; i < n; i++) {
        double m = e + a * Math.exp(-alpha * lnN[i]) + b * Math.exp(-beta * lnD[i]);
        double res = Math.log(m) - y[i];
        double abs = Math.abs(res);
        sum += abs <= delta ? 0.5 * res * res : delta * (abs - 0.5 * delta);
      }
      return sum;
    }

    double full(double[] t) {
      double e = Math.exp(t[iE]);
      double a = Math.exp(t[iA]);
      double alpha = t[iAlpha];
      double b = Math.exp(t[iB]);
      double beta = t[iBeta];
      java.util.Arrays.fill(r, 0);
      java.util.Arrays.fill(qtr, 0);
      java.util.Arrays.fill(grad, 0);
      java.util.Arrays.fill(colNorm2, 0);
      double sum = 0;
      for (int from = 0; from < n; from += LeastSquaresPass.BLOCK) {
        int rows = Math.min(n, from + LeastSquaresPass.BLOCK) - from;
        for (int k = 0; k < rows; k++) {
          int i = from + k;
          double pa = a * Math.exp(-alpha * lnN[i]);
          double pb = b * Math.exp(-beta * lnD[i]);
          double m = e + pa + pb;
          double res = Math.log(m) - y[i];
          double abs = Math.abs(res);
          boolean inside = abs <= delta;
          sum += inside ? 0.5 * res * res : delta * (abs - 0.5 * delta);
          double psi = inside ? res : delta * Math.signum(res);
          double sw = Math.sqrt(inside ? 1 : delta / abs);
          double rt = psi / sw;
          double s = sw / m;
          row(k, iE, e * s, rt);
          row(k, iA, pa * s, rt);
          row(k, iAlpha, -pa * lnN[i] * s, rt);
          row(k, iB, pb * s, rt);
          row(k, iBeta, -pb * lnD[i] * s, rt);
          rb[k] = rt;
        }
        LeastSquaresPass.fold(jb, rb, r, qtr, p, rows);
      }
      return sum;
    }

    private void row(int k, int j, double d, double rt) {
      jb[j][k] = d;
      grad[j] += d * rt;
      colNorm2[j] += d * d;
    }

    double hessian(double[] t) {
      double e = Math.exp(t[iE]);
      double a = Math.exp(t[iA]);
      double alpha = t[iAlpha];
      double b = Math.exp(t[iB]);
      double beta = t[iBeta];
      java.util.Arrays.fill(hess, 0);
      java.util.Arrays.fill(grad, 0);
      java.util.Arrays.fill(colNorm2, 0);
      double[] dm = new double[p];
      double sum = 0;
      for (int i = 0; i < n; i++) {
        double ln = lnN[i];
        double ld = lnD[i];
        double pa = a * Math.exp(-alpha * ln);
        double pb = b * Math.exp(-beta * ld);
        double m = e + pa + pb;
        double res = Math.log(m) - y[i];
        double abs = Math.abs(res);
        boolean inside = abs <= delta;
        sum += inside ? 0.5 * res * res : delta * (abs - 0.5 * delta);
        double psi = inside ? res : delta * Math.signum(res);
        double scale = 1 / m;
        dm[iE] = e;
        dm[iA] = pa;
        dm[iAlpha] = -pa * ln;
        dm[iB] = pb;
        dm[iBeta] = -pb * ld;
        for (int j = 0; j < p; j++) {
          double d = dm[j] * scale;
          grad[j] += psi * d;
          colNorm2[j] += d * d;
        }
        // ∇²(ln m) = ∇²m/m − ∇m∇mᵀ/m²; Hessian += ψ′·∇r∇rᵀ + ψ·∇²r
        double outer = (inside ? 1 : 0) - psi;
        double curv = psi * scale;
        for (int j = 0; j < p; j++) {
          double dj = dm[j] * scale * outer;
          for (int k = j; k < p; k++) {
            hess[j * p + k] += dj * dm[k] * scale;
          }
        }
        // the nonzero second derivatives of m in solver coordinates
        hess[iE * p + iE] += curv * e;
        hess[iA * p + iA] += curv * pa;
        hess[Math.min(iA, iAlpha) * p + Math.max(iA, iAlpha)] += curv * -pa * ln;
        hess[iAlpha * p + iAlpha] += curv * pa * ln * ln;
        hess[iB * p + iB] += curv * pb;
        hess[Math.min(iB, iBeta) * p + Math.max(iB, iBeta)] += curv * -pb * ld;
        hess[iBeta * p + iBeta] += curv * pb * ld * ld;
      }
      for (int j = 0; j < p; j++) {
        for (int k = 0; k < j; k++) {
          hess[j * p + k] = hess[k * p + j];
        }
      }
      return sum;
    }

    /** Fails unless every result of the floor agrees with the tape's to 1e-9 relative. */
    void check(LeastSquaresPass nm, double[] t) {
      agree("objective", objective(t), nm.objective(t, null));
      agree("full objective", full(t), nm.full(t, null));
      double rScale = largest(nm.r);
      for (int k = 0; k < p * p; k++) {
        agree("|R| entry " + k, Math.abs(r[k]), Math.abs(nm.r[k]), rScale);
      }
      double gScale = largest(nm.grad);
      double qScale = largest(nm.qtr);
      for (int j = 0; j < p; j++) {
        agree("gradient " + j, grad[j], nm.grad[j], gScale);
        agree("|Qᵀr| " + j, Math.abs(qtr[j]), Math.abs(nm.qtr[j]), qScale);
        agree("column norm " + j, colNorm2[j], nm.colNorm2[j]);
      }
      agree("hessian objective", hessian(t), nm.hessian(t, null));
      double hScale = largest(nm.hess);
      for (int k = 0; k < p * p; k++) {
        agree("Hessian entry " + k, hess[k], nm.hess[k], hScale);
      }
    }

    private static double largest(double[] xs) {
      double m = 0;
      for (double x : xs) {
        m = Math.max(m, Math.abs(x));
      }
      return m;
    }

    private static void agree(String what, double floor, double tape) {
      agree(what, floor, tape, Math.abs(tape));
    }

    /** Agreement to 1e-9 of {@code scale} (the largest entry of a matrix: its small entries carry its rounding). */
    private static void agree(String what, double floor, double tape, double scale) {
      if (!(Math.abs(floor - tape) <= 1e-9 * scale + 1e-300)) {
        throw new IllegalStateException("the floor's " + what + " is " + floor + ", the tape's " + tape);
      }
    }
  }
}
