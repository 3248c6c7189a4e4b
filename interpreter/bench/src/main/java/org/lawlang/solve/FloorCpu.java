package org.lawlang.solve;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * The {@link FloorBench} pairs timed by this thread's CPU time rather than the wall clock, in
 * interleaved rounds, for a machine shared with other work (where JMH's wall-clock scores
 * swing with the load). Not a test. Run with {@code bench/floor.sh cpu [rounds]}; prints the
 * median CPU ns per evaluation and per row.
 */
public final class FloorCpu {
  private FloorCpu() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (String point : new String[] {"optimum", "start"}) {
      FloorBench b = new FloorBench();
      b.point = point;
      b.setUp();
      String[] names = {"objective", "full", "hessian"};
      DoubleSupplier[][] pairs = {
          {b::tapeObjective, b::floorObjective}, {b::tapeFull, b::floorFull}, {b::tapeHessian, b::floorHessian}};
      double[][][] ns = new double[names.length][2][rounds];
      double sink = 0;
      for (int r = -5; r < rounds; r++) {
        for (int k = 0; k < names.length; k++) {
          for (int t = 0; t < 2; t++) {
            int reps = 4000;
            long c0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < reps; i++) {
              sink += pairs[k][t].getAsDouble();
            }
            long c1 = mx.getCurrentThreadCpuTime();
            if (r >= 0) {
              ns[k][t][r] = (c1 - c0) / (double) reps;
            }
          }
        }
      }
      int rows = b.prob.n;
      for (int k = 0; k < names.length; k++) {
        double tape = median(ns[k][0]);
        double floor = median(ns[k][1]);
        System.out.printf(Locale.ROOT, "%-9s %-8s tape %8.0f ns (%5.1f ns/row)   floor %8.0f ns (%5.1f ns/row)   ratio %.2f%n",
            names[k], point, tape, tape / rows, floor, floor / rows, tape / floor);
      }
      if (sink == 42) {
        System.out.println();
      }
    }
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
