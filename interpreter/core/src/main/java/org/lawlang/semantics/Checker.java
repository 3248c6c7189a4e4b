package org.lawlang.semantics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lawlang.diag.Diagnostic;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Suggest;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Expr.*;
import org.lawlang.syntax.Program;
import org.lawlang.syntax.Stmt;
import org.lawlang.syntax.Stmt.*;

/**
 * Resolves names before anything runs: unknown names (with "did you mean"), arity of law,
 * proc and builtin calls, `where`/`with` clauses that name no parameter, `row` and `return`
 * out of place. Names inside a law body that are not inputs, laws or builtins are its
 * parameters; free names in `minimize` and `solve` are decision variables; names inside data
 * and fit clauses may be columns and are checked when the data is known, at run time.
 */
public final class Checker {
  private final Symbols outer;
  private final List<Diagnostic> errors = new ArrayList<>();

  private Checker(Symbols outer) {
    this.outer = outer;
  }

  /** Checks a program; throws a LawException holding every error found. */
  public static void check(Program program, Symbols outer) {
    Checker c = new Checker(outer);
    Scope scope = new Scope(null);
    for (Stmt s : program.statements()) {
      try {
        c.stmt(s, scope, false, false);
      } catch (StackOverflowError e) {
        // the parser's limits keep scripts far from this on a normal stack; an embedding
        // application's thread may have a small one
        throw LawException.of(Msg.TOO_DEEP, s.span(), org.lawlang.syntax.Parsing.MAX_DEPTH)
            .hint("split the statement with 'let' bindings, or give the calling thread a larger stack");
      }
    }
    if (!c.errors.isEmpty()) {
      throw new LawException(c.errors);
    }
  }

  /** Names defined by this program, layered over the outer symbols. */
  private static final class Scope {
    final Scope parent;
    final Map<String, Symbols.Kind> names = new HashMap<>();

    Scope(Scope parent) {
      this.parent = parent;
    }

    Symbols.Kind find(String name) {
      for (Scope s = this; s != null; s = s.parent) {
        Symbols.Kind k = s.names.get(name);
        if (k != null) {
          return k;
        }
      }
      return null;
    }

    void allNames(Set<String> out) {
      for (Scope s = this; s != null; s = s.parent) {
        out.addAll(s.names.keySet());
      }
    }
  }

  private Symbols.Kind lookup(String name, Scope scope) {
    Symbols.Kind k = scope.find(name);
    return k != null ? k : outer.kindOf(name);
  }

  private Set<String> known(Scope scope) {
    Set<String> out = new HashSet<>(outer.names());
    scope.allNames(out);
    out.addAll(Builtin.names());
    return out;
  }

  /** Set once an import without an alias fails: later unknown names are likely its. */
  private boolean failedImport;

  /** Names this program declares with `data`, for suggesting a dataset where one is expected. */
  private final Set<String> datasets = new HashSet<>();

  private boolean callable(String name, Scope scope) {
    Symbols.Kind k = lookup(name, scope);
    return k instanceof Symbols.LawKind || k instanceof Symbols.ProcKind || k == null && Builtin.named(name).isPresent();
  }

  private boolean dataset(String name) {
    return datasets.contains(name) || outer.isDataset(name);
  }

  /** The law that owns each parameter name seen so far (the first law, if several share it). */
  private final Map<String, String> paramOwner = new HashMap<>();

  /**
   * L201 at an unknown name, with the closest visible name as a hint, else the law parameter
   * it names or nearly names (parameters live inside their law: L.alpha).
   */
  private void unknownName(Name n, Scope scope) {
    unknownName(n, scope, c -> true);
  }

