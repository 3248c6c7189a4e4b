package org.lawlang.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lawlang.compile.GeometricForm;
import org.lawlang.certify.Check;
import org.lawlang.certify.Verifier;
import org.lawlang.compile.Problem;
import org.lawlang.diag.Diagnostic;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Span;
import org.lawlang.solve.Certificate;
import org.lawlang.solve.LocalSolver;
import org.lawlang.solve.LogSpaceSolver;
import org.lawlang.solve.ShadowPrices;
import org.lawlang.solve.Solution;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.NumberFormat;

/**
 * The optimisation service (registered in {@link Services#standard()}): lowers `minimize` /
 * `maximize` with {@link ProblemBuilder}, solves power-law problems globally in log space
 * ({@link LogSpaceSolver}) and anything else locally ({@link LocalSolver}), prices the
 * constraints ({@link ShadowPrices}) and returns an {@link OptimumValue}. Infeasible and
 * unbounded problems are errors naming the constraints or variables; an iteration limit is a
 * warning on a result that says so. `solve` is handled by {@link RootSolve}.
 */
public final class Optimizer implements Services.OptimizeService {
  @Override
  public Value optimize(Expr.Optimize node, Interpreter in, Env env) {
    Env named = new Env(env);
    java.util.function.UnaryOperator<Expr> byName = e -> fitsByName(e, in, env, named);
    Expr.Optimize renamed = new Expr.Optimize(node.span(), node.maximize(), byName.apply(node.objective()), node.over(),
        node.constraints().stream().map(c -> new Expr.Constraint(c.span(), c.name(), byName.apply(c.lhs()), c.relation(),
            byName.apply(c.rhs()))).toList());
    return optimizeNamed(renamed, in, named);
  }

  /**
   * A fit called through a field or an index (`fits.llama_3(N, D)`, `fits[s](N, D)`) given a
   * name of its own, so that the question finds it, as it finds a fit called by name, and
   * carries its interval (the spans stay, so messages and headings read as written).
   */
  private static Expr fitsByName(Expr e, Interpreter in, Env env, Env named) {
    if (e instanceof Expr.Call c) {
      Expr callee = c.callee();
      if (callee instanceof Expr.Field || callee instanceof Expr.Index) {
        Value v;
        try {
          v = in.eval(callee, env);
        } catch (LawException notHere) {
          v = null; // the question reports it where it belongs
        }
        if (v instanceof FitValue) {
          String name = "__fit" + named.locals().size();
          named.define(name, v);
          callee = new Expr.Name(callee.span(), name);
        }
      }
      return new Expr.Call(c.span(), callee,
          c.args().stream().map(a -> new Expr.Arg(a.span(), a.name(), fitsByName(a.value(), in, env, named))).toList());
    } else if (e instanceof Expr.Unary u) {
      return new Expr.Unary(u.span(), u.op(), fitsByName(u.operand(), in, env, named));
    } else if (e instanceof Expr.Binary b) {
      return new Expr.Binary(b.span(), b.op(), fitsByName(b.lhs(), in, env, named), fitsByName(b.rhs(), in, env, named));
    }
    return e;
  }

