package org.lawlang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The bad-input matrix through the command line: `law run` on every script under
 * golden/errors/ exits with 1, puts a coded diagnostic on stderr, and never prints NaN or
 * inf on stdout as if it were an answer. Warnings (the run goes on) live under golden/warnings/.
 */
class ErrorExitCodeTest {
  static final Path REPO = Path.of(System.getProperty("law.repo", "../..")).toAbsolutePath().normalize();

  @TestFactory
  Stream<DynamicTest> everyErrorScriptExitsWithOne() throws IOException {
    Path root = REPO.resolve("interpreter/cli/src/test/resources/golden/errors");
    try (Stream<Path> files = Files.walk(root)) {
      // lib/ holds modules that error scripts import; they are not error cases themselves
      return files.filter(p -> p.toString().endsWith(".law") && !root.relativize(p).toString().contains("lib/")).sorted().toList().stream()
          .map(p -> DynamicTest.dynamicTest(root.relativize(p).toString(), () -> check(p)));
    }
  }

  private static void check(Path script) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"run", script.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    String stdout = out.toString(StandardCharsets.UTF_8);
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertThat(code).as("exit code of " + script.getFileName()).isEqualTo(1);
    assertThat(stderr).containsPattern("error: .* \\[L\\d{3}\\]");
    assertThat(stdout).doesNotContainPattern("(?i)\\b-?(nan|inf)\\b");
  }
}
