package org.lawlang.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lawlang.semantics.Builtin;

/** The TextMate grammar in the repository is the one the lexer's vocabulary generates, and its patterns match what the lexer does. */
class TextMateGrammarTest {
  private static final Path ROOT = Path.of(System.getProperty("law.repo", "../.."));

  @Test
  void theCommittedGrammarFilesAreUpToDate() throws Exception {
    String expected = TextMateGrammar.json();
    for (String f : TextMateGrammar.FILES) {
      Path p = ROOT.resolve(f);
      assertThat(p).exists();
      assertThat(Files.readString(p, StandardCharsets.UTF_8))
          .as("%s is stale: regenerate with java -cp law.jar org.lawlang.lsp.TextMateGrammar .", f)
          .isEqualTo(expected);
    }
  }

  @Test
  void everyWordOfTheLexerAndEveryBuiltinIsColoured() throws Exception {
    String grammar = TextMateGrammar.json();
    for (String w : TextMateGrammar.words()) {
      assertThat(grammar).containsPattern("[(|]" + w + "[|)]");
    }
    for (String b : Builtin.names()) {
      assertThat(grammar).containsPattern("[(|]" + b + "[|)]");
    }
    assertThat(TextMateGrammar.soft("data")).isTrue();
    assertThat(TextMateGrammar.soft("fit")).isFalse();
  }

  @Test
  void theNumberPatternMatchesTheLexersNumbers() throws Exception {
    JsonNode g = new ObjectMapper().readTree(TextMateGrammar.json());
    Pattern number = Pattern.compile(g.at("/repository/number/match").asText());
    for (String n : new String[] {"70B", "1.4T", "5.76e23", "1e-3", ".5", "1_000", "0"}) {
      assertThat(number.matcher(n).matches()).as(n).isTrue();
    }
    assertThat(number.matcher("x1").find()).isFalse();
    assertThat(number.matcher("alpha_2").find()).isFalse();
    Pattern keywords = Pattern.compile(g.at("/repository/keyword/patterns/0/match").asText());
    assertThat(keywords.matcher("minimize").matches()).isTrue();
    assertThat(keywords.matcher("minimizer").find()).isFalse();
  }
}