  private Value optimizeNamed(Expr.Optimize node, Interpreter in, Env env) {
    ProblemBuilder.Built built = ProblemBuilder.build(node, in, env);
    Problem p = built.problem();
    if (p.variables().isEmpty()) {
      throw LawException.of(Msg.OPT_NO_VARIABLES, node.objective().span())
          .hint("name the variables with 'over', or use names that are not defined: minimize L(N, D) subject to 6*N*D = C");
    }
    Set<String> unused = ProblemBuilder.unused(p);
    if (!unused.isEmpty()) {
      Problem.Var v = p.variables().get(p.index(unused.iterator().next()));
      throw LawException.of(Msg.OPT_UNUSED_VARIABLE, v.span(), v.name());
    }
    Solution s = null;
    GeometricForm gf = GeometricForm.of(p);
    if (gf != null) {
      signErrors(gf, p, built);
      s = LogSpaceSolver.solve(gf);
    } else {
      nonPositiveRange(p);
    }
    if (s == null) {
      gf = null; // the local method's verdicts are checked against the problem alone
      // the local method's starts and paths depend on the variables' order: solve with them
      // sorted by name, so that `over y, x` and `over x, y` get one answer
      int[] order = java.util.stream.IntStream.range(0, p.variables().size()).boxed()
          .sorted(java.util.Comparator.comparing(i -> p.variables().get(i).name())).mapToInt(Integer::intValue).toArray();
      Problem local = new Problem(java.util.Arrays.stream(order).mapToObj(i -> p.variables().get(i)).toList(), p.objective(),
          p.maximize(), p.constraints());
      s = inOriginalOrder(LocalSolver.solve(local, in.session().settings().seed(),
          x -> Verifier.check(local, null, new Solution(Solution.Status.OPTIMAL, x, false, 0, 1, "", List.of(), List.of()))
              .confirmed(),
          r -> Verifier.check(local, null, new Solution(Solution.Status.UNBOUNDED, r.from(), false, 0, 1, "", List.of(), List.of(), r))
              .confirmed()), order);
    }
    Check check = Verifier.check(p, gf, s);
    String heading = (p.maximize() ? "maximum of " : "minimum of ") + node.objective().span().text();
    Value result = report(s, check, p, built, node, heading, in);
    if (result instanceof OptimumValue o) {
      warnAtOptimum(node, o, in, env);
      result = ensemble(node, o, in, env);
    }
    return result;
  }

  /** A solution of the problem with its variables in {@code order} (canonical i is original order[i]), in the original order. */
  private static Solution inOriginalOrder(Solution s, int[] order) {
    double[] x = s.x() == null ? null : new double[order.length];
    for (int c = 0; c < order.length && x != null; c++) {
      x[order[c]] = s.x()[c];
    }
    List<Integer> diverging = s.diverging().stream().map(c -> order[c]).toList();
    List<Integer> conflicting = s.conflicting().stream().map(j -> j >= 0 ? j : -1 - order[-1 - j]).toList();
    Certificate evidence = s.certificate();
    if (evidence instanceof Certificate.Ray r) {
      double[] from = new double[order.length];
      double[] d = new double[order.length];
      for (int c = 0; c < order.length; c++) {
        from[order[c]] = r.from()[c];
        d[order[c]] = r.direction()[c];
      }
      evidence = new Certificate.Ray(from, d);
    }
    return new Solution(s.status(), x, s.global(), s.iterations(), s.starts(), s.method(), conflicting, diverging, evidence);
  }

