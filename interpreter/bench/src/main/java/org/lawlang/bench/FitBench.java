package org.lawlang.bench;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.lawlang.api.LawEngine;
import org.lawlang.eval.EngineAccess;
import org.lawlang.eval.FitReport;
import org.lawlang.eval.Output;
import org.lawlang.eval.Value;

/**
 * Benchmark of the Chinchilla fit (not a test): the 4,500-start grid fit (screened, as law runs
 * it by default, and exhaustive, as the peer runs it) and the 4,000-resample bootstrap on the
 * Epoch data, timed inside the engine, each repeated. Run from the shaded jar:
 * {@code java -cp interpreter/cli/target/law.jar:interpreter/bench/target/law-bench-0.1.0.jar org.lawlang.bench.FitBench DATA_CSV [threads] [repeats] [resamples]}.
 */
public final class FitBench {
  private FitBench() {}

  /**
   * CPU time of the whole process (every thread, the JIT's and the collector's too): on a
   * machine shared with other work it moves far less than the wall clock.
   */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  public static void main(String[] args) {
    Path csv = Path.of(args.length > 0 ? args[0] : "examples/data/epoch_chinchilla_svg_extracted_data.csv").toAbsolutePath();
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int resamples = args.length > 3 ? Integer.parseInt(args[3]) : 4000;
    String setup = String.join("\n",
        "data all = csv \"" + csv.toString().replace("\\", "/") + "\" { N = \"Model Size\"; C = \"Training FLOP\"; loss = \"loss\"; D = C / (6 * N) }",
        "data runs = all where loss < largest(all.loss, 5)",
        "law Lfit(N, D) = E + A / N^alpha + B / D^beta with E > 0, A > 0, B > 0, alpha in [0, 2], beta in [0, 2]");
    String fit = "fit loss ~ Lfit(N, D) to runs using huber(1e-3) on log starts grid(alpha = 0..2 by 0.5, beta = 0..2 by 0.5,"
        + " E = exp(-1..1 by 0.5), A = exp(0..25 by 5), B = exp(0..25 by 5))";
    StringBuilder sink = new StringBuilder();
    LawEngine engine = EngineAccess.output(LawEngine.builder(), Output.buffer(sink)).workDir(csv.toAbsolutePath().getParent()).threads(threads).build();
    EngineAccess.eval(engine, "setup", setup.replace(";", "\n"));
    // `grid` searches from the grid's local minima only; `fullgrid` from every point, as the peer does
    for (String kind : new String[] {"grid", "fullgrid"}) {
      String code = fit.replace("starts grid(", "starts " + kind + "(");
      for (int r = 0; r < repeats; r++) {
        long cpu0 = processCpuNanos();
        FitReport f = (FitReport) EngineAccess.eval(engine, kind, code);
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        Map<String, Double> s = f.statistics();
        System.out.printf(Locale.ROOT, "%s fit run %d: %.3f s, %d starts, %d local searches, objective %.14g, %s, %.0f evaluations, %.3f s CPU%n",
            kind, r + 1, s.get("fit_seconds"), s.get("starts").intValue(), s.get("searched").intValue(), f.objective(),
            f.status(), s.get("evaluations"), cpu);
      }
    }
    if (resamples > 0) {
      long cpu0 = processCpuNanos();
      Value v = EngineAccess.eval(engine, "boot", fit + " bootstrap " + resamples + " seed 42");
      double cpu = (processCpuNanos() - cpu0) / 1e9;
      FitReport f = (FitReport) v;
      Map<String, Double> s = f.statistics();
      System.out.printf(Locale.ROOT, "bootstrap: %d resamples, %.3f s (after a grid fit of %.3f s), %.0f evaluations in all, %.3f s CPU with the fit%n",
          resamples, s.get("bootstrap_seconds"), s.get("fit_seconds"), s.get("evaluations"), cpu);
      for (String p : f.parameterNames()) {
        double[] ci = f.interval(p);
        System.out.printf(Locale.ROOT, "  %-6s %.6g  95%% (%.6g, %.6g)%n", p, f.estimate(p), ci[0], ci[1]);
      }
    }
  }
}
