package org.lawlang.eval;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lawlang.diag.Diagnostic;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Span;
import org.lawlang.diag.Suggest;
import org.lawlang.eval.Values.Bool;
import org.lawlang.eval.Values.ListVal;
import org.lawlang.eval.Values.Nothing;
import org.lawlang.eval.Values.Num;
import org.lawlang.eval.Values.Str;
import org.lawlang.semantics.Builtin;
import org.lawlang.semantics.Law;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Expr.*;
import org.lawlang.syntax.NumberFormat;
import org.lawlang.syntax.Stmt;
import org.lawlang.syntax.Stmt.*;

/**
 * Runs checked statements and evaluates expressions against an {@link Env}. Owns the
 * per-statement state (row tables, one-warning-per-statement keys, the folder relative
 * paths resolve against); hands fits, optima, plots and comparisons to {@link Services}.
 */
public final class Interpreter {
  private final Session session;
  private final Deque<List<List<Value>>> rowTables = new ArrayDeque<>();
  private final Deque<List<String>> rowHeaders = new ArrayDeque<>();
  private final Set<String> warnedThisStatement = new HashSet<>();
  private Path baseDir;
  private int depth;

  Interpreter(Session session, Path baseDir) {
    this.session = session;
    this.baseDir = baseDir;
  }

  public Session session() {
    return session;
  }

  /** The folder that relative paths in the running source resolve against. */
  public Path baseDir() {
    return baseDir;
  }

  Path swapBaseDir(Path dir) {
    Path old = baseDir;
    baseDir = dir;
    return old;
  }

  public Path resolve(String path) {
    return resolve(path, Span.NOWHERE);
  }

  /** Resolves a path written in a script; a name the file system cannot take (a NUL character) is an L801 error at {@code at}. */
  public Path resolve(String path, Span at) {
    try {
      return baseDir.resolve(path).normalize();
    } catch (java.nio.file.InvalidPathException e) {
      throw invalidPath(path, e, at);
    }
  }

  /** Resolves a path the script reads from, checked against the session's file access policy (L812). */
  public Path resolveRead(String path, Span at) {
    Path p = resolve(path, at);
    session.checkRead(p, path, at);
    return p;
  }

  /** Resolves a path the script writes to, checked against the file access policy (L812, L813 for a link). */
  public Path resolveWrite(String path, Span at) {
    Path p = resolve(path, at);
    session.checkWrite(p, path, at);
    return p;
  }

  static LawException invalidPath(String path, java.nio.file.InvalidPathException e, Span at) {
    return LawException.of(Msg.IO, at, "'" + path.replaceAll("\\p{Cntrl}", "?") + "' is not a valid file name: " + e.getReason());
  }

  /** Emits a warning unless one with the same key was already given for this statement. */
  public void warnOnce(String key, Diagnostic warning) {
    if (warnedThisStatement.add(key)) {
      session.output().warning(warning);
    }
  }

  public void print(String text, List<Value> values) {
    session.output().print(text, values);
  }

  public void checkCancelled(Span at) {
    if (session.cancelled()) {
      throw session.stopped(at);
    }
  }

  // ---- statements ------------------------------------------------------------------------

  /** Runs one top-level statement; returns its value for the REPL (Nothing for most). */
  Value runTopLevel(Stmt s, Env env) {
    warnedThisStatement.clear();
    return exec(s, env);
  }

  Value exec(Stmt s, Env env) {
    checkCancelled(s.span());
    if (s instanceof Import i) {
      session.modules().importInto(i, env, this);
    } else if (s instanceof Let l) {
      env.define(l.name().name(), eval(l.value(), env));
    } else if (s instanceof LawDecl l) {
      env.define(l.name().name(), new LawValue(LawBuilder.build(l, env, this)));
    } else if (s instanceof Proc p) {
      env.define(p.name().name(), new ProcValue(p, env));
    } else if (s instanceof Return r) {
      throw new ReturnSignal(r.value() == null ? Nothing.INSTANCE : eval(r.value(), env));
    } else if (s instanceof Data d) {
      env.define(d.name().name(), new DataValue(DataBuilder.build(d, env, this)));
    } else if (s instanceof Print p) {
      print(p, env);
    } else if (s instanceof For f) {
      loop(f, env);
    } else if (s instanceof Row r) {
      row(r, env);
    } else if (s instanceof Plot p) {
      session.services().plot.plot(p, this, env);
    } else if (s instanceof Stmt.Help h) {
      print(Help.text(h, env, this), List.of());
    } else if (s instanceof Compare c) {
      session.services().compare.compare(c, this, env);
    } else if (s instanceof ExprStmt e) {
      return eval(e.expr(), env);
    } else {
      throw new IllegalStateException("no rule to run " + s.getClass().getSimpleName());
    }
    return Nothing.INSTANCE;
  }

