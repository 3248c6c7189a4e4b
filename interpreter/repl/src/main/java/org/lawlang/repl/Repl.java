package org.lawlang.repl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.lawlang.api.LawEngine;
import org.lawlang.eval.EngineAccess;
import org.lawlang.eval.Services;
import org.lawlang.plot.ChartPlotService;
import org.lawlang.plot.TerminalPlot;

/**
 * The interactive session: a JLine line reader (history, completion, highlighting,
 * multi-line input) over a {@link ReplSession}. Each input runs on a worker thread so that
 * Ctrl-C, caught by the terminal's signal handler, can cancel it; the prompt comes back with
 * the session's state intact. `:commands` come from {@link Commands}.
 */
public final class Repl {
  static final String PROMPT = "law> ";
  static final String CONTINUATION = "...> ";

  private final Terminal terminal;
  private final Path historyFile;
  private final String version;
  private final ReplSession session;
  private final boolean interactive;
  private volatile TerminalProgress progress;

  public Repl(Terminal terminal, Path historyFile, Path workDir, String version) {
    this.terminal = terminal;
    this.historyFile = historyFile;
    this.version = version;
    this.interactive = !Terminal.TYPE_DUMB.equals(terminal.getType()) && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
    ReplIO io = new ReplIO(terminal.writer(), interactive ? terminal : null, terminal::getWidth);
    this.session = new ReplSession(() -> {
      // text plots as wide as the terminal allows (room for the axis labels and curve numbers)
      var services = Services.standard().plot(new ChartPlotService(
          () -> terminal.getWidth() <= 0 ? TerminalPlot.WIDTH : Math.max(30, Math.min(160, terminal.getWidth() - 16)),
          interactive && colours(terminal) >= 256));
      LawEngine engine = EngineAccess.services(EngineAccess.output(LawEngine.builder(), io).workDir(workDir), services).build();
      if (interactive) {
        TerminalProgress bar = new TerminalProgress(terminal.writer());
        progress = bar;
        io.clearBarWith(bar::done);
        EngineAccess.session(engine).progress(bar);
      }
      return engine;
    }, io);
  }

  /** The REPL on the process's own terminal, with history in {@link #defaultHistory()}. */
  public static int runOnSystemTerminal(String version) throws IOException {
    // the highlighter parses on the first key; build the parser's state while the terminal opens
    org.lawlang.syntax.Warmup.startInBackground();
    try (Terminal terminal = TerminalBuilder.builder().system(true).name("law").build()) {
      return new Repl(terminal, defaultHistory(), Path.of("").toAbsolutePath(), version).run();
    }
  }

  /** `~/.law_history`, or the file named by the law.history property or the LAW_HISTORY variable. */
  public static Path defaultHistory() {
    String configured = System.getProperty("law.history", System.getenv("LAW_HISTORY"));
    return configured != null && !configured.isBlank() ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".law_history");
  }

  /** Reads and runs inputs until `:quit` or Ctrl-D; returns the exit code. */
  public int run() {
    LineReader reader = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("law")
        .parser(new LawLineParser())
        .highlighter(new LawHighlighter())
        .completer(new Completion(() -> session))
        .variable(LineReader.HISTORY_FILE, historyFile)
        .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
        .variable(LineReader.HISTORY_FILE_SIZE, 10_000)
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .option(LineReader.Option.INSERT_TAB, false)
        // an input that starts with a space (an indented `where` line) is history like any other
        .option(LineReader.Option.HISTORY_IGNORE_SPACE, false)
        .option(LineReader.Option.HISTORY_REDUCE_BLANKS, false)
        .build();
    session.history(historyFile, () -> {
      java.util.List<String> lines = new java.util.ArrayList<>();
      reader.getHistory().forEach(e -> lines.add(e.line()));
      return lines;
    });
    ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(null, r, "law-eval", 64L << 20);
      t.setDaemon(true);
      return t;
    });
    session.io().println("law " + version + ": scaling laws, interactively. :help lists the commands; Ctrl-D leaves.");
    try {
      while (true) {
        String input;
        try {
          input = reader.readLine(PROMPT);
        } catch (UserInterruptException e) {
          continue;
        } catch (EndOfFileException e) {
          return 0;
        }
        if (input.isBlank()) {
          continue;
        }
        boolean command = input.stripLeading().startsWith(":");
        if (!runCancellable(worker, () -> command ? Commands.run(session, input) : session.evaluate(input) || true)) {
          return 0;
        }
      }
    } finally {
      worker.shutdownNow();
      try {
        reader.getHistory().save();
      } catch (IOException e) {
        // history is a convenience; failing to save it must not fail the session
      }
    }
  }

  /** Runs work on the worker thread; Ctrl-C meanwhile cancels the session's evaluation. */
  private boolean runCancellable(ExecutorService worker, BooleanSupplier work) {
    // Ctrl-C must reach the handler as a signal while the input runs (not be read as a key)
    Attributes saved = terminal.getAttributes();
    Attributes running = new Attributes(saved);
    running.setLocalFlag(Attributes.LocalFlag.ISIG, true);
    terminal.setAttributes(running);
    Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, s -> {
      session.engine().cancel();
      // the bar's line is erased and reused; otherwise "^C" ends the line the output was on
      if (progress == null || !progress.finish()) {
        session.io().println("");
      }
    });
    try {
      Future<Boolean> f = worker.submit(work::getAsBoolean);
      while (true) {
        try {
          return f.get();
        } catch (InterruptedException e) {
          session.engine().cancel();
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          session.io().error("law: internal error: " + cause + "\n");
          return true;
        }
      }
    } finally {
      if (progress != null) {
        progress.finish(); // a cancelled or failed task never said it was done: no bar left on screen
      }
      terminal.handle(Terminal.Signal.INT, previous);
      terminal.setAttributes(saved);
      terminal.flush();
    }
  }

  /** How many colours the terminal shows (0 when it says nothing, or when NO_COLOR is set). */
  private static int colours(Terminal terminal) {
    if (System.getenv("NO_COLOR") != null) {
      return 0;
    }
    Integer n = terminal.getNumericCapability(org.jline.utils.InfoCmp.Capability.max_colors);
    return n == null ? 0 : n;
  }
}