  /**
   * The optimum as uncertain as what it is computed from: when the question mentions a
   * bootstrapped fit or an uncertain number, the same question is solved once per bootstrap
   * member (the fit's law refitted to resample k, member k of each uncertain number) and the
   * variables and value carry those optima. A member without an optimum is NaN. The point stays
   * the one solved and checked above; members are not certified one by one.
   */
  private static Value ensemble(Expr.Optimize node, OptimumValue o, Interpreter in, Env env) {
    List<Expr> read = new ArrayList<>(List.of(node.objective()));
    node.constraints().forEach(c -> {
      read.add(c.lhs());
      read.add(c.rhs());
    });
    Map<String, Value> uncertain = uncertainIn(read, env, node.span());
    if (uncertain.isEmpty()) {
      Delta.Symbols symbols = Delta.symbols(deltaIn(read, env), env, node.span());
      if (symbols == null || !o.status().equals("optimal")) {
        return o;
      }
      Problem sp = ProblemBuilder.buildSymbolic(node, in, symbols.env()).problem();
      double[] x = sp.names().stream().mapToDouble(n -> o.point().get(n)).toArray();
      Map<String, Uncertain> values = Delta.optimum(symbols, sp, x, o.objective());
      return values == null ? o : o.withUncertain(values);
    }
    int size = sizeOf(uncertain);
    Map<String, double[]> samples = new LinkedHashMap<>();
    o.point().keySet().forEach(name -> samples.put(name, new double[size]));
    samples.put("value", new double[size]);
    for (int k = 0; k < size; k++) {
      double[] x = null;
      Problem mp = null;
      try {
        mp = ProblemBuilder.build(node, in, member(env, uncertain, k)).problem();
        GeometricForm gf = GeometricForm.of(mp);
        Solution ms = gf != null ? LogSpaceSolver.solve(gf) : null;
        if (ms == null) {
          ms = LocalSolver.solve(mp, in.session().settings().seed());
        }
        x = ms.status() == Solution.Status.OPTIMAL ? ms.x() : null;
      } catch (LawException noOptimum) {
        x = null;
      }
      int i = 0;
      for (double[] xs : samples.values()) {
        if (i < o.point().size()) {
          xs[k] = x == null ? Double.NaN : x[i];
        }
        i++;
      }
      samples.get("value")[k] = x == null ? Double.NaN : objective(mp, x);
    }
    return o.withEnsemble(samples, levelOf(uncertain), methodOf(uncertain));
  }

  /** The root as uncertain as the equation: `solve` once per bootstrap member, as {@link #ensemble} does for minimize. */
  private static Value ensembleRoot(Expr.Solve node, OptimumValue o, Interpreter in, Env env) {
    List<Expr> read = new ArrayList<>(List.of(node.lhs(), node.rhs()));
    if (node.range() != null) {
      read.add(node.range().lo());
      read.add(node.range().hi());
    }
    Map<String, Value> uncertain = uncertainIn(read, env, node.span());
    if (o.point().size() != 1) {
      return o;
    }
    String variable = o.point().keySet().iterator().next();
    if (uncertain.isEmpty()) {
      Delta.Symbols symbols = Delta.symbols(deltaIn(read, env), env, node.span());
      if (symbols == null || !o.status().equals("root")) {
        return o;
      }
      org.lawlang.compile.Formula diff = org.lawlang.compile.Formula.minus(
          ProblemBuilder.lowerForSolveSymbolic(node.lhs(), node.variable(), in, symbols.env()),
          ProblemBuilder.lowerForSolveSymbolic(node.rhs(), node.variable(), in, symbols.env()));
      var x = new org.lawlang.compile.Formula.Ref(org.lawlang.compile.Formula.Kind.VARIABLE, variable);
      return o.withUncertain(Map.of(variable, Delta.root(symbols, diff, x, o.point().get(variable))));
    }
    double[] roots = new double[sizeOf(uncertain)];
    for (int k = 0; k < roots.length; k++) {
      try {
        Value v = RootSolve.solve(node, in, member(env, uncertain, k));
        roots[k] = v instanceof OptimumValue m && m.status().equals("root") ? m.point().get(variable) : Double.NaN;
      } catch (LawException noRoot) {
        roots[k] = Double.NaN;
      }
    }
    return o.withEnsemble(Map.of(variable, roots), levelOf(uncertain), methodOf(uncertain));
  }

  /** The bootstrapped fits and uncertain numbers that {@code read} mentions, by name. */
  private static Map<String, Value> uncertainIn(List<Expr> read, Env env, Span at) {
    Set<String> mentioned = new java.util.LinkedHashSet<>();
    read.forEach(e -> mentions(e, mentioned));
    Map<String, Value> uncertain = new LinkedHashMap<>();
    int size = -1;
    for (String name : mentioned) {
      Value v = env.lookup(name);
      int k = v instanceof FitValue f ? f.ensembleSize() : v instanceof Uncertain u ? u.size() : 0;
      if (k > 0) {
        if (size >= 0 && size != k) {
          throw Ensembles.mismatch(size, k, at);
        }
        size = k;
        uncertain.put(name, v);
      }
    }
    return uncertain;
  }

