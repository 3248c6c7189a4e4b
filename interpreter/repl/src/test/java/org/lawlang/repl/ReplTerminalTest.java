package org.lawlang.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawlang.api.LawEngine;
import org.lawlang.eval.EngineAccess;
import org.lawlang.eval.Output;

/** The REPL through a JLine terminal: keys in, screen out. */
class ReplTerminalTest {
  static final Path REPO = Path.of(System.getProperty("law.repo", "../..")).toAbsolutePath().normalize();

  @TempDir
  Path home;

  private TerminalDriver start() throws Exception {
    TerminalDriver t = new TerminalDriver(home.resolve("history"), REPO.resolve("examples"));
    assertThat(t.prompt()).contains("law test").contains(":help");
    return t;
  }

  @Test
  void expressionsPrintTheirValueAndAnErrorKeepsTheState() throws Exception {
    try (TerminalDriver t = start()) {
      t.type("let budget = 6 * 70B * 1.4T\r");
      t.prompt();
      t.type("budget\r");
      assertThat(t.prompt()).contains("5.88e23");
      t.type("budget / bugdet\r");
      assertThat(t.prompt()).contains("<repl>:1:10: error: unknown name 'bugdet' [L201]")
          .contains("  1 | budget / bugdet\n    |          ^^^^^^").contains("did you mean 'budget'?");
      t.type("1 / 0\r");
      assertThat(t.prompt()).contains("division by zero [L304]");
      t.type("budget * 2\r");
      assertThat(t.prompt()).contains("1.176e24");
      t.type("\u0004");
      assertThat(t.exitCode()).isZero();
    }
  }

  @Test
  void unfinishedStatementsContinueOnTheNextLine() throws Exception {
    try (TerminalDriver t = start()) {
      t.type("for N in [1B, 10B] {\r");
      t.waitFor(Repl.CONTINUATION);
      t.type("row N, tokens: 20 * N\r");
      t.waitFor(Repl.CONTINUATION);
      t.type("}\r");
      assertThat(t.prompt()).contains("N     tokens").contains(" 1e9    2e10").contains("1e10    2e11");
      t.type("law L(N) = E + A / N^alpha with\r");
      t.waitFor(Repl.CONTINUATION);
      t.type("A > 0, alpha in [0, 1]\r");
      t.prompt();
      t.type("print (1 +\r");
      t.waitFor(Repl.CONTINUATION);
      t.type("2) * 3\r");
      assertThat(t.prompt()).contains("9");
      // a blank line gives up on an unfinished statement and shows why
      t.type("let z = [1,\r");
      t.waitFor(Repl.CONTINUATION);
      t.type("\r");
      assertThat(t.prompt()).contains("unexpected end of input [L101]");
      t.type(":laws\r");
      assertThat(t.prompt()).contains("L(N) = E + A / N^alpha").contains("free: E, A, alpha");
    }
  }

  @Test
  void tabCompletesFilesInStringsColumnsAndCommands() throws Exception {
    try (TerminalDriver t = start()) {
      t.type("data runs = csv \"data/epoch_chin\t");
      t.waitFor("epoch_chinchilla_svg_extracted_data.csv\"");
      t.type(" { N = \"Model Size\", loss = \"loss\" }\r");
      t.prompt();
      t.type("count(runs.lo\t");
      t.waitFor("runs.loss");
      t.type(")\r");
      assertThat(t.prompt()).contains("245");
      t.type(":da\t");
      t.waitFor(":data");
      t.type("\r");
      assertThat(t.prompt()).contains("runs  245 rows  (N, loss)");
    }
  }

  @Test
  void ctrlCCancelsALongEvaluationAndKeepsTheSession() throws Exception {
    try (TerminalDriver t = start()) {
      t.type("let kept = 7\r");
      t.prompt();
      t.type("print \"running\"; for i in 1..1000 { for j in 1..100000 { let y = i * j } }\r");
      t.waitFor("running\n");
      t.type("\u0003");
      assertThat(t.prompt()).contains("error: cancelled [L311]");
      t.type("kept + 1\r");
      assertThat(t.prompt()).contains("8");
      // at the prompt, Ctrl-C clears the line
      // (Ctrl-C arrives as a signal, ahead of keys JLine has not read yet: wait for the echo)
      t.type("kept + 100");
      t.waitFor("kept + 100");
      t.type("\u0003");
      t.prompt();
      t.type("kept\r");
      assertThat(t.prompt()).contains("7").doesNotContain("107");
    }
  }

