package org.lawlang.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real editor as the client: Neovim, headless, with its built-in LSP client, starts the
 * server in a process of its own on a script with an error, and the diagnostic must arrive
 * at the right line and column. Skipped, saying what to install, where there is no nvim.
 */
class NeovimEndToEndTest {
  @TempDir
  Path dir;

  private static boolean hasNvim() {
    try {
      Process p = new ProcessBuilder("nvim", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Test
  void neovimShowsTheCheckersErrorAtItsLineAndColumn() throws Exception {
    assumeTrue(hasNvim(), "nvim is not installed: install Neovim (Debian: apt-get install neovim) to run the editor end-to-end test");
    Path script = dir.resolve("broken.law");
    Files.writeString(script, "let budget = 1\nlaw L(N) = E + A / N^alpha\n    where E = 1.7, A = 400, alpha = 0.3\nprint L(70B)\nprint L(budgett)\n");
    Path init = dir.resolve("init.lua");
    try (InputStream in = getClass().getResourceAsStream("/nvim/init.lua")) {
      Files.write(init, in.readAllBytes());
    }
    Path out = dir.resolve("diagnostics.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cmd = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
        List.of(java, "-cp", System.getProperty("java.class.path"), LawLanguageServer.class.getName()));
    ProcessBuilder pb = new ProcessBuilder("nvim", "--headless", "-n", "-i", "NONE", "-u", init.toString())
        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("nvim.log").toFile());
    pb.environment().put("LAW_NVIM_FILE", script.toString());
    pb.environment().put("LAW_NVIM_OUT", out.toString());
    pb.environment().put("LAW_LSP_CMD", cmd);
    pb.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
    pb.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
    Process nvim = pb.start();
    nvim.getOutputStream().close();
    boolean ended = nvim.waitFor(90, TimeUnit.SECONDS);
    if (!ended) {
      nvim.destroyForcibly();
    }
    assertThat(ended).as("nvim finished; its log: %s", Files.exists(dir.resolve("nvim.log")) ? Files.readString(dir.resolve("nvim.log")) : "").isTrue();
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    // line 5, column 9 of the script (1-based) is 4:8 in Neovim's 0-based numbering
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).startsWith("4:8:L201:unknown name 'budgett'").contains("hint: did you mean 'budget'");
  }
}
