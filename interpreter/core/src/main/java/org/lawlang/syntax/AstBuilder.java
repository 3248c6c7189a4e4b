package org.lawlang.syntax;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Source;
import org.lawlang.diag.Span;
import org.lawlang.syntax.Expr.*;
import org.lawlang.syntax.Stmt.*;
import org.lawlang.syntax.antlr.LawParser;
import org.lawlang.syntax.antlr.LawParser.*;
import org.lawlang.syntax.antlr.LawParserBaseVisitor;

/**
 * The one visitor that turns ANTLR's parse tree into the immutable AST ({@link Expr},
 * {@link Stmt}); nothing downstream sees a parse-tree type.
 */
final class AstBuilder extends LawParserBaseVisitor<Object> {
  private final Source source;

  AstBuilder(Source source) {
    this.source = source;
  }

  List<Stmt> program(ProgramContext ctx) {
    List<Stmt> out = new ArrayList<>();
    for (StatementContext s : ctx.statement()) {
      out.add(stmt(s));
    }
    return out;
  }

  // ---- helpers -------------------------------------------------------------------------

  Span span(ParserRuleContext ctx) {
    Token start = ctx.getStart();
    Token stop = ctx.getStop() == null ? start : ctx.getStop();
    int end = Math.max(start.getStartIndex(), stop.getStopIndex() + 1);
    return new Span(source, start.getStartIndex(), end);
  }

  Span span(Token t) {
    return new Span(source, t.getStartIndex(), t.getStopIndex() + 1);
  }

  Stmt stmt(StatementContext ctx) {
    return (Stmt) visit(ctx);
  }

  Expr expr(ParserRuleContext ctx) {
    return ctx == null ? null : (Expr) visit(ctx);
  }

  Ident ident(IdentContext ctx) {
    return ctx == null ? null : new Ident(span(ctx), ctx.getText());
  }

  List<Ident> idents(IdentListContext ctx) {
    List<Ident> out = new ArrayList<>();
    if (ctx != null) {
      for (IdentContext i : ctx.ident()) {
        out.add(ident(i));
      }
    }
    return out;
  }

  List<Stmt> block(BlockContext ctx) {
    List<Stmt> out = new ArrayList<>();
    for (StatementContext s : ctx.statement()) {
      out.add(stmt(s));
    }
    return out;
  }

  Interval interval(IntervalContext ctx) {
    return ctx == null ? null : new Interval(span(ctx), expr(ctx.lo), expr(ctx.hi));
  }

