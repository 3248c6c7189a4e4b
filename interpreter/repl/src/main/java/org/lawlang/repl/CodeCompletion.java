package org.lawlang.repl;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.antlr.v4.runtime.Token;
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
 * What completes law code at a cursor, independent of any terminal: file names inside a
 * string; the fields of a value after `name.` (`opt.`, `runs.`, `epoch.`); standard-library
 * modules after `import`; otherwise the keywords, every name in scope, the builtins, and the
 * columns of any dataset named on the line. The REPL's {@link Completion} and the language
 * server both ask it.
 */
public final class CodeCompletion {
  private CodeCompletion() {}

  /** One completion: the text inserted, what the menu shows, a short description, and whether it ends the word. */
  public record Suggestion(String value, String display, String description, boolean complete) {
    static Suggestion plain(String value, String description) {
      return new Suggestion(value, value, description, false);
    }
  }

  /** The start of the word the cursor is in, in code: a name, or the path inside a string. */
  public static int wordStart(String line, int cursor) {
    int start = cursor;
    if (LawLineParser.insideString(line, cursor)) {
      while (start > 0 && line.charAt(start - 1) != '"') {
        start--;
      }
    } else {
      while (start > 0 && (Character.isLetterOrDigit(line.charAt(start - 1)) || line.charAt(start - 1) == '_')) {
        start--;
      }
    }
    return start;
  }

  /** The completions at {@code cursor} in {@code line} (code, not a :command), against a session's globals. */
  public static List<Suggestion> at(String line, int cursor, Env globals, Path workDir) {
    int start = wordStart(line, cursor);
    String word = line.substring(start, cursor);
    if (LawLineParser.insideString(line, cursor)) {
      return files(workDir, word, "\"");
    }
    return code(line.substring(0, start), line, globals);
  }

  /** Completions in code, given the text before the word and the whole line. */
  public static List<Suggestion> code(String before, String line, Env globals) {
    List<Suggestion> out = new ArrayList<>();
    List<Token> tokens = SessionScript.tokens(before);
    int n = tokens.size();
    if (n >= 1 && tokens.get(n - 1).getType() == LawLexer.DOT) {
      String target = dotted(tokens, n - 1);
      Value v = target == null ? null : resolve(globals, target);
      if (v != null) {
        v.fieldNames().forEach(f -> out.add(Suggestion.plain(f,
            v instanceof ModuleValue m ? describe(m.members().get(f)) : v.typeName() + " field")));
      }
      return out;
    }
    if (n >= 1 && tokens.get(n - 1).getType() == LawLexer.IMPORT) {
      ModuleLoader.stdlibModules().forEach(m -> out.add(Suggestion.plain(m, "module")));
      return out;
    }
    Keywords.all().forEach(k -> out.add(Suggestion.plain(k, "keyword")));
    Builtin.names().forEach(b -> out.add(Suggestion.plain(b, "builtin")));
    for (String name : globals.visibleNames()) {
      out.add(Suggestion.plain(name, describe(globals.lookup(name))));
    }
    TreeSet<String> columns = new TreeSet<>();
    for (Token t : SessionScript.tokens(line)) {
      if (globals.lookup(t.getText()) instanceof DataValue d) {
        columns.addAll(d.data().columnNames());
      }
    }
    columns.forEach(c -> out.add(Suggestion.plain(c, "column")));
    return out;
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
  public static Value resolve(Env env, String dotted) {
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

  /** Files and folders matching a partial path; folders end in '/', files get {@code close} appended. */
  public static List<Suggestion> files(Path workDir, String partial, String close) {
    List<Suggestion> out = new ArrayList<>();
    int slash = partial.lastIndexOf('/');
    String dirPart = slash < 0 ? "" : partial.substring(0, slash + 1);
    Path dir = dirPart.startsWith("/") ? Path.of(dirPart) : workDir.resolve(dirPart);
    if (dirPart.startsWith("~/")) {
      dir = Path.of(System.getProperty("user.home")).resolve(dirPart.substring(2));
    }
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        String name = p.getFileName().toString();
        if (name.startsWith(".") && !partial.substring(slash + 1).startsWith(".")) {
          continue;
        }
        boolean folder = Files.isDirectory(p);
        String value = dirPart + name + (folder ? "/" : close);
        out.add(new Suggestion(value, name + (folder ? "/" : ""), null, !folder && close.isEmpty()));
      }
    } catch (IOException e) {
      // an unreadable folder offers nothing
    }
    return out;
  }

  /** What a value is, in a word or a signature (`law L(N, D)`, `dataset`). */
  public static String describe(Value v) {
    if (v instanceof LawValue l) {
      return "law " + l.law().signature();
    }
    return v == null ? null : v.typeName();
  }

  /** The language's words (from the lexer's vocabulary), sorted. */
  public static List<String> keywords() {
    return Keywords.all();
  }
}
