package org.lawlang.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.lawlang.syntax.Stmt.*;

/**
 * Prints a whole {@link Program} (or one statement) back as law source, one statement a
 * line and blocks indented, such that parsing the text gives the same AST up to spans.
 * Expressions go through {@link ExprPrinter}. Used by the round-trip property test and the
 * parser fuzz target; also a formatter for tools.
 */
public final class ProgramPrinter {
  private ProgramPrinter() {}

  /** Words that continue the statement above when a line starts with them (see NewlineFilter). */
  private static final Set<String> CONTINUES = Set.of(
      "where", "with", "using", "on", "starts", "bootstrap", "seed", "level", "weights", "subject", "over",
      "cite", "doc", "unit", "fitted", "inputs", "to", "vs", "from", "by", "at", "and", "or");

  /** Soft keywords that, at the end of a line, make the statement go on (names may end a statement). */
  private static final Set<String> CONTINUES_AFTER = Set.of(
      "using", "starts", "bootstrap", "seed", "level", "weights", "over", "vs", "from", "by",
      "cite", "doc", "unit", "fitted", "inputs", "start", "at", "compare");

  public static String print(Program program) {
    return statements(program.statements(), "");
  }

  public static String print(Stmt s) {
    return stmt(s, "");
  }

  private static String statements(List<Stmt> list, String indent) {
    StringBuilder out = new StringBuilder();
    String previous = "";
    for (Stmt s : list) {
      String text = stmt(s, indent);
      if (out.length() > 0 && (continuesAbove(text.strip()) || continuesBelow(previous))) {
        // keep the newline from joining this statement to the one above
        out.setLength(out.length() - 1);
        out.append(";\n");
      }
      out.append(indent).append(text).append('\n');
      previous = text;
    }
    return out.toString();
  }