  /** A string literal's text with its escapes \n \t \" \\ resolved; any other escape is an error (L107). */
  String unquote(Token t) {
    String raw = t.getText();
    String body = raw.substring(1, raw.length() - 1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        char e = body.charAt(++i);
        switch (e) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case '"' -> out.append('"');
          case '\\' -> out.append('\\');
          default -> {
            int at = t.getStartIndex() + 1 + i - 1;
            throw org.lawlang.diag.LawException.of(org.lawlang.diag.Msg.BAD_ESCAPE, new org.lawlang.diag.Span(source, at, at + 2),
                String.valueOf(e)).hint("the escapes are \\n \\t \\\" and \\\\ (a backslash); in a path, / works on every system");
          }
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Parses a NUMBER token exactly: `70B` is 7e10 and `1.4T` is the double nearest 1.4e12. */
  static double number(String text) {
    String t = text.replace("_", "");
    int scale = 0;
    char last = t.charAt(t.length() - 1);
    switch (last) {
      case 'K' -> scale = 3;
      case 'M' -> scale = 6;
      case 'B' -> scale = 9;
      case 'T' -> scale = 12;
      default -> {}
    }
    if (scale != 0) {
      t = t.substring(0, t.length() - 1);
    }
    return new BigDecimal(t).scaleByPowerOfTen(scale).doubleValue();
  }

  double number(Token t) {
    double v;
    try {
      v = number(t.getText());
    } catch (NumberFormatException e) {
      throw LawException.of(Msg.BAD_NUMBER, span(t), t.getText());
    }
    if (Double.isInfinite(v)) {
      throw LawException.of(Msg.NOT_FINITE, span(t), "the number " + t.getText(), "it is beyond 1.8e308")
          .hint("numbers are doubles; the largest is about 1.8e308");
    }
    return v;
  }

  // ---- statements ----------------------------------------------------------------------

  @Override
  public Object visitImportStmt(ImportStmtContext ctx) {
    return new Import(span(ctx), ident(ctx.module), ctx.path == null ? null : unquote(ctx.path), ident(ctx.alias));
  }

  @Override
  public Object visitLetStmt(LetStmtContext ctx) {
    return new Let(span(ctx), ident(ctx.name), expr(ctx.value));
  }

  @Override
  public Object visitLawStmt(LawStmtContext ctx) {
    List<Binding> where = new ArrayList<>();
    List<ParamSpec> with = new ArrayList<>();
    String cite = null;
    String doc = null;
    String unit = null;
    List<RangeSpec> fitted = new ArrayList<>();
    List<InputDoc> inputs = new ArrayList<>();
    for (LawClauseContext c : ctx.lawClause()) {
      if (c instanceof WhereClauseContext w) {
        for (BindingContext b : w.binding()) {
          where.add(new Binding(span(b), ident(b.name), expr(b.value)));
        }
      } else if (c instanceof WithClauseContext w) {
        for (ParamSpecContext p : w.paramSpec()) {
          with.add(paramSpec(p));
        }
      } else if (c instanceof CiteClauseContext x) {
        cite = unquote(x.text);
      } else if (c instanceof DocClauseContext x) {
        doc = unquote(x.text);
      } else if (c instanceof UnitClauseContext x) {
        unit = unquote(x.text);
      } else if (c instanceof FittedClauseContext x) {
        for (RangeSpecContext r : x.rangeSpec()) {
          fitted.add(new RangeSpec(span(r), ident(r.name), interval(r.interval())));
        }
      } else if (c instanceof InputsClauseContext x) {
        for (InputDocContext d : x.inputDoc()) {
          inputs.add(new InputDoc(span(d), ident(d.name), unquote(d.text)));
        }
      }
    }
    return new LawDecl(span(ctx), ident(ctx.name), idents(ctx.params), expr(ctx.body), List.copyOf(where), List.copyOf(with),
        new LawMetaAst(cite, doc, unit, List.copyOf(fitted), List.copyOf(inputs)));
  }

  private ParamSpec paramSpec(ParamSpecContext p) {
    Relation rel = null;
    if (p.op != null) {
      rel = switch (p.op.getType()) {
        case LawParser.GT -> Relation.GT;
        case LawParser.GE -> Relation.GE;
        case LawParser.LT -> Relation.LT;
        default -> Relation.LE;
      };
    }
    return new ParamSpec(span(p), ident(p.name), rel, expr(p.bound), interval(p.interval()), expr(p.init));
  }

  @Override
  public Object visitProcStmt(ProcStmtContext ctx) {
    return new Proc(span(ctx), ident(ctx.name), idents(ctx.params), block(ctx.body));
  }

  @Override
  public Object visitReturnStmt(ReturnStmtContext ctx) {
    return new Return(span(ctx), expr(ctx.value));
  }

  @Override
  public Object visitDataStmt(DataStmtContext ctx) {
    return new Data(span(ctx), ident(ctx.name), dataSource(ctx.source), expr(ctx.filter));
  }

  private DataSource dataSource(DataSourceContext ctx) {
    if (ctx instanceof CsvSourceContext c) {
      List<ColumnDef> cols = new ArrayList<>();
      if (c.columnBlock() != null) {
        for (ColumnDefContext d : c.columnBlock().columnDef()) {
          cols.add(new ColumnDef(span(d), ident(d.name), d.kind == null ? null : d.kind.getText(),
              d.kind == null ? expr(d.value) : new Str(span(d.header), unquote(d.header))));
        }
      }
      return new CsvSource(span(c), unquote(c.path), List.copyOf(cols));
    }
    if (ctx instanceof TableSourceContext t) {
      List<TableRow> rows = new ArrayList<>();
      for (TableRowContext r : t.tableRow()) {
        double[] values = new double[r.signedNumber().size()];
        for (int i = 0; i < values.length; i++) {
          SignedNumberContext n = r.signedNumber(i);
          double v = number(n.NUMBER().getSymbol());
          values[i] = n.sign != null && n.sign.getType() == LawParser.MINUS ? -v : v;
        }
        rows.add(new TableRow(span(r), values));
      }
      return new TableSource(span(t), idents(t.cols), List.copyOf(rows));
    }
    DerivedSourceContext d = (DerivedSourceContext) ctx;
    return new DerivedSource(span(d), expr(d.arith()));
  }

  @Override
  public Object visitPrintStmt(PrintStmtContext ctx) {
    return new Print(span(ctx), exprs(ctx.expr()));
  }

  private List<Expr> exprs(List<? extends ParserRuleContext> list) {
    List<Expr> out = new ArrayList<>();
    for (ParserRuleContext e : list) {
      out.add(expr(e));
    }
    return List.copyOf(out);
  }

  @Override
  public Object visitForStmt(ForStmtContext ctx) {
    return new For(span(ctx), ident(ctx.var), expr(ctx.iter), block(ctx.body), ctx.path == null ? null : unquote(ctx.path));
  }

  @Override
  public Object visitRowStmt(RowStmtContext ctx) {
    List<RowItem> items = new ArrayList<>();
    for (RowItemContext r : ctx.rowItem()) {
      items.add(new RowItem(span(r), r.name == null ? null : r.name.getText(), expr(r.value)));
    }
    return new Row(span(ctx), List.copyOf(items));
  }

  @Override
  public Object visitPlotStmt(PlotStmtContext ctx) {
    List<PlotSeries> series = new ArrayList<>();
    for (PlotSeriesContext s : ctx.plotSeries()) {
      series.add(new PlotSeries(span(s), expr(s.y), ident(s.x), expr(s.source), ident(s.var), expr(s.values), interval(s.interval()),
          s.label == null ? null : unquote(s.label)));
    }
    List<PlotOption> options = new ArrayList<>();
    for (PlotOptionContext o : ctx.plotOption()) {
      if (o.path != null) {
        options.add(new PlotOption(span(o), "to", unquote(o.path)));
      } else {
        // a number or a size is kept as its source text (`300`, `6x4 in`): PlotOptions reads it as it reads "6x4 in"
        String text = o.text != null ? unquote(o.text) : o.number != null ? o.number.getText()
            : o.size != null ? o.size.getText() + (o.IN() != null ? " in" : "") : null;
        options.add(new PlotOption(span(o), o.name.getText(), text));
      }
    }
    return new Plot(span(ctx), List.copyOf(series), List.copyOf(options));
  }

  @Override
  public Object visitHelpStmt(HelpStmtContext ctx) {
    return new Help(span(ctx), ctx.target == null ? null : expr(ctx.target), ctx.topic == null ? null : ctx.topic.getText());
  }

  @Override
  public Object visitCompareStmt(CompareStmtContext ctx) {
    return new Compare(span(ctx), exprs(ctx.laws), args(ctx.args()));
  }

  @Override
  public Object visitExprStmt(ExprStmtContext ctx) {
    return new ExprStmt(span(ctx), expr(ctx.expr()));
  }

  // ---- expressions ----------------------------------------------------------------------

  @Override
  public Object visitRangeExpr(RangeExprContext ctx) {
    return new Range(span(ctx), expr(ctx.lo), expr(ctx.hi), expr(ctx.step));
  }

  @Override
  public Object visitCompareExpr(CompareExprContext ctx) {
    BinaryOp op = switch (ctx.op.getType()) {
      case LawParser.LT -> BinaryOp.LT;
      case LawParser.LE -> BinaryOp.LE;
      case LawParser.GT -> BinaryOp.GT;
      case LawParser.GE -> BinaryOp.GE;
      case LawParser.EQEQ -> BinaryOp.EQ;
      default -> BinaryOp.NE;
    };
    return new Binary(span(ctx), op, expr(ctx.lhs), expr(ctx.rhs));
  }

  @Override
  public Object visitInExpr(InExprContext ctx) {
    Expr in = new Binary(span(ctx), BinaryOp.IN, expr(ctx.lhs), expr(ctx.rhs));
    return ctx.NOT() == null ? in : new Unary(span(ctx), UnaryOp.NOT, in);
  }

  @Override
  public Object visitByExpr(ByExprContext ctx) {
    return new Expr.By(span(ctx), expr(ctx.value), ident(ctx.key));
  }

  @Override
  public Object visitNotExpr(NotExprContext ctx) {
    return new Unary(span(ctx), UnaryOp.NOT, expr(ctx.operand));
  }

  @Override
  public Object visitAndExpr(AndExprContext ctx) {
    return new Binary(span(ctx), BinaryOp.AND, expr(ctx.lhs), expr(ctx.rhs));
  }

  @Override
  public Object visitOrExpr(OrExprContext ctx) {
    return new Binary(span(ctx), BinaryOp.OR, expr(ctx.lhs), expr(ctx.rhs));
  }

  @Override
  public Object visitArithExpr(ArithExprContext ctx) {
    return expr(ctx.arith());
  }

  @Override
  public Object visitFieldExpr(FieldExprContext ctx) {
    return new Field(span(ctx), expr(ctx.target), ctx.field.getText());
  }

  @Override
  public Object visitCallExpr(CallExprContext ctx) {
    return new Call(span(ctx), expr(ctx.callee), args(ctx.args()));
  }

  private List<Arg> args(ArgsContext ctx) {
    List<Arg> out = new ArrayList<>();
    if (ctx != null) {
      for (ArgContext a : ctx.arg()) {
        out.add(new Arg(span(a), a.name == null ? null : a.name.getText(), expr(a.value)));
      }
    }
    return List.copyOf(out);
  }

  @Override
  public Object visitIndexExpr(IndexExprContext ctx) {
    return new Index(span(ctx), expr(ctx.target), expr(ctx.index));
  }

  @Override
  public Object visitPowerExpr(PowerExprContext ctx) {
    return new Binary(span(ctx), BinaryOp.POW, expr(ctx.base), expr(ctx.exponent));
  }

  @Override
  public Object visitUnaryExpr(UnaryExprContext ctx) {
    return new Unary(span(ctx), ctx.op.getType() == LawParser.MINUS ? UnaryOp.NEG : UnaryOp.PLUS, expr(ctx.operand));
  }

  @Override
  public Object visitMulExpr(MulExprContext ctx) {
    return new Binary(span(ctx), ctx.op.getType() == LawParser.STAR ? BinaryOp.MUL : BinaryOp.DIV, expr(ctx.lhs), expr(ctx.rhs));
  }

  @Override
  public Object visitAddExpr(AddExprContext ctx) {
    return new Binary(span(ctx), ctx.op.getType() == LawParser.PLUS ? BinaryOp.ADD : BinaryOp.SUB, expr(ctx.lhs), expr(ctx.rhs));
  }

  @Override
  public Object visitFitExpr(FitExprContext ctx) {
    List<FitOption> options = new ArrayList<>();
    for (FitOptionContext o : ctx.fitOption()) {
      Span s = span(o);
      if (o instanceof UsingOptionContext u) {
        options.add(new FitOption(s, FitOptionKind.USING, List.of(expr(u.objective)), null));
      } else if (o instanceof OnOptionContext on) {
        options.add(new FitOption(s, FitOptionKind.ON, List.of(), on.scale.getText()));
      } else if (o instanceof StartsOptionContext st) {
        options.add(new FitOption(s, FitOptionKind.STARTS, exprs(st.arith()), null));
      } else if (o instanceof BootstrapOptionContext b) {
        options.add(new FitOption(s, FitOptionKind.BOOTSTRAP, List.of(expr(b.count)), null));
      } else if (o instanceof SeedOptionContext sd) {
        options.add(new FitOption(s, FitOptionKind.SEED, List.of(expr(sd.value)), null));
      } else if (o instanceof LevelOptionContext l) {
        options.add(new FitOption(s, FitOptionKind.LEVEL, List.of(expr(l.value)), null));
      } else if (o instanceof WeightsOptionContext w) {
        options.add(new FitOption(s, FitOptionKind.WEIGHTS, List.of(expr(w.value)), null));
      } else if (o instanceof ByOptionContext b) {
        Ident key = ident(b.key);
        options.add(new FitOption(s, FitOptionKind.BY, List.of(new Name(key.span(), key.name())), key.name()));
      } else if (o instanceof SharedOptionContext sh) {
        List<Expr> names = new ArrayList<>();
        for (IdentContext id : sh.names.ident()) {
          Ident i = ident(id);
          names.add(new Name(i.span(), i.name()));
        }
        options.add(new FitOption(s, FitOptionKind.SHARED, List.copyOf(names), null));
      }
    }
    return new Fit(span(ctx), expr(ctx.target), expr(ctx.model), expr(ctx.data), List.copyOf(options));
  }

  @Override
  public Object visitOptimizeExpr(OptimizeExprContext ctx) {
    List<OverVar> over = new ArrayList<>();
    for (OverVarContext v : ctx.overVar()) {
      over.add(new OverVar(span(v), ident(v.name), interval(v.interval())));
    }
    List<Constraint> constraints = new ArrayList<>();
    for (ConstraintContext c : ctx.constraint()) {
      Relation rel = switch (c.op.getType()) {
        case LawParser.ASSIGN -> Relation.EQ;
        case LawParser.LE -> Relation.LE;
        case LawParser.GE -> Relation.GE;
        case LawParser.LT -> Relation.LT;
        default -> Relation.GT;
      };
      constraints.add(new Constraint(span(c), c.name == null ? null : c.name.getText(), expr(c.lhs), rel, expr(c.rhs)));
    }
    return new Optimize(span(ctx), ctx.kind.getType() == LawParser.MAXIMIZE, expr(ctx.objective), List.copyOf(over), List.copyOf(constraints));
  }

  @Override
  public Object visitSolveExpr(SolveExprContext ctx) {
    return new Solve(span(ctx), ctx.kind.getType() == LawParser.ROOTS, expr(ctx.lhs), expr(ctx.rhs), ident(ctx.var),
        interval(ctx.interval()));
  }

  @Override
  public Object visitNumberExpr(NumberExprContext ctx) {
    return new Num(span(ctx), number(ctx.NUMBER().getSymbol()));
  }

  @Override
  public Object visitStringExpr(StringExprContext ctx) {
    return new Str(span(ctx), unquote(ctx.STRING().getSymbol()));
  }

  @Override
  public Object visitBoolExpr(BoolExprContext ctx) {
    return new Bool(span(ctx), ctx.TRUE() != null);
  }

  @Override
  public Object visitNameExpr(NameExprContext ctx) {
    return new Name(span(ctx), ctx.getText());
  }

  @Override
  public Object visitParenExpr(ParenExprContext ctx) {
    return expr(ctx.inner);
  }

  @Override
  public Object visitListExpr(ListExprContext ctx) {
    return new ListLit(span(ctx), exprs(ctx.expr()));
  }
}
