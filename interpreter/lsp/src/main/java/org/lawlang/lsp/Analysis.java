package org.lawlang.lsp;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lawlang.api.LawEngine;
import org.lawlang.diag.Diagnostic;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Source;
import org.lawlang.diag.Span;
import org.lawlang.eval.CheckBeyondSyntax;
import org.lawlang.eval.Session;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Parsing;
import org.lawlang.syntax.Program;
import org.lawlang.syntax.Stmt;
import org.lawlang.eval.Env;
import org.lawlang.eval.ProcValue;
import org.lawlang.repl.CodeCompletion;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * One version of an open document, and what the server knows of it: its parse, the
 * checker's diagnostics (as `law check` reports them), and the values of its declarations.
 * Only statements without effects outside the session are run for the values (imports,
 * laws, data, procs, and `let`s with no fit, optimisation or root search in them): typing
 * in an editor must never write a file or start a long fit.
 */
final class Analysis {
  private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

  final String uri;
  final Source source;
  final Path dir;
  /** The parse of this text, or null when it has syntax errors. */
  final Program program;

  private Session valuesSession;
  private final StringBuilder printed = new StringBuilder();

  Analysis(String uri, String text) {
    this.uri = uri;
    this.source = new Source(displayName(uri), text);
    this.dir = directory(uri);
    Program parsed;
    try {
      parsed = Parsing.parse(source);
    } catch (LawException e) {
      parsed = null;
    }
    this.program = parsed;
  }

  static String displayName(String uri) {
    try {
      URI u = URI.create(uri);
      return "file".equals(u.getScheme()) ? Path.of(u).getFileName().toString() : uri;
    } catch (RuntimeException e) {
      return uri;
    }
  }

  private static Path directory(String uri) {
    try {
      URI u = URI.create(uri);
      if ("file".equals(u.getScheme())) {
        Path parent = Path.of(u).toAbsolutePath().getParent();
        if (parent != null) {
          return parent;
        }
      }
    } catch (RuntimeException e) {
      // an untitled buffer: imports resolve against the server's directory
    }
    return Path.of("").toAbsolutePath();
  }

  private Session newSession() {
    return org.lawlang.eval.EngineAccess.session(LawEngine.builder().streams(NOWHERE, NOWHERE).workDir(dir).build());
  }

  /** Every error and warning `law check` would report for this text. */
  List<Diagnostic> diagnostics() {
    Session session = newSession();
    try {
      session.compile(source, dir);
      return List.of();
    } catch (LawException e) {
      try {
        return CheckBeyondSyntax.all(e.diagnostics(), source, newSession(), dir);
      } catch (RuntimeException unexpected) {
        return e.diagnostics();
      }
    }
  }

  /** The session's globals after running this document's declarations (each on its own, so one failing leaves the rest). */
  synchronized Env values() {
    if (valuesSession != null) {
      return valuesSession.globals();
    }
    Session session = org.lawlang.eval.EngineAccess.session(LawEngine.builder().streams(NOWHERE, NOWHERE).onPrint(printed::append).workDir(dir).build());
    if (program != null) {
      for (Stmt s : program.statements()) {
        if (harmless(s, session.globals())) {
          try {
            session.execute(new Program(source, List.of(s)), dir);
          } catch (RuntimeException e) {
            // a declaration that fails leaves its name unbound; the diagnostics say why
          }
        }
      }
    }
    valuesSession = session;
    return session.globals();
  }

