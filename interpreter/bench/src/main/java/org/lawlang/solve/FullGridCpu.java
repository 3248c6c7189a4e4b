package org.lawlang.solve;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lawlang.eval.BenchProblems;

/**
 * The local searches of {@code fullgrid} (all 4,500 grid starts of the Chinchilla fit, as
 * {@code bench/fit_vs_peer.sh} runs them) on one thread, timed by this thread's CPU time, so
 * that the cost per evaluation can be compared across commits on a machine shared with other
 * work. Searches run to the screening tolerances, as fullgrid runs them before polishing the best few. Not a test. Run with {@code bench/floor.sh grid [rounds]}.
 */
public final class FullGridCpu {
  private FullGridCpu() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    BenchProblems.Bound b = BenchProblems.chinchilla(Path.of(FloorBench.CSV));
    FitProblem prob = b.problem();
    List<double[]> starts = grid(prob, b.names());
    var mx = ManagementFactory.getThreadMXBean();
    MultiStart.Options o = new MultiStart.Options(LevenbergMarquardt.METHOD, 1, LocalMinimiser.Tolerances.screening(), null, null, null);
    for (int r = 0; r < rounds; r++) {
      long c0 = mx.getCurrentThreadCpuTime();
      LocalMinimiser.Result[] res = MultiStart.starts(prob, starts, o);
      long c1 = mx.getCurrentThreadCpuTime();
      long evals = 0;
      double best = Double.POSITIVE_INFINITY;
      for (LocalMinimiser.Result x : res) {
        evals += x.iterations();
        best = Math.min(best, x.f());
      }
      System.out.printf(Locale.ROOT, "round %d: %d starts, %d evaluations, best %.16g, CPU %.3f s of the worker thread, %.2f µs per evaluation%n",
          r + 1, starts.size(), evals, best, (c1 - c0) / 1e9, (c1 - c0) / 1e3 / evals);
    }
  }

  /** The grid of FitBench: alpha, beta 0..2 by 0.5; E exp(-1..1 by 0.5); A, B exp(0..25 by 5), in solver coordinates. */
  static List<double[]> grid(FitProblem prob, List<String> names) {
    double[][] axes = new double[names.size()][];
    for (int j = 0; j < axes.length; j++) {
      axes[j] = switch (names.get(j)) {
        case "alpha", "beta" -> new double[] {0, 0.5, 1, 1.5, 2};
        case "E" -> new double[] {-1, -0.5, 0, 0.5, 1};
        default -> new double[] {0, 5, 10, 15, 20, 25};
      };
    }
    List<double[]> out = new ArrayList<>();
    int[] at = new int[axes.length];
    while (true) {
      double[] nat = new double[axes.length];
      for (int j = 0; j < axes.length; j++) {
        double v = axes[j][at[j]];
        nat[j] = prob.logScaled(j) ? Math.exp(v) : v;
      }
      out.add(prob.theta(nat));
      int j = axes.length - 1;
      while (j >= 0 && ++at[j] == axes[j].length) {
        at[j--] = 0;
      }
      if (j < 0) {
        return out;
      }
    }
  }
}
