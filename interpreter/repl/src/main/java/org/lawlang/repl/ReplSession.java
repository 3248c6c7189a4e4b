package org.lawlang.repl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.lawlang.api.LawEngine;
import org.lawlang.diag.Diagnostic;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Source;
import org.lawlang.diag.Span;
import org.lawlang.eval.EngineAccess;
import org.lawlang.eval.Session;
import org.lawlang.eval.Value;
import org.lawlang.eval.Values;
import org.lawlang.syntax.Parsing;
import org.lawlang.syntax.Program;
import org.lawlang.syntax.Stmt;

/**
 * The REPL's state over one {@link LawEngine}: runs what the user typed, echoes what a
 * declaration defined (`law K(N): 2 parameters fixed`; a trailing `;` or `:echo off` keeps
 * quiet), prints a bare expression's value or the diagnostic (the session keeps everything
 * done before the error), and keeps the transcript of accepted statements that `:save` writes
 * as a script. A line that cannot stand alone but continues the previous statement (a `where`
 * typed after a complete `law`) re-opens that statement, as the same lines in a script would
 * read. `:reset` swaps in a fresh engine.
 */
final class ReplSession {
  static final String NAME = "<repl>";
  private final Supplier<LawEngine> factory;
  private final ReplIO io;
  private final List<SessionScript.Entry> transcript = new ArrayList<>();
  private LawEngine engine;
  private boolean echo = true;
  /** The last input if it was one statement that a clause line could continue, else null. */
  private String lastStatement;
  /** Whether {@link #lastStatement} is the last entry of the transcript (it ran without error). */
  private boolean lastAccepted;
  private Path historyFile;
  /** The last input typed (not a :command), for `:edit`. */
  private String lastInput;
  private String editor = editorFromEnvironment();
  private Supplier<List<String>> history = List::of;
  /** The name diagnostics give the input (a notebook names each cell: In[3]). */
  private String name = NAME;

  ReplSession(Supplier<LawEngine> factory, ReplIO io) {
    this.factory = factory;
    this.io = io;
    this.engine = factory.get();
  }

  LawEngine engine() {
    return engine;
  }

  Session session() {
    return EngineAccess.session(engine);
  }

  ReplIO io() {
    return io;
  }

  void sourceName(String name) {
    this.name = name;
  }

  void echo(boolean on) {
    echo = on;
  }

  boolean echo() {
    return echo;
  }

  /** Where the line reader keeps history, and the inputs in it (oldest first), for `:help keys` and `:history`. */
  void history(Path file, Supplier<List<String>> entries) {
    this.historyFile = file;
    this.history = entries;
  }

  Path historyFile() {
    return historyFile;
  }

  List<String> history() {
    return history.get();
  }

  /** Runs typed code; prints its value, what it declared, or its error. Returns whether it succeeded. */
  boolean evaluate(String typed) {
    lastInput = typed;
    String code = typed;
    boolean quiet = !echo || typed.strip().endsWith(";");
    boolean reopened = false;
    if (lastStatement != null && !parses(typed) && parses(lastStatement + "\n" + typed)) {
      // `where Nc = 8.8e13` after `law K(N) = (Nc / N)^aN`: the two lines as one statement
      code = lastStatement + "\n" + typed;
      reopened = true;
    }
    try {
      session().compile(new Source(name, code));
    } catch (LawException e) {
      io.diagnostics(e.diagnostics());
      lastStatement = null;
      return false;
    }
    if (reopened && lastAccepted) {
      transcript.remove(transcript.size() - 1);
    }
    Program program = Parsing.parse(new Source(name, code));
    boolean single = program.statements().size() == 1 && continuable(program.statements().get(0));
    lastStatement = single ? code : null;
    Bindings before = Bindings.of(session().globals());
    try {
      Value v = EngineAccess.eval(engine, name, code);
      transcript.add(new SessionScript.Entry(code.strip(), session().settings().workDir(), null));
      lastAccepted = true;
      if (!quiet) {
        // a re-opened statement completes the one before it rather than replacing it
        echoDeclarations(program, reopened ? Bindings.of(new org.lawlang.eval.Env(null)) : before);
      }
      if (v != Values.Nothing.INSTANCE && !v.show().isEmpty()) {
        io.result(v);
      }
      return true;
    } catch (LawException e) {
      lastAccepted = false;
      keepDone(code, e.diagnostics());
      io.diagnostics(e.diagnostics());
      return false;
    }
  }

  /** Runs code that is not the user's input (`:doc minimize` runs `help minimize`): no transcript, no echo. */
  void evaluateQuietly(String code) {
    try {
      Value v = EngineAccess.eval(engine, name, code);
      if (v != Values.Nothing.INSTANCE && !v.show().isEmpty()) {
        io.println(v.show());
      }
    } catch (LawException e) {
      io.diagnostics(e.diagnostics());
    }
  }

  private boolean parses(String code) {
    try {
      Parsing.parse(new Source(name, code));
      return true;
    } catch (LawException e) {
      return false;
    }
  }

  /** Statements that a clause on the next line can extend (a law's `where`, a fit's `starts`, a data's `where`). */
  private static boolean continuable(Stmt s) {
    return s instanceof Stmt.Let || s instanceof Stmt.LawDecl || s instanceof Stmt.Data || s instanceof Stmt.ExprStmt
        || s instanceof Stmt.Plot || s instanceof Stmt.Compare;
  }