  /** As {@link #unknownName(Name, Scope)}, preferring suggestions of the kind the context wants. */
  private void unknownName(Name n, Scope scope, java.util.function.Predicate<String> wanted) {
    if (failedImport) {
      return; // the import that failed may have defined it: one error, not a cascade
    }
    String hint = Suggest.hint(n.name(), known(scope), wanted);
    if (hint == null && isStdlibModule(n)) {
      hint = "'" + n.name() + "' is a standard library module: import it first (import " + n.name() + ")";
    }
    if (hint == null) {
      String owner = paramOwner.get(n.name());
      if (owner != null) {
        hint = "'" + n.name() + "' is a parameter of law " + owner + ": write " + owner + "." + n.name();
      } else {
        hint = Suggest.closest(n.name(), paramOwner.keySet())
            .map(p -> "did you mean " + paramOwner.get(p) + "." + p + " (a parameter of law " + paramOwner.get(p) + ")?")
            .orElse(null);
      }
    }
    error(Diagnostic.error(Msg.UNKNOWN_NAME, n.span(), n.name()).withHint(hint));
  }

  private boolean isStdlibModule(Name n) {
    if (!n.name().matches("[a-z][a-z0-9_]*")) {
      return false;
    }
    try {
      return outer.moduleExports(n.name(), null, n.span()) != null;
    } catch (LawException e) {
      return false;
    }
  }

  private void error(Diagnostic d) {
    if (errors.size() < 50) {
      errors.add(d);
    }
  }

  // ---- statements ----------------------------------------------------------------------

  private void stmt(Stmt s, Scope scope, boolean inLoop, boolean inProc) {
    if (s instanceof Import i) {
      try {
        Map<String, Symbols.Kind> exports = outer.moduleExports(i.module() == null ? null : i.module().name(), i.path(), i.span());
        if (i.alias() != null) {
          scope.names.put(i.alias().name(), new Symbols.ModuleKind(exports));
        } else {
          if (i.module() != null) {
            scope.names.put(i.module().name(), new Symbols.ModuleKind(exports));
          }
          scope.names.putAll(exports);
        }
      } catch (LawException e) {
        e.diagnostics().forEach(this::error);
        failedImport |= i.alias() == null;
      }
    } else if (s instanceof Let l) {
      expr(l.value(), scope, Set.of());
      scope.names.put(l.name().name(), kindOfValue(l.value(), scope));
    } else if (s instanceof LawDecl l) {
      law(l, scope);
    } else if (s instanceof Proc p) {
      if (Builtin.named(p.name().name()).isPresent()) {
        error(Diagnostic.error(Msg.BUILTIN_REDEFINED, p.name().span(), p.name().name()));
      }
      scope.names.put(p.name().name(), new Symbols.ProcKind(p.params().size()));
      Scope body = new Scope(scope);
      p.params().forEach(id -> body.names.put(id.name(), Symbols.VALUE));
      p.body().forEach(x -> stmt(x, body, false, true));
    } else if (s instanceof Return r) {
      if (!inProc) {
        error(Diagnostic.error(Msg.RETURN_OUTSIDE_PROC, r.span()));
      }
      if (r.value() != null) {
        expr(r.value(), scope, Set.of());
      }
    } else if (s instanceof Data d) {
      if (d.source() instanceof DerivedSource ds && ds.source() instanceof Name from && lookup(from.name(), scope) == null) {
        unknownName(from, scope, this::dataset); // data big = runz where ...: a dataset is meant
      } else if (d.source() instanceof DerivedSource ds) {
        expr(ds.source(), scope, Set.of());
      }
      scope.names.put(d.name().name(), Symbols.VALUE);
      datasets.add(d.name().name());
    } else if (s instanceof Print p) {
      p.values().forEach(v -> expr(v, scope, Set.of()));
    } else if (s instanceof For f) {
      expr(f.iterable(), scope, Set.of());
      Scope body = new Scope(scope);
      body.names.put(f.variable().name(), Symbols.VALUE);
      f.body().forEach(x -> stmt(x, body, true, inProc));
    } else if (s instanceof Row r) {
      if (!inLoop && !inProc) {
        error(Diagnostic.error(Msg.ROW_OUTSIDE_LOOP, r.span()));
      }
      r.items().forEach(item -> expr(item.value(), scope, Set.of()));
      Set<String> headers = new HashSet<>();
      for (RowItem item : r.items()) {
        String header = item.name() != null ? item.name() : item.value().span().text();
        if (!headers.add(header)) {
          error(Diagnostic.error(Msg.DUPLICATE_COLUMN, item.span(), header)
              .withHint("name each column once: row x, double: 2 * x"));
        }
      }
    } else if (s instanceof Compare c) {
      for (Expr l : c.laws()) {
        if (l instanceof Name n && lookup(n.name(), scope) == null && Builtin.named(n.name()).isEmpty()) {
          unknownName(n, scope, x -> lookup(x, scope) instanceof Symbols.LawKind); // compare takes laws
        } else {
          expr(l, scope, Set.of());
        }
      }
    } else if (s instanceof ExprStmt e) {
      expr(e.expr(), scope, Set.of());
    } else if (s instanceof Plot p) {
      for (PlotSeries series : p.series()) {
        if (series.source() != null) {
          expr(series.source(), scope, Set.of()); // y and x name the dataset's columns, known only when it is read
          continue;
        }
        Scope curve = new Scope(scope);
        if (series.x() != null) {
          curve.names.put(series.x().name(), Symbols.VALUE);
        }
        if (series.variable() != null) {
          curve.names.put(series.variable().name(), Symbols.VALUE);
        }
        if (series.x() == null) {
          // a curve's axis is its free name (plot L(N, 20 * N) over [...]); which one, when there
          // are several, the run says with its own hint (L807); a law or function it calls must exist
          for (String name : operandNames(series.y())) {
            if (lookup(name, curve) == null && Builtin.named(name).isEmpty()) {
              curve.names.put(name, Symbols.VALUE);
            }
          }
        }
        if (series.values() != null) {
          expr(series.values(), scope, Set.of());
        }
        if (series.over() != null) {
          expr(series.over().lo(), scope, Set.of());
          expr(series.over().hi(), scope, Set.of());
        }
        expr(series.y(), curve, Set.of());
      }
    }
  }