  /** The fits without a bootstrap and the delta-method values that {@code read} mentions, by name. */
  private static Map<String, Value> deltaIn(List<Expr> read, Env env) {
    Set<String> mentioned = new java.util.LinkedHashSet<>();
    read.forEach(e -> mentions(e, mentioned));
    Map<String, Value> out = new LinkedHashMap<>();
    for (String name : mentioned) {
      Value v = env.lookup(name);
      if (v instanceof FitValue f && f.delta() || v instanceof Uncertain u && u.isDelta()) {
        out.put(name, v);
      }
    }
    return out;
  }

  /** The environment of member k: each bootstrapped fit its refit k, each uncertain number its member k. */
  private static Env member(Env env, Map<String, Value> uncertain, int k) {
    Env member = new Env(env);
    for (Map.Entry<String, Value> e : uncertain.entrySet()) {
      member.define(e.getKey(), e.getValue() instanceof FitValue f ? new LawValue(f.member(k))
          : new Values.Num(((Uncertain) e.getValue()).sample(k)));
    }
    return member;
  }

  private static double levelOf(Map<String, Value> uncertain) {
    Value v = uncertain.values().iterator().next();
    return v instanceof FitValue f ? f.outcome().level() : ((Uncertain) v).level();
  }

  private static String methodOf(Map<String, Value> uncertain) {
    Value v = uncertain.values().iterator().next();
    return v instanceof FitValue f ? f.ensembleMethod() : ((Uncertain) v).method();
  }

  /** The names an expression reads, callees and field targets included. */
  private static void mentions(Expr e, Set<String> out) {
    if (e instanceof Expr.Name n) {
      out.add(n.name());
    } else if (e instanceof Expr.Unary u) {
      mentions(u.operand(), out);
    } else if (e instanceof Expr.Binary b) {
      mentions(b.lhs(), out);
      mentions(b.rhs(), out);
    } else if (e instanceof Expr.Call c) {
      mentions(c.callee(), out);
      c.args().forEach(a -> mentions(a.value(), out));
    } else if (e instanceof Expr.Field f) {
      mentions(f.target(), out);
    } else if (e instanceof Expr.Index i) {
      mentions(i.target(), out);
      mentions(i.index(), out);
    } else if (e instanceof Expr.ListLit l) {
      l.items().forEach(x -> mentions(x, out));
    }
  }

  private static int sizeOf(Map<String, Value> uncertain) {
    Value v = uncertain.values().iterator().next();
    return v instanceof FitValue f ? f.ensembleSize() : ((Uncertain) v).size();
  }

  /**
   * Evaluates the objective and the constraints once more at the optimum through the
   * interpreter, so that laws inlined into the problem warn (L704) when the answer lies far
   * outside the range they were fitted on, as a direct call there would.
   */
  /** As {@link #warnAtOptimum}, for a root: both sides once more at the root, so that a law far outside its data warns. */
  private static void warnAtRoot(Expr.Solve node, OptimumValue o, Interpreter in, Env env) {
    Env at = new Env(env);
    o.point().forEach((name, x) -> at.define(name, new Values.Num(x)));
    for (Expr e : List.of(node.lhs(), node.rhs())) {
      try {
        in.eval(e, at);
      } catch (LawException ignored) {
        // the root finder already evaluated these; a failure here only means no warning
      }
    }
  }

