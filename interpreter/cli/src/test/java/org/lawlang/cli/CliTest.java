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
    // nothing printed by the scripts (they did not run), then the count: bad.law has two errors, syntax.law one
    assertThat(out()).isEqualTo(ok + ": no errors\n3 files, 2 with errors, 3 errors\n");
    assertThat(err()).contains("bad.law:2:7: error: unknown name 'alpah'").contains("bad.law:3:")
        .contains("syntax.law:").contains("unexpected end of input");
    out.reset();
    err.reset();
    assertThat(picocli("check", ok.toString())).isZero();
    assertThat(err()).isEmpty();
    assertThat(out()).endsWith("1 file, no errors\n");
  }

  @Test
  void checkSaysWhichBracketAStatementWordFoundOpen(@TempDir Path dir) throws Exception {
    Path open = dir.resolve("open.law");
    Files.writeString(open, "let x = (1 +\nprint y\n");
    assertThat(picocli("check", open.toString())).isEqualTo(1);
    assertThat(err()).contains("open.law:2:1: error: unexpected 'print'")
        .contains("hint: the '(' at line 1, column 9 is never closed: add ')'");
  }

  @Test
  void checkReportsNameErrorsBeyondASyntaxErrorWithoutCascades(@TempDir Path dir) throws Exception {
    Path script = dir.resolve("both.law");
    // x's statement is broken, but x is declared: its later use is not "unknown"; zz and lg are
    Files.writeString(script, "let x = (1 +\nprint y\nprint zz\nprint x + 1\nlaw L(N) = 2 / N^\nprint L(1, 2)\nprint lg(3)\n");
    assertThat(picocli("check", script.toString())).isEqualTo(1);
    String e = err();
    assertThat(e).contains("both.law:2:1: error: unexpected 'print'").contains("both.law:3:7: error: unknown name 'zz'")
        .contains("both.law:6:1: error: unexpected 'print'").contains("both.law:7:7: error: unknown name 'lg'")
        .contains("did you mean 'log'?").doesNotContain("unknown name 'x'").doesNotContain("unknown name 'L'");
    // in the order of the script
    assertThat(e.indexOf("both.law:2:1")).isLessThan(e.indexOf("both.law:3:7"));
    assertThat(e.indexOf("both.law:6:1")).isLessThan(e.indexOf("both.law:7:7"));
    assertThat(out()).isEqualTo("1 file, 1 with errors, 4 errors\n");
  }

  @Test
  void usageErrorsSpeakTheToolsLanguage() {
    assertThat(picocli("frobnicate")).isEqualTo(2);
    assertThat(err()).isEqualTo("law: unknown command 'frobnicate' (the commands are run, check, eval, repl, fmt, lsp, kernel)\nTry 'law --help'.\n");
    err.reset();
    assertThat(picocli("rnu", "x.law")).isEqualTo(2);
    assertThat(err()).startsWith("law: unknown command 'rnu' (did you mean 'run'?)");
    err.reset();
    assertThat(picocli("script.law")).isEqualTo(2);
    assertThat(err()).startsWith("law: unknown command 'script.law'; to run a script: law run script.law");
    err.reset();
    // a mistake in a subcommand points at that subcommand's help
    assertThat(picocli("run", "--jsn", "x.law")).isEqualTo(2);
    assertThat(err()).isEqualTo("law run: unknown option '--jsn' (did you mean '--json'?)\nTry 'law run --help'.\n");
    err.reset();
    assertThat(picocli("run")).isEqualTo(2);
    assertThat(err()).startsWith("law run: missing FILE").contains("Try 'law run --help'.");
    err.reset();
    assertThat(picocli("eval", "1", "2")).isEqualTo(2);
    assertThat(err()).startsWith("law eval: unexpected argument '2'");
    assertThat(err()).doesNotContain("Unmatched").doesNotContain("index");
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
    assertThat(out()).contains("Usage: law").contains("Exit codes")
        .contains("law alone opens the interactive session").contains("With input piped in");
    out.reset();
    assertThat(picocli("--version")).isZero();
    assertThat(out()).startsWith("law ");
  }
}
