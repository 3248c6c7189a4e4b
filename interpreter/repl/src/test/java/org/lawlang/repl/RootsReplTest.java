package org.lawlang.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.jline.reader.Candidate;
import org.junit.jupiter.api.Test;
import org.lawlang.api.LawEngine;
import org.lawlang.eval.EngineAccess;

/** `roots` in the REPL: it continues an unfinished line, completes, and shows its list. */
class RootsReplTest {
  @Test
  void rootsWorksAtThePrompt() {
    assertThat(LawLineParser.unfinished("let r = roots x^2 = 4 for x in")).isTrue();
    StringWriter text = new StringWriter();
    ReplIO io = new ReplIO(new PrintWriter(text, true));
    ReplSession s = new ReplSession(() -> EngineAccess.output(LawEngine.builder(), io).build(), io);
    s.evaluate("let r = roots x^2 = 4 for x in [-3, 3]");
    s.evaluate("r");
    s.evaluate("r[1] - r[0]");
    s.evaluate("roots x^2 = 4 for x");
    assertThat(text.toString()).contains("[-2, 2]", "4", "roots needs a range to scan for x [L612]");
    Completion c = new Completion(() -> s);
    LawLineParser.Line line = LawLineParser.word("print roo", 9);
    List<String> words = c.candidates(line).stream().map(Candidate::value).filter(v -> v.startsWith("roo")).toList();
    assertThat(words).contains("roots");
  }
}
