package org.lawlang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `law kernel install` and `law kernel` without a connection file. */
class KernelCommandTest {
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int law(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void installWritesAKernelspecThatStartsThisJava(@TempDir Path dir) throws Exception {
    assertThat(law("kernel", "install", "--prefix", dir.toString())).isZero();
    Path spec = dir.resolve("share/jupyter/kernels/law/kernel.json");
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("installed the law kernel in " + spec.getParent());
    JsonNode json = new ObjectMapper().readTree(spec.toFile());
    List<String> argv = new ArrayList<>();
    json.path("argv").forEach(a -> argv.add(a.asText()));
    assertThat(argv.get(0)).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    assertThat(argv).contains("-Djava.awt.headless=true").endsWith("-f", "{connection_file}");
    assertThat(json.path("language").asText()).isEqualTo("law");
    assertThat(json.path("interrupt_mode").asText()).isEqualTo("message");
    assertThat(Files.size(spec.resolveSibling("logo-64x64.png"))).isPositive();
  }

  @Test
  void userAndPrefixAreAlternatives(@TempDir Path dir) {
    assertThat(law("kernel", "install", "--user", "--prefix", dir.toString())).isEqualTo(Main.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--user and --prefix are alternatives");
  }

  @Test
  void theKernelWithoutAConnectionFileSaysHowToInstall() {
    assertThat(law("kernel")).isEqualTo(Main.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("law kernel install");
  }
}
