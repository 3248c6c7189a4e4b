package org.lawlang.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel as jupyter_client's own {@code KernelManager} and {@code BlockingKernelClient} see
 * it (protocol_check.py drives one session and reports what came back): replies, status
 * busy/idle around each request, outputs, completion, inspection, is_complete, history,
 * interrupt of a long bootstrap, a message signed with the wrong key, shutdown.
 */
class KernelProtocolTest {
  static JsonNode seen;

  @BeforeAll
  static void drive(@TempDir Path dir) throws Exception {
    Jupyter jupyter = Jupyter.withKernel(dir);
    Path work = Files.createDirectories(dir.resolve("work"));
    Files.writeString(work.resolve("runs.csv"), "N,loss\n1e6,4.0\n1e7,3.4\n1e8,2.9\n1e9,2.5\n1e10,2.2\n");
    seen = Jupyter.json(jupyter.run("protocol_check.py", dir, work.toString()));
  }

  private static List<String> types(JsonNode exchange) {
    List<String> out = new ArrayList<>();
    exchange.path("iopub").forEach(m -> out.add(m.path("type").asText() + (m.path("type").asText().equals("status")
        ? ":" + m.path("content").path("execution_state").asText() : "")));
    return out;
  }

  @Test
  void kernelInfoNamesTheLanguageAndProtocol() {
    JsonNode info = seen.path("kernel_info");
    assertThat(info.path("protocol_version").asText()).isEqualTo("5.3");
    assertThat(info.path("language_info").path("name").asText()).isEqualTo("law");
    assertThat(info.path("language_info").path("file_extension").asText()).isEqualTo(".law");
  }

  @Test
  void eachExecuteIsFramedByBusyAndIdleAndCounted() {
    assertThat(types(seen.path("let"))).containsExactly("status:busy", "execute_input", "status:idle");
    assertThat(seen.path("let").path("reply").path("execution_count").asInt()).isEqualTo(1);
    assertThat(types(seen.path("expr"))).containsExactly("status:busy", "execute_input", "execute_result", "status:idle");
    assertThat(seen.path("expr").path("reply").path("execution_count").asInt()).isEqualTo(2);
  }

  @Test
  void theLastExpressionIsTheResultWithItsJson() {
    JsonNode data = seen.path("expr").path("iopub").get(2).path("content").path("data");
    assertThat(data.path("text/plain").asText()).isEqualTo("43");
    assertThat(data.path("application/json").path("value").asDouble()).isEqualTo(43);
  }

  @Test
  void printIsAStream() {
    JsonNode stream = seen.path("print").path("iopub").get(2);
    assertThat(stream.path("type").asText()).isEqualTo("stream");
    assertThat(stream.path("content").path("name").asText()).isEqualTo("stdout");
    assertThat(stream.path("content").path("text").asText()).isEqualTo("x is 42\n");
  }

  @Test
  void anErrorCarriesTheRenderedDiagnosticWithItsCaretInTheCell() {
    JsonNode reply = seen.path("error").path("reply");
    assertThat(reply.path("status").asText()).isEqualTo("error");
    assertThat(reply.path("ename").asText()).isEqualTo("L101");
    List<String> traceback = new ArrayList<>();
    reply.path("traceback").forEach(l -> traceback.add(l.asText()));
    assertThat(traceback).containsExactly("In[4]:1:4: error: unexpected '*' [L101]", "  1 | x +* 2", "    |    ^");
    assertThat(types(seen.path("error"))).containsExactly("status:busy", "execute_input", "error", "status:idle");
  }

  @Test
  void aWarningGoesToStderrAndTheCellStillSucceeds() {
    JsonNode warning = seen.path("warning");
    assertThat(warning.path("reply").path("status").asText()).isEqualTo("ok");
    assertThat(warning.path("iopub")).anySatisfy(m -> {
      assertThat(m.path("type").asText()).isEqualTo("stream");
      assertThat(m.path("content").path("name").asText()).isEqualTo("stderr");
      assertThat(m.path("content").path("text").asText()).startsWith("In[6]:1:1: warning: the equation has 2 roots in [0, 3]").contains("[L601]");
    });
    assertThat(warning.path("iopub")).anySatisfy(m -> assertThat(m.path("type").asText()).isEqualTo("execute_result"));
  }

