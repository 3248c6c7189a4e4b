package org.lawlang.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lawlang.diag.Diagnostic;
import org.lawlang.eval.Services;
import org.lawlang.eval.Value;

/** The REPL session as a notebook kernel uses it: typed pieces of output, completion, :doc, the multi-line rule. */
class CellSessionTest {
  /** Everything one input produced, in order, tagged by kind. */
  static final class Recorder implements CellSession.Sink {
    final List<String> seen = new ArrayList<>();

    @Override
    public void stdout(String text) {
      seen.add("out:" + text);
    }

    @Override
    public void stderr(String text) {
      seen.add("err:" + text);
    }

    @Override
    public void printed(String text, List<Value> values) {
      seen.add("print:" + text + " (" + values.size() + " values)");
    }

    @Override
    public void result(Value value) {
      seen.add("result:" + value.show());
    }

    @Override
    public void failed(List<Diagnostic> diagnostics) {
      seen.add("error:" + diagnostics.get(0).toString().strip());
    }
  }

  private final CellSession cells = new CellSession(Path.of(".").toAbsolutePath(), Services::standard);

  @Test
  void aCellPrintsDeclaresQuietlyAndEndsWithItsValue() {
    Recorder r = new Recorder();
    assertThat(cells.run("let x = 2\nprint \"x is\", x\nx * 21", "In[1]", r)).isTrue();
    assertThat(r.seen).containsExactly("print:x is 2 (2 values)", "result:42");
  }

  @Test
  void anErrorPointsIntoTheCellAndKeepsWhatRanBefore() {
    Recorder r = new Recorder();
    assertThat(cells.run("let y = 3\nprint y / z", "In[7]", r)).isFalse();
    assertThat(r.seen).containsExactly("error:In[7]:2:11: error: unknown name 'z' [L201]\n  2 | print y / z\n    |           ^");
    Recorder next = new Recorder();
    assertThat(cells.run("y", "In[8]", next)).as("a check error runs nothing of the cell").isFalse();
  }

  @Test
  void commandsRunAndEchoCanBeTurnedOn() {
    Recorder r = new Recorder();
    assertThat(cells.run(":echo on", "In[1]", r)).isTrue();
    cells.run("let w = 5", "In[2]", r);
    assertThat(r.seen).contains("out:let w = 5\n");
  }

  @Test
  void completionAndDocAreTheRepls() {
    cells.run("law Loss(N) = 1 + 2 / N^0.3", "In[1]", new Recorder());
    CellSession.Completions c = cells.complete("print Lo", 8);
    assertThat(c.start()).isEqualTo(6);
    assertThat(c.matches()).extracting(CellSession.Match::text).contains("Loss");
    assertThat(cells.inspect("print Loss(1B)", 8)).isEqualTo("law Loss(N) = 1 + 2 / N^0.3");
    assertThat(cells.inspect("print nothing_here", 10)).isNull();
  }

  @Test
  void completenessFollowsTheMultiLineRule() {
    assertThat(cells.completeness("law L(N) = E +")).isEqualTo("incomplete");
    assertThat(cells.completeness("for N in [1, 2] {")).isEqualTo("incomplete");
    assertThat(cells.completeness("let a = 1")).isEqualTo("complete");
    assertThat(cells.completeness("let a = )")).isEqualTo("invalid");
    assertThat(cells.completeness(":help")).isEqualTo("complete");
  }
}