  /** The names an expression reads as values, in order (callees left out). */
  private static List<String> operandNames(Expr e) {
    List<String> out = new ArrayList<>();
    operandNames(e, out);
    return out;
  }

  private static void operandNames(Expr e, List<String> out) {
    if (e instanceof Name n) {
      out.add(n.name());
    } else if (e instanceof Unary u) {
      operandNames(u.operand(), out);
    } else if (e instanceof Binary b) {
      operandNames(b.lhs(), out);
      operandNames(b.rhs(), out);
    } else if (e instanceof Call c) {
      c.args().forEach(a -> operandNames(a.value(), out));
    } else if (e instanceof Field f) {
      operandNames(f.target(), out);
    }
  }

  private Symbols.Kind kindOfValue(Expr e, Scope scope) {
    if (e instanceof Name n) {
      Symbols.Kind k = lookup(n.name(), scope);
      return k == null ? Symbols.VALUE : k;
    }
    return Symbols.VALUE;
  }

  private void law(LawDecl l, Scope scope) {
    String name = l.name().name();
    if (Builtin.named(name).isPresent()) {
      error(Diagnostic.error(Msg.BUILTIN_REDEFINED, l.name().span(), name));
    }
    Set<String> inputs = new HashSet<>();
    for (Ident in : l.inputs()) {
      if (!inputs.add(in.name())) {
        error(Diagnostic.error(Msg.DUPLICATE_INPUT, in.span(), in.name()));
      }
    }
    Set<String> params = new java.util.LinkedHashSet<>();
    lawBody(l.body(), name, inputs, params, scope);
    params.forEach(p -> paramOwner.putIfAbsent(p, name));
    Set<String> seen = new HashSet<>();
    for (Binding b : l.where()) {
      expr(b.value(), scope, Set.of());
      checkParamName(b.name(), inputs, params, seen, name, true);
    }
    Set<String> fixed = new HashSet<>(seen);
    seen.clear();
    for (ParamSpec p : l.with()) {
      checkParamName(p.name(), inputs, params, seen, name, false);
      // a fixed parameter is never fitted, so its bound would silently do nothing
      if (fixed.contains(p.name().name())) {
        error(Diagnostic.error(Msg.FIXED_AND_BOUNDED, p.name().span(), p.name().name())
            .withHint("drop it from 'where' to fit it within the bound, or drop the bound to keep it fixed"));
      }
    }
    scope.names.put(name, new Symbols.LawKind(l.inputs().size()));
  }

