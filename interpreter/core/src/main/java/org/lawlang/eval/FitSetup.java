package org.lawlang.eval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lawlang.compile.Flatten;
import org.lawlang.compile.Formula;
import org.lawlang.compile.ScalarProgram;
import org.lawlang.compile.Symbolic;
import org.lawlang.compile.Tape;
import org.lawlang.compile.TapeRun;
import org.lawlang.data.Dataset;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Span;
import org.lawlang.diag.Suggest;
import org.lawlang.semantics.Law;
import org.lawlang.semantics.LawMeta;
import org.lawlang.semantics.MathFunction;
import org.lawlang.semantics.Param;
import org.lawlang.solve.FitProblem;
import org.lawlang.solve.Loss;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Expr.*;
import org.lawlang.syntax.NumberFormat;

/**
 * Turns `fit target ~ law(args) to data using … on …` into a {@link FitSpec}: resolves
 * the law and the dataset, lowers the target, the model and the weights to formulas over the
 * dataset's columns (a column name means the column; other names come from the scope),
 * differentiates the model symbolically by every free parameter, compiles it columnwise and
 * checks the data a fit will read, naming the row and column of anything unusable. Its
 * fields are filled while the statement is read; nothing after {@link #spec} sees them.
 */
final class FitSetup {
  final Expr.Fit node;
  final Interpreter in;
  final Env env;
  Dataset data;
  Law law;
  List<Param> free;
  /** The loss, on its scale once the options are read. */
  Loss loss = Loss.LeastSquares.RAW;
  Boolean logScale;
  Expr.FitOption startsOption;
  int bootstrap;
  Long seed;
  double level = FitSpec.Bootstrap.DEFAULT_LEVEL;
  Expr weightsExpr;

  FitSetup(Expr.Fit node, Interpreter in, Env env) {
    this.node = node;
    this.in = in;
    this.env = env;
  }

  /**
   * The fit's specification: the bound problem, the starts (drawn with the fit's seed, else
   * the session's), the seed, the bootstrap, and the law with the input ranges it is fitted over.
   */
  FitSpec spec() {
    FitProblem prob = build();
    long s = seed != null ? seed : in.session().settings().seed();
    FitStarts.Starts starts = FitStarts.of(new FitStarts.Request(law, free, startsOption, in, env), s);
    LawMeta meta = law.meta();
    Law fitted = law.withMeta(new LawMeta(meta.cite(), meta.doc(), meta.unit(), inputRanges(), meta.inputs()));
    return new FitSpec(node.span(), fitted, free, data.name(), prob, starts, s, new FitSpec.Bootstrap(bootstrap, level));
  }

