package org.lawlang.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lawlang.api.LawEngine;
import org.lawlang.eval.EngineAccess;
import org.lawlang.eval.ModuleLoader;

/** The REPL's parts without a terminal: when input is unfinished, colours, completion, the progress bar. */
class ReplPartsTest {
  static final Path REPO = Path.of(System.getProperty("law.repo", "../..")).toAbsolutePath().normalize();

  @ParameterizedTest
  @ValueSource(strings = {
      "print (1 +", "let xs = [1, 2,", "for x in xs {", "law L(N) = A / N^a with", "law L(N) = A / N^a where",
      "let o = minimize L(N, D) subject to", "let y = 2 *", "print \"open string", "proc f(x) {\n  return x"})
  void unfinishedInputContinues(String text) {
    assertThat(LawLineParser.unfinished(text)).as(text).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "print 1 + 2", "let x = )", "print (1 +\n", "for x in xs {\n\n", ":load foo(", "", "print 1 +\nprint )", "law L(N) = A / N^a"})
  void finishedOrHopelessInputRuns(String text) {
    assertThat(LawLineParser.unfinished(text)).as(text).isFalse();
  }

  @Test
  void highlightingFollowsTheLexer() {
    String text = "let n = 70B  # params\nprint \"x\", n +";
    AttributedStyle[] s = LawHighlighter.styles(text);
    assertThat(s[0]).isEqualTo(LawHighlighter.KEYWORD);
    assertThat(s[text.indexOf("70B")]).isEqualTo(LawHighlighter.NUMBER);
    assertThat(s[text.indexOf("# params") + 3]).isEqualTo(LawHighlighter.COMMENT);
    assertThat(s[text.indexOf("\"x\"") + 1]).isEqualTo(LawHighlighter.STRING);
    assertThat(s[text.indexOf("n =")]).isEqualTo(AttributedStyle.DEFAULT);
    // a trailing operator only means "not finished": no error colour
    assertThat(s[text.length() - 1]).isNotEqualTo(LawHighlighter.ERROR);
    AttributedStyle[] bad = LawHighlighter.styles("let x = 1 $ 2");
    assertThat(bad["let x = 1 ".length()]).isEqualTo(LawHighlighter.ERROR);
    AttributedStyle[] misplaced = LawHighlighter.styles("print 1 2");
    assertThat(misplaced["print 1 ".length()]).isEqualTo(LawHighlighter.ERROR);
  }

  private static List<String> complete(ReplSession session, String line) {
    Completion c = new Completion(() -> session);
    LawLineParser.Line parsed = LawLineParser.word(line, line.length());
    // JLine keeps the candidates that start with the word under the cursor
    return c.candidates(parsed).stream().map(Candidate::value).filter(v -> v.startsWith(parsed.word())).toList();
  }

  private static ReplSession session() {
    ReplIO io = new ReplIO(new PrintWriter(new StringWriter()));
    ReplSession s = new ReplSession(() -> EngineAccess.output(LawEngine.builder(), io).workDir(REPO.resolve("examples")).build(), io);
    s.evaluate("law L(N, D) = E + A / N^alpha + B / D^beta where E = 1.69, A = 406.4, B = 410.7, alpha = 0.34, beta = 0.28\n"
        + "data runs = table (N, D, loss) {\n 1e8 2e9 3.1\n 1e9 2e10 2.5\n}\n"
        + "let budget = 1e21");
    assertThat(s.transcript()).hasSize(1);
    return s;
  }

  @Test
  void completesNamesKeywordsAndBuiltinsInCode() {
    ReplSession s = session();
    assertThat(complete(s, "print bu")).containsExactly("budget");
    assertThat(complete(s, "print ")).contains("budget", "let", "minimize", "logspace", "L", "runs");
    assertThat(LawLineParser.word("print bu", 8).word()).isEqualTo("bu");
  }

  @Test
  void completesFieldsAfterADot() {
    ReplSession s = session();
    assertThat(complete(s, "print runs.")).containsExactly("N", "D", "loss", "rows");
    assertThat(complete(s, "print L.")).contains("alpha", "beta", "formula").doesNotContain("let");
    assertThat(complete(s, "print nothing.")).isEmpty();
  }

  @Test
  void completesModulesAfterImportAndColumnsOfDatasetsOnTheLine() {
    ReplSession s = session();
    assertThat(complete(s, "import ")).containsExactlyInAnyOrderElementsOf(ModuleLoader.stdlibModules());
    assertThat(complete(s, "data big = runs where ")).contains("loss", "N", "D");
    assertThat(complete(s, "data big = runs where lo")).contains("loss");
    assertThat(complete(s, "plot loss vs N from runs, lo")).contains("loss");
    assertThat(complete(s, "print lo")).doesNotContain("loss");
  }

  @Test
  void completesFilesInStringsAndCommands() {
    ReplSession s = session();
    assertThat(complete(s, "data x = csv \"data/ep")).containsExactly("data/epoch_chinchilla_svg_extracted_data.csv\"");
    assertThat(complete(s, "import \"da")).contains("data/");
    assertThat(complete(s, ":")).contains(":help", ":load", ":laws", ":data", ":vars", ":doc", ":reset", ":save", ":quit");
    assertThat(complete(s, ":load da")).contains("data/");
    assertThat(complete(s, ":doc bu")).contains("budget");
    assertThat(complete(s, ":time bu")).contains("budget");
    assertThat(complete(s, ":time runs.")).contains("loss");
    assertThat(complete(s, ":echo o")).containsExactly("on", "off");
    assertThat(complete(s, ":")).contains(":history", ":time", ":edit", ":echo");
  }

  @Test
  void progressBarShowsCountsAndTimeLeft() {
    assertThat(TerminalProgress.line("bootstrap", 250, 1000, 10))
        .isEqualTo("bootstrap  [=======>                      ]  250/1000  30s left");
    assertThat(TerminalProgress.line("fit", 0, 0, 0)).startsWith("fit  [").endsWith("]  0");
    assertThat(TerminalProgress.duration(3725)).isEqualTo("1h02m");
    StringWriter out = new StringWriter();
    long[] now = {0};
    TerminalProgress p = new TerminalProgress(new PrintWriter(out), () -> now[0]);
    p.start("starts", 4);
    now[0] = 2_000_000_000L;
    p.advance(1);
    p.advance(3);
    p.done();
    assertThat(out.toString()).contains("starts  [=======>").contains("1/4  6s left").contains("4/4").endsWith("\r\033[K");
  }

  @Test
  void unfinishedAndCommandLinesAreWordsForCompletion() {
    LawLineParser.Line line = LawLineParser.word(":sa", 3);
    assertThat(line.word()).isEqualTo(":sa");
    assertThat(LawLineParser.word(":save out/s", 11).word()).isEqualTo("out/s");
    assertThat(LawLineParser.word("csv \"a b/c", 10).word()).isEqualTo("a b/c");
    assertThat(LawLineParser.insideString("print \"a\" # \"", 13)).isFalse();
  }

  @Test
  void aCancelledTaskLeavesNoBarAndAStragglerDrawsNone() {
    StringWriter out = new StringWriter();
    long[] now = {0};
    TerminalProgress p = new TerminalProgress(new PrintWriter(out), () -> now[0]);
    p.start("bootstrap", 100);
    now[0] = 200_000_000L;
    p.advance(10);
    assertThat(out.toString()).contains("10/100");
    p.finish(); // Ctrl-C: the task never reached done()
    assertThat(out.toString()).endsWith("\r\033[K");
    int length = out.toString().length();
    now[0] = 900_000_000L;
    p.advance(10); // a worker thread that had not yet seen the cancellation
    assertThat(out.toString()).hasSize(length);
    p.start("fit", 2); // the next task draws again
    p.advance(2);
    assertThat(out.toString().substring(length)).contains("2/2");
  }

  @Test
  void aLongLineIsCutToTheTerminalSoTheCaretStaysUnderIt() {
    StringWriter screen = new StringWriter();
    ReplIO io = new ReplIO(new PrintWriter(screen), null, () -> 80);
    ReplSession s = new ReplSession(() -> EngineAccess.output(LawEngine.builder(), io).workDir(REPO.resolve("examples")).build(), io);
    String input = "let q = " + "1 + ".repeat(40) + "nope";
    s.evaluate(input);
    List<String> lines = screen.toString().lines().toList();
    assertThat(lines).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(80));
    String source = lines.stream().filter(l -> l.contains("| ")).findFirst().orElseThrow();
    String caret = lines.stream().filter(l -> l.contains("^")).findFirst().orElseThrow();
    assertThat(source.substring(caret.indexOf('^'), caret.lastIndexOf('^') + 1)).isEqualTo("nope");
  }

  @Test
  void savedScriptsRewritePathsAndDropHelpAndSupersededDefinitions(@org.junit.jupiter.api.io.TempDir Path dir) {
    Path examples = REPO.resolve("examples");
    List<SessionScript.Entry> entries = List.of(
        new SessionScript.Entry("data runs = csv \"data/epoch_chinchilla_svg_extracted_data.csv\" { loss = \"loss\" }", examples, null),
        new SessionScript.Entry("help runs", examples, null),
        new SessionScript.Entry("let a = 1\nlet b = 2", examples, null),
        new SessionScript.Entry("let a = 10\nlet b = b + 1", examples, null),
        new SessionScript.Entry("for x in [1] { row x } to \"/tmp/abs.csv\"", examples, null),
        new SessionScript.Entry("print count(runs.loss) + a + b", examples, null));
    int[] kept = new int[1];
    String text = SessionScript.text(entries, dir.resolve("sub/s.law"), kept);
    String rel = dir.resolve("sub").relativize(examples.resolve("data/epoch_chinchilla_svg_extracted_data.csv")).toString();
    assertThat(text).contains("csv \"" + rel + "\"").doesNotContain("help").doesNotContain("let a = 1\n")
        .contains("let b = 2\n").contains("let a = 10\n").contains("to \"/tmp/abs.csv\"");
    assertThat(kept[0]).isEqualTo(6);
  }

  @Test
  void editRunsWhatTheEditorSaved(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    StringWriter screen = new StringWriter();
    ReplIO io = new ReplIO(new PrintWriter(screen));
    ReplSession s = new ReplSession(() -> EngineAccess.output(LawEngine.builder(), io).workDir(dir).build(), io);
    s.evaluate("let x = 2 * 21");
    // an "editor" that changes the multiplier, as a person would in vi
    s.editor("sed -i s/21/50/");
    s.edit();
    assertThat(screen.toString()).contains("let x = 2 * 50\n").contains("let x = 100   (replaces the earlier x)");
    s.editor("true"); // saved unchanged
    s.edit();
    assertThat(screen.toString()).contains(":edit: nothing changed; nothing was run");
    s.editor("false");
    s.edit();
    assertThat(screen.toString()).contains("exited with status 1");
    assertThat(EngineAccess.eval(s.engine(), "<t>", "x").show()).isEqualTo("100");
  }

  @Test
  void outputDuringABarStartsOnACleanLine() {
    StringWriter screen = new StringWriter();
    PrintWriter out = new PrintWriter(screen);
    long[] now = {0};
    TerminalProgress bar = new TerminalProgress(out, () -> now[0]);
    ReplIO io = new ReplIO(out, null, () -> 0);
    io.clearBarWith(bar::done);
    bar.start("starts", 10);
    now[0] = 200_000_000L;
    bar.advance(3);
    io.println("a warning, say");
    assertThat(screen.toString()).endsWith("3/10\r\033[Ka warning, say" + System.lineSeparator());
    io.println("more");
    assertThat(screen.toString()).endsWith("a warning, say" + System.lineSeparator() + "more" + System.lineSeparator());
  }
}