  /** One line per name the input's declarations and imports bound. */
  private void echoDeclarations(Program program, Bindings before) {
    Bindings after = Bindings.of(session().globals());
    List<String> lines = new ArrayList<>();
    for (Stmt s : program.statements()) {
      String name = Stmt.declaredName(s);
      if (name != null && after.get(name) != null) {
        lines.add(Bindings.describe(name, after.get(name)) + (before.get(name) != null ? "   (replaces the earlier " + name + ")" : ""));
      } else if (s instanceof Stmt.Import i) {
        List<String> added = after.definedSince(before);
        String label = i.module() != null ? i.module().name() : '"' + i.path() + '"';
        if (i.alias() == null) {
          added.remove(label);
          lines.add("import " + label + ": " + Bindings.count(added.size(), "name") + (added.isEmpty() ? "" : " (" + abbreviated(added) + ")"));
        } else {
          lines.add("import " + label + " as " + i.alias().name());
        }
      }
    }
    if (!lines.isEmpty()) {
      io.println(String.join("\n", lines));
    }
  }

  static String abbreviated(List<String> names) {
    return names.size() <= 6 ? String.join(", ", names) : String.join(", ", names.subList(0, 5)) + ", … " + names.get(names.size() - 1);
  }



  /** After a run-time error, records the statements that ran before the failing one. */
  private void keepDone(String code, List<Diagnostic> diagnostics) {
    Span at = diagnostics.isEmpty() ? null : diagnostics.get(0).span();
    if (at == null || !at.source().name().equals(name) || !at.source().text().equals(code)) {
      return;
    }
    Program program = Parsing.parse(new Source(name, code));
    StringBuilder done = new StringBuilder();
    for (Stmt s : program.statements()) {
      if (s.span().end() > at.start()) {
        break;
      }
      done.append(s.span().text()).append('\n');
    }
    if (done.length() > 0) {
      transcript.add(new SessionScript.Entry(done.toString().strip(), session().settings().workDir(), null));
    }
  }

  /**
   * `:load FILE`: runs a script in this session, all or nothing (an error puts every name back
   * as it was), and says what it defined and what it replaced.
   */
  boolean load(Path file, String shown) {
    Bindings before = Bindings.of(session().globals());
    try {
      EngineAccess.run(engine, file, shown);
    } catch (LawException e) {
      before.restore(session().globals());
      io.diagnostics(e.diagnostics());
      io.println(":load " + shown + " failed: the session is as it was before it");
      return false;
    }
    lastStatement = null;
    Bindings after = Bindings.of(session().globals());
    try {
      Path dir = file.toAbsolutePath().normalize().getParent();
      transcript.add(new SessionScript.Entry(Session.readUtf8(file, shown).strip(), dir, "# from :load " + shown));
    } catch (IOException e) {
      // it was just read to run it; if it has vanished since, :save keeps what remains
    }
    List<String> defined = after.definedSince(before);
    List<String> replaced = after.replacedSince(before);
    StringBuilder report = new StringBuilder("loaded " + shown);
    report.append(defined.isEmpty() ? ": defined nothing new" : ": defined " + abbreviated(defined));
    io.println(report.toString());
    for (String name : replaced) {
      io.println("  replaced " + Bindings.describe(name, before.get(name)) + "\n       by " + Bindings.describe(name, after.get(name)));
    }
    return true;
  }

  /** `:save FILE`: the accepted statements as a script that runs from FILE's folder; returns how many statements it holds. */
  int save(Path file) throws IOException {
    int[] kept = new int[1];
    String text = SessionScript.text(transcript, file, kept);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return kept[0];
  }

  static String editorFromEnvironment() {
    String visual = System.getenv("VISUAL");
    String editor = System.getenv("EDITOR");
    return visual != null && !visual.isBlank() ? visual : editor != null && !editor.isBlank() ? editor : "vi";
  }

  /** The editor command `:edit` runs (a shell word list, as $EDITOR is: "code -w" works). */
  void editor(String command) {
    this.editor = command;
  }

  /**
   * `:edit`: opens the editor on the last input, then runs what was saved (nothing when the
   * file comes back empty or unchanged).
   */
  void edit() {
    Path file = null;
    try {
      file = Files.createTempFile("law-edit-", ".law");
      String before = lastInput == null ? "" : lastInput.strip() + "\n";
      Files.writeString(file, before, StandardCharsets.UTF_8);
      Process p = new ProcessBuilder("sh", "-c", editor + " \"$1\"", "sh", file.toString()).inheritIO().start();
      int code = p.waitFor();
      String after = Files.readString(file, StandardCharsets.UTF_8);
      if (code != 0) {
        io.println(":edit: the editor (" + editor + ") exited with status " + code + "; nothing was run");
      } else if (after.isBlank() || after.equals(before)) {
        io.println(":edit: nothing changed; nothing was run");
      } else {
        io.println(after.strip());
        evaluate(after.strip());
      }
    } catch (IOException e) {
      io.println(":edit: cannot run the editor (" + editor + "): " + org.lawlang.diag.IoReason.of(e) + "; set $EDITOR");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          // a temporary file left behind is harmless
        }
      }
    }
  }

  /** `:reset`: a fresh engine and an empty transcript. */
  void reset() {
    engine = factory.get();
    transcript.clear();
    lastStatement = null;
  }

  List<String> transcript() {
    return transcript.stream().map(SessionScript.Entry::code).toList();
  }
}