  private void checkParamName(Ident id, Set<String> inputs, Set<String> params, Set<String> seen, String law, boolean where) {
    if (!seen.add(id.name())) {
      error(Diagnostic.error(Msg.DUPLICATE_BINDING, id.span(), id.name()));
    } else if (inputs.contains(id.name())) {
      error(Diagnostic.error(Msg.PARAM_IS_INPUT, id.span(), id.name()));
    } else if (!params.contains(id.name())) {
      Diagnostic d = where ? Diagnostic.error(Msg.WHERE_NOT_IN_BODY, id.span(), id.name())
          : Diagnostic.error(Msg.UNKNOWN_PARAMETER, id.span(), id.name(), law);
      error(d.withHint(Suggest.hint(id.name(), params)));
    }
  }

  /** Walks a law body: collects parameters, checks calls. */
  private void lawBody(Expr e, String self, Set<String> inputs, Set<String> params, Scope scope) {
    if (e instanceof Name n) {
      if (!inputs.contains(n.name())) {
        params.add(n.name());
      }
    } else if (e instanceof Unary u) {
      lawBody(u.operand(), self, inputs, params, scope);
    } else if (e instanceof Binary b) {
      lawBody(b.lhs(), self, inputs, params, scope);
      lawBody(b.rhs(), self, inputs, params, scope);
    } else if (e instanceof Call c) {
      if (c.callee() instanceof Name n) {
        Symbols.Kind k = lookup(n.name(), scope);
        if (n.name().equals(self)) {
          error(Diagnostic.error(Msg.RECURSIVE_LAW, n.span(), self));
        } else if (k instanceof Symbols.LawKind lk) {
          arity(c, n.name(), lk.arity(), lk.arity(), "input");
        } else if (Builtin.named(n.name()).filter(b -> b.math).isPresent() && k == null) {
          Builtin b = Builtin.named(n.name()).get();
          arity(c, b.name, b.minArgs, b.maxArgs, "argument");
        } else if (k == null) {
          unknownName(n, scope);
        } else if (!(k instanceof Symbols.ValueKind)) {
          error(Diagnostic.error(Msg.NOT_CALLABLE, n.span(), "'" + n.name() + "'"));
        }
      } else {
        lawBody(c.callee(), self, inputs, params, scope);
      }
      c.args().forEach(a -> lawBody(a.value(), self, inputs, params, scope));
    } else if (e instanceof Field f) {
      expr(f, scope, Set.of());
    }
  }

  private void arity(Call c, String name, int min, int max, String noun) {
    int n = c.args().size();
    if (n < min || n > max) {
      String takes = min == max ? min + " " + noun + (min == 1 ? "" : "s")
          : max == Integer.MAX_VALUE ? "at least " + min + " " + noun + (min == 1 ? "" : "s") : min + " to " + max + " " + noun + "s";
      error(Diagnostic.error(Msg.ARITY, c.span(), name, takes, n, n == 1 ? "was" : "were"));
    }
  }

  // ---- expressions ------------------------------------------------------------------------

