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
import org.lawlang.eval.Session;
import org.lawlang.eval.Value;
import org.lawlang.eval.Values;
import org.lawlang.syntax.Parsing;
import org.lawlang.syntax.Program;
import org.lawlang.syntax.Stmt;

/**
 * The REPL's state over one {@link LawEngine}: runs what the user typed, prints a bare
 * expression's value or the diagnostic (the session keeps everything done before the error),
 * and keeps the transcript of accepted statements that `:save` writes as a script.
 * `:reset` swaps in a fresh engine.
 */
final class ReplSession {
  private final Supplier<LawEngine> factory;
  private final ReplIO io;
  private final List<String> transcript = new ArrayList<>();
  private LawEngine engine;

  ReplSession(Supplier<LawEngine> factory, ReplIO io) {
    this.factory = factory;
    this.io = io;
    this.engine = factory.get();
  }

  LawEngine engine() {
    return engine;
  }

  Session session() {
    return engine.session();
  }

  ReplIO io() {
    return io;
  }

  /** Runs typed code; prints its value or its error. Returns whether it succeeded. */
  boolean evaluate(String code) {
    String name = "<repl>";
    try {
      engine.check(name, code);
    } catch (LawException e) {
      io.error(LawEngine.render(e.diagnostics()));
      return false;
    }
    try {
      Value v = engine.eval(name, code);
      transcript.add(code.strip());
      if (v != Values.Nothing.INSTANCE && !v.show().isEmpty()) {
        io.println(v.show());
      }
      return true;
    } catch (LawException e) {
      keepDone(code, e.diagnostics());
      io.error(LawEngine.render(e.diagnostics()));
      return false;
    }
  }

  /** After a run-time error, records the statements that ran before the failing one. */
  private void keepDone(String code, List<Diagnostic> diagnostics) {
    Span at = diagnostics.isEmpty() ? null : diagnostics.get(0).span();
    if (at == null || !at.source().name().equals("<repl>") || !at.source().text().equals(code)) {
      return;
    }
    Program program = Parsing.parse(new Source("<repl>", code));
    StringBuilder done = new StringBuilder();
    for (Stmt s : program.statements()) {
      if (s.span().end() > at.start()) {
        break;
      }
      done.append(s.span().text()).append('\n');
    }
    if (done.length() > 0) {
      transcript.add(done.toString().strip());
    }
  }

  /** `:load FILE`: runs a script in this session. */
  boolean load(Path file, String shown) {
    try {
      engine.run(file, shown);
      transcript.add("# :load " + shown + "\n" + Session.readUtf8(file, shown).strip());
      return true;
    } catch (LawException e) {
      io.error(LawEngine.render(e.diagnostics()));
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /** `:save FILE`: the accepted statements as a script. */
  int save(Path file) throws IOException {
    StringBuilder text = new StringBuilder("# law session, saved by :save\n");
    transcript.forEach(t -> text.append(t).append('\n'));
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
    return transcript.size();
  }

  /** `:reset`: a fresh engine and an empty transcript. */
  void reset() {
    engine = factory.get();
    transcript.clear();
  }

  List<String> transcript() {
    return List.copyOf(transcript);
  }
}
