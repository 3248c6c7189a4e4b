package org.lawlang.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/embedding built and run against law-core's runtime classpath alone: its classes and
 * the jars Maven resolves for law-core, which are this test's classpath minus the test
 * libraries and test classes. No plot module, no JLine, no picocli, no test library.
 */
class EmbeddingAgainstCoreTest {
  static final Path REPO = Path.of(System.getProperty("law.repo", "../..")).toAbsolutePath().normalize();
  static final Path CORE = REPO.resolve("interpreter/core/target");

  /** Test-scope artifacts of law-core's pom and what they bring. */
  static final List<String> TEST_ONLY = List.of("/junit", "/jqwik", "/assertj", "/opentest4j", "/apiguardian", "/jazzer",
      "/byte-buddy", "/open-test-reporting", "/code-intelligence", "/platform/", "/jupiter/");

  static List<String> embedderClasspath() {
    List<String> cp = new ArrayList<>();
    cp.add(CORE.resolve("classes").toString());
    String all = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    for (String entry : all.split(File.pathSeparator)) {
      String e = entry.replace('\\', '/');
      if (entry.isBlank() || e.endsWith("/test-classes") || e.endsWith("/classes") && !Path.of(entry).startsWith(REPO)
          || Path.of(entry).equals(CORE.resolve("classes")) || TEST_ONLY.stream().anyMatch(e::contains)) {
        continue;
      }
      cp.add(entry);
    }
    return cp;
  }

  @Test
  void theClasspathHoldsOnlyWhatTheCoreNeeds() throws Exception {
    List<String> names = embedderClasspath().stream().skip(1).map(j -> Path.of(j).getFileName().toString()).toList();
    assertThat(names).as("law-core's runtime jars").hasSizeBetween(6, 12);
    assertThat(names).allSatisfy(n -> assertThat(n).doesNotContain("jline", "picocli", "pdfbox", "xchart", "junit", "jqwik",
        "assertj", "opentest4j", "jazzer", "law-plot", "law-repl", "law-cli"));
    assertThat(names).anySatisfy(n -> assertThat(n).startsWith("commons-math3"));
  }

  @Test
  void theExampleCompilesAndRunsAgainstTheCoreAlone(@TempDir Path classes) throws Exception {
    String cp = String.join(File.pathSeparator, embedderClasspath());
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int rc = ToolProvider.getSystemJavaCompiler().run(null, diagnostics, diagnostics, "-d", classes.toString(), "-cp", cp,
        "--release", "17", REPO.resolve("examples/embedding/ScalingPlanner.java").toString());
    assertThat(rc).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-cp", classes + File.pathSeparator + cp, "ScalingPlanner")
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("handed over 30 runs").contains("fit converged").contains("compute-optimal at 5.76e+23 FLOP");
  }
}
