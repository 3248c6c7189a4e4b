package org.lawlang.syntax;

import java.util.List;
import org.lawlang.diag.Span;
import org.lawlang.syntax.Expr.Arg;
import org.lawlang.syntax.Expr.Ident;
import org.lawlang.syntax.Expr.Interval;
import org.lawlang.syntax.Expr.Relation;

/** Statement nodes of the AST: immutable records, each with its source span. */
public sealed interface Stmt {
  /** The name a statement declares (let, law, data, proc), or null for one that declares none. */
  static String declaredName(Stmt s) {
    if (s instanceof Let l) {
      return l.name().name();
    } else if (s instanceof LawDecl l) {
      return l.name().name();
    } else if (s instanceof Data d) {
      return d.name().name();
    } else if (s instanceof Proc p) {
      return p.name().name();
    }
    return null;
  }

  Span span();

  record Import(Span span, Ident module, String path, Ident alias) implements Stmt {}

  record Let(Span span, Ident name, Expr value) implements Stmt {}

  record LawDecl(Span span, Ident name, List<Ident> inputs, Expr body, List<Binding> where, List<ParamSpec> with, LawMetaAst meta) implements Stmt {}

  record Proc(Span span, Ident name, List<Ident> params, List<Stmt> body) implements Stmt {}

  record Return(Span span, Expr value) implements Stmt {}

  record Data(Span span, Ident name, DataSource source, Expr filter) implements Stmt {}

  record Print(Span span, List<Expr> values) implements Stmt {}

  record For(Span span, Ident variable, Expr iterable, List<Stmt> body, String csvPath) implements Stmt {}

  record Row(Span span, List<RowItem> items) implements Stmt {}

  record Plot(Span span, List<PlotSeries> series, List<PlotOption> options) implements Stmt {}

  /** `help`, `help NAME` (target) or `help minimize` (topic: a statement word). */
  record Help(Span span, Expr target, String topic) implements Stmt {}

  record Compare(Span span, List<Expr> laws, List<Arg> at) implements Stmt {}

  record ExprStmt(Span span, Expr expr) implements Stmt {}

  /** `name = value` in a `where` clause. */
  record Binding(Span span, Ident name, Expr value) {}

  /** A free parameter of a law with optional bound (`A > 0`), interval and start value. */
  record ParamSpec(Span span, Ident name, Relation relation, Expr bound, Interval interval, Expr start) {}

  /** Metadata clauses of a law: citation, documentation, unit, fitted ranges, input meanings. */
  record LawMetaAst(String cite, String doc, String unit, List<RangeSpec> fitted, List<InputDoc> inputs) {
    public static final LawMetaAst EMPTY = new LawMetaAst(null, null, null, List.of(), List.of());
  }

  /** `N in [7e7, 1.6e10]` in a `fitted` clause. */
  record RangeSpec(Span span, Ident name, Interval interval) {}

  /** `N = "non-embedding parameters"` in an `inputs` clause. */
  record InputDoc(Span span, Ident name, String text) {}

  /** Where a dataset's rows come from. */
  sealed interface DataSource {
    Span span();
  }

  record CsvSource(Span span, String path, List<ColumnDef> columns) implements DataSource {}

  record TableSource(Span span, List<Ident> columns, List<TableRow> rows) implements DataSource {}

  record DerivedSource(Span span, Expr source) implements DataSource {}

  /** `name = "Header"` maps a CSV column; `name = expr` derives one from others. */
  /** A column of a CSV: {@code kind} (number, text, bool) when the script names one, else null. */
  record ColumnDef(Span span, Ident name, String kind, Expr value) {}

  record TableRow(Span span, double[] values) {}

  /** One value of a `row`, optionally named: `row C, tokens: o.D`. */
  record RowItem(Span span, String name, Expr value) {}

  /** One series of a plot: `loss vs N from runs`, `f(N, D) for D in [1B, 10B]`, `L(N) over [1e8, 1e12]`. */
  record PlotSeries(Span span, Expr y, Ident x, Expr source, Ident variable, Expr values, Interval over, String label) {}

  /** A plot option: `to "file.svg"`, `loglog`, `title "..."`; a number or size as its source text (`dpi 300`, `size 6x4 in`). */
  record PlotOption(Span span, String name, String text) {}
}
