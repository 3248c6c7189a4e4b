package org.lawlang.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.lawlang.diag.Source;
import org.lawlang.diag.Span;
import org.lawlang.syntax.Expr.FitOption;
import org.lawlang.syntax.Expr.FitOptionKind;
import org.lawlang.syntax.Stmt.*;

/**
 * `law fmt`: one canonical layout for a script, with its comments kept. Statements follow
 * {@link ProgramPrinter}'s structure (one a line, blocks indented, a law's clauses each on a
 * line of their own in a fixed order, `;` where a newline would join two statements), laid
 * out for reading: four-space indents, a CSV block's columns one a line with their `=`
 * aligned, a table's values in aligned columns, a `fit`, `minimize` or `maximize` longer than
 * {@link #WIDTH} columns broken before its clauses, at most one blank line in a row.
 *
 * <p>Expressions are kept as written: their source text is part of what a script prints (a
 * `row`'s column headers, an optimum's heading, a plot's labels), so formatting never changes
 * a script's output. Comments are re-attached by position: a comment after code stays at the
 * end of the line that now holds that code; a comment on its own line stays before the line
 * that follows it. The result parses to the same tree, and formatting it again changes nothing.
 */
public final class Formatter {
  /** Lines longer than this break a fit's or an optimisation's clauses onto lines of their own. */
  public static final int WIDTH = 100;
  private static final String INDENT = "    ";

  private final Source source;
  private final String text;
  private final List<Line> lines = new ArrayList<>();
  private final List<int[]> verbatim = new ArrayList<>();

  private Formatter(Source source) {
    this.source = source;
    this.text = source.text();
  }

  /** The formatted text of a script; a script with syntax errors throws their {@link org.lawlang.diag.LawException}. */
  public static String format(String name, String text) {
    Source source = new Source(name, text.replace("\r\n", "\n").replace('\r', '\n'));
    Program program = Parsing.parse(source);
    Formatter f = new Formatter(source);
    f.statements(program.statements(), 0);
    return f.assemble();
  }

  /** One output line: its indent level, text, and the source offset of what it starts with (for placing comments). */
  private static final class Line {
    final int indent;
    String text;
    final int anchor;
    final boolean statement;
    final boolean closing;
    final List<Comment> trailing = new ArrayList<>();
    final List<Comment> before = new ArrayList<>();
    boolean blankBefore;

    Line(int indent, String text, int anchor, boolean statement, boolean closing) {
      this.indent = indent;
      this.text = text;
      this.anchor = anchor;
      this.statement = statement;
      this.closing = closing;
    }
  }

  private record Comment(int offset, int column, String text, boolean ownLine) {}

  private void statements(List<Stmt> list, int indent) {
    Line previousLast = null;
    String previousText = "";
    for (Stmt s : list) {
      int first = lines.size();
      stmt(s, indent);
      Line head = lines.get(first);
      String joined = head.text.strip();
      if (previousLast != null && (ProgramPrinter.continuesAbove(joined) || ProgramPrinter.continuesBelow(previousText))) {
        previousLast.text += ";"; // a newline here would join the two statements
      }
      head.blankBefore = blankLineAbove(s.span().start());
      previousLast = lines.get(lines.size() - 1);
      previousText = previousLast.text;
    }
  }

  private void add(int indent, String text, int anchor) {
    lines.add(new Line(indent, text, anchor, false, false));
  }

  private void addStatement(int indent, String text, int anchor) {
    lines.add(new Line(indent, text, anchor, true, false));
  }

  private void addClosing(int indent, String text, int anchor) {
    lines.add(new Line(indent, text, anchor, false, true));
  }

  private void stmt(Stmt s, int indent) {
    int at = s.span().start();
    if (s instanceof Import i) {
      addStatement(indent, "import " + (i.module() != null ? i.module().name() : ExprPrinter.quote(i.path()))
          + (i.alias() == null ? "" : " as " + i.alias().name()), at);
    } else if (s instanceof Let l) {
      clauses(indent, "let " + l.name().name() + " = ", l.value(), at);
    } else if (s instanceof LawDecl l) {
      law(l, indent);
    } else if (s instanceof Proc p) {
      block(indent, "proc " + p.name().name() + "(" + names(p.params()) + ")", p.body(), "", s.span(), at);
    } else if (s instanceof Return r) {
      if (r.value() == null) {
        addStatement(indent, "return", at);
      } else {
        clauses(indent, "return ", r.value(), at);
      }
    } else if (s instanceof Data d) {
      data(d, indent);
    } else if (s instanceof Print p) {
      addStatement(indent, wrap(indent, "print ", p.values().stream().map(this::ex).toList(), INDENT.length()), at);
    } else if (s instanceof For f) {
      block(indent, "for " + f.variable().name() + " in " + ex(f.iterable()), f.body(),
          f.csvPath() == null ? "" : " to " + ExprPrinter.quote(f.csvPath()), s.span(), at);
    } else if (s instanceof Row r) {
      addStatement(indent, wrap(indent, "row ", r.items().stream().map(i -> (i.name() == null ? "" : i.name() + ": ") + ex(i.value()))
          .toList(), INDENT.length()), at);
    } else if (s instanceof ExprStmt e) {
      clauses(indent, "", e.expr(), at);
    } else {
      // plot, help and compare: their words and options stay as written
      addStatement(indent, kept(s.span()), at);
    }
  }

