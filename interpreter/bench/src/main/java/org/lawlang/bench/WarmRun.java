package org.lawlang.bench;

import java.nio.file.Path;
import java.util.Arrays;
import org.lawlang.api.LawEngine;
import org.lawlang.eval.EngineAccess;
import org.lawlang.eval.Output;

/**
 * Benchmark (not a test): runs one script again and again in a single JVM, each time in a
 * fresh engine, and prints each run's time. The first run is what a cold start costs in-process;
 * the median of the last half is the script's own work once the JIT has compiled it — the
 * floor that start-up work is measured against (bench/README.md, "Start-up").
 *
 * <pre>java -XX:TieredStopAtLevel=1 -cp interpreter/cli/target/law.jar:interpreter/bench/target/law-bench-0.1.0.jar org.lawlang.bench.WarmRun examples/tour.law 30</pre>
 */
public final class WarmRun {
  private WarmRun() {}

  public static void main(String[] args) {
    Path script = Path.of(args[0]).toAbsolutePath();
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      LawEngine engine = EngineAccess.output(LawEngine.builder(), Output.buffer(new StringBuilder())).workDir(script.getParent()).build();
      EngineAccess.run(engine, script, args[0]);
      ms[i] = (System.nanoTime() - start) / 1e6;
      System.out.println("run " + (i + 1) + ": " + Math.round(ms[i] * 10) / 10.0 + " ms");
    }
    double[] warm = Arrays.copyOfRange(ms, runs / 2, runs);
    Arrays.sort(warm);
    System.out.println("first run " + Math.round(ms[0] * 10) / 10.0 + " ms; median of the last " + warm.length + ": "
        + Math.round(warm[warm.length / 2] * 10) / 10.0 + " ms");
  }
}