  private static void warnAtOptimum(Expr.Optimize node, OptimumValue o, Interpreter in, Env env) {
    Env at = new Env(env);
    o.point().forEach((name, x) -> at.define(name, new Values.Num(x)));
    List<Expr> sides = new ArrayList<>();
    sides.add(node.objective());
    node.constraints().forEach(c -> {
      sides.add(c.lhs());
      sides.add(c.rhs());
    });
    for (Expr e : sides) {
      try {
        Value v = in.eval(e, at);
        if (v instanceof LawValue lv) {
          List<Value> args = new ArrayList<>();
          for (String input : lv.law().inputs()) {
            Value x = at.lookup(input);
            if (x != null) {
              args.add(x);
            }
          }
          if (args.size() == lv.law().inputs().size()) {
            in.callLaw(lv.law(), args, e.span());
          }
        }
      } catch (LawException ignored) {
        // the solver already evaluated these; a failure here only means no warning
      }
    }
  }

  @Override
  public Value solve(Expr.Solve node, Interpreter in, Env env) {
    Value v = RootSolve.solve(node, in, env);
    if (!node.all() && v instanceof OptimumValue o) {
      warnAtRoot(node, o, in, env);
      return ensembleRoot(node, o, in, env);
    }
    return v;
  }

  private static Value report(Solution s, Check check, Problem p, ProblemBuilder.Built built, Expr.Optimize node, String heading,
      Interpreter in) {
    switch (s.status()) {
      case INFEASIBLE -> {
        if (!check.confirmed()) {
          List<String> conflict = names(s.conflicting(), p, built);
          throw LawException.of(Msg.OPT_NO_FEASIBLE_POINT, node.span(), "no start of the local method found a point where "
              + String.join(", ", conflict) + (conflict.size() == 1 ? " holds" : " hold together"))
              .hint("this does not prove that there is none: give the variables ranges with 'over' near where you expect"
                  + " a solution, or loosen a constraint");
        }
        throw LawException.of(Msg.OPT_INFEASIBLE, node.span(), "these constraints cannot hold together: "
            + String.join(", ", names(s.conflicting(), p, built)))
            .hint(check.kind().equals("farkas") ? "the problem is convex in log space, so no point satisfies them all (certificate: "
                + check.summary() + ")" : "certificate: " + check.summary());
      }
      case NOT_ATTAINED -> {
        if (!check.confirmed()) {
          throw LawException.of(Msg.OPT_NOT_CONVERGED, node.span(), "variables ran away, and the value they approach could not be"
              + " certified (" + check.refuted() + ")")
              .hint("bound the variables with 'over' (over N in [1M, 10T]) to get the best point within the ranges");
        }
        double at = objective(p, s.x());
        Set<String> inObjective = org.lawlang.compile.Formula.names(p.objective(), org.lawlang.compile.Formula.Kind.VARIABLE);
        List<String> away = s.diverging().stream().map(i -> p.variables().get(i).name()).toList();
        boolean idle = away.stream().noneMatch(inObjective::contains);
        String them = away.size() == 1 ? "it" : "them";
        if (idle) {
          throw LawException.of(Msg.OPT_UNBOUNDED, node.span(), String.join(", ", away)
              + (away.size() == 1 ? " runs" : " run") + " away without changing the objective, which settles at "
              + NumberFormat.show(at) + "; nothing pins " + them + " down")
              .hint("drop " + (away.size() == 1 ? "that variable" : "those variables") + ", or bound " + them
                  + " on both sides (over " + away.get(0) + " in [1, 10]); the value is certified: " + check.summary());
        }
        throw LawException.of(Msg.OPT_UNBOUNDED, node.span(), "the objective approaches " + NumberFormat.show(at) + " as "
            + String.join(", ", away) + (away.size() == 1 ? " runs" : " run") + " away, and no point attains it")
            .hint("bound " + them + " with a constraint or a range (over " + away.get(0) + " in [1M, 10T]); the value is certified: "
                + check.summary());
      }
      case UNBOUNDED -> {
        if (!check.confirmed()) {
          throw LawException.of(Msg.OPT_NOT_CONVERGED, node.span(), "the local method's runs ran away, but no ray along which"
              + " the objective falls without limit could be confirmed (" + check.refuted() + "), so the problem is not certified unbounded")
              .hint("bound the variables with 'over' (over N in [1M, 10T]) to get the best point within the ranges");
        }
        double[] d = ((Certificate.Ray) s.certificate()).direction();
        List<String> up = new ArrayList<>();
        List<String> down = new ArrayList<>();
        List<String> negative = new ArrayList<>();
        for (int i = 0; i < d.length; i++) {
          String name = p.variables().get(i).name();
          if (Math.abs(d[i]) > 1e-9) {
            (d[i] > 0 ? up : p.variables().get(i).positive() ? down : negative).add(name);
          }
        }
        List<String> parts = new ArrayList<>();
        if (!up.isEmpty()) {
          parts.add(String.join(", ", up) + (up.size() == 1 ? " grows" : " grow") + " without limit");
        }
        if (!down.isEmpty()) {
          parts.add(String.join(", ", down) + (down.size() == 1 ? " shrinks" : " shrink") + " towards 0");
        }
        if (!negative.isEmpty()) {
          parts.add(String.join(", ", negative) + (negative.size() == 1 ? " falls" : " fall") + " without limit");
        }
        boolean attainedOnly = s.global() && check.evidence().containsKey("reached")
            && Math.abs(check.evidence().get("reached")) <= 1e30;
        String value = attainedOnly ? ", the objective approaching " + NumberFormat.show(check.evidence().get("reached"))
            : ", the objective " + (p.maximize() ? "growing" : "falling") + " without limit";
        throw LawException.of(Msg.OPT_UNBOUNDED, node.span(), (parts.isEmpty() ? "the variables run away" : String.join(" and ", parts)) + value)
            .hint("bound " + (parts.size() == 1 && up.size() + down.size() + negative.size() == 1 ? "it" : "them")
                + " with a constraint (subject to N <= 1T) or a range (over N in [1M, 10T]); evidence: " + check.summary());
      }
      default -> {
        // optimal or iteration limit: a result with its status
      }
    }
    double[] x = s.x();
    if (x == null) {
      throw LawException.of(Msg.OPT_NOT_CONVERGED, node.span(), "no start reached a point where the objective and constraints are defined")
          .hint("give the variables ranges with 'over' (over N in [1M, 10T]) so that the search starts where the formula is defined");
    }
    ShadowPrices.Prices prices = ShadowPrices.of(p, x);
    if (!prices.unique()) {
      in.warnOnce("opt-prices", Diagnostic.warning(Msg.OPT_GENERAL, node.span(),
          "the shadow prices are not unique: the active constraints depend on each other (the same constraint twice?),"
              + " so the table splits each price between them (the least-norm split)"));
    }
    if (!prices.inRange()) {
      in.warnOnce("opt-prices-range", Diagnostic.warning(Msg.OPT_GENERAL, node.span(),
          "a shadow price is beyond the floating-point range (a constraint level near 1e-300 or 1e300);"
              + " the table shows 0 in its place, and the doubling column is the usable measure"));
    }
    List<OptimumValue.ConstraintInfo> infos = new ArrayList<>();
    for (int j = 0; j < p.constraints().size(); j++) {
      infos.add(new OptimumValue.ConstraintInfo(built.keys().get(j), built.labels().get(j), prices.active()[j],
          prices.perUnit()[j], prices.perDoubling()[j]));
    }
    Map<String, Double> point = new LinkedHashMap<>();
    for (int i = 0; i < x.length; i++) {
      point.put(p.variables().get(i).name(), x[i]);
    }
    String method = s.global() ? "power law, convex in log space" : s.method();
    boolean certified = s.status() == Solution.Status.OPTIMAL && check.confirmed();
    String status = s.status() == Solution.Status.OPTIMAL && !certified ? "not-certified" : s.status().word;
    OptimumValue v = new OptimumValue(heading, status, s.global() && certified, method, s.iterations(), point, objective(p, x), infos,
        null, certified ? check.kind() : "none", certified ? check.summary() : "none (" + check.refuted() + ")", check.evidence());
    if (s.status() == Solution.Status.OPTIMAL && !certified) {
      in.warnOnce("opt-uncertified", Diagnostic.warning(Msg.OPT_NOT_CERTIFIED, node.span(), check.refuted())
          .withHint("the point is where the solver stopped, not a proven optimum; its field 'certificate' has the evidence"
              + " that was checked"));
    }
    if (s.status() == Solution.Status.ITERATION_LIMIT) {
      in.warnOnce("opt-limit", Diagnostic.warning(Msg.OPT_NOT_CONVERGED, node.span(),
          "the result is the best point found after " + s.iterations() + " iterations; its status says iteration-limit"));
    }
    return v;
  }

