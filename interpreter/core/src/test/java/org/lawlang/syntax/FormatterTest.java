package org.lawlang.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Source;

/** The formatter: its layout, its comments, and on every script in the repository, idempotent and tree-preserving. */
class FormatterTest {
  private static String fmt(String text) {
    return Formatter.format("<test>", text);
  }

  @Test
  void everyScriptInTheRepositoryFormatsToTheSameTreeAndIsStable() throws IOException {
    Path root = Path.of(System.getProperty("law.repo", "../.."));
    List<Path> scripts;
    try (Stream<Path> walk = Files.walk(root)) {
      scripts = walk.filter(p -> p.toString().endsWith(".law"))
          .filter(p -> !root.relativize(p).toString().contains("target"))
          .filter(p -> !root.relativize(p).startsWith(".git"))
          .sorted().toList();
    }
    assertThat(scripts.size()).as("scripts found under %s", root).isGreaterThan(100);
    int formatted = 0;
    List<String> failures = new ArrayList<>();
    for (Path p : scripts) {
      String text;
      try {
        text = Files.readString(p, StandardCharsets.UTF_8);
      } catch (java.nio.charset.MalformedInputException notUtf8) {
        continue; // the golden file of a script that is not UTF-8
      }
      Program before;
      try {
        before = Parsing.parse(new Source(p.toString(), text));
      } catch (LawException syntaxError) {
        continue; // the golden files of syntax errors
      }
      String once = Formatter.format(p.toString(), text);
      Program after;
      try {
        after = Parsing.parse(new Source(p.toString(), once));
      } catch (LawException e) {
        failures.add(p + ": the formatted text does not parse: " + e.getMessage() + "\n" + once);
        continue;
      }
      if (!AstShape.of(before.statements()).equals(AstShape.of(after.statements()))) {
        failures.add(p + ": the formatted text parses to another tree:\n" + once);
      } else if (!Formatter.format(p.toString(), once).equals(once)) {
        failures.add(p + ": formatting twice changes the text:\n" + once + "\n---\n" + Formatter.format(p.toString(), once));
      } else if (commentCount(text) != commentCount(once)) {
        failures.add(p + ": comments lost:\n" + once);
      }
      formatted++;
    }
    assertThat(failures).isEmpty();
    assertThat(formatted).isGreaterThan(100);
  }

  @Test
  void theExamplesAndTheStandardLibraryAreFormatted() throws IOException {
    Path root = Path.of(System.getProperty("law.repo", "../.."));
    List<Path> scripts = new ArrayList<>();
    for (String dir : List.of("examples", "stdlib")) {
      try (Stream<Path> list = Files.list(root.resolve(dir))) {
        list.filter(p -> p.toString().endsWith(".law")).sorted().forEach(scripts::add);
      }
    }
    assertThat(scripts).hasSizeGreaterThan(20);
    for (Path p : scripts) {
      String text = Files.readString(p, StandardCharsets.UTF_8);
      assertThat(Formatter.format(p.toString(), text)).as("%s is not formatted: run law fmt on it", p).isEqualTo(text);
    }
  }

  private static long commentCount(String text) {
    return text.lines().filter(l -> l.contains("#")).count();
  }

  @Test
  void statementsGetCanonicalSpacingAndExpressionsStayAsWritten() {
    assertThat(fmt("let   x=6 * N\nprint x ,  2*x\n")).isEqualTo("let x = 6 * N\nprint x, 2*x\n");
  }

  @Test
  void lawClausesGoOnLinesOfTheirOwnInAFixedOrder() {
    assertThat(fmt("law L(N) = A / N^a unit \"nats\" where A = 1, a = 0.1 # the fit\n"))
        .isEqualTo("law L(N) = A / N^a\n    where A = 1, a = 0.1  # the fit\n    unit \"nats\"\n");
  }

  @Test
  void csvColumnsAlignAndTablesLineUp() {
    String in = "data d = csv \"x.csv\" { N = \"Model Size\", loss = \"loss\" } where loss < 3\n"
        + "data t = table (N, loss) {\n 1M 4.017   # small\n  10M 3.359\n}\n";
    assertThat(fmt(in)).isEqualTo("data d = csv \"x.csv\" {\n    N    = \"Model Size\"\n    loss = \"loss\"\n} where loss < 3\n"
        + "data t = table (N, loss) {\n    1M   4.017  # small\n    10M  3.359\n}\n");
  }

  @Test
  void aLongFitBreaksBeforeItsClausesAndAShortOneStaysOnOneLine() {
    assertThat(fmt("let f = fit loss ~ L(N) to runs using lsq on log\n")).isEqualTo("let f = fit loss ~ L(N) to runs using lsq on log\n");
    String long1 = "let f = fit loss ~ Lfit(N, D) to runs using huber(1e-3) on log starts grid(alpha = 0..1 by 0.5, beta = 0..1 by 0.5) bootstrap 20 seed 1\n";
    assertThat(fmt(long1)).isEqualTo("let f = fit loss ~ Lfit(N, D) to runs\n    using huber(1e-3) on log\n"
        + "    starts grid(alpha = 0..1 by 0.5, beta = 0..1 by 0.5)\n    bootstrap 20 seed 1\n");
  }

  @Test
  void aLongListBreaksAfterCommasAndWholeNumbersAlignRight() {
    String items = String.join(", ", java.util.Collections.nCopies(12, "round(x, 2)"));
    String out = fmt("let x = 1\nprint " + items + "\n");
    assertThat(out.lines().toList()).hasSize(3).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(Formatter.WIDTH));
    assertThat(out.lines().toList().get(2)).startsWith("    round(x, 2)");
    assertThat(fmt("data t = table (a, b) {\n 5 1.5\n 100 2\n}\n")).isEqualTo("data t = table (a, b) {\n      5  1.5\n    100  2\n}\n");
  }

  @Test
  void blocksIndentByFourAndBlankLinesCollapseToOne() {
    assertThat(fmt("proc f(a) {\nlet b = a\n\n\n  # why\n      return b\n}\n\n\n\nprint f(1)\n"))
        .isEqualTo("proc f(a) {\n    let b = a\n\n    # why\n    return b\n}\n\nprint f(1)\n");
  }

  @Test
  void commentsEverywhereAreKept() {
    String in = "# head\n\nlet x = 1 # one\nfor i in [1, 2] {\n  row i\n  # last in block\n}\n# tail\n";
    assertThat(fmt(in)).isEqualTo("# head\n\nlet x = 1  # one\nfor i in [1, 2] {\n    row i\n    # last in block\n}\n# tail\n");
  }

  @Test
  void aHashInsideAStringIsNotAComment() {
    assertThat(fmt("print \"a # b\"   # c\n")).isEqualTo("print \"a # b\"   # c\n");
    assertThat(fmt("let  x  =  1   # c\n")).isEqualTo("let x = 1      # c\n");
  }

  @Test
  void statementsThatANewlineWouldJoinKeepASemicolon() {
    assertThat(fmt("let x = seed; let y = 2\n")).isEqualTo("let x = seed;\nlet y = 2\n");
    String out = fmt("let seed = 1; seed + 1\n");
    assertThat(out).isEqualTo("let seed = 1;\nseed + 1\n");
    assertThat(AstShape.of(Parsing.parse(new Source("a", out)).statements()))
        .isEqualTo(AstShape.of(Parsing.parse(new Source("b", "let seed = 1; seed + 1")).statements()));
  }

  @Test
  void aScriptWithASyntaxErrorIsNotFormatted() {
    assertThatThrownBy(() -> fmt("let x = (1 +\n")).isInstanceOf(LawException.class);
  }
}