  private void print(Print p, Env env) {
    List<Value> values = new ArrayList<>();
    for (Expr e : p.values()) {
      values.add(eval(e, env));
    }
    List<String> shown = values.stream().map(Value::show).toList();
    boolean multiline = shown.stream().anyMatch(t -> t.contains("\n"));
    print(String.join(multiline ? "\n" : " ", shown), values);
  }

  private void loop(For f, Env env) {
    Value iterable = eval(f.iterable(), env);
    List<Value> items = iterable instanceof DataValue d ? rowsOf(d) : Values.list(iterable, f.iterable().span(), "for");
    boolean owner = rowTables.isEmpty();
    if (owner) {
      rowTables.push(new ArrayList<>());
      rowHeaders.push(new ArrayList<>());
    }
    try {
      for (Value item : items) {
        checkCancelled(f.span());
        Env body = new Env(env);
        body.define(f.variable().name(), item);
        for (Stmt s : f.body()) {
          exec(s, body);
        }
      }
      if (owner && !rowTables.peek().isEmpty()) {
        TableValue table = new TableValue(rowHeaders.peek(), rowTables.peek());
        print(table.show(), List.of(table));
        if (f.csvPath() != null) {
          ScriptFiles.write(resolveWrite(f.csvPath(), f.span()), table.toCsv(), f.span());
        }
      }
    } finally {
      if (owner) {
        rowTables.pop();
        rowHeaders.pop();
      }
    }
  }

  private static List<Value> rowsOf(DataValue d) {
    List<Value> out = new ArrayList<>();
    var data = d.data();
    for (int i = 0; i < data.rows(); i++) {
      java.util.Map<String, Value> fields = new java.util.LinkedHashMap<>();
      final int row = i;
      data.typedColumns().forEach((c, col) -> fields.put(c, Columns.cell(col, row)));
      out.add(new Values.Record("row", fields));
    }
    return out;
  }

  private void row(Row r, Env env) {
    List<Value> values = new ArrayList<>();
    List<String> headers = new ArrayList<>();
    for (RowItem item : r.items()) {
      values.add(eval(item.value(), env));
      headers.add(item.name() != null ? item.name() : item.value().span().text());
    }
    if (rowTables.isEmpty()) {
      throw LawException.of(Msg.ROW_OUTSIDE_LOOP, r.span());
    }
    List<String> existing = rowHeaders.peek();
    if (existing.isEmpty()) {
      existing.addAll(headers);
    } else if (existing.size() != headers.size()) {
      throw LawException.of(Msg.BAD_ARGUMENT, r.span(), "this row has " + headers.size() + " values, but earlier rows had " + existing.size());
    } else if (!existing.equals(headers)) {
      throw LawException.of(Msg.BAD_ARGUMENT, r.span(), "this row's columns are " + String.join(", ", headers)
          + ", but earlier rows' are " + String.join(", ", existing))
          .hint("every row of a table has the same columns; name them the same way in each 'row'");
    }
    rowTables.peek().add(values);
  }

  // ---- calls -------------------------------------------------------------------------------

  /** Evaluates a law at concrete inputs, elementwise over lists. */
  public Value callLaw(Law law, List<Value> args, Span at) {
    if (args.size() != law.inputs().size()) {
      throw LawException.of(Msg.ARITY, at, law.name(), law.inputs().size() + (law.inputs().size() == 1 ? " input" : " inputs"),
          args.size(), args.size() == 1 ? "was" : "were");
    }
    List<String> free = law.freeParameterNames();
    if (!free.isEmpty()) {
      throw LawException.of(Msg.FREE_PARAMETERS, at, law.name(), String.join(", ", free))
          .hint("give values with 'where " + free.get(0) + " = ...', or fit the law to data");
    }
    Value uncertain = Ensembles.callLaw(this, law, args, at);
    if (uncertain != null) {
      return uncertain;
    }
    session.services().lawCall.beforeCall(law, args, at, this);
    return LawCalls.apply(law, args, at, this);
  }

