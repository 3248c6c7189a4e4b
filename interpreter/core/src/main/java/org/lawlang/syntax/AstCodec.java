package org.lawlang.syntax;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.lawlang.diag.Source;
import org.lawlang.diag.Span;
import org.lawlang.syntax.Expr.Arg;
import org.lawlang.syntax.Expr.BinaryOp;
import org.lawlang.syntax.Expr.Constraint;
import org.lawlang.syntax.Expr.FitOption;
import org.lawlang.syntax.Expr.FitOptionKind;
import org.lawlang.syntax.Expr.Ident;
import org.lawlang.syntax.Expr.Interval;
import org.lawlang.syntax.Expr.OverVar;
import org.lawlang.syntax.Expr.Relation;
import org.lawlang.syntax.Expr.UnaryOp;
import org.lawlang.syntax.Stmt.Binding;
import org.lawlang.syntax.Stmt.ColumnDef;
import org.lawlang.syntax.Stmt.CsvSource;
import org.lawlang.syntax.Stmt.DataSource;
import org.lawlang.syntax.Stmt.DerivedSource;
import org.lawlang.syntax.Stmt.InputDoc;
import org.lawlang.syntax.Stmt.LawMetaAst;
import org.lawlang.syntax.Stmt.ParamSpec;
import org.lawlang.syntax.Stmt.PlotOption;
import org.lawlang.syntax.Stmt.PlotSeries;
import org.lawlang.syntax.Stmt.RangeSpec;
import org.lawlang.syntax.Stmt.RowItem;
import org.lawlang.syntax.Stmt.TableRow;
import org.lawlang.syntax.Stmt.TableSource;

/**
 * A compact binary form of a parsed program's statements, for the {@link ParseCache}. Spans
 * are stored as offsets and re-attached to the {@link Source} they are read back against, so
 * an entry carries no file name. Written and read by hand, node by node, because a cache hit
 * must cost far less than the cold ANTLR parse it replaces; reflection or Java serialisation
 * would spend that saving on their own start-up.
 *
 * <p>Any change to the AST records or to how {@link AstBuilder} builds them must bump
 * {@link #FORMAT}, so that entries written by an older law are parsed afresh.
 */
public final class AstCodec {
  /** The layout version; part of every cache entry's header. */
  public static final int FORMAT = 3;

  private AstCodec() {}

  /** Thrown when a program holds something the codec cannot store (it is then simply not cached). */
  static final class Unsupported extends RuntimeException {
    Unsupported(String what) {
      super(what, null, false, false);
    }
  }

  /** Encodes a program's statements; spans must belong to its source (or be {@link Span#NOWHERE}). */
  public static byte[] encode(Program program) {
    Writer w = new Writer(program.source());
    w.stmts(program.statements());
    return w.bytes();
  }

  /** Decodes statements written by {@link #encode}, attaching their spans to {@code source}. */
  public static Program decode(byte[] data, int offset, int length, Source source) {
    Reader r = new Reader(data, offset, length, source);
    List<Stmt> statements = r.stmts();
    if (r.pos != offset + length) {
      throw new IllegalStateException("trailing bytes in a parse-cache entry");
    }
    return new Program(source, statements);
  }

  // ---- writing ---------------------------------------------------------------------------

  private static final class Writer {
    private final Source source;
    private byte[] buf = new byte[4096];
    private int n;

    Writer(Source source) {
      this.source = source;
    }

    byte[] bytes() {
      return java.util.Arrays.copyOf(buf, n);
    }

