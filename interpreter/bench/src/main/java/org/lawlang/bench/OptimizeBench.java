package org.lawlang.bench;

import java.util.Arrays;
import org.lawlang.api.LawEngine;
import org.lawlang.diag.Source;
import org.lawlang.eval.EngineAccess;
import org.lawlang.eval.Output;
import org.lawlang.eval.Session;
import org.lawlang.syntax.Program;

/**
 * Benchmark (not a test) of the optimisation service, run from the built jar by
 * bench/optimize.sh: one compute-optimal solve of the Chinchilla law (lowering, log-space
 * solve, shadow prices; the statement parsed once), and a 1,000-budget frontier as a `for`
 * loop of `minimize` printing its table. Prints medians after a warm-up.
 */
public final class OptimizeBench {
  private OptimizeBench() {}

  static final String LAW = "law L(N, D) = E + A / N^alpha + B / D^beta\n"
      + "    where E = 1.69, A = 406.4, B = 410.7, alpha = 0.34, beta = 0.28\n";

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    StringBuilder sink = new StringBuilder();
    LawEngine engine = EngineAccess.output(LawEngine.builder(), Output.buffer(sink)).workDir(java.nio.file.Path.of(dataFile()).getParent()).threads(1).build();
    engine.eval(LAW);
    Session session = EngineAccess.session(engine);
    Program one = session.compile(new Source("bench", "let o = minimize L(N, D) subject to compute: 6*N*D = 5.76e23"));
    Program frontier = session.compile(new Source("bench",
        "for C in logspace(1e18, 1e26, 1000) {\n  let o = minimize L(N, D) subject to 6*N*D = C\n  row C, o.N, o.D, o.value\n}"));

    int perRound = 2000;
    for (int i = 0; i < 10 * perRound; i++) {
      session.execute(one, null);
    }
    double[] single = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < perRound; i++) {
        session.execute(one, null);
      }
      single[r] = (System.nanoTime() - t0) / 1e3 / perRound;
    }

    for (int i = 0; i < 5; i++) {
      sink.setLength(0);
      session.execute(frontier, null);
    }
    double[] sweep = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      sink.setLength(0);
      long t0 = System.nanoTime();
      session.execute(frontier, null);
      sweep[r] = (System.nanoTime() - t0) / 1e6;
    }
    // a 4,000-member bootstrap ensemble carried through the same minimize (a fit of the
    // Chinchilla runs with its resamples; the fit itself is not timed)
    engine.eval("data all = csv \"" + dataFile() + "\" {\n N = \"Model Size\"\n C = \"Training FLOP\"\n loss = \"loss\"\n D = C / (6 * N)\n}\n"
        + "law Lfit(N, D) = E + A / N^alpha + B / D^beta with E > 0, A > 0, B > 0, alpha in [0, 2], beta in [0, 2]\n"
        + "let f = fit loss ~ Lfit(N, D) to all using huber(1e-3) on log starts at(E = 1.8, A = 480, B = 2100, alpha = 0.35, beta = 0.37)"
        + " bootstrap 4000 seed 42\n");
    Program ensemble = session.compile(new Source("bench", "let o = minimize f(N, D) subject to 6*N*D = 5.76e23"));
    double[] carried = new double[Math.max(3, rounds / 3)];
    for (int i = 0; i < 2; i++) {
      session.execute(ensemble, null);
    }
    for (int r = 0; r < carried.length; r++) {
      long t0 = System.nanoTime();
      session.execute(ensemble, null);
      carried[r] = (System.nanoTime() - t0) / 1e6;
    }
    // the same minimize over the fit without a bootstrap: one solve, then the delta method's
    // sensitivities by the implicit function theorem (symbolic second derivatives, a KKT solve)
    engine.eval("let g = fit loss ~ Lfit(N, D) to all using huber(1e-3) on log starts at(E = 1.8, A = 480, B = 2100, alpha = 0.35,"
        + " beta = 0.37)\n");
    Program delta = session.compile(new Source("bench", "let o = minimize g(N, D) subject to 6*N*D = 5.76e23"));
    for (int i = 0; i < 5; i++) {
      session.execute(delta, null);
    }
    double[] linear = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      session.execute(delta, null);
      linear[r] = (System.nanoTime() - t0) / 1e6;
    }
    System.out.printf("compute-optimal solve (Chinchilla, C = 5.76e23): median %.1f us per solve (%d rounds of %d, after %d warm-up)%n",
        median(single), rounds, perRound, 10 * perRound);
    System.out.printf("1,000-budget frontier (for ... minimize ... row, table printed): median %.1f ms (%d rounds, after 5 warm-up)%n",
        median(sweep), rounds);
    System.out.printf("the same minimize over a 4,000-resample bootstrapped fit (one solve per member): median %.1f ms (%d rounds)%n",
        median(carried), carried.length);
    System.out.printf("the same minimize over the fit without a bootstrap (delta method, implicit function theorem): median %.2f ms (%d rounds)%n",
        median(linear), rounds);
  }

  /** The Chinchilla runs shipped with the examples, from the working directory or the jar's checkout. */
  private static String dataFile() {
    java.nio.file.Path p = java.nio.file.Path.of("examples/data/epoch_chinchilla_svg_extracted_data.csv");
    return p.toAbsolutePath().toString();
  }

  static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
  }
}
