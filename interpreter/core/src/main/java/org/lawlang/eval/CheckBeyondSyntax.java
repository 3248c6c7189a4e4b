package org.lawlang.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.lawlang.diag.Diagnostic;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Source;
import org.lawlang.diag.Span;
import org.lawlang.syntax.antlr.LawLexer;

/**
 * For `law check` and the language server: a script with syntax errors still gets its name errors reported. The
 * lines of each statement in error (from a never-closed bracket to where the parser stopped)
 * are set aside — blanked, or, when they declare a name, replaced by a one-line stand-in that
 * declares it, so that its uses are not reported as unknown — and the rest is parsed and
 * checked again with the line numbers unchanged. If the rest does not parse either, only the
 * syntax errors are reported.
 */
public final class CheckBeyondSyntax {
  private static final Pattern CONTINUES = Pattern.compile("[-+*/^~,=(\\[{]\\s*$");
  private static final Pattern OPENED_AT = Pattern.compile("at line (\\d+), column \\d+ is never closed");

  private CheckBeyondSyntax() {}

  /** The syntax errors and, in position order with them, the other errors of the lines outside the failing statements. */
  public static List<Diagnostic> all(List<Diagnostic> syntax, Source source, Session session, Path dir) {
    if (syntax.isEmpty() || !syntax.stream().allMatch(CheckBeyondSyntax::isSyntax)
        || !syntax.stream().allMatch(d -> d.span().source().text().equals(source.text()))) {
      return syntax;
    }
    String[] original = source.text().split("\n", -1);
    String[] lines = original.clone();
    TreeSet<Integer> aside = new TreeSet<>();
    List<Diagnostic> found = new ArrayList<>(syntax);
    List<Diagnostic> pending = syntax;
    // each round sets aside the statements in error; the parser, once past one error, may
    // have skipped others, which the next round finds
    for (int round = 0; round < 10; round++) {
      for (Diagnostic d : pending) {
        setAside(d, lines, aside);
      }
      Source rest = new Source(source.name(), String.join("\n", lines));
      try {
        session.compile(rest, dir);
        break;
      } catch (LawException e) {
        List<Diagnostic> mine = new ArrayList<>();
        for (Diagnostic d : e.diagnostics()) {
          if (d.span() != null && d.span().source().name().equals(source.name()) && !aside.contains(d.span().line())) {
            mine.add(moved(d, source, rest));
          } else if (d.span() != null && !d.span().source().name().equals(source.name())) {
            found.add(d); // an error in an imported file
          }
        }
        found.addAll(mine);
        pending = mine.stream().filter(CheckBeyondSyntax::isSyntax).toList();
        if (pending.isEmpty()) {
          break;
        }
      }
    }
    found.sort(Comparator.comparingInt((Diagnostic d) -> d.span().source().name().equals(source.name()) ? d.span().start() : Integer.MAX_VALUE));
    return found;
  }

  private static boolean isSyntax(Diagnostic d) {
    return d.code() != null && d.code().startsWith("L1") && d.span() != null && d.span().source() != Span.NOWHERE_SOURCE;
  }

  /** Blanks the lines of the statement in error, a stand-in declaring its name on the first. */
  private static void setAside(Diagnostic d, String[] lines, TreeSet<Integer> aside) {
    int last = Math.max(1, Math.min(d.span().line(), lines.length));
    int first = last;
    Matcher m = d.hint() == null ? null : OPENED_AT.matcher(d.hint());
    if (m != null && m.find()) {
      first = Math.max(1, Math.min(last, Integer.parseInt(m.group(1))));
    }
    // back to the line the statement starts on: earlier lines that end with an operator or comma run on
    while (first > 1 && CONTINUES.matcher(lines[first - 2].replaceAll("#.*", "")).find()) {
      first--;
    }
    StringBuilder text = new StringBuilder();
    for (int l = first; l <= last; l++) {
      text.append(lines[l - 1]).append('\n');
      lines[l - 1] = "";
      aside.add(l);
    }
    lines[first - 1] = standIn(text.toString());
  }

  /** A diagnostic about the copy with lines set aside, moved onto the same line and column of the script as written. */
  private static Diagnostic moved(Diagnostic d, Source source, Source rest) {
    Span s = d.span();
    int delta = lineStart(source.text(), s.line()) - lineStart(rest.text(), s.line());
    int start = Math.min(source.text().length(), s.start() + delta);
    int end = Math.min(source.text().length(), Math.max(start, s.end() + delta));
    return new Diagnostic(d.severity(), d.code(), new Span(source, start, end), d.message(), d.hint());
  }

  private static int lineStart(String text, int line) {
    int at = 0;
    for (int l = 1; l < line && at >= 0; l++) {
      at = text.indexOf('\n', at) + 1;
      if (at == 0) {
        return text.length();
      }
    }
    return at;
  }

  /** A one-line statement that declares what {@code text} was declaring (so its uses still resolve), else "". */
  private static String standIn(String text) {
    List<Token> t = new ArrayList<>();
    LawLexer lexer = new LawLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    for (Token k = lexer.nextToken(); k.getType() != Token.EOF && t.size() < 64; k = lexer.nextToken()) {
      if (k.getType() != LawLexer.NL) {
        t.add(k);
      }
    }
    if (t.size() < 2 || t.get(1).getType() != LawLexer.ID) {
      return "";
    }
    String name = t.get(1).getText();
    switch (t.get(0).getType()) {
      case LawLexer.LET -> {
        return "let " + name + " = 0";
      }
      case LawLexer.DATA -> {
        return "data " + name + " = table (x) { 0 }";
      }
      case LawLexer.LAW, LawLexer.PROC -> {
        List<String> params = new ArrayList<>();
        if (t.size() > 2 && t.get(2).getType() == LawLexer.LPAREN) {
          for (int i = 3; i < t.size() && t.get(i).getType() != LawLexer.RPAREN; i++) {
            if (t.get(i).getType() == LawLexer.ID) {
              params.add(t.get(i).getText());
            }
          }
        }
        String list = "(" + String.join(", ", params) + ")";
        return t.get(0).getType() == LawLexer.LAW ? "law " + name + list + " = 0" : "proc " + name + list + " { return 0 }";
      }
      default -> {
        return "";
      }
    }
  }
}