  private static boolean continuesBelow(String text) {
    int start = text.length();
    while (start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '_')) {
      start--;
    }
    return CONTINUES_AFTER.contains(text.substring(start));
  }

  private static boolean continuesAbove(String text) {
    int end = 0;
    while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
      end++;
    }
    return CONTINUES.contains(text.substring(0, end)) || text.startsWith("*") || text.startsWith("/")
        || text.startsWith("^") || text.startsWith("~") || text.startsWith("..");
  }

  private static String block(List<Stmt> body, String indent) {
    return body.isEmpty() ? "{ }" : "{\n" + statements(body, indent + "  ") + indent + "}";
  }

  private static String e(Expr x) {
    return ExprPrinter.print(x);
  }

  private static String item(Expr x) {
    return ExprPrinter.printItem(x);
  }

  private static String arith(Expr x) {
    return ExprPrinter.printArith(x);
  }

  private static String items(List<Expr> xs) {
    return xs.stream().map(ProgramPrinter::item).collect(Collectors.joining(", "));
  }

  private static String names(List<Expr.Ident> ids) {
    return ids.stream().map(Expr.Ident::name).collect(Collectors.joining(", "));
  }

  private static String stmt(Stmt s, String indent) {
    if (s instanceof Import i) {
      return "import " + (i.module() != null ? i.module().name() : ExprPrinter.quote(i.path()))
          + (i.alias() == null ? "" : " as " + i.alias().name());
    } else if (s instanceof Let l) {
      return "let " + l.name().name() + " = " + e(l.value());
    } else if (s instanceof LawDecl l) {
      return law(l);
    } else if (s instanceof Proc p) {
      return "proc " + p.name().name() + "(" + names(p.params()) + ") " + block(p.body(), indent);
    } else if (s instanceof Return r) {
      return r.value() == null ? "return" : "return " + e(r.value());
    } else if (s instanceof Data d) {
      return "data " + d.name().name() + " = " + source(d.source(), indent) + (d.filter() == null ? "" : " where " + e(d.filter()));
    } else if (s instanceof Print p) {
      return "print " + items(p.values());
    } else if (s instanceof For f) {
      return "for " + f.variable().name() + " in " + e(f.iterable()) + " " + block(f.body(), indent)
          + (f.csvPath() == null ? "" : " to " + ExprPrinter.quote(f.csvPath()));
    } else if (s instanceof Row r) {
      return "row " + r.items().stream().map(i -> (i.name() == null ? "" : i.name() + ": ") + item(i.value()))
          .collect(Collectors.joining(", "));
    } else if (s instanceof Plot p) {
      return plot(p);
    } else if (s instanceof Help h) {
      return h.topic() != null ? "help " + h.topic() : h.target() == null ? "help" : "help " + arith(h.target());
    } else if (s instanceof Compare c) {
      return "compare " + c.laws().stream().map(ProgramPrinter::arith).collect(Collectors.joining(", "))
          + " at (" + ExprPrinter.args(c.at()) + ")";
    }
    return e(((ExprStmt) s).expr());
  }

  private static String law(LawDecl l) {
    List<String> clauses = new ArrayList<>();
    if (!l.where().isEmpty()) {
      clauses.add("where " + l.where().stream().map(b -> b.name().name() + " = " + item(b.value())).collect(Collectors.joining(", ")));
    }
    if (!l.with().isEmpty()) {
      clauses.add("with " + l.with().stream().map(ProgramPrinter::paramSpec).collect(Collectors.joining(", ")));
    }
    LawMetaAst m = l.meta();
    if (m.cite() != null) {
      clauses.add("cite " + ExprPrinter.quote(m.cite()));
    }
    if (m.doc() != null) {
      clauses.add("doc " + ExprPrinter.quote(m.doc()));
    }
    if (m.unit() != null) {
      clauses.add("unit " + ExprPrinter.quote(m.unit()));
    }
    if (!m.fitted().isEmpty()) {
      clauses.add("fitted " + m.fitted().stream().map(r -> r.name().name() + " in " + ExprPrinter.interval(r.interval()))
          .collect(Collectors.joining(", ")));
    }
    if (!m.inputs().isEmpty()) {
      clauses.add("inputs " + m.inputs().stream().map(d -> d.name().name() + " = " + ExprPrinter.quote(d.text()))
          .collect(Collectors.joining(", ")));
    }
    String head = "law " + l.name().name() + "(" + names(l.inputs()) + ") = " + arith(l.body());
    return clauses.isEmpty() ? head : head + "\n    " + String.join("\n    ", clauses);
  }

  private static String paramSpec(ParamSpec p) {
    StringBuilder out = new StringBuilder(p.name().name());
    if (p.relation() != null) {
      out.append(' ').append(p.relation().symbol).append(' ').append(arith(p.bound()));
    } else if (p.interval() != null) {
      out.append(" in ").append(ExprPrinter.interval(p.interval()));
    }
    if (p.start() != null) {
      out.append(" start ").append(arith(p.start()));
    }
    return out.toString();
  }

  private static String source(DataSource src, String indent) {
    if (src instanceof CsvSource c) {
      String cols = c.columns().stream().map(d -> d.name().name() + " = " + (d.kind() == null ? "" : d.kind() + " ") + item(d.value())).collect(Collectors.joining(", "));
      return "csv " + ExprPrinter.quote(c.path()) + (c.columns().isEmpty() ? "" : " { " + cols + " }");
    }
    if (src instanceof TableSource t) {
      StringBuilder out = new StringBuilder("table (" + names(t.columns()) + ") {\n");
      for (TableRow r : t.rows()) {
        out.append(indent).append("  ");
        for (int i = 0; i < r.values().length; i++) {
          double v = r.values()[i];
          boolean negative = v < 0 || (v == 0 && 1 / v < 0);
          out.append(i == 0 ? "" : " ").append(negative ? "-" : "").append(NumberFormat.literal(Math.abs(v)));
        }
        out.append('\n');
      }
      return out.append(indent).append('}').toString();
    }
    return arith(((DerivedSource) src).source());
  }

  private static String plot(Plot p) {
    StringBuilder out = new StringBuilder("plot ");
    for (int i = 0; i < p.series().size(); i++) {
      PlotSeries s = p.series().get(i);
      out.append(i == 0 ? "" : ", ").append(arith(s.y()));
      if (s.x() != null) {
        out.append(" vs ").append(s.x().name());
      }
      if (s.source() != null) {
        out.append(" from ").append(arith(s.source()));
      }
      if (s.variable() != null) {
        out.append(" for ").append(s.variable().name()).append(" in ").append(arith(s.values()));
      }
      if (s.over() != null) {
        out.append(" over ").append(ExprPrinter.interval(s.over()));
      }
      if (s.label() != null) {
        out.append(' ').append(ExprPrinter.quote(s.label()));
      }
    }
    for (PlotOption o : p.options()) {
      if (o.name().equals("to")) {
        out.append(" to ").append(ExprPrinter.quote(o.text()));
      } else {
        out.append(' ').append(o.name()).append(o.text() == null ? "" : " " + ExprPrinter.quote(o.text()));
      }
    }
    return out.toString();
  }
}
