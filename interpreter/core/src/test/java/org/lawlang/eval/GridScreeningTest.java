package org.lawlang.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lawlang.api.LawEngine;
import org.lawlang.eval.EngineAccess;

/**
 * A `grid` of starts searches only from the grid's local minima; `fullgrid` searches from
 * every point. On the Chinchilla runs both must find the same optimum, the screened one with
 * far fewer local searches; on a one-dimensional grid the searched points are exactly the
 * local minima of the objective along the grid.
 */
class GridScreeningTest {
  static LawEngine engine;

  @BeforeAll
  static void setUp() {
    Path examples = Path.of("../../examples").toAbsolutePath().normalize();
    engine = EngineAccess.output(LawEngine.builder(), Output.buffer(new StringBuilder())).workDir(examples).threads(2).build();
    EngineAccess.eval(engine, "setup", String.join("\n",
        "data all = csv \"data/epoch_chinchilla_svg_extracted_data.csv\" { N = \"Model Size\"; C = \"Training FLOP\"; loss = \"loss\"; D = C / (6 * N) }"
            .replace("; ", "\n"),
        "data runs = all where loss < largest(all.loss, 5)",
        "law Lfit(N, D) = E + A / N^alpha + B / D^beta with E > 0, A > 0, B > 0, alpha in [0, 2], beta in [0, 2]"));
  }

  static FitValue fit(String starts) {
    return (FitValue) EngineAccess.eval(engine, "fit", "fit loss ~ Lfit(N, D) to runs using huber(1e-3) on log starts " + starts);
  }

  @Test
  void screenedAndFullGridsAgree() {
    String axes = "(alpha = 0..2 by 0.5, beta = 0..2 by 0.5, E = exp(-1..1 by 1), A = exp(0..25 by 5), B = exp(0..25 by 5))";
    FitValue screened = fit("grid" + axes);
    FitValue full = fit("fullgrid" + axes);
    assertEquals(2700, screened.statistics().get("starts"));
    assertEquals(2700, full.statistics().get("searched"));
    double searched = screened.statistics().get("searched");
    assertTrue(searched >= 1 && searched < 0.1 * 2700, "searched " + searched);
    assertEquals("converged", screened.status());
    assertEquals(full.objective(), screened.objective(), 1e-12 * full.objective());
    for (String p : full.parameterNames()) {
      assertEquals(full.estimate(p), screened.estimate(p), 1e-6 * Math.abs(full.estimate(p)), p);
    }
  }

  @Test
  void oneAxisSearchesItsLocalMinimaAndItsBestPoints() throws Exception {
    // the objective along alpha alone, computed here from the CSV: the screen must search
    // exactly the grid points that no neighbour beats strictly, plus the 8 best points
    EngineAccess.eval(engine, "law", "law La(N, D) = 1.8 + 480 / N^alpha + 2100 / D^0.37 with alpha in [0, 2]");
    int n = 40;
    double[] xs = new double[n];
    for (int k = 0; k < n; k++) {
      xs[k] = 0.01 + 1.98 * k * k / ((n - 1.0) * (n - 1.0));
    }
    List<double[]> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(Path.of("../../examples/data/epoch_chinchilla_svg_extracted_data.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",");
      double nn = Double.parseDouble(c[3]);
      rows.add(new double[] {nn, Double.parseDouble(c[4]) / (6 * nn), Double.parseDouble(c[6])});
    }
    rows.sort((a, b) -> Double.compare(a[2], b[2]));
    rows = rows.subList(0, rows.size() - 5);
    double[] f = new double[n];
    for (int k = 0; k < n; k++) {
      for (double[] r : rows) {
        double res = Math.log(1.8 + 480 / Math.pow(r[0], xs[k]) + 2100 / Math.pow(r[1], 0.37)) - Math.log(r[2]);
        double a = Math.abs(res);
        f[k] += a <= 1e-3 ? 0.5 * res * res : 1e-3 * (a - 0.5e-3);
      }
    }
    java.util.Set<Integer> expected = new java.util.TreeSet<>();
    for (int k = 0; k < n; k++) {
      if ((k == 0 || !(f[k - 1] < f[k])) && (k == n - 1 || !(f[k + 1] < f[k]))) {
        expected.add(k);
      }
    }
    Integer[] order = new Integer[n];
    for (int k = 0; k < n; k++) {
      order[k] = k;
    }
    Arrays.sort(order, (a, b) -> Double.compare(f[a], f[b]));
    for (int k = 0; k < 8; k++) {
      expected.add(order[k]);
    }
    StringBuilder list = new StringBuilder();
    for (double x : xs) {
      list.append(list.length() == 0 ? "" : ", ").append(x);
    }
    FitValue g = (FitValue) EngineAccess.eval(engine, "fit", "fit loss ~ La(N, D) to runs using huber(1e-3) on log starts grid(alpha = [" + list + "])");
    assertEquals(n, g.statistics().get("starts"));
    assertEquals(expected.size(), g.statistics().get("searched"));
    assertTrue(expected.size() < n / 2, "the screen must leave most points out: " + expected);
    assertEquals("converged", g.status());
  }

  @Test
  void latticeNeighboursOfATwoByThreeGrid() {
    Map<String, double[]> axes = new LinkedHashMap<>();
    axes.put("a", new double[] {1, 2});
    axes.put("b", new double[] {1, 2, 3});
    List<int[]> near = FitStarts.lattice(axes, 10);
    // points in order (a, b): (1,1) (1,2) (1,3) (2,1) (2,2) (2,3), the last axis fastest
    int[][] expected = {{13, 11}, {14, 10, 12}, {15, 11}, {10, 14}, {11, 13, 15}, {12, 14}};
    for (int i = 0; i < expected.length; i++) {
      int[] got = near.get(i).clone();
      int[] want = expected[i].clone();
      Arrays.sort(got);
      Arrays.sort(want);
      assertArrayEquals(want, got, "neighbours of point " + i);
    }
  }
}