  /** A statement that ends in an expression; a long `fit` or optimisation puts each clause on a line of its own. */
  private void clauses(int indent, String head, Expr value, int at) {
    List<String> parts = new ArrayList<>();
    List<Integer> anchors = new ArrayList<>();
    if (value instanceof Expr.Fit f) {
      parts.add("fit " + ex(f.target()) + " ~ " + ex(f.model()) + " to " + ex(f.data()));
      anchors.add(at);
      for (FitOption o : f.options()) {
        String option = o.kind().name().toLowerCase(java.util.Locale.ROOT) + " "
            + (o.kind() == FitOptionKind.ON ? o.word() : o.values().stream().map(this::ex).collect(Collectors.joining(", ")));
        boolean opens = o.kind() == FitOptionKind.USING || o.kind() == FitOptionKind.STARTS
            || o.kind() == FitOptionKind.BOOTSTRAP || o.kind() == FitOptionKind.WEIGHTS;
        if (opens || parts.size() == 1) {
          parts.add(option);
          anchors.add(o.span().start());
        } else {
          parts.set(parts.size() - 1, parts.get(parts.size() - 1) + " " + option);
        }
      }
    } else if (value instanceof Expr.Optimize o) {
      parts.add((o.maximize() ? "maximize " : "minimize ") + ex(o.objective()));
      anchors.add(at);
      if (!o.over().isEmpty()) {
        parts.add("over " + o.over().stream().map(v -> kept(v.span())).collect(Collectors.joining(", ")));
        anchors.add(o.over().get(0).span().start());
      }
      if (!o.constraints().isEmpty()) {
        parts.add("subject to " + String.join(", ", constraints(o)));
        anchors.add(o.constraints().get(0).span().start());
      }
    } else {
      addStatement(indent, head + ex(value), at);
      return;
    }
    verbatim.add(new int[] {value.span().start(), value.span().end()});
    String oneLine = head + String.join(" ", parts);
    if (parts.size() == 1 || (INDENT.length() * indent + oneLine.length() <= WIDTH && !oneLine.contains("\n"))) {
      addStatement(indent, oneLine, at);
      return;
    }
    addStatement(indent, head + parts.get(0), at);
    for (int i = 1; i < parts.size(); i++) {
      String part = parts.get(i);
      if (value instanceof Expr.Optimize o && part.startsWith("subject to ")) {
        part = wrap(indent + 1, "subject to ", constraints(o), 11);
      }
      add(indent + 1, part, anchors.get(i));
    }
  }

  private List<String> constraints(Expr.Optimize o) {
    return o.constraints().stream()
        .map(c -> (c.name() == null ? "" : c.name() + ": ") + kept(new Span(source, c.lhs().span().start(), c.rhs().span().end())))
        .toList();
  }

  /**
   * {@code head} and a comma-separated list, on one line if it fits in {@link #WIDTH}, else
   * broken after commas, each line filled, later lines {@code hang} columns in (a line
   * that ends with a comma goes on, so the statement is the same).
   */
  private static String wrap(int indent, String head, List<String> items, int hang) {
    StringBuilder out = new StringBuilder(head);
    int column = INDENT.length() * indent + head.length();
    String continuation = "\n" + INDENT.repeat(indent) + " ".repeat(hang);
    for (int i = 0; i < items.size(); i++) {
      String piece = items.get(i) + (i + 1 < items.size() ? "," : "");
      if (i > 0) {
        if (column + 1 + piece.length() > WIDTH && !items.get(i).contains("\n")) {
          out.append(continuation);
          column = continuation.length() - 1;
        } else {
          out.append(' ');
          column++;
        }
      }
      out.append(piece);
      int newline = piece.lastIndexOf('\n');
      column = newline < 0 ? column + piece.length() : piece.length() - newline - 1;
    }
    return out.toString();
  }

