package org.lawlang.kernel;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Jupyter client, from Debian's python3-jupyter-client and python3-nbclient: finds a
 * Python that has them (else the test is skipped, saying what to install), installs this
 * kernel's spec into a temporary prefix, and runs the test's Python scripts against it.
 */
final class Jupyter {
  static final String INSTALL = "sudo apt-get install -y python3-jupyter-client jupyter-nbconvert python3-nbclient";
  private final String python;
  private final Path prefix;

  private Jupyter(String python, Path prefix) {
    this.python = python;
    this.prefix = prefix;
  }

  /** A Jupyter with the law kernel installed under {@code dir}; skips the test when there is no Jupyter client. */
  static Jupyter withKernel(Path dir) throws IOException, InterruptedException {
    String python = null;
    for (String candidate : List.of("/usr/bin/python3", "python3")) {
      if (exit(List.of(candidate, "-c", "import jupyter_client, nbclient, nbformat")) == 0) {
        python = candidate;
        break;
      }
    }
    assumeTrue(python != null, "no Python with jupyter_client and nbclient: to run the notebook tests, " + INSTALL);
    Path prefix = dir.resolve("prefix");
    KernelSpec.install(KernelSpec.prefixKernels(prefix), KernelSpec.command(KernelMain.class.getName(), List.of("-f", "{connection_file}")));
    return new Jupyter(python, prefix);
  }

  private static int exit(List<String> command) throws InterruptedException {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  /** Runs a script from this package's test resources with {@code args}; returns its standard output (fails on a non-zero exit). */
  String run(String script, Path dir, String... args) throws IOException, InterruptedException {
    Path file = dir.resolve(script);
    try (InputStream in = Jupyter.class.getResourceAsStream(script)) {
      Files.copy(in, file);
    }
    List<String> command = new ArrayList<>(List.of(python, file.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().put("JUPYTER_PATH", prefix.resolve("share").resolve("jupyter").toString());
    // the kernel's own messages (a dropped message, ...) go to the test's log
    Path err = dir.resolve(script + ".err");
    pb.redirectError(err.toFile());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean done = p.waitFor(180, TimeUnit.SECONDS);
    String errors = Files.readString(err);
    if (!done || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new AssertionError(script + " failed:\n" + errors);
    }
    System.err.print(errors);
    return out;
  }

  static JsonNode json(String text) throws IOException {
    return Message.JSON.readTree(text);
  }
}
