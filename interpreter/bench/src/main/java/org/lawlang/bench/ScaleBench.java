package org.lawlang.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.lawlang.api.LawEngine;
import org.lawlang.data.Dataset;
import org.lawlang.eval.DataValue;
import org.lawlang.eval.EngineAccess;
import org.lawlang.eval.FitReport;
import org.lawlang.eval.Output;

/**
 * Benchmark of fitting time and memory against rows (not a test): synthetic runs from
 * L = 1.8 + 480/N^0.35 + 2100/D^0.37 with 1% log-normal noise, 1e3 … 1e6 rows, fitted by
 * Huber on log from one start. Prints seconds, evaluations, recovered parameters and the
 * heap growth over the data's own size. Run:
 * {@code java -cp interpreter/cli/target/law.jar:interpreter/bench/target/law-bench-0.1.0.jar org.lawlang.bench.ScaleBench [maxRows] [threads]}.
 */
public final class ScaleBench {
  private ScaleBench() {}

  public static void main(String[] args) {
    long max = args.length > 0 ? (long) Double.parseDouble(args[0]) : 1_000_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    String law = "law Lfit(N, D) = E + A / N^alpha + B / D^beta with E > 0, A > 0, B > 0, alpha in [0, 2], beta in [0, 2]";
    String fit = "fit loss ~ Lfit(N, D) to runs using huber(1e-3) on log starts at(E = 1, A = 100, B = 100, alpha = 0.3, beta = 0.3)";
    for (long n = 1000; n <= max; n *= 10) {
      int rows = (int) n;
      SplittableRandom rng = new SplittableRandom(7);
      double[] nn = new double[rows];
      double[] dd = new double[rows];
      double[] loss = new double[rows];
      for (int i = 0; i < rows; i++) {
        nn[i] = Math.exp(Math.log(1e7) + rng.nextDouble() * Math.log(1e4));
        dd[i] = Math.exp(Math.log(1e9) + rng.nextDouble() * Math.log(1e4));
        double g = Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
        loss[i] = (1.8 + 480 / Math.pow(nn[i], 0.35) + 2100 / Math.pow(dd[i], 0.37)) * Math.exp(0.01 * g);
      }
      Map<String, double[]> cols = new LinkedHashMap<>();
      cols.put("N", nn);
      cols.put("D", dd);
      cols.put("loss", loss);
      int[] origins = new int[rows];
      for (int i = 0; i < rows; i++) {
        origins[i] = i + 2;
      }
      LawEngine engine = EngineAccess.output(LawEngine.builder(), Output.buffer(new StringBuilder())).threads(threads).build();
      EngineAccess.session(engine).globals().define("runs", new DataValue(new Dataset("runs", "synthetic", cols, origins)));
      EngineAccess.eval(engine, "law", law);
      Runtime rt = Runtime.getRuntime();
      System.gc();
      long before = rt.totalMemory() - rt.freeMemory();
      FitReport f = (FitReport) EngineAccess.eval(engine, "fit", fit);
      long after = rt.totalMemory() - rt.freeMemory();
      double dataMb = rows * 3 * 8 / 1e6;
      System.out.printf(Locale.ROOT, "rows %8d: %7.3f s, %4.0f evaluations, %s, E %.4f A %.1f alpha %.4f B %.0f beta %.4f;"
              + " data %.1f MB, heap growth during the fit %.1f MB%n", rows, f.statistics().get("fit_seconds"),
          f.statistics().get("evaluations"), f.status(), f.estimate("E"), f.estimate("A"), f.estimate("alpha"),
          f.estimate("B"), f.estimate("beta"), dataMb, Math.max(0, after - before) / 1e6);
    }
  }
}