  @Test
  void loadRunsAScriptAndSaveWritesTheAcceptedStatements() throws Exception {
    Path script = home.resolve("defs.law");
    Files.writeString(script, "let loaded = 40\nlaw Twice(x) = 2 * x\n");
    Path saved = home.resolve("out/session.law");
    try (TerminalDriver t = start()) {
      t.type(":load " + script + "\r");
      assertThat(t.prompt()).contains("loaded " + script + ": defined loaded, Twice");
      t.type("let total = loaded + 2\r");
      t.prompt();
      t.type("let bad = nope\r");
      assertThat(t.prompt()).contains("unknown name 'nope'");
      t.type("print Twice(total)\r");
      assertThat(t.prompt()).contains("84");
      t.type(":save " + saved + "\r");
      assertThat(t.prompt()).contains("saved 4 statements to " + saved);
    }
    String text = Files.readString(saved);
    assertThat(text).contains("let loaded = 40", "let total = loaded + 2", "print Twice(total)").doesNotContain("nope");
    StringBuilder out = new StringBuilder();
    EngineAccess.run(EngineAccess.output(LawEngine.builder(), Output.buffer(out)).allowAllFiles().build(), saved);
    assertThat(out.toString()).isEqualTo("84\n");
  }

  @Test
  void historyIsKeptAcrossSessions() throws Exception {
    try (TerminalDriver t = start()) {
      t.type("let remembered = 1234\r");
      t.prompt();
      t.type(":quit\r");
      assertThat(t.exitCode()).isZero();
    }
    assertThat(Files.readString(home.resolve("history"))).contains("let remembered = 1234");
    try (TerminalDriver t = start()) {
      t.type("\u0010\u0010\r"); // Ctrl-P twice: back past :quit to the let
      t.prompt();
      t.type("remembered\r");
      assertThat(t.prompt()).contains("1234");
    }
  }

  @Test
  void commandsHaveHelpAndUnknownOnesAreNamed() throws Exception {
    try (TerminalDriver t = start()) {
      t.type(":help\r");
      assertThat(t.prompt()).contains(":load FILE").contains(":save FILE").contains(":doc NAME").contains(":quit");
      t.type(":help :save\r");
      assertThat(t.prompt()).contains("law run FILE");
      t.type(":lwas\r");
      assertThat(t.prompt()).contains("unknown command ':lwas' [L810]").contains("did you mean ':laws'?");
      t.type("law L(N) = 1.69 + 406.4 / N^0.34 unit \"nats/token\" cite \"Hoffmann et al. 2022\"\r");
      t.prompt();
      t.type(":doc L\r");
      assertThat(t.prompt()).contains("law L(N) = 1.69 + 406.4 / N^0.34").contains("unit nats/token").contains("cite Hoffmann et al. 2022");
      // an unknown name in a command points into the command line as typed
      t.type(":help nosuch\r");
      assertThat(t.prompt()).contains("<repl>:1:7: error: unknown name 'nosuch'").contains("1 | :help nosuch").contains("  |       ^^^^^^");
      t.type(":reset\r");
      t.prompt();
      t.type(":laws\r");
      assertThat(t.prompt()).contains("no laws yet");
    }
  }

