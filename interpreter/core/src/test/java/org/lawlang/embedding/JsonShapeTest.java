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
import org.lawlang.eval.EngineAccess;

/** The JSON document's shape for fits, optima and warnings, from the public API alone. */
class JsonShapeTest {
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  @Test
  void fitsOptimaAndWarningsHaveTheirShape() throws Exception {
    JsonNode fit = JSON.readTree(JsonReport.json(EngineAccess.result(new Fakes.Fit())));
    assertThat(fit.get("type").asText()).isEqualTo("fit");
    assertThat(fit.at("/parameters/alpha/estimate").asDouble()).isEqualTo(0.34);
    assertThat(fit.at("/parameters/alpha/interval/1").asDouble()).isEqualTo(0.38);
    assertThat(fit.at("/parameters/E/standardError").isNull()).isTrue();
    assertThat(fit.at("/statistics/r2").asDouble()).isEqualTo(0.98);
    JsonNode opt = JSON.readTree(JsonReport.json(EngineAccess.result(new Fakes.Opt())));
    assertThat(opt.at("/point/N").asDouble()).isEqualTo(7e10);
    assertThat(opt.at("/activeConstraints/0").asText()).isEqualTo("compute");
    assertThat(opt.at("/shadowPrices/compute").asDouble()).isEqualTo(-0.05);

    org.lawlang.api.LawEngine engine = org.lawlang.api.LawEngine.builder().build();
    LawResult real = engine.eval("law L(N, D) = 1.69 + 406.4 / N^0.34 + 410.7 / D^0.28\n"
        + "minimize L(N, D) subject to compute: 6*N*D = 5.76e23");
    JsonNode solved = JSON.readTree(JsonReport.json(real));
    double perUnit = solved.at("/shadowPrices/compute").asDouble();
    // doubling C changes the optimum by about C·dL/dC·ln 2 (the loss is near-linear in ln C)
    assertThat(solved.at("/doubling/compute").asDouble()).isNegative()
        .isCloseTo(perUnit * 5.76e23 * Math.log(2), org.assertj.core.data.Percentage.withPercentage(10));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonReport report = new JsonReport(new PrintStream(out, true, StandardCharsets.UTF_8));
    report.warning(new LawDiagnostic("warning", "L704", "far outside the fitted range", null, "a.law", 3, 7, 3, 12, "..."));
    report.end();
    List<JsonNode> docs = docs(out.toString(StandardCharsets.UTF_8));
    assertThat(docs.get(0).get("kind").asText()).isEqualTo("warning");
    assertThat(docs.get(0).get("column").asInt()).isEqualTo(7);
    assertThat(docs.get(1).get("warnings").asInt()).isEqualTo(1);
    assertThat(docs.get(1).get("ok").asBoolean()).isTrue();
  }

  static List<JsonNode> docs(String stdout) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line : stdout.split("\n")) {
      out.add(JSON.readTree(line));
    }
    return out;
  }
}
