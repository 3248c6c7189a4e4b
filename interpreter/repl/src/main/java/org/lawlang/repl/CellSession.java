package org.lawlang.repl;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.lawlang.api.LawEngine;
import org.lawlang.eval.EngineAccess;
import org.lawlang.diag.Diagnostic;
import org.lawlang.eval.Services;
import org.lawlang.eval.Value;

/**
 * The REPL's session for front ends that are not a terminal (the notebook kernel): each input
 * runs as if typed at the prompt — `:commands`, a bare expression's value kept (declarations are
 * not echoed unless `:echo on`: the code is on the page), an error leaving everything done before it — and its output arrives on a {@link Sink}
 * as typed pieces rather than text on a screen. Completion, `:doc` and the multi-line rule are
 * the REPL's own, so a notebook and the REPL agree on what a line means.
 */
public final class CellSession {
  /** Where a cell's output goes, piece by piece, as it is produced. */
  public interface Sink {
    /** Text for standard output: a declaration's echo, a command's answer (ends with a newline). */
    void stdout(String text);

    /** Text for standard error: a rendered warning (ends with a newline). */
    void stderr(String text);

    /** A `print` statement or a loop's table: its text and the values it printed. */
    void printed(String text, List<Value> values);

    /** The value of the input's last bare expression. */
    void result(Value value);

    /** The input failed: its diagnostics (the first is the error). */
    void failed(List<Diagnostic> diagnostics);
  }

  /** Completion candidates for the word that ends at the cursor, which starts at {@code start}. */
  public record Completions(int start, int end, List<Match> matches) {}

  /** One candidate: the text that replaces the word, and what it is (a keyword, a law's signature, a column). */
  public record Match(String text, String kind) {}

  private final ReplSession session;
  private final SinkIO io;
  private boolean quit;

  /**
   * A session whose relative paths resolve against {@code workDir}, with {@code services}
   * (a fresh set for each engine: `:reset` makes a new one).
   */
  public CellSession(Path workDir, Supplier<Services> services) {
    this.io = new SinkIO();
    this.session = new ReplSession(() -> EngineAccess.services(EngineAccess.output(LawEngine.builder(), io).workDir(workDir)
        .allowRead(workDir.toAbsolutePath().getRoot()), services.get()).build(), io);
    // a notebook's cells are its author's own typing: they read any file the user can (data
    // beside the notebook's folder, as in ../data), and write only in the notebook's folder
    // a notebook shows the code above its output: no echo of each declaration unless `:echo on`
    session.echo(false);
  }

  /**
   * Runs one input — law code or a `:command` — sending what it produces to {@code sink};
   * {@code name} names it in diagnostics ("In[3]"). Returns whether it succeeded.
   */
  public boolean run(String code, String name, Sink sink) {
    quit = false;
    io.sink = sink;
    io.failed = false;
    session.sourceName(name);
    try {
      if (code.strip().startsWith(":") && !code.strip().contains("\n")) {
        quit = !Commands.run(session, code.strip());
        return !io.failed;
      }
      return session.evaluate(code) && !io.failed;
    } finally {
      io.sink = null;
    }
  }

  /** Whether the last input was `:quit` (a console front end leaves; the session itself goes on). */
  public boolean quitRequested() {
    return quit;
  }

  /** Asks the running input to stop at its next check; it fails with a 'cancelled' error and the session keeps its state. */
  public void cancel() {
    session.engine().cancel();
  }

  /** Completions at {@code cursor} in {@code code}: the REPL's Tab, on the cursor's line. */
  public Completions complete(String code, int cursor) {
    int lineStart = code.lastIndexOf('\n', Math.max(0, cursor - 1)) + 1;
    if (cursor == 0) {
      lineStart = 0;
    }
    String line = code.substring(lineStart, cursor);
    LawLineParser.Line word = LawLineParser.word(line, line.length());
    List<Match> matches = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Candidate c : new Completion(() -> session).candidates(word)) {
      if (c.value().startsWith(word.word()) && seen.add(c.value())) {
        matches.add(new Match(c.value(), c.descr()));
      }
    }
    matches.sort(java.util.Comparator.comparing(Match::text));
    return new Completions(lineStart + word.wordStart(), cursor, matches);
  }

  /**
   * What `:doc` says of the (possibly dotted) name at or before {@code cursor}, or null when
   * there is no name there or it names nothing.
   */
  public String inspect(String code, int cursor) {
    int start = Math.min(cursor, code.length());
    int end = start;
    while (start > 0 && nameChar(code.charAt(start - 1))) {
      start--;
    }
    while (end < code.length() && (Character.isLetterOrDigit(code.charAt(end)) || code.charAt(end) == '_')) {
      end++;
    }
    String name = code.substring(start, end).replaceAll("^\\.+|\\.+$", "");
    if (name.isEmpty()) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    boolean[] failed = {false};
    Sink capture = new Sink() {
      @Override
      public void stdout(String t) {
        text.append(t);
      }

      @Override
      public void stderr(String t) {}

      @Override
      public void printed(String t, List<Value> values) {
        text.append(t).append('\n');
      }

      @Override
      public void result(Value value) {
        text.append(value.show()).append('\n');
      }

      @Override
      public void failed(List<Diagnostic> diagnostics) {
        failed[0] = true;
      }
    };
    Sink before = io.sink;
    io.sink = capture;
    try {
      Commands.run(session, ":doc " + name);
    } finally {
      io.sink = before;
    }
    return failed[0] || text.length() == 0 ? null : text.toString().stripTrailing();
  }

  private static boolean nameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.';
  }

  /** "complete", "incomplete" (more lines could finish it: the REPL would show its continuation prompt) or "invalid". */
  public String completeness(String code) {
    if (LawLineParser.unfinished(code)) {
      return "incomplete";
    }
    if (code.isBlank() || code.stripLeading().startsWith(":")) {
      return "complete";
    }
    try {
      org.lawlang.syntax.Parsing.parse(new org.lawlang.diag.Source("<cell>", code));
      return "complete";
    } catch (org.lawlang.diag.LawException e) {
      return "invalid";
    }
  }

  /** The REPL's output interface, forwarding to the running input's sink. */
  private static final class SinkIO extends ReplIO {
    private volatile Sink sink;
    private volatile boolean failed;

    SinkIO() {
      super(new PrintWriter(new StringWriter()));
    }

    private Sink sink() {
      Sink s = sink;
      return s != null ? s : Discard.INSTANCE;
    }

    @Override
    void diagnostics(List<Diagnostic> diagnostics) {
      failed = true;
      sink().failed(diagnostics);
    }

    @Override
    void println(String text) {
      sink().stdout(text + "\n");
    }

    @Override
    void error(String rendered) {
      sink().stderr(rendered);
    }

    @Override
    void result(Value value) {
      sink().result(value);
    }

    @Override
    public void print(String text, List<Value> values) {
      sink().printed(text, values);
    }

    @Override
    public void warning(Diagnostic warning) {
      sink().stderr(warning.toString());
    }
  }

  /** Output produced between inputs (none is expected) goes nowhere. */
  private enum Discard implements Sink {
    INSTANCE;

    @Override
    public void stdout(String text) {}

    @Override
    public void stderr(String text) {}

    @Override
    public void printed(String text, List<Value> values) {}

    @Override
    public void result(Value value) {}

    @Override
    public void failed(List<Diagnostic> diagnostics) {}
  }
}