  /** What `help TOPIC` prints in the session of this document's declarations, or null if it fails. */
  synchronized String help(String topic) {
    values();
    printed.setLength(0);
    try {
      valuesSession.run(new Source("<hover>", "help " + topic), dir);
      return printed.toString().strip();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static boolean harmless(Stmt s, Env env) {
    if (s instanceof Stmt.Import || s instanceof Stmt.LawDecl || s instanceof Stmt.Proc) {
      return true;
    }
    if (s instanceof Stmt.Data d) {
      return (!(d.source() instanceof Stmt.DerivedSource src) || cheap(src.source(), env)) && (d.filter() == null || cheap(d.filter(), env));
    }
    return s instanceof Stmt.Let l && cheap(l.value(), env);
  }

  /** No fit, optimisation, root search or call of a proc (which may do any of those) inside. */
  private static boolean cheap(Object node, Env env) {
    if (node instanceof Expr.Fit || node instanceof Expr.Optimize || node instanceof Expr.Solve) {
      return false;
    }
    if (node instanceof Expr.Call c && !(c.callee() instanceof Expr.Name n && !(env.lookup(n.name()) instanceof ProcValue))) {
      // a proc, or a callee that is not a plain name (a module's member may be a proc)
      if (!(c.callee() instanceof Expr.Field f && !(CodeCompletion.resolve(env, f.span().text().replaceAll("\\s", "")) instanceof ProcValue))) {
        return false;
      }
    }
    if (node instanceof List<?> list) {
      return list.stream().allMatch(x -> cheap(x, env));
    }
    if (node instanceof Expr e && e.getClass().isRecord()) {
      for (var c : e.getClass().getRecordComponents()) {
        try {
          Object part = c.getAccessor().invoke(e);
          if ((part instanceof Expr || part instanceof List<?> || part instanceof Expr.Arg) && !cheap(part, env)) {
            return false;
          }
        } catch (ReflectiveOperationException ex) {
          return false;
        }
      }
    }
    if (node instanceof Expr.Arg a) {
      return cheap(a.value(), env);
    }
    return true;
  }

  // --- positions: LSP lines and characters are 0-based, in UTF-16 units like Java strings

  int offset(Position p) {
    int lineStart = 0;
    String text = source.text();
    for (int l = 0; l < p.getLine(); l++) {
      int nl = text.indexOf('\n', lineStart);
      if (nl < 0) {
        return text.length();
      }
      lineStart = nl + 1;
    }
    int lineEnd = text.indexOf('\n', lineStart);
    return Math.min(lineStart + p.getCharacter(), lineEnd < 0 ? text.length() : lineEnd);
  }

  static Position position(Source source, int offset) {
    int clamped = Math.max(0, Math.min(offset, source.text().length()));
    return new Position(source.lineOf(clamped) - 1, source.columnOf(clamped) - 1);
  }

  static Range range(Span span) {
    return new Range(position(span.source(), span.start()), position(span.source(), Math.max(span.start(), span.end())));
  }

  /** The name (possibly dotted: `epoch.L`) around an offset, with where it starts; null if none. */
  NameAt nameAt(int offset) {
    String text = source.text();
    int start = offset;
    int end = offset;
    while (start > 0 && isNamePart(text.charAt(start - 1))) {
      start--;
    }
    while (end < text.length() && isNamePart(text.charAt(end))) {
      end++;
    }
    if (start == end) {
      return null;
    }
    int qualified = start;
    while (qualified > 1 && text.charAt(qualified - 1) == '.' && isNamePart(text.charAt(qualified - 2))) {
      qualified--;
      while (qualified > 0 && isNamePart(text.charAt(qualified - 1))) {
        qualified--;
      }
    }
    return new NameAt(text.substring(qualified, end), text.substring(start, end), qualified, start, end);
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** A name under the cursor: the dotted whole (`epoch.L`), its last part, and offsets. */
  record NameAt(String dotted, String last, int dottedStart, int start, int end) {
    boolean qualified() {
      return dottedStart < start;
    }

    String qualifier() {
      return dotted.substring(0, dotted.length() - last.length() - 1);
    }
  }

  /** The statements of the program that are imports, in order. */
  List<Stmt.Import> imports() {
    List<Stmt.Import> out = new ArrayList<>();
    if (program != null) {
      program.statements().forEach(s -> {
        if (s instanceof Stmt.Import i) {
          out.add(i);
        }
      });
    }
    return out;
  }
}
