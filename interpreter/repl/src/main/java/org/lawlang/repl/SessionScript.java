package org.lawlang.repl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Source;
import org.lawlang.syntax.Parsing;
import org.lawlang.syntax.Stmt;
import org.lawlang.syntax.antlr.LawLexer;

/**
 * What `:save` writes: the statements the session accepted, as a script that runs from the
 * folder it is saved to. A relative path in `csv`, `import` or `to` was resolved against the
 * folder it was typed in (or the folder of the `:load`ed script it came from), so it is
 * rewritten relative to the new script's folder. `help` is left out (it only showed something),
 * and so is a definition that a later one replaces before anything reads it.
 */
final class SessionScript {
  /** One accepted input: its text, the folder its relative paths start from, and a comment to precede it (or null). */
  record Entry(String code, Path baseDir, String comment) {}

  private record Statement(String text, Path baseDir, String comment, String defines, Set<String> reads) {}

  private SessionScript() {}

  /** The script's text; {@code counted[0]} receives the number of statements kept. */
  static String text(List<Entry> entries, Path target, int[] counted) {
    List<Statement> statements = new ArrayList<>();
    for (Entry e : entries) {
      List<Stmt> parsed;
      try {
        parsed = Parsing.parse(new Source("<save>", e.code())).statements();
      } catch (LawException ex) {
        continue; // accepted inputs parse; a defensive skip rather than a broken script
      }
      String comment = e.comment();
      for (Stmt s : parsed) {
        if (s instanceof Stmt.Help) {
          continue;
        }
        String text = s.span().text();
        statements.add(new Statement(text, e.baseDir(), comment, Stmt.declaredName(s), names(text)));
        comment = null;
      }
    }
    Path targetDir = target.toAbsolutePath().normalize().getParent();
    StringBuilder out = new StringBuilder("# law session, saved by :save\n");
    int kept = 0;
    for (int i = 0; i < statements.size(); i++) {
      Statement s = statements.get(i);
      if (s.comment() != null) {
        out.append(s.comment()).append('\n');
      }
      if (superseded(statements, i)) {
        continue;
      }
      out.append(rewritePaths(s.text(), s.baseDir(), targetDir)).append('\n');
      kept++;
    }
    counted[0] = kept;
    return out.toString();
  }

  /** Whether statement i defines a name that a later statement defines again before any statement reads it. */
  private static boolean superseded(List<Statement> statements, int i) {
    String name = statements.get(i).defines();
    if (name == null) {
      return false;
    }
    for (int j = i + 1; j < statements.size(); j++) {
      Statement later = statements.get(j);
      if (later.reads().contains(name)) {
        return false; // read (perhaps by its own redefinition, let x = x + 1): still needed
      }
      if (name.equals(later.defines())) {
        return true;
      }
    }
    return false;
  }



  /** Every name a statement's text mentions except the one it defines first ("let x = ..."): what it reads. */
  private static Set<String> names(String text) {
    Set<String> out = new HashSet<>();
    List<Token> tokens = tokens(text);
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      boolean declared = i == 1 && (tokens.get(0).getType() == LawLexer.LET || tokens.get(0).getType() == LawLexer.LAW
          || tokens.get(0).getType() == LawLexer.DATA || tokens.get(0).getType() == LawLexer.PROC);
      if (!declared && (t.getType() == LawLexer.ID || Keywords.isKeyword(t.getType()))) {
        out.add(t.getText());
      }
    }
    return out;
  }

  /** The statement with each relative path after `csv`, `import` or `to` rewritten to start from {@code targetDir}. */
  static String rewritePaths(String text, Path baseDir, Path targetDir) {
    StringBuilder out = new StringBuilder();
    int copied = 0;
    List<Token> tokens = tokens(text);
    for (int i = 1; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      int before = tokens.get(i - 1).getType();
      if (t.getType() != LawLexer.STRING || !(before == LawLexer.CSV || before == LawLexer.IMPORT || before == LawLexer.TO)) {
        continue;
      }
      String literal = t.getText();
      String path = literal.substring(1, literal.length() - 1);
      String moved = moved(path, baseDir, targetDir);
      if (moved != null) {
        out.append(text, copied, t.getStartIndex()).append('"').append(moved).append('"');
        copied = t.getStopIndex() + 1;
      }
    }
    return out.append(text.substring(copied)).toString();
  }

  /** The path as seen from {@code targetDir}, or null to leave it as written. */
  private static String moved(String path, Path baseDir, Path targetDir) {
    if (path.contains("\\") || path.isEmpty() || baseDir == null || targetDir == null) {
      return null;
    }
    try {
      Path p = Path.of(path);
      if (p.isAbsolute()) {
        return null;
      }
      Path abs = baseDir.toAbsolutePath().resolve(p).normalize();
      String rel = targetDir.relativize(abs).toString().replace('\\', '/');
      return rel.equals(path) ? null : rel;
    } catch (IllegalArgumentException e) { // an invalid path, or one on another root
      return null;
    }
  }

  /** The tokens of a text, line ends left out (the REPL's completion and :save read them). */
  static List<Token> tokens(String text) {
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
}