  public Value callProc(ProcValue p, List<Value> args, Span at) {
    Proc proc = p.proc();
    if (args.size() != proc.params().size()) {
      throw LawException.of(Msg.ARITY, at, proc.name().name(), proc.params().size() + " arguments", args.size(),
          args.size() == 1 ? "was" : "were");
    }
    Env local = new Env(p.closure());
    for (int i = 0; i < args.size(); i++) {
      local.define(proc.params().get(i).name(), args.get(i));
    }
    session.services().lawCall.beforeProc(at);
    enter(at); // first: when it throws, nothing has been pushed that the finally below would pop
    rowTables.push(new ArrayList<>());
    rowHeaders.push(new ArrayList<>());
    try {
      for (Stmt s : proc.body()) {
        exec(s, local);
      }
      List<List<Value>> rows = rowTables.peek();
      return rows.isEmpty() ? Nothing.INSTANCE : new TableValue(rowHeaders.peek(), rows);
    } catch (ReturnSignal r) {
      return r.value;
    } catch (LawException e) {
      throw atCaller(e, proc, at);
    } finally {
      depth--;
      rowTables.pop();
      rowHeaders.pop();
    }
  }

  /**
   * An error inside a proc from another file (a stdlib module) is reported at the user's call,
   * with where in the module it arose, so that the user sees their own line first.
   */
  private static LawException atCaller(LawException e, Proc proc, Span at) {
    Diagnostic first = e.first();
    if (first.span().source() == at.source() || proc.span().source() == at.source()
        || first.severity() != org.lawlang.diag.Severity.ERROR) {
      return e;
    }
    String where = "inside " + proc.name().name() + ", at " + first.span().location();
    return new LawException(new Diagnostic(first.severity(), first.code(), at, first.message() + " (in " + proc.name().name() + ")",
        first.hint() == null ? where : first.hint() + " (" + where + ")"));
  }

  void exitCall() {
    depth--;
  }

  /** Counts a call in; a call refused here is not counted, so each frame's exit undoes exactly its own entry. */
  void enter(Span at) {
    if (depth >= 200) {
      throw LawException.of(Msg.LIMIT, at, "calls nested more than 200 deep");
    }
    depth++;
  }

  /** Unwinds a proc on `return`. */
  static final class ReturnSignal extends RuntimeException {
    final transient Value value;

    ReturnSignal(Value value) {
      super(null, null, false, false);
      this.value = value;
    }
  }

  // ---- expressions ---------------------------------------------------------------------------

  public Value eval(Expr e, Env env) {
    if (e instanceof Expr.Num n) {
      return new Num(n.value());
    } else if (e instanceof Expr.Str s) {
      return new Str(s.value());
    } else if (e instanceof Expr.Bool b) {
      return new Bool(b.value());
    } else if (e instanceof Name n) {
      return lookup(n, env);
    } else if (e instanceof Unary u) {
      return unary(u, env);
    } else if (e instanceof Binary b) {
      return binary(b, env);
    } else if (e instanceof Call c) {
      return call(c, env);
    } else if (e instanceof Field f) {
      return eval(f.target(), env).field(f.field(), f.span());
    } else if (e instanceof Index i) {
      return index(i, env);
    } else if (e instanceof ListLit l) {
      return new ListVal(l.items().stream().map(x -> eval(x, env)).toList());
    } else if (e instanceof Range r) {
      return range(r, env);
    } else if (e instanceof Fit f) {
      FitOption by = f.options().stream().filter(o -> o.kind() == FitOptionKind.BY).findFirst().orElse(null);
      FitOption shared = f.options().stream().filter(o -> o.kind() == FitOptionKind.SHARED).findFirst().orElse(null);
      if (shared != null) {
        if (by == null) {
          throw LawException.of(Msg.GROUP_KEY, shared.span(), "'shared' names the parameters common to the groups of a 'by'")
              .hint("fit … to runs by source shared alpha, beta");
        }
        return SharedFit.fit(f, by, shared, this, env);
      }
      if (by != null) {
        Fit one = new Fit(f.span(), f.target(), f.model(), f.data(), f.options().stream().filter(o -> o != by).toList());
        return Groups.by(one, new Ident(by.values().get(0).span(), by.word()), f.span(), this, env);
      }
      return session.services().fit.fit(f, this, env);
    } else if (e instanceof Expr.By b) {
      return Groups.by(b.value(), b.key(), b.span(), this, env);
    } else if (e instanceof Optimize o) {
      return session.services().optimize.optimize(o, this, env);
    } else {
      return session.services().optimize.solve((Solve) e, this, env);
    }
  }