  @Test
  void aClauseOnItsOwnLineContinuesTheStatementBeforeIt() throws Exception {
    try (TerminalDriver t = start()) {
      t.type("law K(N) = (Nc / N)^aN\r");
      assertThat(t.prompt()).contains("law K(N): 2 free (Nc, aN)");
      t.type("    where Nc = 8.8e13, aN = 0.076\r");
      assertThat(t.prompt()).contains("law K(N): 2 parameters fixed").doesNotContain("error").doesNotContain("replaces");
      t.type("K(1e9)\r");
      assertThat(t.prompt()).contains(org.lawlang.syntax.NumberFormat.show(Math.pow(8.8e13 / 1e9, 0.076)));
      // pasted at once: no blank line needed
      t.type("law J(N) = (Nc / N)^aN\r    where Nc = 1e10, aN = 0.5\r");
      t.prompt();
      assertThat(t.prompt()).contains("law J(N): 2 parameters fixed");
      t.type("J(1e8)\r");
      assertThat(t.prompt()).contains("10\n");
      // pasted by a terminal with bracketed paste: both lines in the buffer, one Enter runs them
      t.type("\u001B[200~law J2(N) = (Nc / N)^aN\n    where Nc = 1e10, aN = 0.25\u001B[201~\r");
      assertThat(t.prompt()).contains("law J2(N): 2 parameters fixed");
      t.type("J2(1e6)\r");
      assertThat(t.prompt()).contains("10\n");
      // a clause that continues nothing is still an error
      t.type("print 1\r");
      t.prompt();
      t.type("where x = 1\r");
      assertThat(t.prompt()).contains("unexpected 'where'");
      // the indented line is history like any other, and :help keys names the real history file
      t.type(":history\r");
      assertThat(t.prompt()).contains("    where Nc = 8.8e13, aN = 0.076");
      t.type(":help keys\r");
      assertThat(t.prompt()).contains("history (kept in " + home.resolve("history").toAbsolutePath() + ")");
      t.type(":quit\r");
      assertThat(t.exitCode()).isZero();
    }
    assertThat(Files.readString(home.resolve("history"))).contains("    where Nc = 8.8e13, aN = 0.076");
  }

  @Test
  void declarationsEchoALineUnlessATrailingSemicolonOrEchoOff() throws Exception {
    try (TerminalDriver t = start()) {
      t.type("let x = 2 + 3\r");
      assertThat(t.prompt()).contains("let x = 5\n");
      t.type("let y = 6;\r");
      assertThat(t.prompt()).doesNotContain("let y = 6\n");
      t.type("data tiny = table (N, loss) {\r1M 4\r10M 3.3\r}\r");
      assertThat(t.prompt()).contains("data tiny: 2 rows, 2 columns (N, loss)");
      t.type("let x = y + 1\r");
      assertThat(t.prompt()).contains("let x = 7   (replaces the earlier x)");
      t.type("import hoffmann2022\r");
      assertThat(t.prompt()).containsPattern("import hoffmann2022: \\d+ names \\(chinchilla_");
      t.type(":echo off\r");
      t.prompt();
      t.type("let z = 2 - 1\r");
      assertThat(t.prompt()).doesNotContain("let z = 1");
      t.type(":vars\r");
      assertThat(t.prompt()).containsPattern("  x +number +7").containsPattern("  tiny +dataset +2 rows, 2 columns").containsPattern("  chinchilla_L +law +chinchilla_L\\(N, D\\): 5 parameters fixed")
          .containsPattern("  hoffmann2022 +module");
      t.type(":time x * 2\r");
      assertThat(t.prompt()).contains("14\n").containsPattern("time: [0-9.]+ m?s");
    }
  }

  @Test
  void loadReportsDefinitionsAndReplacementsAndIsAllOrNothing() throws Exception {
    Path first = home.resolve("first.law");
    Files.writeString(first, "data runs = table (N, loss) {\n1M 4\n10M 3.3\n100M 2.9\n}\nlet scale = 2\n");
    Path failing = home.resolve("failing.law");
    Files.writeString(failing, "data runs = table (N, loss) {\n1M 4\n}\nlet extra = 1\nprint 1 / 0\n");
    Path second = home.resolve("second.law");
    Files.writeString(second, "data runs = table (N, loss) {\n1M 4\n}\nlet more = 1\n");
    try (TerminalDriver t = start()) {
      t.type(":load " + first + "\r");
      assertThat(t.prompt()).contains("loaded " + first + ": defined runs, scale");
      t.type(":load " + failing + "\r");
      assertThat(t.prompt()).contains("division by zero").contains(":load " + failing + " failed: the session is as it was before it");
      t.type("runs.rows\r");
      assertThat(t.prompt()).contains("3\n");
      t.type("extra\r");
      assertThat(t.prompt()).contains("unknown name 'extra'");
      t.type(":load " + second + "\r");
      assertThat(t.prompt()).contains("loaded " + second + ": defined more")
          .contains("replaced data runs: 3 rows, 2 columns (N, loss)").contains("by data runs: 1 row, 2 columns (N, loss)");
    }
  }

