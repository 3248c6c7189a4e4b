package org.lawlang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's contract: exit codes 0/1/2, output on stdout, diagnostics on stderr, on both the fast path and picocli. */
class CliTest {
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int picocli(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  int fast(String... args) {
    Integer code = FastPath.tryRun(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as("handled by the fast path").isNotNull();
    return code;
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void evalPrintsTheLastValue() {
    assertThat(fast("eval", "6 * 70B * 1.4T")).isZero();
    assertThat(out()).isEqualTo("5.88e23\n");
    assertThat(picocli("eval", "1 + 1")).isZero();
  }

  @Test
  void runExitsZeroOnSuccess(@TempDir Path dir) throws Exception {
    Path script = dir.resolve("ok.law");
    Files.writeString(script, "print 2 * 3\n");
    assertThat(fast("run", script.toString())).isZero();
    assertThat(out()).isEqualTo("6\n");
    assertThat(picocli("run", script.toString())).isZero();
  }

  @Test
  void scriptErrorExitsOneWithDiagnosticOnStderr(@TempDir Path dir) throws Exception {
    Path script = dir.resolve("typo.law");
    Files.writeString(script, "let alpha = 1\nprint alpah\n");
    assertThat(fast("run", script.toString())).isEqualTo(1);
    assertThat(err()).contains("typo.law:2:7: error: unknown name 'alpah'").contains("did you mean 'alpha'?");
    assertThat(out()).isEmpty();
    assertThat(picocli("run", script.toString())).isEqualTo(1);
  }

  @Test
  void checkReportsEveryErrorOfEveryFileAndRunsNothing(@TempDir Path dir) throws Exception {
    Path ok = dir.resolve("ok.law");
    Files.writeString(ok, "import hoffmann2022\nprint chinchilla_L(70B, 1.4T)\n");
    Path bad = dir.resolve("bad.law");
    Files.writeString(bad, "let alpha = 1\nprint alpah\nprint min()\n");
    Path syntax = dir.resolve("syntax.law");
    Files.writeString(syntax, "let x = (1 +\n");
    assertThat(picocli("check", ok.toString(), bad.toString(), syntax.toString())).isEqualTo(1);
    assertThat(out()).isEqualTo(ok + ": no errors\n"); // nothing printed by the scripts: they did not run
    assertThat(err()).contains("bad.law:2:7: error: unknown name 'alpah'").contains("bad.law:3:")
        .contains("syntax.law:").contains("unexpected end of input");
    out.reset();
    err.reset();
    assertThat(picocli("check", ok.toString())).isZero();
    assertThat(err()).isEmpty();
  }

  @Test
  void missingFileExitsOne() {
    assertThat(fast("run", "/no/such/file.law")).isEqualTo(1);
    assertThat(err()).contains("cannot read '/no/such/file.law': no such file")
        .contains("hint: check the path; a relative one starts from the directory law runs in");
  }

  @Test
  void directoryIsNotAScript(@TempDir Path dir) {
    assertThat(fast("run", dir.toString())).isEqualTo(1);
    assertThat(err()).contains("it is a directory").contains("hint: give a .law file");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(picocli("bogus")).isEqualTo(2);
    assertThat(picocli("run")).isEqualTo(2);
    assertThat(picocli("--no-such-flag")).isEqualTo(2);
    assertThat(err()).contains("Try 'law --help'");
  }

  @Test
  void optionsAreLeftToPicocli() {
    assertThat(FastPath.tryRun(new String[] {"run", "--help"}, System.out, System.err)).isNull();
    assertThat(FastPath.tryRun(new String[] {"--version"}, System.out, System.err)).isNull();
  }

  @Test
  void helpAndVersion() {
    assertThat(picocli("--help")).isZero();
    assertThat(out()).contains("Usage: law").contains("Exit codes");
    out.reset();
    assertThat(picocli("--version")).isZero();
    assertThat(out()).startsWith("law ");
  }
}