  private void law(LawDecl l, int indent) {
    int at = l.span().start();
    addStatement(indent, "law " + l.name().name() + "(" + names(l.inputs()) + ") = " + ex(l.body()), at);
    if (!l.where().isEmpty()) {
      add(indent + 1, wrap(indent + 1, "where ", l.where().stream().map(b -> b.name().name() + " = " + ex(b.value())).toList(), 6),
          l.where().get(0).span().start());
    }
    if (!l.with().isEmpty()) {
      add(indent + 1, wrap(indent + 1, "with ", l.with().stream().map(p -> kept(p.span())).toList(), 5),
          l.with().get(0).span().start());
    }
    LawMetaAst m = l.meta();
    metaClause(indent, l, "cite", m.cite());
    metaClause(indent, l, "doc", m.doc());
    metaClause(indent, l, "unit", m.unit());
    if (!m.fitted().isEmpty()) {
      add(indent + 1, wrap(indent + 1, "fitted ", m.fitted().stream().map(r -> kept(r.span())).toList(), 7),
          m.fitted().get(0).span().start());
    }
    if (!m.inputs().isEmpty()) {
      add(indent + 1, wrap(indent + 1, "inputs ", m.inputs().stream().map(d -> kept(d.span())).toList(), 7),
          m.inputs().get(0).span().start());
    }
  }

  private void metaClause(int indent, LawDecl l, String word, String value) {
    if (value == null) {
      return;
    }
    // the clause has no node of its own: its word in the statement's text places its comments
    Matcher m = Pattern.compile("\\b" + word + "\\s*\"").matcher(text);
    m.region(l.span().start(), Math.min(text.length(), l.span().end()));
    add(indent + 1, word + " " + ExprPrinter.quote(value), m.find() ? m.start() : l.span().start());
  }

  private void data(Data d, int indent) {
    int at = d.span().start();
    String head = "data " + d.name().name() + " = ";
    String filter = d.filter() == null ? "" : " where " + ex(d.filter());
    if (d.source() instanceof CsvSource c) {
      String csv = head + "csv " + ExprPrinter.quote(c.path());
      if (c.columns().isEmpty()) {
        addStatement(indent, csv + filter, at);
        return;
      }
      addStatement(indent, csv + " {", at);
      int width = c.columns().stream().mapToInt(col -> col.name().name().length()).max().orElse(0);
      for (ColumnDef col : c.columns()) {
        String name = col.name().name();
        add(indent + 1, name + " ".repeat(width - name.length()) + " = " + (col.kind() == null ? "" : col.kind() + " ") + ex(col.value()),
            col.span().start());
      }
      addClosing(indent, "}" + filter, closingBrace(c.span()));
    } else if (d.source() instanceof TableSource t) {
      addStatement(indent, head + "table (" + names(t.columns()) + ") {", at);
      List<String[]> rows = new ArrayList<>();
      for (TableRow r : t.rows()) {
        rows.add(withoutComment(r.span()).strip().split("\\s+"));
      }
      int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
      int[] width = new int[columns];
      boolean[] whole = new boolean[columns];
      java.util.Arrays.fill(whole, true);
      rows.forEach(r -> {
        for (int i = 0; i < r.length; i++) {
          width[i] = Math.max(width[i], r[i].length());
          whole[i] &= r[i].matches("-?[0-9][0-9_]*");
        }
      });
      for (int k = 0; k < rows.size(); k++) {
        StringBuilder row = new StringBuilder();
        String[] r = rows.get(k);
        // whole numbers line up on their last digit, the others on their first character
        for (int i = 0; i < r.length; i++) {
          String gap = " ".repeat(width[i] - r[i].length());
          row.append(i == 0 ? "" : "  ").append(whole[i] ? gap + r[i] : r[i] + (i + 1 < r.length ? gap : ""));
        }
        add(indent + 1, row.toString(), t.rows().get(k).span().start());
      }
      addClosing(indent, "}" + filter, closingBrace(t.span()));
    } else {
      addStatement(indent, head + ex(((DerivedSource) d.source()).source()) + filter, at);
    }
  }

  /** The offset of the `}` that closes a block ending at {@code span}'s end. */
  private int closingBrace(Span span) {
    int brace = text.lastIndexOf('}', Math.min(text.length(), span.end()) - 1);
    return brace < span.start() ? span.end() : brace;
  }

  private void block(int indent, String head, List<Stmt> body, String tail, Span span, int at) {
    if (body.isEmpty()) {
      addStatement(indent, head + " { }" + tail, at);
      return;
    }
    addStatement(indent, head + " {", at);
    statements(body, indent + 1);
    int end = body.get(body.size() - 1).span().end();
    int brace = text.indexOf('}', end);
    while (brace >= 0 && insideComment(brace)) {
      brace = text.indexOf('}', brace + 1);
    }
    addClosing(indent, "}" + tail, brace < 0 ? span.end() : brace);
  }

