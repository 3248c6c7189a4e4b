package org.lawlang.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.lawlang.api.JsonReport;
import org.lawlang.api.LawDiagnostic;
import org.lawlang.api.LawResult;
import org.lawlang.cli.Main;

/**
 * `law run --json` parsed back: every stdout line is a JSON document, and the documents say
 * exactly what the text run of the same script shows (prints on stdout, diagnostics on stderr).
 */
class JsonOutputTest {
  static final Path REPO = Path.of(System.getProperty("law.repo", "../..")).toAbsolutePath().normalize();
  static final ObjectMapper JSON = new ObjectMapper();

  record Run(int code, String out, String err) {}

  static Run cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static List<JsonNode> docs(String stdout) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line : stdout.split("\n")) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"examples/tour.law", "examples/chinchilla.law", "interpreter/cli/src/test/resources/golden/errors/unknown_name.law",
      "interpreter/cli/src/test/resources/golden/errors/several_syntax_errors.law", "interpreter/cli/src/test/resources/golden/core/control.law"})
  void jsonSaysWhatTheTextRunShows(String script) throws Exception {
    String file = REPO.resolve(script).toString();
    Run text = cli("run", file);
    Run json = cli("run", "--json", file);
    assertThat(json.code()).isEqualTo(text.code());
    assertThat(json.err()).isEmpty();
    List<JsonNode> docs = docs(json.out());
    StringBuilder printed = new StringBuilder();
    StringBuilder diagnostics = new StringBuilder();
    int errors = 0;
    for (JsonNode d : docs.subList(0, docs.size() - 1)) {
      String kind = d.get("kind").asText();
      if (kind.equals("print")) {
        printed.append(d.get("text").asText()).append('\n');
        assertThat(d.get("values").isArray()).isTrue();
      } else {
        assertThat(kind).isIn("warning", "error");
        errors += kind.equals("error") ? 1 : 0;
        assertThat(d.get("line").asInt()).isPositive();
        assertThat(d.get("column").asInt()).isPositive();
        assertThat(d.get("code").asText()).matches("L\\d{3}");
        assertThat(d.get("rendered").asText()).startsWith(d.get("file").asText() + ":" + d.get("line").asInt() + ":" + d.get("column").asInt() + ": ");
        diagnostics.append(d.get("rendered").asText());
      }
    }
    assertThat(printed.toString()).isEqualTo(text.out());
    assertThat(diagnostics.toString()).isEqualTo(text.err());
    JsonNode end = docs.get(docs.size() - 1);
    assertThat(end.get("kind").asText()).isEqualTo("end");
    assertThat(end.get("ok").asBoolean()).isEqualTo(text.code() == 0);
    assertThat(end.get("errors").asInt()).isEqualTo(errors);
  }

  @Test
  void valuesAreTyped() throws Exception {
    Run json = cli("run", "--json", REPO.resolve("examples/tour.law").toString());
    List<JsonNode> docs = docs(json.out());
    JsonNode first = docs.get(0).get("values");
    assertThat(first.get(0).get("type").asText()).isEqualTo("string");
    assertThat(first.get(1).get("type").asText()).isEqualTo("number");
    assertThat(first.get(1).get("value").asDouble()).isBetween(1.9366, 1.9367);
    JsonNode table = docs.stream().filter(d -> d.path("values").path(0).path("type").asText().equals("table")).findFirst().orElseThrow();
    JsonNode t = table.get("values").get(0);
    assertThat(t.get("columns").get(0).asText()).isEqualTo("N");
    assertThat(t.get("rows").get(0).get(0).asDouble()).isEqualTo(4e8);
  }

  @Test
  void wholeNumbersAndCountsHaveNoFraction(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path script = dir.resolve("counts.law");
    java.nio.file.Files.writeString(script, "data t = table (N, loss) {\n1M 4\n10M 3.3\n100M 2.9\n}\n"
        + "law P(N) = A / N^a with A > 0, a in [0, 1]\nlet f = fit loss ~ P(N) to t starts at(A = 10, a = 0.1)\nprint f\nprint f.starts, 0.5, 1e300\n");
    Run json = cli("run", "--json", script.toString());
    assertThat(json.code()).isZero();
    assertThat(json.out()).contains("\"starts\":1,").contains("\"searched\":1,").doesNotContain("\"starts\":1.0")
        .contains("[{\"type\":\"number\",\"value\":1},{\"type\":\"number\",\"value\":0.5},{\"type\":\"number\",\"value\":1.0E300}]");
    JsonNode starts = docs(json.out()).get(1).get("values").get(0).get("value");
    assertThat(starts.isIntegralNumber()).isTrue();
    assertThat(starts.asDouble()).isEqualTo(1.0);
  }
}