  /** Checks names in an expression; {@code free} names are allowed unbound (decision variables). */
  private void expr(Expr e, Scope scope, Set<String> free) {
    if (e instanceof Name n) {
      if (!free.contains(n.name()) && lookup(n.name(), scope) == null && Builtin.named(n.name()).isEmpty()) {
        unknownName(n, scope);
      }
    } else if (e instanceof Unary u) {
      expr(u.operand(), scope, free);
    } else if (e instanceof Binary b) {
      expr(b.lhs(), scope, free);
      expr(b.rhs(), scope, free);
    } else if (e instanceof Call c) {
      callExpr(c, scope, free);
    } else if (e instanceof Field f) {
      expr(f.target(), scope, free);
      if (f.target() instanceof Name n && lookup(n.name(), scope) instanceof Symbols.ModuleKind m
          && m.members() != null && !m.members().containsKey(f.field())) {
        error(Diagnostic.error(Msg.NO_FIELD, f.span(), "module '" + n.name() + "'", f.field())
            .withHint(Suggest.hint(f.field(), m.members().keySet())));
      }
    } else if (e instanceof Index i) {
      expr(i.target(), scope, free);
      expr(i.index(), scope, free);
    } else if (e instanceof ListLit l) {
      l.items().forEach(x -> expr(x, scope, free));
    } else if (e instanceof Range r) {
      expr(r.lo(), scope, free);
      expr(r.hi(), scope, free);
      if (r.step() != null) {
        expr(r.step(), scope, free);
      }
    } else if (e instanceof Fit f) {
      if (f.model() instanceof Call c && c.callee() instanceof Name n && lookup(n.name(), scope) == null) {
        unknownName(n, scope, x -> callable(x, scope));
      }
      if (f.data() instanceof Name d && lookup(d.name(), scope) == null) {
        unknownName(d, scope, this::dataset);
      } else {
        expr(f.data(), scope, free);
      }
    } else if (e instanceof Optimize o) {
      Set<String> vars = new HashSet<>(free);
      collectUnbound(o.objective(), scope, vars);
      o.constraints().forEach(c -> {
        collectUnbound(c.lhs(), scope, vars);
        collectUnbound(c.rhs(), scope, vars);
      });
      o.over().forEach(v -> vars.add(v.name().name()));
      expr(o.objective(), scope, vars);
      for (Constraint c : o.constraints()) {
        expr(c.lhs(), scope, vars);
        expr(c.rhs(), scope, vars);
      }
    } else if (e instanceof Solve s) {
      if (s.all() && s.range() == null) {
        error(Diagnostic.error(Msg.ROOTS_NO_RANGE, s.span(), s.variable().name())
            .withHint("give the range to list the roots in: roots ... for " + s.variable().name() + " in [lo, hi]"));
      }
      Set<String> vars = new HashSet<>(free);
      vars.add(s.variable().name());
      expr(s.lhs(), scope, vars);
      expr(s.rhs(), scope, vars);
    } else if (e instanceof Expr.By b) {
      // the key names a column of the data the value reads, checked when it runs
      expr(b.value(), scope, free);
    } else if (!(e instanceof Num || e instanceof Str || e instanceof Bool)) {
      throw new IllegalStateException("the checker has no case for " + e.getClass().getSimpleName());
    }
  }

  private void callExpr(Call c, Scope scope, Set<String> free) {
    if (c.callee() instanceof Name n) {
      Symbols.Kind k = lookup(n.name(), scope);
      if (k instanceof Symbols.LawKind lk) {
        arity(c, n.name(), lk.arity(), lk.arity(), "input");
      } else if (k instanceof Symbols.ProcKind pk) {
        arity(c, n.name(), pk.arity(), pk.arity(), "argument");
      } else if (k == null) {
        var b = Builtin.named(n.name());
        if (b.isPresent()) {
          arity(c, b.get().name, b.get().minArgs, b.get().maxArgs, "argument");
        } else {
          unknownName(n, scope, x -> callable(x, scope));
        }
      } else if (k instanceof Symbols.ModuleKind) {
        error(Diagnostic.error(Msg.NOT_CALLABLE, n.span(), "module '" + n.name() + "'"));
      }
    } else {
      expr(c.callee(), scope, free);
    }
    c.args().forEach(a -> expr(a.value(), scope, free));
  }

  /** Plain names not bound anywhere: the decision variables of a minimize. */
  private void collectUnbound(Expr e, Scope scope, Set<String> out) {
    if (e instanceof Name n) {
      if (lookup(n.name(), scope) == null && Builtin.named(n.name()).isEmpty()) {
        out.add(n.name());
      }
    } else if (e instanceof Unary u) {
      collectUnbound(u.operand(), scope, out);
    } else if (e instanceof Binary b) {
      collectUnbound(b.lhs(), scope, out);
      collectUnbound(b.rhs(), scope, out);
    } else if (e instanceof Call c) {
      c.args().forEach(a -> collectUnbound(a.value(), scope, out));
    }
  }
}
