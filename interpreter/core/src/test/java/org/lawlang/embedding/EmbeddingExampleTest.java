package org.lawlang.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawlang.api.DatasetInfo;
import org.lawlang.api.FitResult;
import org.lawlang.api.LawEngine;
import org.lawlang.api.LawScriptException;
import org.lawlang.api.Optimum;
import org.lawlang.eval.EngineAccess;

/**
 * Compiles examples/embedding/ScalingPlanner.java against the test classpath and runs it:
 * handing over runs and evaluating laws always; the fit and the optimum once the fitting
 * (issue 3) and optimisation (issue 4) services are in the build.
 */
class EmbeddingExampleTest {
  /**
   * SWITCH ON after `fit` and `minimize` are merged: true makes the fit and optimum steps
   * mandatory. While false they run when available and are skipped while the build still
   * answers "not available" (L309).
   */
  static final boolean SOLVERS_MERGED = true;

  static final Path REPO = Path.of(System.getProperty("law.repo", "../..")).toAbsolutePath().normalize();
  static Class<?> planner;
  static Class<?> readmeExample;

  /** Compiles the example and the README's embedding snippet in one javac run. */
  @BeforeAll
  static void compile(@TempDir Path classes) throws Exception {
    Path readme = classes.resolve("ReadmeExample.java");
    Files.writeString(readme, "import java.util.*;\nimport org.lawlang.api.*;\nclass ReadmeExample {\n"
        + "  static void example(List<Map<String, Double>> myRuns) {\n" + readmeSnippet() + "  }\n}\n");
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int rc = ToolProvider.getSystemJavaCompiler().run(null, diagnostics, diagnostics, "-d", classes.toString(),
        "-cp", classpath, "--release", "17", REPO.resolve("examples/embedding/ScalingPlanner.java").toString(), readme.toString());
    assertThat(rc).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();
    URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, EmbeddingExampleTest.class.getClassLoader());
    planner = loader.loadClass("ScalingPlanner");
    readmeExample = loader.loadClass("ReadmeExample");
  }

  /** The Java block of the README's embedding section. */
  static String readmeSnippet() throws Exception {
    String readme = Files.readString(REPO.resolve("README.md"));
    int start = readme.indexOf("```java\n", readme.indexOf("## Embedding")) + "```java\n".length();
    return readme.substring(start, readme.indexOf("```", start));
  }

  @Test
  void theReadmeExampleIsTenLinesThatCompile() throws Exception {
    assertThat(readmeSnippet().strip().split("\n").length).isLessThanOrEqualTo(10);
    assertThat(readmeExample).isNotNull();
  }

  static Object call(String method, Object... args) throws Throwable {
    for (Method m : planner.getMethods()) {
      if (m.getName().equals(method)) {
        try {
          return m.invoke(null, args);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      }
    }
    throw new AssertionError("no method " + method);
  }

  @Test
  void handsOverItsRunsAndEvaluatesLaws() throws Throwable {
    LawEngine engine = (LawEngine) call("newEngine");
    DatasetInfo runs = (DatasetInfo) call("handOverRuns", engine);
    assertThat(runs.rows()).isEqualTo(30);
    assertThat(runs.columnNames()).containsExactly("N", "D", "loss");
    assertThat(engine.eval("count(runs.loss)").asDouble()).isEqualTo(30);
    assertThat((double) call("evaluateLaws", engine)).isEqualTo(1.93665, within(1e-5));
  }

  @Test
  void fitsALawAndFindsTheOptimum() throws Throwable {
    LawEngine engine = (LawEngine) call("newEngine");
    call("handOverRuns", engine);
    call("evaluateLaws", engine);
    FitResult fit = (FitResult) solver(() -> call("fitLaw", engine));
    assertThat(fit.converged()).isTrue();
    assertThat(fit.estimate("alpha")).isEqualTo(0.34, within(0.1));
    assertThat(fit.estimate("beta")).isEqualTo(0.28, within(0.1));
    Optimum opt = (Optimum) solver(() -> call("computeOptimal", engine, 5.76e23));
    assertThat(opt.optimal()).isTrue();
    assertThat(6 * opt.get("N") * opt.get("D")).isEqualTo(5.76e23, within(5.76e23 * 1e-6));

    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      call("main", (Object) new String[0]);
    } finally {
      System.setOut(old);
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("handed over 30 runs", "compute-optimal at");
  }

  /** The example's solver steps and the README's `law.law("f")` against stand-in services, until the real ones merge. */
  @Test
  void theSolverStepsWorkWithStandInServices() throws Throwable {
    LawEngine engine = EngineAccess.services(LawEngine.builder(), StandInSolvers.services()).onPrint(s -> {}).build();
    call("handOverRuns", engine);
    call("evaluateLaws", engine);
    FitResult fit = (FitResult) call("fitLaw", engine);
    assertThat(fit.law()).isNotNull();
    assertThat(fit.law().free()).isEmpty();
    Optimum opt = (Optimum) call("computeOptimal", engine, 5.76e23);
    assertThat(6 * opt.get("N") * opt.get("D")).isEqualTo(5.76e23, within(1e12));
    double loss = engine.law("f").applyAsDouble(opt.get("N"), opt.get("D"));
    assertThat(loss).isEqualTo(engine.law("L").applyAsDouble(opt.get("N"), opt.get("D")));
  }

  interface Step {
    Object run() throws Throwable;
  }

  /** Runs a solver step; while the solvers are not merged, "not available" skips the test. */
  static Object solver(Step step) throws Throwable {
    try {
      return step.run();
    } catch (LawScriptException e) {
      Assumptions.assumeTrue(SOLVERS_MERGED || !e.code().equals("L309"),
          "not in this build yet: " + e.getMessage() + " (set SOLVERS_MERGED once fit and minimize are merged)");
      throw e;
    }
  }
}