  private boolean insideComment(int offset) {
    int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    int hash = commentStart(lineStart);
    return hash >= 0 && hash < offset;
  }

  /** An expression as written (its text is part of what the script prints). */
  private String ex(Expr e) {
    if (e.span() == null || e.span().source() != source) {
      return ExprPrinter.printItem(e);
    }
    return kept(e.span());
  }

  /** Source text kept as written; comments inside it stay inside it. */
  private String kept(Span span) {
    verbatim.add(new int[] {span.start(), span.end()});
    return span.text().strip();
  }

  private String withoutComment(Span span) {
    String t = span.text();
    int hash = t.indexOf('#');
    return hash < 0 ? t : t.substring(0, hash);
  }

  private static String names(List<Expr.Ident> ids) {
    return ids.stream().map(Expr.Ident::name).collect(Collectors.joining(", "));
  }

  // --- comments and blank lines

  /** The offset where the comment of the line starting at {@code lineStart} begins, or -1: a `#` outside a string. */
  private int commentStart(int lineStart) {
    boolean inString = false;
    for (int i = lineStart; i < text.length() && text.charAt(i) != '\n'; i++) {
      char c = text.charAt(i);
      if (inString && c == '\\') {
        i++;
      } else if (c == '"') {
        inString = !inString;
      } else if (c == '#' && !inString) {
        return i;
      }
    }
    return -1;
  }

  private List<Comment> comments() {
    List<Comment> out = new ArrayList<>();
    for (int lineStart = 0; lineStart <= text.length(); ) {
      int end = text.indexOf('\n', lineStart);
      end = end < 0 ? text.length() : end;
      int hash = commentStart(lineStart);
      if (hash >= 0 && !inVerbatim(hash)) {
        out.add(new Comment(hash, hash - lineStart, text.substring(hash, end).stripTrailing(), text.substring(lineStart, hash).isBlank()));
      }
      lineStart = end + 1;
    }
    return out;
  }

  private boolean inVerbatim(int offset) {
    return verbatim.stream().anyMatch(v -> v[0] <= offset && offset < v[1]);
  }

  /** Whether the source line above the one holding {@code offset} is blank. */
  private boolean blankLineAbove(int offset) {
    int line = source.lineOf(offset);
    return line > 1 && source.line(line - 1).isBlank();
  }

  private String assemble() {
    List<Comment> orphans = new ArrayList<>();
    for (Comment c : comments()) {
      if (c.ownLine()) {
        Line next = null;
        for (Line l : lines) {
          if (l.anchor > c.offset() && (next == null || l.anchor < next.anchor)) {
            next = l;
          }
        }
        if (next == null) {
          orphans.add(c);
        } else {
          next.before.add(c);
        }
      } else {
        Line holder = null;
        for (Line l : lines) {
          if (l.anchor <= c.offset() && (holder == null || l.anchor >= holder.anchor)) {
            holder = l;
          }
        }
        if (holder == null) {
          orphans.add(c);
        } else {
          holder.trailing.add(c);
        }
      }
    }
    StringBuilder out = new StringBuilder();
    String previous = null;
    for (Line l : lines) {
      String pad = INDENT.repeat(l.indent);
      String commentPad = l.closing ? pad + INDENT : pad;
      for (Comment c : l.before) {
        if (previous != null && !previous.endsWith("{") && blankLineAbove(c.offset())) {
          out.append('\n');
        }
        out.append(commentPad).append(c.text()).append('\n');
        previous = c.text();
      }
      if (l.blankBefore && previous != null && !previous.endsWith("{")) {
        out.append('\n');
      }
      String code = pad + l.text;
      out.append(code);
      if (!l.trailing.isEmpty()) {
        // a comment after code on the same line keeps its column when the code leaves room
        // (aligned comments stay aligned); one that moved to another line gets two spaces
        Comment first = l.trailing.get(0);
        int line = source.lineOf(first.offset());
        boolean sameLine = lines.stream().filter(o -> source.lineOf(o.anchor) == line).count() == 1
            && source.lineOf(l.anchor) == line;
        int column = sameLine ? first.column() : 0;
        int lastLine = code.lastIndexOf('\n') + 1;
        int width = code.length() - lastLine;
        out.append(" ".repeat(column >= width + 2 ? column - width : 2));
        out.append(l.trailing.stream().map(Comment::text).collect(Collectors.joining(" ")));
      }
      out.append('\n');
      previous = l.text;
    }
    for (Comment c : orphans) {
      if (out.length() > 0 && blankLineAbove(c.offset())) {
        out.append('\n');
      }
      out.append(c.text()).append('\n');
    }
    return out.toString().replaceAll("[ \\t]+\n", "\n");
  }
}
