package org.lawlang.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lawlang.api.LawEngine;

/**
 * examples/besiroglu_replication.law reproduces the replication's numbers (shared/data/README):
 * the Huber optimum from the 4,500-start grid, the 4,000-resample bootstrap intervals (within
 * 10% of the published ones) and the compute-optimal allocation at 5.76e23 FLOP.
 */
class BesirogluReplicationTest {
  static FitValue fit;
  static LawEngine engine;

  @BeforeAll
  static void run() {
    Path script = Path.of("../examples/besiroglu_replication.law").toAbsolutePath().normalize();
    engine = LawEngine.builder().output(Output.buffer(new StringBuilder())).workDir(script.getParent()).threads(2).build();
    engine.run(script);
    fit = (FitValue) engine.session().globals().lookup("f");
  }

  static void near(double expected, double actual, double rel, String what) {
    assertTrue(Math.abs(actual - expected) <= rel * Math.abs(expected), what + ": expected " + expected + " within " + rel + ", got " + actual);
  }

  @Test
  void optimum() {
    assertEquals("converged", fit.status());
    near(0.00101827401781, fit.objective(), 1e-8, "objective");
    near(1.81722, fit.estimate("E"), 1e-4, "E");
    near(0.347310, fit.estimate("alpha"), 1e-4, "alpha");
    near(0.367173, fit.estimate("beta"), 1e-4, "beta");
    near(477.83, fit.estimate("A"), 1e-2, "A");
    near(2143.4, fit.estimate("B"), 1e-2, "B");
  }

  @Test
  void bootstrapIntervals() {
    double[][] paper = {{285, 744}, {1042, 5810}, {1.769, 1.871}, {0.317, 0.373}, {0.331, 0.415}};
    String[] names = {"A", "B", "E", "alpha", "beta"};
    for (int i = 0; i < names.length; i++) {
      double[] ci = fit.interval(names[i]);
      near(paper[i][0], ci[0], 0.10, names[i] + " lower");
      near(paper[i][1], ci[1], 0.10, names[i] + " upper");
    }
  }

  @Test
  void allocation() {
    near(7.319e10, ((Values.Num) engine.session().globals().lookup("N_opt")).value(), 1e-3, "N_opt");
    near(1.3116e12, ((Values.Num) engine.session().globals().lookup("D_opt")).value(), 1e-3, "D_opt");
  }
}