  static double objective(Problem p, double[] x) {
    return org.lawlang.compile.ScalarProgram.of(p.refs(), p.objective()).value(x);
  }

  private static List<String> names(List<Integer> which, Problem p, ProblemBuilder.Built built) {
    List<String> out = new ArrayList<>();
    List<Integer> sorted = new ArrayList<>(which);
    sorted.sort((a, b) -> a >= 0 && b >= 0 ? Integer.compare(a, b) : Integer.compare(b, a));
    for (int j : sorted) {
      String name = j >= 0 ? built.labels().get(j) : "the range of " + p.variables().get(-1 - j).name();
      if (!out.contains(name)) {
        out.add(name);
      }
    }
    return out;
  }

  /** A power-law constraint whose two sides can never meet because one is zero or negative. */
  private static void signErrors(GeometricForm gf, Problem p, ProblemBuilder.Built built) {
    for (int j : gf.contradictions()) {
      Problem.Constraint c = p.constraints().get(j);
      org.lawlang.compile.Formula side = c.perturbLhs() ? c.lhs() : c.rhs();
      if (side instanceof org.lawlang.compile.Formula.Const n && n.value() <= 0) {
        throw LawException.of(Msg.OPT_NONPOSITIVE_LEVEL, c.span(), built.labels().get(j), NumberFormat.show(n.value()))
            .hint("the variables of a power-law problem are positive, so the other side is positive too");
      }
    }
  }

