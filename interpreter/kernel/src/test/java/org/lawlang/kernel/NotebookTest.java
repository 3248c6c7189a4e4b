package org.lawlang.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/notebooks/tour.ipynb executed headless by nbclient on the law kernel: text, a table
 * as HTML, a fit report as HTML, a figure as PNG and SVG, an error with its caret in the cell
 * tagged raises-exception — and the outputs stored in the repository are the ones it gives now.
 */
class NotebookTest {
  static final Path NOTEBOOK = Path.of(System.getProperty("law.repo", "../.."), "examples", "notebooks", "tour.ipynb");
  static JsonNode executed;
  static JsonNode stored;

  @BeforeAll
  static void execute(@TempDir Path dir) throws Exception {
    Jupyter jupyter = Jupyter.withKernel(dir);
    Path out = dir.resolve("executed.ipynb");
    jupyter.run("run_notebook.py", dir, NOTEBOOK.toAbsolutePath().normalize().toString(), out.toString());
    executed = Jupyter.json(Files.readString(out));
    stored = Jupyter.json(Files.readString(NOTEBOOK));
  }

  /** Every output of every cell, consecutive streams of a cell merged (nbconvert stores them merged, nbclient as they came). */
  private static List<JsonNode> outputs(JsonNode notebook) {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode cell : notebook.path("cells")) {
      JsonNode previous = null;
      for (JsonNode o : cell.path("outputs")) {
        boolean stream = o.path("output_type").asText().equals("stream");
        if (stream && previous != null && previous.path("output_type").asText().equals("stream")
            && previous.path("name").asText().equals(o.path("name").asText())) {
          ((ObjectNode) previous).put("text", text(previous.path("text")) + text(o.path("text")));
          continue;
        }
        previous = stream ? ((ObjectNode) o).deepCopy().put("text", text(o.path("text"))) : o;
        all.add(previous);
      }
    }
    return all;
  }

  private static String text(JsonNode multiline) {
    if (multiline.isArray()) {
      StringBuilder b = new StringBuilder();
      multiline.forEach(l -> b.append(l.asText()));
      return b.toString();
    }
    return multiline.asText();
  }

  @Test
  void printedTextArrivesAsAStream() {
    assertThat(outputs(executed)).anySatisfy(o -> {
      assertThat(o.path("output_type").asText()).isEqualTo("stream");
      assertThat(text(o.path("text"))).contains("Chinchilla, 70B on 1.4T tokens: 1.93665\nGopher, 280B on 300B tokens:    1.99326");
    });
  }

  @Test
  void aTableIsHtmlWithTheNumbersAsPrinted() {
    assertThat(outputs(executed)).anySatisfy(o -> {
      String html = text(o.path("data").path("text/html"));
      assertThat(html).startsWith("<table").contains("<th style=\"text-align:left\">tokens</th>")
          .contains("<td style=\"text-align:right\">2.86622</td>");
      assertThat(text(o.path("data").path("text/plain"))).contains(" 4e8     8e9  2.86622  1.92e19");
    });
  }

  @Test
  void aFitReportIsHtmlWithItsParameterTable() {
    assertThat(outputs(executed)).anySatisfy(o -> {
      String html = text(o.path("data").path("text/html"));
      assertThat(html).contains("<b>fit Lfit(N, D) to runs: Huber (delta 0.001) on log, 240 rows</b>")
          .contains("<td style=\"text-align:left\">alpha</td><td style=\"text-align:right\">0.347311</td>");
      assertThat(o.path("data").path("application/json").path("type").asText()).isEqualTo("fit");
    });
  }

  @Test
  void aPlotIsAnInlinePngAndSvg() {
    assertThat(outputs(executed)).anySatisfy(o -> {
      byte[] png = Base64.getMimeDecoder().decode(text(o.path("data").path("image/png")));
      assertThat(png).startsWith(0x89, 'P', 'N', 'G');
      assertThat(png.length).isGreaterThan(10_000);
      assertThat(text(o.path("data").path("image/svg+xml"))).contains("<svg").contains("Chinchilla runs and the refit");
    });
  }

  @Test
  void theCellTaggedRaisesExceptionShowsTheErrorWithItsCaret() {
    JsonNode failing = null;
    for (JsonNode c : executed.path("cells")) {
      if (c.path("metadata").path("tags").toString().contains("raises-exception")) {
        failing = c;
      }
    }
    assertThat(failing).isNotNull();
    JsonNode error = failing.path("outputs").get(0);
    assertThat(error.path("output_type").asText()).isEqualTo("error");
    List<String> traceback = new ArrayList<>();
    error.path("traceback").forEach(l -> traceback.add(l.asText()));
    int count = failing.path("execution_count").asInt();
    assertThat(traceback.get(0)).startsWith("In[" + count + "]:1:23: error:");
    assertThat(traceback.get(1)).isEqualTo("  1 | print \"loss at 70B:\", L(70B)");
    assertThat(traceback.get(2)).matches(" {4}\\| {23}\\^+");
  }

  @Test
  void theStoredOutputsAreTheOnesTheKernelGivesNow() {
    List<String> now = new ArrayList<>();
    List<String> then = new ArrayList<>();
    outputs(executed).forEach(o -> now.add(o.path("output_type").asText() + ":" + text(o.path("text")) + text(o.path("data").path("text/plain"))));
    outputs(stored).forEach(o -> then.add(o.path("output_type").asText() + ":" + text(o.path("text")) + text(o.path("data").path("text/plain"))));
    assertThat(then).as("examples/notebooks/tour.ipynb is stale: re-run it with jupyter nbconvert --to notebook --execute --inplace").isEqualTo(now);
  }
}
