package org.lawlang.syntax;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.lawlang.diag.Source;
import org.lawlang.diag.Span;
import org.lawlang.syntax.Expr.*;
import org.lawlang.syntax.Stmt.*;

/**
 * jqwik generators of ASTs in the forms the parser builds (numbers are non-negative, a
 * negative number is a unary minus; names are not keywords), for the round-trip properties.
 * Built bottom-up by depth, so that each level is one arbitrary.
 */
final class AstArbitraries {
  private AstArbitraries() {}

  static final Span AT = new Span(new Source("gen", ""), 0, 0);
  static final List<String> NAMES = List.of("x", "y", "N", "D", "alpha", "α", "β_2", "_t", "L", "runs", "E", "loss2");

  static Arbitrary<String> names() {
    return Arbitraries.of(NAMES);
  }

  static Arbitrary<Ident> idents() {
    return names().map(n -> new Ident(AT, n));
  }

  static Arbitrary<Double> numbers() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(0, 1000).map(Integer::doubleValue),
        Arbitraries.doubles().between(0, 1e6),
        Arbitraries.doubles().between(0, Double.MAX_VALUE),
        Arbitraries.longs().map(bits -> Math.abs(Double.longBitsToDouble(bits))).filter(Double::isFinite),
        Arbitraries.of(0.5, 1e-3, 7e10, 1.4e12, 5.76e23, 4.9e-324, Double.MAX_VALUE, 1e15, 123456789012345678.0));
  }

  static Arbitrary<String> strings() {
    return Arbitraries.strings().withChars("ab #\"\\\n\tα1.,").ofMaxLength(8);
  }

  static Arbitrary<Expr> atoms() {
    return Arbitraries.oneOf(
        numbers().map(v -> (Expr) new Num(AT, v)),
        strings().map(s -> (Expr) new Str(AT, s)),
        Arbitraries.of(true, false).map(b -> (Expr) new Bool(AT, b)),
        names().map(n -> (Expr) new Name(AT, n)));
  }

  /** Expressions of at most {@code depth} levels. */
  static Arbitrary<Expr> exprs(int depth) {
    Arbitrary<Expr> level = atoms();
    for (int d = 1; d <= depth; d++) {
      level = deeper(level);
    }
    return level;
  }

  private static Arbitrary<Expr> deeper(Arbitrary<Expr> sub) {
    Arbitrary<List<Expr>> few = sub.list().ofMaxSize(2);
    Arbitrary<Interval> interval = Combinators.combine(sub, sub).as((a, b) -> new Interval(AT, a, b));
    Arbitrary<Arg> arg = Combinators.combine(names().injectNull(0.6), sub).as((n, v) -> new Arg(AT, n, v));
    Arbitrary<FitOption> option = Arbitraries.of(FitOptionKind.values()).flatMap(k -> {
      if (k == FitOptionKind.ON) {
        return names().map(w -> new FitOption(AT, k, List.of(), w));
      }
      if (k == FitOptionKind.STARTS) {
        return sub.list().ofMinSize(1).ofMaxSize(2).map(vs -> new FitOption(AT, k, vs, null));
      }
      if (k == FitOptionKind.BY) {
        return names().map(w -> new FitOption(AT, k, List.of(new Name(AT, w)), w));
      }
      if (k == FitOptionKind.SHARED) {
        return names().list().ofMinSize(1).ofMaxSize(2).map(ws -> new FitOption(AT, k, ws.stream().map(w -> (Expr) new Name(AT, w)).toList(), null));
      }
      return sub.map(v -> new FitOption(AT, k, List.of(v), null));
    });
    Arbitrary<OverVar> over = Combinators.combine(idents(), interval.injectNull(0.6)).as((n, i) -> new OverVar(AT, n, i));
    Arbitrary<Constraint> constraint = Combinators.combine(names().injectNull(0.5), sub, Arbitraries.of(Relation.values()), sub)
        .as((n, l, r, h) -> new Constraint(AT, n, l, r, h));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, sub),
        net.jqwik.api.Tuple.of(3, Combinators.combine(Arbitraries.of(UnaryOp.values()), sub).as((op, e) -> (Expr) new Unary(AT, op, e))),
        net.jqwik.api.Tuple.of(6, Combinators.combine(Arbitraries.of(BinaryOp.values()), sub, sub).as((op, l, r) -> (Expr) new Binary(AT, op, l, r))),
        net.jqwik.api.Tuple.of(2, Combinators.combine(sub, arg.list().ofMaxSize(2)).as((c, a) -> (Expr) new Call(AT, c, a))),
        net.jqwik.api.Tuple.of(1, Combinators.combine(sub, names()).as((t, f) -> (Expr) new Field(AT, t, f))),
        net.jqwik.api.Tuple.of(1, Combinators.combine(sub, sub).as((t, i) -> (Expr) new Index(AT, t, i))),
        net.jqwik.api.Tuple.of(1, few.map(items -> (Expr) new ListLit(AT, items))),
        net.jqwik.api.Tuple.of(1, Combinators.combine(sub, sub, sub.injectNull(0.5)).as((a, b, s) -> (Expr) new Range(AT, a, b, s))),
        net.jqwik.api.Tuple.of(1, Combinators.combine(sub, sub, sub, option.list().ofMaxSize(2))
            .as((t, m, d, o) -> (Expr) new Fit(AT, t, m, d, o))),
        net.jqwik.api.Tuple.of(1, Combinators.combine(Arbitraries.of(true, false), sub, over.list().ofMaxSize(2), constraint.list().ofMaxSize(2))
            .as((max, obj, ov, cs) -> (Expr) new Optimize(AT, max, obj, ov, cs))),
        net.jqwik.api.Tuple.of(1, Combinators.combine(Arbitraries.of(true, false), sub, sub, idents(), interval.injectNull(0.5))
            .as((all, l, r, v, i) -> (Expr) new Solve(AT, all, l, r, v, i))),
        net.jqwik.api.Tuple.of(1, Combinators.combine(sub, idents()).as((v, k) -> (Expr) new By(AT, v, k))));
  }

  // ---- statements ---------------------------------------------------------------------

  static Arbitrary<Stmt> stmts(int depth) {
    Arbitrary<Expr> e = exprs(1);
    Arbitrary<Interval> interval = Combinators.combine(e, e).as((a, b) -> new Interval(AT, a, b));
    Arbitrary<String> text = strings();
    Arbitrary<Stmt> simple = Arbitraries.oneOf(
        Combinators.combine(idents().injectNull(0.5), text, idents().injectNull(0.5))
            .as((m, p, a) -> (Stmt) new Import(AT, m, m == null ? p : null, a)),
        Combinators.combine(idents(), e).as((n, v) -> (Stmt) new Let(AT, n, v)),
        law(e, interval),
        e.injectNull(0.3).map(v -> (Stmt) new Return(AT, v)),
        data(e),
        e.list().ofMinSize(1).ofMaxSize(3).map(vs -> (Stmt) new Print(AT, vs)),
        Combinators.combine(names().injectNull(0.5), e).as((n, v) -> new RowItem(AT, n, v)).list().ofMinSize(1).ofMaxSize(3)
            .map(items -> (Stmt) new Row(AT, items)),
        plot(e, interval),
        e.injectNull(0.5).map(t -> (Stmt) new Help(AT, t, null)),
        Combinators.combine(e.list().ofMinSize(1).ofMaxSize(2),
                Combinators.combine(names().injectNull(0.3), e).as((n, v) -> new Arg(AT, n, v)).list().ofMaxSize(2))
            .as((ls, at) -> (Stmt) new Compare(AT, ls, at)),
        e.map(x -> (Stmt) new ExprStmt(AT, x)));
    if (depth <= 0) {
      return simple;
    }
    Arbitrary<List<Stmt>> body = stmts(depth - 1).list().ofMaxSize(3);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, simple),
        net.jqwik.api.Tuple.of(1, Combinators.combine(idents(), idents().list().ofMaxSize(2), body)
            .as((n, ps, b) -> (Stmt) new Proc(AT, n, ps, b))),
        net.jqwik.api.Tuple.of(1, Combinators.combine(idents(), e, body, text.injectNull(0.7))
            .as((v, it, b, p) -> (Stmt) new For(AT, v, it, b, p))));
  }

  private static Arbitrary<Stmt> law(Arbitrary<Expr> e, Arbitrary<Interval> interval) {
    Arbitrary<Binding> binding = Combinators.combine(idents(), e).as((n, v) -> new Binding(AT, n, v));
    Arbitrary<ParamSpec> spec = Combinators.combine(idents(), Arbitraries.of(Relation.GT, Relation.GE, Relation.LT, Relation.LE), e,
            interval, Arbitraries.integers().between(0, 2), e.injectNull(0.5))
        .as((n, rel, bound, iv, kind, start) -> new ParamSpec(AT, n, kind == 0 ? rel : null, kind == 0 ? bound : null,
            kind == 1 ? iv : null, start));
    Arbitrary<LawMetaAst> meta = Combinators.combine(strings().injectNull(0.6), strings().injectNull(0.6), strings().injectNull(0.6),
            Combinators.combine(idents(), interval).as((n, i) -> new RangeSpec(AT, n, i)).list().ofMaxSize(2),
            Combinators.combine(idents(), strings()).as((n, t) -> new InputDoc(AT, n, t)).list().ofMaxSize(2))
        .as(LawMetaAst::new);
    return Combinators.combine(idents(), idents().list().ofMaxSize(3), e, binding.list().ofMaxSize(3), spec.list().ofMaxSize(2), meta)
        .as((n, ins, body, where, with, m) -> (Stmt) new LawDecl(AT, n, ins, body, where, with, m));
  }

  private static Arbitrary<Stmt> data(Arbitrary<Expr> e) {
    Arbitrary<DataSource> csv = Combinators.combine(strings(),
            Combinators.combine(idents(), Arbitraries.oneOf(strings().map(s -> (Expr) new Str(AT, s)), e))
                .as((n, v) -> new ColumnDef(AT, n, v instanceof Str && n.name().length() % 3 == 0 ? "text" : null, v)).list().ofMaxSize(3))
        .as((p, cols) -> (DataSource) new CsvSource(AT, p, cols));
    Arbitrary<double[]> row = Arbitraries.oneOf(numbers(), numbers().map(x -> -x)).list().ofMinSize(1).ofMaxSize(3)
        .map(xs -> xs.stream().mapToDouble(Double::doubleValue).toArray());
    Arbitrary<DataSource> table = Combinators.combine(idents().list().ofMinSize(1).ofMaxSize(3), row.list().ofMaxSize(3))
        .as((cols, rows) -> {
          List<TableRow> out = new ArrayList<>();
          rows.forEach(r -> out.add(new TableRow(AT, r)));
          return (DataSource) new TableSource(AT, cols, out);
        });
    Arbitrary<DataSource> derived = e.map(x -> (DataSource) new DerivedSource(AT, x));
    return Combinators.combine(idents(), Arbitraries.oneOf(csv, table, derived), e.injectNull(0.6))
        .as((n, src, filter) -> (Stmt) new Data(AT, n, src, filter));
  }

  private static Arbitrary<Stmt> plot(Arbitrary<Expr> e, Arbitrary<Interval> interval) {
    Arbitrary<PlotSeries> series = Combinators.combine(e, idents().injectNull(0.5), e.injectNull(0.6),
            Combinators.combine(idents(), e).as((v, vals) -> new Object[] {v, vals}).injectNull(0.6), interval.injectNull(0.7),
            strings().injectNull(0.7))
        .as((y, x, src, loop, over, label) -> new PlotSeries(AT, y, x, src, loop == null ? null : (Ident) loop[0],
            loop == null ? null : (Expr) loop[1], over, label));
    Arbitrary<PlotOption> option = Arbitraries.oneOf(
        strings().map(p -> new PlotOption(AT, "to", p)),
        Combinators.combine(Arbitraries.of("loglog", "title", "logx", "xlabel"), strings().injectNull(0.5))
            .as((n, t) -> new PlotOption(AT, n, t)));
    return Combinators.combine(series.list().ofMinSize(1).ofMaxSize(2), option.list().ofMaxSize(2))
        .as((s, o) -> (Stmt) new Plot(AT, s, o));
  }
}
