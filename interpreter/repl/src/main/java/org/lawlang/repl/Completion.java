package org.lawlang.repl;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Span;
import org.lawlang.eval.DataValue;
import org.lawlang.eval.Env;
import org.lawlang.eval.LawValue;
import org.lawlang.eval.ModuleLoader;
import org.lawlang.eval.ModuleValue;
import org.lawlang.eval.Value;
import org.lawlang.semantics.Builtin;
import org.lawlang.syntax.antlr.LawLexer;

/**
 * Tab completion, by context: `:commands` at the start of a line (and a command's file or
 * name argument after it); file names inside a string; the fields of a value after `name.`
 * (`opt.`, `runs.`, `epoch.`); standard-library modules after `import`; otherwise the
 * keywords, every name in scope, the builtins, and the columns of any dataset named on the line.
 */
final class Completion implements Completer {
  private final Supplier<ReplSession> session;

  Completion(Supplier<ReplSession> session) {
    this.session = session;
  }

  @Override
  public void complete(LineReader reader, ParsedLine parsed, List<Candidate> out) {
    LawLineParser.Line line = parsed instanceof LawLineParser.Line l ? l : LawLineParser.word(parsed.line(), parsed.cursor());
    out.addAll(candidates(line));
  }

  List<Candidate> candidates(LawLineParser.Line line) {
    List<Candidate> out = new ArrayList<>();
    Env globals = session.get().session().globals();
    Path workDir = session.get().session().settings().workDir();
    String before = line.before();
    if (before.isBlank() && line.word().startsWith(":")) {
      // the summary in the display, after padding, so that the descriptions line up in one column
      int width = Commands.ALL.stream().mapToInt(c -> c.usage().length()).max().orElse(0);
      Commands.ALL.forEach(c -> out.add(new Candidate(c.name(), c.usage() + " ".repeat(width - c.usage().length() + 2) + c.summary(),
          null, null, null, null, true)));
    } else if (before.stripLeading().startsWith(":")) {
      String name = before.strip().split("\\s+")[0];
      Command.Arg arg = Commands.find(name).map(Command::arg).orElse(Command.Arg.NONE);
      if (arg == Command.Arg.CODE) {
        code(line, globals, out);
      } else if (arg == Command.Arg.SWITCH) {
        out.add(plain("on", null));
        out.add(plain("off", null));
      } else if (arg == Command.Arg.FILE) {
        files(workDir, line.word(), "", out);
      } else if (arg == Command.Arg.NAME || arg == Command.Arg.TOPIC) {
        globals.visibleNames().forEach(n -> out.add(plain(n, describe(globals.lookup(n)))));
        if (arg == Command.Arg.TOPIC) {
          Commands.TOPICS.keySet().forEach(t -> out.add(plain(t, "topic")));
          Commands.ALL.forEach(c -> out.add(plain(c.name(), c.summary())));
        }
      }
    } else if (LawLineParser.insideString(line.line(), line.cursor())) {
      files(workDir, line.word(), "\"", out);
    } else {
      code(line, globals, out);
    }
    return out;
  }

  private static void code(LawLineParser.Line line, Env globals, List<Candidate> out) {
    List<Token> tokens = tokens(line.before());
    int n = tokens.size();
    if (n >= 1 && tokens.get(n - 1).getType() == LawLexer.DOT) {
      String target = dotted(tokens, n - 1);
      Value v = target == null ? null : resolve(globals, target);
      if (v != null) {
        v.fieldNames().forEach(f -> out.add(plain(f, v instanceof ModuleValue m ? describe(m.members().get(f)) : v.typeName() + " field")));
      }
      return;
    }
    if (n >= 1 && tokens.get(n - 1).getType() == LawLexer.IMPORT) {
      ModuleLoader.stdlibModules().forEach(m -> out.add(plain(m, "module")));
      return;
    }
    Keywords.all().forEach(k -> out.add(plain(k, "keyword")));
    Builtin.names().forEach(b -> out.add(plain(b, "builtin")));
    for (String name : globals.visibleNames()) {
      out.add(plain(name, describe(globals.lookup(name))));
    }
    TreeSet<String> columns = new TreeSet<>();
    for (Token t : tokens(line.line())) {
      if (globals.lookup(t.getText()) instanceof DataValue d) {
        columns.addAll(d.data().columnNames());
      }
    }
    columns.forEach(c -> out.add(plain(c, "column")));
  }

  /** The dotted name that ends just before token {@code dot} (`epoch.L` for `epoch.L.`), or null. */
  private static String dotted(List<Token> tokens, int dot) {
    StringBuilder name = new StringBuilder();
    int i = dot - 1;
    while (i >= 0 && tokens.get(i).getType() != LawLexer.DOT && isName(tokens.get(i))) {
      name.insert(0, tokens.get(i).getText());
      if (i >= 1 && tokens.get(i - 1).getType() == LawLexer.DOT) {
        name.insert(0, '.');
        i -= 2;
      } else {
        break;
      }
    }
    return name.length() == 0 ? null : name.toString();
  }

  private static boolean isName(Token t) {
    return t.getType() == LawLexer.ID || Keywords.isKeyword(t.getType());
  }

  /** A possibly dotted name's value in scope (`runs`, `epoch.L`), or null. */
  static Value resolve(Env env, String dotted) {
    String[] parts = dotted.split("\\.");
    Value v = env.lookup(parts[0]);
    for (int i = 1; i < parts.length && v != null; i++) {
      try {
        v = v.field(parts[i], Span.NOWHERE);
      } catch (LawException e) {
        return null;
      }
    }
    return v;
  }

  private static List<Token> tokens(String text) {
    LawLexer lexer = new LawLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    List<Token> out = new ArrayList<>();
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      if (t.getType() != LawLexer.NL) {
        out.add(t);
      }
    }
    return out;
  }

  /** Files and folders matching a partial path; folders end in '/', files get {@code close} appended. */
  private static void files(Path workDir, String partial, String close, List<Candidate> out) {
    int slash = partial.lastIndexOf('/');
    String dirPart = slash < 0 ? "" : partial.substring(0, slash + 1);
    Path dir = dirPart.startsWith("/") ? Path.of(dirPart) : workDir.resolve(dirPart);
    if (dirPart.startsWith("~/")) {
      dir = Path.of(System.getProperty("user.home")).resolve(dirPart.substring(2));
    }
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        String name = p.getFileName().toString();
        if (name.startsWith(".") && !partial.substring(slash + 1).startsWith(".")) {
          continue;
        }
        boolean folder = Files.isDirectory(p);
        String value = dirPart + name + (folder ? "/" : close);
        out.add(new Candidate(value, name + (folder ? "/" : ""), null, null, null, null, !folder && close.isEmpty()));
      }
    } catch (IOException e) {
      // an unreadable folder offers nothing
    }
  }

  private static Candidate plain(String value, String description) {
    return new Candidate(value, value, null, description, null, null, false);
  }

  private static String describe(Value v) {
    if (v instanceof LawValue l) {
      return "law " + l.law().signature();
    }
    return v == null ? null : v.typeName();
  }
}