  /** Reads the data, the law and the options; returns the bound problem. */
  private FitProblem build() {
    Value dv = in.eval(node.data(), env);
    if (!Relations.isRelation(dv)) {
      throw LawException.of(Msg.NOT_A_DATASET, node.data().span(), Values.describe(dv))
          .hint("fit to a dataset declared with 'data', or a table made with 'row'");
    }
    data = canonicalOrder(Relations.dataset(dv, node.data().span(), "the data of a fit"));
    if (!(node.model() instanceof Call call)) {
      throw LawException.of(Msg.FIT_GENERAL, node.model().span(), "the model of a fit must be a law called on the data's columns")
          .hint("write it like 'fit loss ~ L(N, D) to runs'");
    }
    Value lv = in.eval(call.callee(), env);
    if (!(lv instanceof LawValue l)) {
      throw LawException.of(Msg.FIT_GENERAL, call.callee().span(), Values.describe(lv) + " is not a law, so it cannot be fitted");
    }
    law = l.law();
    free = law.freeParameters();
    if (free.isEmpty()) {
      throw LawException.of(Msg.FIT_NO_FREE_PARAMETERS, call.callee().span(), law.name())
          .hint("declare the parameters to fit with 'with', e.g. 'with A > 0', instead of fixing them with 'where'");
    }
    options();
    List<Formula> args = new ArrayList<>();
    for (Arg a : call.args()) {
      args.add(lower(a.value()));
    }
    Formula model = quotientsAsPowers(Flatten.call(law, args, call.span()));
    List<String> names = free.stream().map(Param::name).toList();
    for (String name : Formula.names(model, Formula.Kind.PARAMETER)) {
      if (!names.contains(name)) {
        throw LawException.of(Msg.FIT_GENERAL, call.span(), "'" + name + "' in the model is neither a column of "
            + data.name() + " nor a free parameter of " + law.name());
      }
    }
    List<Formula.Ref> params = names.stream().map(p -> new Formula.Ref(Formula.Kind.PARAMETER, p)).toList();
    int n = data.rows();
    if (n < free.size()) {
      throw LawException.of(Msg.FIT_TOO_FEW_ROWS, node.data().span(), n, free.size())
          .hint("a fit needs at least as many rows as free parameters; fix some parameters with 'where'");
    }
    List<Formula> outputs = new ArrayList<>();
    outputs.add(model);
    List<Formula> firsts = new ArrayList<>();
    for (Formula.Ref p : params) {
      firsts.add(Symbolic.derivative(model, p));
    }
    outputs.addAll(firsts);
    if (loss.needsHessian()) {
      // exact second derivatives, for the Newton phase of the robust solver (upper triangle, row by row)
      for (int j = 0; j < names.size(); j++) {
        for (int k = j; k < names.size(); k++) {
          outputs.add(Symbolic.derivative(firsts.get(j), params.get(k)));
        }
      }
    }
    List<Formula.Ref> cols = columnRefs();
    Set<String> used = new LinkedHashSet<>();
    outputs.forEach(e -> used.addAll(Formula.names(e, Formula.Kind.COLUMN)));
    checkColumns(used, call.span());
    checkLogs(model, call.span());
    Tape tape = Tape.compile(params, cols, outputs);
    double[][] columns = data.numericNames().stream().map(data::column).toArray(double[][]::new);
    TapeRun run = new TapeRun(tape, columns);
    double[] y = rowValues(node.target(), "the target");
    if (logScale) {
      for (int i = 0; i < n; i++) {
        if (!(y[i] > 0)) {
          throw LawException.of(Msg.FIT_LOG_NONPOSITIVE, node.target().span(), data.origin(i),
              "the target " + org.lawlang.syntax.ExprPrinter.print(node.target()), NumberFormat.show(y[i]))
              .hint("drop such rows with 'where', or fit 'on raw'");
        }
        y[i] = Math.log(y[i]);
      }
    }
    // `weights counts(n)`: the weights count repeated rows; plain `weights w` gives precisions
    boolean counts = weightsExpr instanceof Expr.Call c && c.callee() instanceof Expr.Name f && f.name().equals("counts");
    if (counts && ((Expr.Call) weightsExpr).args().size() != 1) {
      throw LawException.of(Msg.FIT_GENERAL, weightsExpr.span(), "counts(...) takes one formula over the columns: the number of"
          + " repeated rows each row stands for").hint("write weights counts(n), or weights w for each row's precision");
    }
    Expr weightsOf = counts ? ((Expr.Call) weightsExpr).args().get(0).value() : weightsExpr;
    double[] w = weightsExpr == null ? null : rowValues(weightsOf, "the weight");
    if (w != null) {
      for (int i = 0; i < n; i++) {
        if (w[i] < 0) {
          throw LawException.of(Msg.FIT_GENERAL, weightsExpr.span(), "row " + data.origin(i) + ": the weight is "
              + NumberFormat.show(w[i]) + "; weights must be zero or positive");
        }
      }
      // zero weights everywhere leave nothing to fit: the objective is 0 at any parameters
      if (java.util.Arrays.stream(w).allMatch(x -> x == 0)) {
        throw LawException.of(Msg.FIT_GENERAL, weightsExpr.span(), "every weight is zero, so no row counts and there is nothing to fit")
            .hint("give the rows to fit a positive weight");
      }
    }
    double[] lo = new double[names.size()];
    double[] hi = new double[names.size()];
    boolean[] logParam = new boolean[names.size()];
    for (int j = 0; j < names.size(); j++) {
      Param p = free.get(j);
      lo[j] = p.lo();
      hi[j] = p.hi();
      logParam[j] = p.positive();
    }
    return new FitProblem(run, y, w, counts, loss, lo, hi, logParam);
  }