  @Test
  void aPlotWithAFileIsWrittenAndShownInline() {
    assertThat(seen.path("plot_file_written").asBoolean()).isTrue();
    assertThat(seen.path("plot_to_file").path("iopub")).anySatisfy(m -> {
      assertThat(m.path("type").asText()).isEqualTo("stream");
      assertThat(m.path("content").path("text").asText()).isEqualTo("plot: wrote figs/square.svg (1 series)\n");
    });
    assertThat(seen.path("plot_to_file").path("iopub")).anySatisfy(m -> {
      assertThat(m.path("type").asText()).isEqualTo("display_data");
      assertThat(m.path("content").path("data").path("image/png").asText()).startsWith("iVBORw0KGgo");
      assertThat(m.path("content").path("data").path("image/svg+xml").asText()).contains("<svg");
    });
  }

  @Test
  void quitAsksTheFrontEndToLeave() {
    assertThat(seen.path("quit").path("payload").toString()).isEqualTo("[{\"source\":\"ask_exit\",\"keepkernel\":false}]");
  }

  @Test
  void aRestartStartsAFreshSession() {
    JsonNode reply = seen.path("after_restart").path("reply");
    assertThat(reply.path("status").asText()).isEqualTo("error");
    assertThat(reply.path("ename").asText()).isEqualTo("L201");
    assertThat(reply.path("execution_count").asInt()).isEqualTo(1);
  }

  @Test
  void completionOffersNamesInScopeAndFields() {
    JsonNode names = seen.path("complete");
    assertThat(names.path("matches").toString()).isEqualTo("[\"runs\"]");
    assertThat(names.path("cursor_start").asInt()).isEqualTo(8);
    assertThat(names.path("cursor_end").asInt()).isEqualTo(10);
    assertThat(seen.path("complete_field").path("matches").toString()).isEqualTo("[\"loss\"]");
    assertThat(seen.path("complete_field").path("cursor_start").asInt()).isEqualTo(5);
  }

  @Test
  void inspectIsDoc() {
    assertThat(seen.path("inspect").path("found").asBoolean()).isTrue();
    assertThat(seen.path("inspect").path("data").path("text/plain").asText()).startsWith("sqrt: square root");
  }

  @Test
  void isCompleteFollowsTheReplsMultiLineRule() {
    assertThat(seen.path("is_complete_unfinished").path("status").asText()).isEqualTo("incomplete");
    assertThat(seen.path("is_complete_unfinished").path("indent").asText()).isEqualTo("    ");
    assertThat(seen.path("is_complete_finished").path("status").asText()).isEqualTo("complete");
    assertThat(seen.path("is_complete_invalid").path("status").asText()).isEqualTo("invalid");
  }

  @Test
  void historyHasTheLastInputs() {
    assertThat(seen.path("history").path("history").toString()).isEqualTo("[[1,6,\"solve (x-1)*(x-2) = 0 for x in [0, 3]\"],[1,7,\"plot n^2 over [1, 10] to \\\"figs/square.svg\\\"\"]]");
  }

  @Test
  void interruptCancelsALongBootstrapAndTheSessionKeepsItsState() {
    JsonNode reply = seen.path("interrupt").path("reply");
    assertThat(reply.path("status").asText()).isEqualTo("error");
    assertThat(reply.path("ename").asText()).isEqualTo("L311");
    assertThat(seen.path("interrupt").path("seconds").asDouble()).isLessThan(10);
    JsonNode after = seen.path("after_interrupt");
    assertThat(after.path("reply").path("status").asText()).isEqualTo("ok");
    assertThat(after.path("iopub").get(2).path("content").path("data").path("text/plain").asText()).isEqualTo("84");
  }

  @Test
  void aMessageSignedWithTheWrongKeyIsDropped() {
    assertThat(seen.path("wrong_key").path("answered").asBoolean()).isFalse();
    assertThat(seen.path("right_key_after").asText()).isEqualTo("ok");
  }

  @Test
  void shutdownRepliesAndEndsTheProcess() {
    assertThat(seen.path("shutdown").path("status").asText()).isEqualTo("ok");
    assertThat(seen.path("alive_after_shutdown").asBoolean()).isFalse();
  }
}