  public Value lookup(Name n, Env env) {
    Value v = env.lookup(n.name());
    if (v != null) {
      return v;
    }
    var b = Builtin.named(n.name());
    if (b.isPresent()) {
      return new BuiltinValue(b.get());
    }
    Set<String> names = new HashSet<>(env.visibleNames());
    names.addAll(Builtin.names());
    String hint = Suggest.hint(n.name(), names);
    if (hint == null && ModuleLoader.stdlibModules().contains(n.name())) {
      hint = "'" + n.name() + "' is a standard library module: import it first (import " + n.name() + ")";
    }
    throw LawException.of(Msg.UNKNOWN_NAME, n.span(), n.name()).hint(hint);
  }

  private Value unary(Unary u, Env env) {
    Value v = eval(u.operand(), env);
    return switch (u.op()) {
      case NEG -> Arith.negate(v, u.span());
      case PLUS -> v;
      case NOT -> new Bool(!Values.bool(v, u.operand().span()));
    };
  }

  private Value binary(Binary b, Env env) {
    if (b.op() == BinaryOp.AND || b.op() == BinaryOp.OR) {
      boolean lhs = Values.bool(eval(b.lhs(), env), b.lhs().span());
      if (b.op() == BinaryOp.AND ? !lhs : lhs) {
        return new Bool(lhs);
      }
      return new Bool(Values.bool(eval(b.rhs(), env), b.rhs().span()));
    }
    return Arith.binary(b.op(), eval(b.lhs(), env), eval(b.rhs(), env), b.span());
  }

  private Value call(Call c, Env env) {
    Value callee = eval(c.callee(), env);
    List<Value> args = new ArrayList<>();
    for (Arg a : c.args()) {
      if (a.name() != null) {
        throw LawException.of(Msg.NAMED_ARG, a.span(), ExprPrinterShort.of(c.callee()), a.name());
      }
      args.add(eval(a.value(), env));
    }
    if (callee instanceof Callable f) {
      return f.call(this, args, c.span());
    }
    throw LawException.of(Msg.NOT_CALLABLE, c.callee().span(), Values.describe(callee));
  }

  private Value index(Index i, Env env) {
    Value target = eval(i.target(), env);
    if (target instanceof GroupFits g) {
      return g.group(eval(i.index(), env).show(), i.index().span());
    }
    if (target instanceof GroupedData g) {
      return g.group(eval(i.index(), env).show(), i.index().span());
    }
    List<Value> items = Values.list(target, i.target().span(), "indexing");
    double k = Values.num(eval(i.index(), env), i.index().span(), "an index");
    int n = items.size();
    int j = (int) k;
    if (k != j) {
      throw LawException.of(Msg.BAD_ARGUMENT, i.index().span(), "an index must be a whole number, not " + NumberFormat.show(k))
          .hint("indices start at 0; -1 is the last item");
    }
    if (j < -n || j >= n) {
      throw LawException.of(Msg.INDEX, i.index().span(), NumberFormat.show(k), n).hint("indices start at 0; -1 is the last item");
    }
    return items.get(j < 0 ? n + j : j);
  }

  private Value range(Range r, Env env) {
    double lo = Values.finite(eval(r.lo(), env), r.lo().span(), "a range");
    double hi = Values.finite(eval(r.hi(), env), r.hi().span(), "a range");
    double step = r.step() == null ? 1 : Values.finite(eval(r.step(), env), r.step().span(), "a range step");
    if (step <= 0) {
      throw LawException.of(Msg.BAD_RANGE, r.step() == null ? r.span() : r.step().span(), "the step of a range must be positive");
    }
    if (hi < lo) {
      throw LawException.of(Msg.BAD_RANGE, r.span(), "the range " + NumberFormat.show(lo) + ".." + NumberFormat.show(hi) + " is empty");
    }
    double count = Math.floor((hi - lo) / step + 1e-9) + 1;
    if (count > BuiltinCalls.MAX_LIST) {
      throw LawException.of(Msg.LIMIT, r.span(), "a range of " + NumberFormat.show(count) + " items is too long");
    }
    double[] out = new double[(int) count];
    for (int i = 0; i < out.length; i++) {
      out[i] = lo + i * step;
    }
    return ListVal.ofDoubles(out);
  }

  /** Short text of a callee for messages. */
  static final class ExprPrinterShort {
    static String of(Expr e) {
      return org.lawlang.syntax.ExprPrinter.print(e);
    }
  }
}