  /**
   * The rows sorted by their values, column by column. A fit then does the same arithmetic in
   * the same order whatever order the file lists its rows in, so shuffling a dataset changes
   * no fitted digit (and a seeded bootstrap draws the same resamples). Rows keep their
   * origins, so errors still name the file's line.
   */
  static Dataset canonicalOrder(Dataset data) {
    double[][] cols = data.numericNames().stream().map(data::column).toArray(double[][]::new);
    Integer[] order = new Integer[data.rows()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> {
      for (double[] c : cols) {
        int k = Double.compare(c[a], c[b]);
        if (k != 0) {
          return k;
        }
      }
      return 0;
    });
    int[] idx = new int[order.length];
    boolean sorted = true;
    for (int i = 0; i < idx.length; i++) {
      idx[i] = order[i];
      sorted &= idx[i] == i;
    }
    return sorted ? data : data.select(idx);
  }

  /**
   * Rewrites {@code a / b^c} as {@code a * b^(-c)}: the same value, but its partials need no
   * quotient rule, so {@code A / N^alpha} costs one exp per row for the value and its partials.
   */
  static Formula quotientsAsPowers(Formula e) {
    return Formula.rewrite(e, f -> f instanceof Formula.Arith b && b.op() == Formula.ArithOp.DIV && b.r() instanceof Formula.Arith p
        && p.op() == Formula.ArithOp.POW
        ? new Formula.Arith(Formula.ArithOp.MUL, b.l(), new Formula.Arith(Formula.ArithOp.POW, p.l(), new Formula.Neg(p.r()))) : f);
  }

  private void options() {
    Expr.FitOption using = null;
    Map<FitOptionKind, Expr.FitOption> given = new java.util.EnumMap<>(FitOptionKind.class);
    for (Expr.FitOption o : node.options()) {
      // a second 'using', 'on' or 'starts' would silently replace the first: most likely a slip
      Expr.FitOption before = given.putIfAbsent(o.kind(), o);
      if (before != null) {
        String word = o.kind().name().toLowerCase(java.util.Locale.ROOT);
        throw LawException.of(Msg.FIT_GENERAL, o.span(), "'" + word + "' is given twice in this fit")
            .hint(o.kind() == FitOptionKind.STARTS ? "starts add up with ',' after one 'starts': starts grid(...), at(...)"
                : "give each option once");
      }
      switch (o.kind()) {
        case USING -> using = o;
        case ON -> {
          if (!o.word().equals("log") && !o.word().equals("raw")) {
            throw LawException.of(Msg.FIT_GENERAL, o.span(), "'on " + o.word() + "' is not a scale; use 'on log' or 'on raw'");
          }
          logScale = o.word().equals("log");
        }
        case STARTS -> startsOption = o;
        case BOOTSTRAP -> bootstrap = (int) count(in, env, o.values().get(0), "the number of bootstrap resamples", 1);
        case SEED -> {
          double v = Values.finite(in.eval(o.values().get(0), env), o.values().get(0).span(), "the seed");
          // a fractional seed would be truncated, so seeds 1.2 and 1.7 would draw the same numbers
          if (v != Math.rint(v) || Math.abs(v) > 0x1p53) {
            throw LawException.of(Msg.FIT_GENERAL, o.values().get(0).span(), "the seed must be a whole number, not "
                + NumberFormat.show(v)).hint("use a whole number, e.g. seed 1");
          }
          seed = (long) v;
        }
        case LEVEL -> {
          level = Values.finite(in.eval(o.values().get(0), env), o.values().get(0).span(), "the level");
          if (!(level > 0 && level < 1)) {
            throw LawException.of(Msg.FIT_GENERAL, o.values().get(0).span(), "the level must be between 0 and 1, like 0.95");
          }
        }
        case WEIGHTS -> weightsExpr = o.values().get(0);
        default -> { }
      }
    }
    if (using != null) {
      objective(using.values().get(0));
    }
    if (logScale == null) {
      logScale = loss.logScale();
    }
    loss = loss.onScale(logScale);
  }