    private void room(int k) {
      if (n + k > buf.length) {
        buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, n + k));
      }
    }

    void u8(int v) {
      room(1);
      buf[n++] = (byte) v;
    }

    /** Non-negative ints as base-128 varints: offsets and counts are small. */
    void uint(int v) {
      if (v < 0) {
        throw new Unsupported("negative count");
      }
      room(5);
      while ((v & ~0x7f) != 0) {
        buf[n++] = (byte) ((v & 0x7f) | 0x80);
        v >>>= 7;
      }
      buf[n++] = (byte) v;
    }

    void f64(double d) {
      long bits = Double.doubleToRawLongBits(d);
      room(8);
      for (int i = 0; i < 8; i++) {
        buf[n++] = (byte) (bits >>> (8 * i));
      }
    }

    void bool(boolean b) {
      u8(b ? 1 : 0);
    }

    /** A nullable string: 0 for null, else length + 1 and the UTF-16 units. */
    void str(String s) {
      if (s == null) {
        uint(0);
        return;
      }
      uint(s.length() + 1);
      room(3 * s.length());
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c < 0x80) {
          buf[n++] = (byte) c;
        } else {
          // any other UTF-16 unit (surrogates included) as a marker and its two bytes: rare in scripts
          buf[n++] = (byte) 0x80;
          buf[n++] = (byte) (c >>> 8);
          buf[n++] = (byte) c;
        }
      }
    }

    void span(Span s) {
      if (s == null) {
        u8(0);
      } else if (s == Span.NOWHERE) {
        u8(1);
      } else if (s.source() == source) {
        u8(2);
        uint(s.start());
        uint(s.end() - s.start());
      } else {
        throw new Unsupported("a span from another source");
      }
    }

    void ident(Ident id) {
      if (id == null) {
        u8(0);
        return;
      }
      u8(1);
      span(id.span());
      str(id.name());
    }

    void idents(List<Ident> ids) {
      uint(ids.size());
      for (Ident id : ids) {
        ident(id);
      }
    }

    void interval(Interval iv) {
      if (iv == null) {
        u8(0);
        return;
      }
      u8(1);
      span(iv.span());
      expr(iv.lo());
      expr(iv.hi());
    }

    void exprs(List<Expr> es) {
      uint(es.size());
      for (Expr e : es) {
        expr(e);
      }
    }

    void args(List<Arg> as) {
      uint(as.size());
      for (Arg a : as) {
        span(a.span());
        str(a.name());
        expr(a.value());
      }
    }

    void relation(Relation r) {
      u8(r == null ? 0 : r.ordinal() + 1);
    }

    void expr(Expr e) {
      if (e == null) {
        u8(0);
      } else if (e instanceof Expr.Num x) {
        u8(1);
        span(x.span());
        f64(x.value());
      } else if (e instanceof Expr.Str x) {
        u8(2);
        span(x.span());
        str(x.value());
      } else if (e instanceof Expr.Bool x) {
        u8(3);
        span(x.span());
        bool(x.value());
      } else if (e instanceof Expr.Name x) {
        u8(4);
        span(x.span());
        str(x.name());
      } else if (e instanceof Expr.Unary x) {
        u8(5);
        span(x.span());
        u8(x.op().ordinal());
        expr(x.operand());
      } else if (e instanceof Expr.Binary x) {
        u8(6);
        span(x.span());
        u8(x.op().ordinal());
        expr(x.lhs());
        expr(x.rhs());
      } else if (e instanceof Expr.Call x) {
        u8(7);
        span(x.span());
        expr(x.callee());
        args(x.args());
      } else if (e instanceof Expr.Field x) {
        u8(8);
        span(x.span());
        expr(x.target());
        str(x.field());
      } else if (e instanceof Expr.Index x) {
        u8(9);
        span(x.span());
        expr(x.target());
        expr(x.index());
      } else if (e instanceof Expr.ListLit x) {
        u8(10);
        span(x.span());
        exprs(x.items());
      } else if (e instanceof Expr.Range x) {
        u8(11);
        span(x.span());
        expr(x.lo());
        expr(x.hi());
        expr(x.step());
      } else if (e instanceof Expr.Fit x) {
        u8(12);
        span(x.span());
        expr(x.target());
        expr(x.model());
        expr(x.data());
        uint(x.options().size());
        for (FitOption o : x.options()) {
          span(o.span());
          u8(o.kind().ordinal());
          exprs(o.values());
          str(o.word());
        }
      } else if (e instanceof Expr.Optimize x) {
        u8(13);
        span(x.span());
        bool(x.maximize());
        expr(x.objective());
        uint(x.over().size());
        for (OverVar v : x.over()) {
          span(v.span());
          ident(v.name());
          interval(v.range());
        }
        uint(x.constraints().size());
        for (Constraint c : x.constraints()) {
          span(c.span());
          str(c.name());
          expr(c.lhs());
          relation(c.relation());
          expr(c.rhs());
        }
      } else if (e instanceof Expr.Solve x) {
        u8(x.all() ? 15 : 14); // `roots` got its own tag, so entries written before it stay valid
        span(x.span());
        expr(x.lhs());
        expr(x.rhs());
        ident(x.variable());
        interval(x.range());
      } else if (e instanceof Expr.By x) {
        u8(16);
        span(x.span());
        expr(x.value());
        ident(x.key());
      } else {
        throw new Unsupported(e.getClass().getSimpleName());
      }
    }

    void stmts(List<Stmt> ss) {
      uint(ss.size());
      for (Stmt s : ss) {
        stmt(s);
      }
    }

    void stmt(Stmt s) {
      if (s instanceof Stmt.Import x) {
        u8(1);
        span(x.span());
        ident(x.module());
        str(x.path());
        ident(x.alias());
      } else if (s instanceof Stmt.Let x) {
        u8(2);
        span(x.span());
        ident(x.name());
        expr(x.value());
      } else if (s instanceof Stmt.LawDecl x) {
        u8(3);
        span(x.span());
        ident(x.name());
        idents(x.inputs());
        expr(x.body());
        uint(x.where().size());
        for (Binding b : x.where()) {
          span(b.span());
          ident(b.name());
          expr(b.value());
        }
        uint(x.with().size());
        for (ParamSpec p : x.with()) {
          span(p.span());
          ident(p.name());
          relation(p.relation());
          expr(p.bound());
          interval(p.interval());
          expr(p.start());
        }
        meta(x.meta());
      } else if (s instanceof Stmt.Proc x) {
        u8(4);
        span(x.span());
        ident(x.name());
        idents(x.params());
        stmts(x.body());
      } else if (s instanceof Stmt.Return x) {
        u8(5);
        span(x.span());
        expr(x.value());
      } else if (s instanceof Stmt.Data x) {
        u8(6);
        span(x.span());
        ident(x.name());
        dataSource(x.source());
        expr(x.filter());
      } else if (s instanceof Stmt.Print x) {
        u8(7);
        span(x.span());
        exprs(x.values());
      } else if (s instanceof Stmt.For x) {
        u8(8);
        span(x.span());
        ident(x.variable());
        expr(x.iterable());
        stmts(x.body());
        str(x.csvPath());
      } else if (s instanceof Stmt.Row x) {
        u8(9);
        span(x.span());
        uint(x.items().size());
        for (RowItem r : x.items()) {
          span(r.span());
          str(r.name());
          expr(r.value());
        }
      } else if (s instanceof Stmt.Plot x) {
        u8(10);
        span(x.span());
        uint(x.series().size());
        for (PlotSeries p : x.series()) {
          span(p.span());
          expr(p.y());
          ident(p.x());
          expr(p.source());
          ident(p.variable());
          expr(p.values());
          interval(p.over());
          str(p.label());
        }
        uint(x.options().size());
        for (PlotOption o : x.options()) {
          span(o.span());
          str(o.name());
          str(o.text());
        }
      } else if (s instanceof Stmt.Help x) {
        u8(11);
        span(x.span());
        expr(x.target());
        str(x.topic());
      } else if (s instanceof Stmt.Compare x) {
        u8(12);
        span(x.span());
        exprs(x.laws());
        args(x.at());
      } else if (s instanceof Stmt.ExprStmt x) {
        u8(13);
        span(x.span());
        expr(x.expr());
      } else {
        throw new Unsupported(s == null ? "null statement" : s.getClass().getSimpleName());
      }
    }

    void meta(LawMetaAst m) {
      if (m == null) {
        u8(0);
        return;
      }
      u8(m == LawMetaAst.EMPTY ? 1 : 2);
      if (m == LawMetaAst.EMPTY) {
        return;
      }
      str(m.cite());
      str(m.doc());
      str(m.unit());
      uint(m.fitted().size());
      for (RangeSpec r : m.fitted()) {
        span(r.span());
        ident(r.name());
        interval(r.interval());
      }
      uint(m.inputs().size());
      for (InputDoc d : m.inputs()) {
        span(d.span());
        ident(d.name());
        str(d.text());
      }
    }

    void dataSource(DataSource d) {
      if (d == null) {
        u8(0);
      } else if (d instanceof CsvSource c) {
        u8(1);
        span(c.span());
        str(c.path());
        if (c.columns() == null) {
          u8(0);
        } else {
          u8(1);
          uint(c.columns().size());
          for (ColumnDef col : c.columns()) {
            span(col.span());
            ident(col.name());
            str(col.kind());
            expr(col.value());
          }
        }
      } else if (d instanceof TableSource t) {
        u8(2);
        span(t.span());
        idents(t.columns());
        uint(t.rows().size());
        for (TableRow row : t.rows()) {
          span(row.span());
          uint(row.values().length);
          for (double v : row.values()) {
            f64(v);
          }
        }
      } else if (d instanceof DerivedSource x) {
        u8(3);
        span(x.span());
        expr(x.source());
      } else {
        throw new Unsupported(d.getClass().getSimpleName());
      }
    }
  }

  // ---- reading ---------------------------------------------------------------------------

  private static final class Reader {
    private final byte[] buf;
    private final int end;
    private final Source source;
    int pos;

    Reader(byte[] buf, int offset, int length, Source source) {
      this.buf = buf;
      this.pos = offset;
      this.end = offset + length;
      this.source = source;
    }

    int u8() {
      if (pos >= end) {
        throw new IllegalStateException("truncated parse-cache entry");
      }
      return buf[pos++] & 0xff;
    }

    int uint() {
      int v = 0;
      for (int shift = 0; shift < 35; shift += 7) {
        int b = u8();
        v |= (b & 0x7f) << shift;
        if ((b & 0x80) == 0) {
          return v;
        }
      }
      throw new IllegalStateException("bad number in a parse-cache entry");
    }

    double f64() {
      long bits = 0;
      for (int i = 0; i < 8; i++) {
        bits |= (long) u8() << (8 * i);
      }
      return Double.longBitsToDouble(bits);
    }

    boolean bool() {
      return u8() != 0;
    }

    String str() {
      int len = uint() - 1;
      if (len < 0) {
        return null;
      }
      char[] cs = new char[len];
      for (int i = 0; i < len; i++) {
        int b = u8();
        if (b < 0x80) {
          cs[i] = (char) b;
        } else if (b == 0x80) {
          cs[i] = (char) ((u8() << 8) | u8());
        } else {
          throw new IllegalStateException("bad character in a parse-cache entry");
        }
      }
      return new String(cs);
    }

    Span span() {
      switch (u8()) {
        case 0:
          return null;
        case 1:
          return Span.NOWHERE;
        case 2:
          int start = uint();
          int length = uint();
          if (start + length > source.text().length()) {
            throw new IllegalStateException("a span past the end of its source");
          }
          return new Span(source, start, start + length);
        default:
          throw new IllegalStateException("bad span tag");
      }
    }

    private boolean present() {
      int tag = u8();
      if (tag > 1) {
        throw new IllegalStateException("bad presence tag");
      }
      return tag == 1;
    }

    Ident ident() {
      return present() ? new Ident(span(), str()) : null;
    }

    List<Ident> idents() {
      int k = uint();
      List<Ident> out = new ArrayList<>(k);
      for (int i = 0; i < k; i++) {
        out.add(ident());
      }
      return Collections.unmodifiableList(out);
    }

    Interval interval() {
      return present() ? new Interval(span(), expr(), expr()) : null;
    }

    List<Expr> exprs() {
      int k = uint();
      List<Expr> out = new ArrayList<>(k);
      for (int i = 0; i < k; i++) {
        out.add(expr());
      }
      return Collections.unmodifiableList(out);
    }

    List<Arg> args() {
      int k = uint();
      List<Arg> out = new ArrayList<>(k);
      for (int i = 0; i < k; i++) {
        out.add(new Arg(span(), str(), expr()));
      }
      return Collections.unmodifiableList(out);
    }

    Relation relation() {
      int r = u8();
      return r == 0 ? null : Relation.values()[r - 1];
    }

    Expr expr() {
      int tag = u8();
      switch (tag) {
        case 0:
          return null;
        case 1:
          return new Expr.Num(span(), f64());
        case 2:
          return new Expr.Str(span(), str());
        case 3:
          return new Expr.Bool(span(), bool());
        case 4:
          return new Expr.Name(span(), str());
        case 5:
          return new Expr.Unary(span(), UnaryOp.values()[u8()], expr());
        case 6:
          return new Expr.Binary(span(), BinaryOp.values()[u8()], expr(), expr());
        case 7:
          return new Expr.Call(span(), expr(), args());
        case 8:
          return new Expr.Field(span(), expr(), str());
        case 9:
          return new Expr.Index(span(), expr(), expr());
        case 10:
          return new Expr.ListLit(span(), exprs());
        case 11:
          return new Expr.Range(span(), expr(), expr(), expr());
        case 12: {
          Span s = span();
          Expr target = expr();
          Expr model = expr();
          Expr data = expr();
          int k = uint();
          List<FitOption> options = new ArrayList<>(k);
          for (int i = 0; i < k; i++) {
            options.add(new FitOption(span(), FitOptionKind.values()[u8()], exprs(), str()));
          }
          return new Expr.Fit(s, target, model, data, Collections.unmodifiableList(options));
        }
        case 13: {
          Span s = span();
          boolean maximize = bool();
          Expr objective = expr();
          int k = uint();
          List<OverVar> over = new ArrayList<>(k);
          for (int i = 0; i < k; i++) {
            over.add(new OverVar(span(), ident(), interval()));
          }
          int m = uint();
          List<Constraint> constraints = new ArrayList<>(m);
          for (int i = 0; i < m; i++) {
            constraints.add(new Constraint(span(), str(), expr(), relation(), expr()));
          }
          return new Expr.Optimize(s, maximize, objective, Collections.unmodifiableList(over),
              Collections.unmodifiableList(constraints));
        }
        case 14:
        case 15:
          return new Expr.Solve(span(), tag == 15, expr(), expr(), ident(), interval());
        case 16:
          return new Expr.By(span(), expr(), ident());
        default:
          throw new IllegalStateException("bad expression tag " + tag);
      }
    }

    List<Stmt> stmts() {
      int k = uint();
      List<Stmt> out = new ArrayList<>(k);
      for (int i = 0; i < k; i++) {
        out.add(stmt());
      }
      return Collections.unmodifiableList(out);
    }

    Stmt stmt() {
      int tag = u8();
      switch (tag) {
        case 1:
          return new Stmt.Import(span(), ident(), str(), ident());
        case 2:
          return new Stmt.Let(span(), ident(), expr());
        case 3: {
          Span s = span();
          Ident name = ident();
          List<Ident> inputs = idents();
          Expr body = expr();
          int k = uint();
          List<Binding> where = new ArrayList<>(k);
          for (int i = 0; i < k; i++) {
            where.add(new Binding(span(), ident(), expr()));
          }
          int m = uint();
          List<ParamSpec> with = new ArrayList<>(m);
          for (int i = 0; i < m; i++) {
            with.add(new ParamSpec(span(), ident(), relation(), expr(), interval(), expr()));
          }
          return new Stmt.LawDecl(s, name, inputs, body, Collections.unmodifiableList(where),
              Collections.unmodifiableList(with), meta());
        }
        case 4:
          return new Stmt.Proc(span(), ident(), idents(), stmts());
        case 5:
          return new Stmt.Return(span(), expr());
        case 6:
          return new Stmt.Data(span(), ident(), dataSource(), expr());
        case 7:
          return new Stmt.Print(span(), exprs());
        case 8:
          return new Stmt.For(span(), ident(), expr(), stmts(), str());
        case 9: {
          Span s = span();
          int k = uint();
          List<RowItem> items = new ArrayList<>(k);
          for (int i = 0; i < k; i++) {
            items.add(new RowItem(span(), str(), expr()));
          }
          return new Stmt.Row(s, Collections.unmodifiableList(items));
        }
        case 10: {
          Span s = span();
          int k = uint();
          List<PlotSeries> series = new ArrayList<>(k);
          for (int i = 0; i < k; i++) {
            series.add(new PlotSeries(span(), expr(), ident(), expr(), ident(), expr(), interval(), str()));
          }
          int m = uint();
          List<PlotOption> options = new ArrayList<>(m);
          for (int i = 0; i < m; i++) {
            options.add(new PlotOption(span(), str(), str()));
          }
          return new Stmt.Plot(s, Collections.unmodifiableList(series), Collections.unmodifiableList(options));
        }
        case 11:
          return new Stmt.Help(span(), expr(), str());
        case 12:
          return new Stmt.Compare(span(), exprs(), args());
        case 13:
          return new Stmt.ExprStmt(span(), expr());
        default:
          throw new IllegalStateException("bad statement tag " + tag);
      }
    }

    LawMetaAst meta() {
      int tag = u8();
      if (tag == 0) {
        return null;
      }
      if (tag == 1) {
        return LawMetaAst.EMPTY;
      }
      String cite = str();
      String doc = str();
      String unit = str();
      int k = uint();
      List<RangeSpec> fitted = new ArrayList<>(k);
      for (int i = 0; i < k; i++) {
        fitted.add(new RangeSpec(span(), ident(), interval()));
      }
      int m = uint();
      List<InputDoc> inputs = new ArrayList<>(m);
      for (int i = 0; i < m; i++) {
        inputs.add(new InputDoc(span(), ident(), str()));
      }
      return new LawMetaAst(cite, doc, unit, Collections.unmodifiableList(fitted), Collections.unmodifiableList(inputs));
    }

    DataSource dataSource() {
      int tag = u8();
      switch (tag) {
        case 0:
          return null;
        case 1: {
          Span s = span();
          String path = str();
          List<ColumnDef> columns = null;
          if (present()) {
            int k = uint();
            List<ColumnDef> cols = new ArrayList<>(k);
            for (int i = 0; i < k; i++) {
              cols.add(new ColumnDef(span(), ident(), str(), expr()));
            }
            columns = Collections.unmodifiableList(cols);
          }
          return new CsvSource(s, path, columns);
        }
        case 2: {
          Span s = span();
          List<Ident> columns = idents();
          int k = uint();
          List<TableRow> rows = new ArrayList<>(k);
          for (int i = 0; i < k; i++) {
            Span rs = span();
            double[] values = new double[uint()];
            for (int j = 0; j < values.length; j++) {
              values[j] = f64();
            }
            rows.add(new TableRow(rs, values));
          }
          return new TableSource(s, columns, Collections.unmodifiableList(rows));
        }
        case 3:
          return new DerivedSource(span(), expr());
        default:
          throw new IllegalStateException("bad data-source tag " + tag);
      }
    }
  }
}