  @Test
  void saveWritesAScriptThatRunsFromItsOwnFolder() throws Exception {
    Path saved = home.resolve("elsewhere/deep/session.law");
    try (TerminalDriver t = start()) {
      t.type("data runs = csv \"data/epoch_chinchilla_svg_extracted_data.csv\" { N = \"Model Size\", loss = \"loss\" }\r");
      t.prompt();
      t.type("help runs\r");
      t.prompt();
      t.type("let a = 1\r");
      t.prompt();
      t.type("let a = 2\r");
      t.prompt();
      t.type("print count(runs.loss) + a\r");
      assertThat(t.prompt()).contains("247");
      t.type(":save " + saved + "\r");
      assertThat(t.prompt()).contains("saved 3 statements to " + saved);
    }
    String text = Files.readString(saved);
    assertThat(text).doesNotContain("help").doesNotContain("let a = 1").contains("../../");
    StringBuilder out = new StringBuilder();
    // run from another working directory: the data path was rewritten relative to the script
    EngineAccess.run(EngineAccess.output(LawEngine.builder(), Output.buffer(out)).workDir(home).allowAllFiles().build(), saved);
    assertThat(out.toString()).isEqualTo("247\n");
  }

  @Test
  void docOfAStatementWordAndTheReplsOwnHints() throws Exception {
    try (TerminalDriver t = start()) {
      t.type(":doc minimize\r");
      assertThat(t.prompt()).contains("minimize EXPR subject to").doesNotContain("unknown name");
      t.type("data d = csv \"nope.csv\"\r");
      assertThat(t.prompt()).contains("cannot read 'nope.csv'").contains("a relative path starts from the directory law was started in")
          .doesNotContain("folder of the script");
      t.type("let K = 1\r");
      t.prompt();
      t.type("print a\r");
      assertThat(t.prompt()).contains("unknown name 'a'").doesNotContain("did you mean");
    }
  }

  @Test
  void commandDescriptionsLineUpAndAWarningsCaretIsYellow() throws Exception {
    try (TerminalDriver t = start()) {
      t.type(":\t");
      String list = t.waitFor("its kind and a one-line value");
      t.type("\u0003");
      t.prompt();
      java.util.Set<Integer> columns = new java.util.TreeSet<>();
      list.lines().filter(l -> l.startsWith(":") && l.contains("  ")).forEach(l -> {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^:\\S+( \\S+)? +").matcher(l);
        assertThat(m.find()).as(l).isTrue();
        columns.add(m.end());
      });
      assertThat(columns).as(list).hasSize(1);
      t.type("import hoffmann2022;\r");
      t.prompt();
      int mark = t.rawLength();
      t.type("chinchilla_L(280B, 300B)\r");
      t.prompt();
      String raw = t.raw().substring(mark);
      int caret = raw.indexOf("^^^");
      String style = raw.substring(raw.lastIndexOf("\u001B[", caret), caret);
      assertThat(style).as(style).contains("33").doesNotContain("31");
    }
  }

  @Test
  void ctrlCDuringAProgressBarErasesIt() throws Exception {
    try (TerminalDriver t = start()) {
      t.type("data runs = csv \"data/epoch_chinchilla_svg_extracted_data.csv\" { N = \"Model Size\", loss = \"loss\" };\r");
      t.prompt();
      t.type("law P(N) = E + A / N^alpha with E > 0, A > 0, alpha in [0, 1];\r");
      t.prompt();
      t.type("let f = fit loss ~ P(N) to runs starts grid(alpha = 0..1 by 0.5) bootstrap 200000 seed 1\r");
      t.waitFor("bootstrap: 200000 resamples  [");
      t.type("\u0003");
      assertThat(t.prompt()).contains("cancelled [L311]");
      String raw = t.raw();
      int bar = raw.lastIndexOf("bootstrap: 200000 resamples  [");
      int error = raw.indexOf("cancelled", bar);
      // after the last drawing of the bar, its line is erased before anything moves to a new line
      // (a newline first would leave the bar on the line above, and erase the empty one below)
      String after = raw.substring(bar, error);
      assertThat(after).contains("\r\u001B[K");
      assertThat(after.indexOf("\r\u001B[K")).as(after).isLessThan(after.contains("\n") ? after.indexOf("\n") : Integer.MAX_VALUE);
      t.type("f\r");
      assertThat(t.prompt()).contains("unknown name 'f'");
    }
  }
}