  private void objective(Expr e) {
    String name = e instanceof Name n ? n.name() : e instanceof Call c && c.callee() instanceof Name n ? n.name() : "";
    List<Arg> args = e instanceof Call c ? c.args() : List.of();
    if (name.equals("huber")) {
      double delta = Loss.DEFAULT_DELTA;
      if (args.size() > 1) {
        throw LawException.of(Msg.FIT_GENERAL, e.span(), "huber takes one argument, the delta: huber(1e-3)");
      }
      if (!args.isEmpty()) {
        delta = Values.finite(in.eval(args.get(0).value(), env), args.get(0).span(), "the Huber delta");
        if (!(delta > 0)) {
          throw LawException.of(Msg.FIT_GENERAL, args.get(0).span(), "the Huber delta must be positive");
        }
      }
      loss = new Loss.Huber(delta, true);
    } else if (name.equals("lsq") || name.equals("least_squares")) {
      if (!args.isEmpty()) {
        throw LawException.of(Msg.FIT_GENERAL, e.span(), "lsq takes no arguments");
      }
      loss = Loss.LeastSquares.RAW;
    } else {
      throw LawException.of(Msg.FIT_GENERAL, e.span(), "unknown objective; use 'lsq' (least squares) or 'huber(delta)'");
    }
  }

  /** The value of {@code e} as a whole number of at least {@code min} (a count of resamples or of starts). */
  static long count(Interpreter in, Env env, Expr e, String what, long min) {
    double v = Values.finite(in.eval(e, env), e.span(), what);
    if (v != Math.rint(v) || v < min) {
      throw LawException.of(Msg.FIT_GENERAL, e.span(), what + " must be a whole number of at least " + min);
    }
    return (long) v;
  }

  /** Lowers an expression over columns: columns become column references, scope values are inlined. */
  Formula lower(Expr e) {
    checkNames(e);
    return Flatten.expr(e, name -> {
      if (data.has(name)) {
        return new Flatten.Reference(Formula.Kind.COLUMN);
      }
      Value v = env.lookup(name);
      if (v instanceof Values.Num num) {
        return new Flatten.Value(num.value());
      }
      if (v instanceof LawValue lv) {
        return new Flatten.Callee(lv.law());
      }
      return new Flatten.Reference(Formula.Kind.PARAMETER);
    });
  }

  /** The numeric columns as references, in the dataset's order: the tape's column slots. */
  private List<Formula.Ref> columnRefs() {
    return data.numericNames().stream().map(c -> new Formula.Ref(Formula.Kind.COLUMN, c)).toList();
  }

  private void checkNames(Expr e) {
    if (e instanceof Name n) {
      if (data.has(n.name()) && !data.isNumeric(n.name())) {
        throw Columns.notANumber(data, n.name(), n.span());
      }
      if (!data.has(n.name()) && env.lookup(n.name()) == null) {
        throw LawException.of(Msg.MISSING_COLUMN, n.span(), n.name(), "dataset " + data.name())
            .hint(Suggest.closest(n.name(), data.columnNames()).map(s -> "did you mean '" + s + "'?")
                .orElse("its columns are " + String.join(", ", data.columnNames())));
      }
    } else if (e instanceof Unary u) {
      checkNames(u.operand());
    } else if (e instanceof Binary b) {
      checkNames(b.lhs());
      checkNames(b.rhs());
    } else if (e instanceof Call c) {
      c.args().forEach(a -> checkNames(a.value()));
    }
  }

