package org.lawlang.repl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * Drives a {@link Repl} through JLine's external terminal over streams (an xterm to JLine: raw mode,
 * key bindings, signals from Ctrl-C), as a person at a keyboard would: type keys, wait until
 * the screen shows something, read what it shows with escape sequences removed.
 */
final class TerminalDriver implements AutoCloseable {
  static final long TIMEOUT_MS = 15_000;
  private final PipedOutputStream keys = new PipedOutputStream();
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private final Terminal terminal;
  private final CompletableFuture<Integer> exit;
  private int mark;

  TerminalDriver(Path history, Path workDir) throws IOException {
    PipedInputStream in = new PipedInputStream(keys, 1 << 16);
    // JLine's own line discipline (a TerminalBuilder over streams may open a real pty, whose
    // Ctrl-C signals go to no process): Ctrl-C becomes Signal.INT as on a user's terminal
    terminal = new ExternalTerminal("law-test", "xterm", in, screen, StandardCharsets.UTF_8);
    terminal.setSize(new Size(120, 40));
    Repl repl = new Repl(terminal, history, workDir, "test");
    exit = CompletableFuture.supplyAsync(repl::run, runnable -> {
      Thread t = new Thread(runnable, "repl-under-test");
      t.setDaemon(true);
      t.start();
    });
  }

  /** Sends keys: "\r" is Enter, "\t" Tab, "\u0003" Ctrl-C, "\u0004" Ctrl-D. */
  TerminalDriver type(String text) throws IOException {
    keys.write(text.getBytes(StandardCharsets.UTF_8));
    keys.flush();
    return this;
  }

  /** Waits until the screen, after what earlier waits consumed, shows {@code text}; returns the screen up to and including it. */
  String waitFor(String text) throws InterruptedException {
    long deadline = System.currentTimeMillis() + TIMEOUT_MS;
    while (System.currentTimeMillis() < deadline) {
      String all = plain();
      int at = all.indexOf(text, mark);
      if (at >= 0) {
        String seen = all.substring(mark, at + text.length());
        mark = at + text.length();
        return seen;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the screen never showed '" + text + "'; after the mark it shows:\n" + plain().substring(mark));
  }

  /**
   * Waits for the next prompt at the start of a line (JLine's redraws of the line being
   * edited return with a carriage return, not a newline) and returns what came before it.
   */
  String prompt() throws InterruptedException {
    String seen = waitFor("\n" + Repl.PROMPT);
    return seen.substring(0, seen.length() - Repl.PROMPT.length());
  }

  /** Everything shown so far, without escape sequences and carriage returns. */
  String plain() {
    String raw;
    synchronized (screen) {
      raw = screen.toString(StandardCharsets.UTF_8);
    }
    return raw.replaceAll("\u001B\\[[0-9;?]*[ -/]*[@-~]", "").replaceAll("\u001B[()][0-9A-Za-z]", "")
        .replaceAll("\u001B[=>78]", "").replace("\r", "");
  }

  /** Everything shown so far, escape sequences included. */
  String raw() {
    synchronized (screen) {
      return screen.toString(StandardCharsets.UTF_8);
    }
  }

  int rawLength() {
    return raw().length();
  }

  int exitCode() throws Exception {
    return exit.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() throws IOException {
    if (!exit.isDone()) {
      type("\u0004");
      try {
        exit.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        // the test already failed; do not hide its message
      }
    }
    terminal.close();
    keys.close();
  }
}