  /** A variable whose range reaches zero or below in what would otherwise be a power-law problem. */
  private static void nonPositiveRange(Problem p) {
    List<Problem.Var> positive = new ArrayList<>();
    Problem.Var bad = null;
    for (Problem.Var v : p.variables()) {
      if (!v.positive() && bad == null) {
        bad = v;
      }
      positive.add(new Problem.Var(v.name(), v.span(), Math.max(v.lo(), 0), v.hi(), true));
    }
    if (bad != null && GeometricForm.of(new Problem(positive, p.objective(), p.maximize(), p.constraints())) != null
        && fractionalPower(p, p.index(bad.name()))) {
      throw LawException.of(Msg.OPT_NONPOSITIVE, bad.span(), bad.name(), "values down to " + NumberFormat.show(bad.lo()))
          .hint("give it a positive range, e.g. over " + bad.name() + " in [1M, 10T]");
    }
  }

  /** Whether variable {@code i} appears with a fractional exponent (so it must be positive). */
  private static boolean fractionalPower(Problem p, int i) {
    List<org.lawlang.compile.Formula> sides = new ArrayList<>(List.of(p.objective()));
    p.constraints().forEach(c -> {
      sides.add(c.lhs());
      sides.add(c.rhs());
    });
    for (org.lawlang.compile.Formula e : sides) {
      org.lawlang.compile.Signomial s = org.lawlang.compile.Signomial.of(e, p.refs());
      if (s != null && s.terms().stream().anyMatch(t -> t.exps()[i] != Math.rint(t.exps()[i]))) {
        return true;
      }
    }
    return false;
  }
}
