import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.lawlang.api.DatasetInfo;
import org.lawlang.api.FitResult;
import org.lawlang.api.LawEngine;
import org.lawlang.api.LawFunction;
import org.lawlang.api.LawScriptException;
import org.lawlang.api.Optimum;

/**
 * A training-planning tool that embeds law: it hands its own runs to the engine (no CSV),
 * evaluates a published law from Java, fits a law to its runs and asks for the
 * compute-optimal model size. Run it (after `mvn install -DskipTests`) with
 *
 *   java -cp interpreter/cli/target/law.jar examples/embedding/ScalingPlanner.java
 *
 * The tests compile and run this file (EmbeddingExampleTest).
 */
public final class ScalingPlanner {
  /** The FLOP budget we plan for (Chinchilla's). */
  public static final double BUDGET = 5.76e23;

  public static void main(String[] args) {
    LawEngine engine = newEngine();
    DatasetInfo runs = handOverRuns(engine);
    System.out.printf("handed over %d runs%n", runs.rows());
    System.out.printf("published law at 70B params, 1.4T tokens: %.5f%n", evaluateLaws(engine));
    try {
      FitResult fit = fitLaw(engine);
      System.out.printf("fit %s: alpha = %.3f, beta = %.3f, E = %.3f%n",
          fit.status(), fit.estimate("alpha"), fit.estimate("beta"), fit.estimate("E"));
      Optimum opt = computeOptimal(engine, BUDGET);
      System.out.printf("compute-optimal at %.3g FLOP (%s%s): N = %.3g params, D = %.3g tokens, loss %.4f%n",
          BUDGET, opt.status(), opt.global() ? ", global" : "", opt.get("N"), opt.get("D"), opt.objective());
    } catch (LawScriptException e) {
      System.err.print(e.rendered()); // every error carries its position
    }
  }

  public static LawEngine newEngine() {
    return LawEngine.builder().seed(7).threads(1).onWarning(w -> System.err.println(w)).build();
  }

  /** Our own runs, as rows of maps: the Chinchilla law plus 0.5% noise on a grid of N and tokens/param. */
  public static List<Map<String, Double>> myRuns() {
    Random noise = new Random(7);
    List<Map<String, Double>> runs = new ArrayList<>();
    for (double n : new double[] {5e7, 1.5e8, 4e8, 1e9, 3e9, 8e9}) {
      for (double tokensPerParam : new double[] {5, 10, 20, 40, 80}) {
        double d = n * tokensPerParam;
        double loss = (1.69 + 406.4 / Math.pow(n, 0.34) + 410.7 / Math.pow(d, 0.28)) * (1 + 0.005 * noise.nextGaussian());
        Map<String, Double> run = new LinkedHashMap<>();
        run.put("N", n);
        run.put("D", d);
        run.put("loss", loss);
        runs.add(run);
      }
    }
    return runs;
  }

  /** Hands the runs to the engine as the dataset `runs`. */
  public static DatasetInfo handOverRuns(LawEngine engine) {
    engine.set("budget", BUDGET);
    return engine.setRows("runs", myRuns());
  }

  /** Declares the published law and calls it from Java as a function. */
  public static double evaluateLaws(LawEngine engine) {
    engine.eval("""
        law L(N, D) = E + A / N^alpha + B / D^beta
            where E = 1.69, A = 406.4, B = 410.7, alpha = 0.34, beta = 0.28
        law Lfit(N, D) = E + A / N^alpha + B / D^beta
            with E in [0.5, 3] start 1.5, A > 0 start 300, B > 0 start 300,
                 alpha in [0.05, 1] start 0.3, beta in [0.05, 1] start 0.3
        """);
    LawFunction chinchilla = engine.law("L");
    return chinchilla.asBinary().applyAsDouble(70e9, 1.4e12);
  }

  /** Fits Lfit to our runs (needs the fitting engine, issue 3). */
  public static FitResult fitLaw(LawEngine engine) {
    engine.eval("let f = fit loss ~ Lfit(N, D) to runs");
    return (FitResult) engine.get("f");
  }

  /** The compute-optimal allocation under the fitted law (needs minimize, issue 4). */
  public static Optimum computeOptimal(LawEngine engine, double budget) {
    engine.set("budget", budget);
    return (Optimum) engine.eval("minimize f(N, D) subject to compute: 6 * N * D = budget");
  }
}