  /**
   * The range of each law input over the rows it was fitted on (the call's argument for it,
   * evaluated on every row), so that the fitted law warns when used far outside its data as
   * a stdlib law does. An input whose argument is not a number on every row gets no range.
   */
  Map<String, double[]> inputRanges() {
    Map<String, double[]> out = new java.util.LinkedHashMap<>();
    if (!(node.model() instanceof Call call) || call.args().size() != law.inputs().size()) {
      return out;
    }
    for (int i = 0; i < call.args().size(); i++) {
      try {
        double[] xs = rowValues(call.args().get(i).value(), "an input");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : xs) {
          lo = Math.min(lo, x);
          hi = Math.max(hi, x);
        }
        if (xs.length > 0) {
          out.put(law.inputs().get(i), new double[] {lo, hi});
        }
      } catch (LawException notNumeric) {
        // an input that is not a plain number per row has no range to keep
      }
    }
    return out;
  }

  /** The value of {@code e} on every row (target, weights): finite, or an error naming the row. */
  private double[] rowValues(Expr e, String what) {
    Formula lowered = lower(e);
    List<String> cols = data.numericNames();
    ScalarProgram fn;
    try {
      fn = ScalarProgram.of(columnRefs(), lowered);
    } catch (LawException x) {
      throw LawException.of(Msg.FIT_GENERAL, e.span(), what + " must be a formula over the columns of " + data.name());
    }
    double[] out = new double[data.rows()];
    double[] row = new double[cols.size()];
    for (int i = 0; i < out.length; i++) {
      for (int j = 0; j < row.length; j++) {
        row[j] = data.column(cols.get(j))[i];
      }
      out[i] = fn.value(row);
      if (!Double.isFinite(out[i])) {
        throw LawException.of(Msg.FIT_GENERAL, e.span(), "row " + data.origin(i) + ": " + what + " is "
            + NumberFormat.show(out[i])).hint("drop the row with 'where' before fitting");
      }
    }
    return out;
  }

  private void checkColumns(Set<String> used, Span at) {
    for (String col : used) {
      double[] xs = data.column(col);
      for (int i = 0; i < xs.length; i++) {
        if (!Double.isFinite(xs[i])) {
          throw LawException.of(Msg.BAD_CELL, at, data.origin(i), col, NumberFormat.show(xs[i]) + " is not a finite number")
              .hint("drop the row with 'where' before fitting");
        }
      }
    }
  }

  /** A function of data alone (a logarithm, a square root) must see values in its domain on every row. */
  private void checkLogs(Formula e, Span at) {
    if (e instanceof Formula.Apply c && c.fn().domain != MathFunction.Domain.ALL) {
      Set<Formula.Ref> refs = Formula.refs(c.x());
      if (!refs.isEmpty() && refs.stream().allMatch(r -> r.kind() == Formula.Kind.COLUMN)) {
        List<String> cols = data.numericNames();
        ScalarProgram fn = ScalarProgram.of(columnRefs(), c.x());
        double[] row = new double[cols.size()];
        for (int i = 0; i < data.rows(); i++) {
          for (int j = 0; j < row.length; j++) {
            row[j] = data.column(cols.get(j))[i];
          }
          double v = fn.value(row);
          if (!c.fn().accepts(v)) {
            String what = String.join(", ", refs.stream().map(Formula.Ref::name).toList());
            throw LawException.of(Msg.FIT_GENERAL, at, "row " + data.origin(i) + ", column " + what + ": the model takes "
                + c.fn().name + " of " + NumberFormat.show(v)).hint("drop such rows with 'where' before fitting");
          }
        }
      }
    }
    for (Formula child : e.children()) {
      checkLogs(child, at);
    }
  }
}
