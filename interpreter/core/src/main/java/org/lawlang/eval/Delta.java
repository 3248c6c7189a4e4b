package org.lawlang.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.lawlang.compile.Flatten;
import org.lawlang.compile.Formula;
import org.lawlang.compile.ScalarProgram;
import org.lawlang.compile.Symbolic;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Span;
import org.lawlang.semantics.Builtin;
import org.lawlang.semantics.Law;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Expr.BinaryOp;

/**
 * The delta method: a fit without a bootstrap gives its parameters as {@link Uncertain} values
 * that carry their exact gradient with respect to the fit's parameters (parameter j: the unit
 * vector e_j), and every computation carries the gradient forward by the chain rule —
 * arithmetic by its partial derivatives, builtins and law calls by their symbolic derivatives
 * ({@link Symbolic}), and the optimum of a `minimize` or the root of a `solve` by the implicit
 * function theorem at the solution (the KKT system of the active constraints, or -g_θ/g_x).
 * The variance of any result is gᵀΣg with Σ the fit's covariance. Values from two different
 * fits, or a delta-method value with a bootstrapped one, do not combine (their joint
 * distribution is not known).
 */
final class Delta {
  private Delta() {}

  /** Whether any of {@code args} is a delta-method value. */
  static boolean any(List<Value> args) {
    for (Value a : args) {
      if (a instanceof Uncertain u && u.isDelta()) {
        return true;
      }
    }
    return false;
  }

  // ---- arithmetic ------------------------------------------------------------------------

  static Value binary(BinaryOp op, Value a, Value b, Span at) {
    double level = level(List.of(a, b), null, at);
    double x = a instanceof Uncertain u ? u.point() : Values.num(a, at, null);
    double y = b instanceof Uncertain u ? u.point() : Values.num(b, at, null);
    if (op == BinaryOp.LT || op == BinaryOp.LE || op == BinaryOp.GT || op == BinaryOp.GE || op == BinaryOp.EQ || op == BinaryOp.NE) {
      // a comparison reads the point estimates (as a plain number would be used)
      return Arith.binary(op, new Values.Num(x), new Values.Num(y), at);
    }
    double r = Arith.number(op, x, y, at);
    double da;
    double db;
    switch (op) {
      case ADD -> {
        da = 1;
        db = 1;
      }
      case SUB -> {
        da = 1;
        db = -1;
      }
      case MUL -> {
        da = y;
        db = x;
      }
      case DIV -> {
        da = 1 / y;
        db = -x / (y * y);
      }
      default -> { // POW
        da = y == 0 ? 0 : y * Math.pow(x, y - 1);
        db = x > 0 ? r * Math.log(x) : 0;
        if (x <= 0 && b instanceof Uncertain u && u.isDelta() && !zero(u.gradients())) {
          throw LawException.of(Msg.DOMAIN, at, "x^y with an uncertain exponent", "the base " + org.lawlang.syntax.NumberFormat.show(x)
              + " is not positive, so x^y has no derivative in y").hint("use a positive base, or take .point of the exponent");
        }
      }
    }
    Map<FitValue, double[]> g = new LinkedHashMap<>();
    add(g, a, da);
    add(g, b, db);
    return Uncertain.delta(r, g, level);
  }

  /** g += d · (the gradients of v, when it is a delta value). */
  private static void add(Map<FitValue, double[]> g, Value v, double d) {
    if (!(v instanceof Uncertain u) || !u.isDelta()) {
      return;
    }
    for (Map.Entry<FitValue, double[]> e : u.gradients().entrySet()) {
      double[] into = g.computeIfAbsent(e.getKey(), k -> new double[e.getValue().length]);
      for (int j = 0; j < into.length; j++) {
        into[j] += d * e.getValue()[j];
      }
    }
  }

  private static boolean zero(Map<FitValue, double[]> g) {
    for (double[] v : g.values()) {
      for (double x : v) {
        if (x != 0) {
          return false;
        }
      }
    }
    return true;
  }

  static Value negate(Uncertain u) {
    Map<FitValue, double[]> g = new LinkedHashMap<>();
    add(g, u, -1);
    return Uncertain.delta(-u.point(), g, u.level());
  }

  /**
   * A one-argument builtin of a delta value: its derivative from {@link Symbolic} (so the
   * table of derivatives is the fitter's). {@code round} keeps the gradient: rounding the
   * printed value does not change how uncertain it is.
   */
  static Value unary(String builtin, Uncertain u, double newPoint, Span at) {
    double d = 1;
    if (!builtin.equals("round")) {
      Formula.Ref x = new Formula.Ref(Formula.Kind.INPUT, "x");
      Formula call = Flatten.builtin(Builtin.named(builtin).orElseThrow(), List.of(x), at);
      d = ScalarProgram.of(List.of(x), Symbolic.derivative(call, x)).value(new double[] {u.point()});
    }
    if (!Double.isFinite(d)) {
      throw LawException.of(Msg.DOMAIN, at, builtin + " of an uncertain value", "no derivative at "
          + org.lawlang.syntax.NumberFormat.show(u.point()))
          .hint("the delta method needs a function that is differentiable at the estimate; take .point for the value alone");
    }
    Map<FitValue, double[]> g = new LinkedHashMap<>();
    add(g, u, d);
    return Uncertain.delta(newPoint, g, u.level());
  }

  /** A builtin of several arguments, some delta values: math builtins by their partial derivatives. */
  static Value builtin(Interpreter in, Builtin b, List<Value> args, Span at) {
    double level = level(args, null, at);
    Value point = BuiltinCalls.call(b, Ensembles.points(args), at, in);
    if (point instanceof Values.Str text && args.get(0) instanceof Uncertain u) {
      double[] ends = u.interval();
      List<Value> lo = new ArrayList<>(Ensembles.points(args));
      List<Value> hi = new ArrayList<>(Ensembles.points(args));
      lo.set(0, new Values.Num(ends[0]));
      hi.set(0, new Values.Num(ends[1]));
      return new Values.Str(text.value() + " (" + org.lawlang.syntax.NumberFormat.show(u.level() * 100) + "% delta method: "
          + (Double.isFinite(ends[0]) ? BuiltinCalls.call(b, lo, at, in).show() + " .. " + BuiltinCalls.call(b, hi, at, in).show()
          : "undefined") + ")");
    }
    if (!(point instanceof Values.Num p)) {
      return point;
    }
    Map<FitValue, double[]> g = new LinkedHashMap<>();
    if (b == Builtin.ROUND) {
      add(g, args.get(0), 1);
      return Uncertain.delta(p.value(), g, level);
    }
    if (!b.math) {
      return p; // a statistic of a list (sum, mean, ...) of delta values: computed from their points
    }
    List<Formula.Ref> formal = new ArrayList<>();
    double[] at0 = new double[args.size()];
    for (int i = 0; i < args.size(); i++) {
      formal.add(new Formula.Ref(Formula.Kind.INPUT, "x" + i));
      at0[i] = args.get(i) instanceof Uncertain u ? u.point() : Values.num(args.get(i), at, b.name);
    }
    Formula call = Flatten.builtin(b, List.copyOf(formal), at);
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i) instanceof Uncertain) {
        add(g, args.get(i), ScalarProgram.of(formal, Symbolic.derivative(call, formal.get(i))).value(at0));
      }
    }
    return Uncertain.delta(p.value(), g, level);
  }

  // ---- law calls -------------------------------------------------------------------------

  /**
   * A law's formula inlined over its inputs (fitted parameters as parameter references), and its
   * derivatives by every input and then every parameter, compiled to one program over the inputs
   * and the parameters.
   */
  private record Derivs(ScalarProgram partials, int inputs) {}

  private static final Map<Law, Derivs> DERIVS = java.util.Collections.synchronizedMap(new WeakHashMap<>());

  private static Derivs derivs(Law law, List<String> params) {
    return DERIVS.computeIfAbsent(law, l -> {
      List<Formula.Ref> slots = new ArrayList<>();
      l.inputs().forEach(n -> slots.add(new Formula.Ref(Formula.Kind.INPUT, n)));
      params.forEach(n -> slots.add(new Formula.Ref(Formula.Kind.PARAMETER, n)));
      Formula body = Flatten.call(l, List.copyOf(slots.subList(0, l.inputs().size())), l.span());
      List<Formula> partials = new ArrayList<>();
      for (Formula.Ref r : slots) {
        partials.add(Symbolic.derivative(body, r));
      }
      return new Derivs(ScalarProgram.of(slots, partials), l.inputs().size());
    });
  }

  /**
   * A call of {@code law} where the result is a delta value: {@code fit} (a fit without a
   * bootstrap, whose own parameters are uncertain; null for a plain law) or delta arguments.
   * Elementwise over list arguments, as any call.
   */
  static Value call(Interpreter in, Law law, FitValue fit, List<Value> args, Span at) {
    int n = -1;
    for (Value a : args) {
      if (a instanceof Values.ListVal l) {
        n = l.items().size();
      }
    }
    if (n >= 0) {
      Value points = in.callLaw(law, Ensembles.points(args).stream().map(Delta::pointsOf).toList(), at); // checks lengths
      List<Value> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        List<Value> row = new ArrayList<>(args.size());
        for (Value a : args) {
          row.add(a instanceof Values.ListVal l ? l.items().get(i) : a);
        }
        out.add(scalarCall(in, law, fit, row, at));
      }
      return points instanceof Values.ListVal ? new Values.ListVal(out) : points;
    }
    return scalarCall(in, law, fit, args, at);
  }

  private static Value pointsOf(Value v) {
    if (v instanceof Values.ListVal l) {
      return new Values.ListVal(l.items().stream().map(x -> x instanceof Uncertain u ? (Value) new Values.Num(u.point()) : x).toList());
    }
    return v;
  }

  private static Value scalarCall(Interpreter in, Law law, FitValue fit, List<Value> args, Span at) {
    double level = level(args, fit, at);
    Value point = fit != null ? in.callLaw(law, Ensembles.points(args), at) : LawCalls.apply(law, Ensembles.points(args), at, in);
    if (!(point instanceof Values.Num p)) {
      return point;
    }
    Law symbolic = fit != null ? fit.unfittedLaw() : law;
    List<String> params = fit != null ? fit.parameterNames() : List.of();
    Derivs d = derivs(symbolic, params);
    double[] at0 = new double[args.size() + params.size()];
    for (int i = 0; i < args.size(); i++) {
      at0[i] = args.get(i) instanceof Uncertain u ? u.point() : Values.num(args.get(i), at, "input " + law.inputs().get(i));
    }
    for (int j = 0; j < params.size(); j++) {
      at0[args.size() + j] = fit.estimate(params.get(j));
    }
    double[] partials = new double[at0.length];
    d.partials().evaluate(at0, partials);
    Map<FitValue, double[]> g = new LinkedHashMap<>();
    if (fit != null) {
      g.put(fit, java.util.Arrays.copyOfRange(partials, d.inputs(), partials.length));
    }
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i) instanceof Uncertain) {
        add(g, args.get(i), partials[i]);
      }
    }
    return Uncertain.delta(p.value(), g, level);
  }

  // ---- minimize, maximize and solve ---------------------------------------------------------

  /**
   * The fits without a bootstrap that a question mentions (by name, or through a delta value
   * computed from them), each named fit replaced by its law with the fitted parameters left as
   * names (so that the lowered question is a formula in its variables and those parameters);
   * null when none is mentioned. {@code names} lists the parameters' names, fit by fit.
   */
  record Symbols(List<FitValue> fits, Env env, List<String> names, double level) {}

  static Symbols symbols(Map<String, Value> mentioned, Env env, Span at) {
    List<FitValue> fits = new ArrayList<>();
    Double level = null;
    for (Value v : mentioned.values()) {
      List<FitValue> from = v instanceof FitValue fv && fv.delta() ? List.of(fv)
          : v instanceof Uncertain u && u.isDelta() ? List.copyOf(u.gradients().keySet()) : List.of();
      for (FitValue f : from) {
        if (!fits.contains(f)) {
          fits.add(f);
        }
      }
      if (level == null && !from.isEmpty()) {
        level = v instanceof Uncertain u ? u.level() : ((FitValue) v).outcome().level();
      }
    }
    if (fits.isEmpty()) {
      return null;
    }
    List<String> names = new ArrayList<>();
    Env child = new Env(env);
    for (FitValue fit : fits) {
      Law unfitted = fit.unfittedLaw();
      Map<String, String> renamed = new HashMap<>();
      for (String p : fit.parameterNames()) {
        names.add(symbolName(fit, p));
        renamed.put(p, symbolName(fit, p));
      }
      Law symbolic = new Law(unfitted.name(), unfitted.inputs(), rename(unfitted.body(), renamed), unfitted.fixed(), List.of(),
          unfitted.callees(), unfitted.meta(), unfitted.span());
      // called, the fit is the symbolic law; read (f.a), its fields are the fit's (delta values)
      LawValue stands = new LawValue(symbolic) {
        @Override
        public List<String> fieldNames() {
          return fit.fieldNames();
        }

        @Override
        public Value field(String name, Span at) {
          return fit.field(name, at);
        }
      };
      for (Map.Entry<String, Value> e : mentioned.entrySet()) {
        if (e.getValue() == fit) {
          child.define(e.getKey(), stands);
        }
      }
    }
    return new Symbols(fits, child, names, level);
  }

  /** A law body with the names in {@code renamed} renamed (a body holds names, numbers, operations and calls). */
  private static Expr rename(Expr e, Map<String, String> renamed) {
    if (e instanceof Expr.Name n) {
      return renamed.containsKey(n.name()) ? new Expr.Name(n.span(), renamed.get(n.name())) : n;
    }
    if (e instanceof Expr.Unary u) {
      return new Expr.Unary(u.span(), u.op(), rename(u.operand(), renamed));
    }
    if (e instanceof Expr.Binary b) {
      return new Expr.Binary(b.span(), b.op(), rename(b.lhs(), renamed), rename(b.rhs(), renamed));
    }
    if (e instanceof Expr.Call c) {
      return new Expr.Call(c.span(), c.callee(), c.args().stream()
          .map(a -> new Expr.Arg(a.span(), a.name(), rename(a.value(), renamed))).toList());
    }
    return e;
  }

  /** The name parameter {@code p} of {@code fit} has in a lowered question (no script name starts with #, so none collides). */
  private static String symbolName(FitValue fit, String p) {
    return "#fit" + System.identityHashCode(fit) + "." + p;
  }

  /**
   * A delta value inside a lowered question, as its first-order expansion in the fits'
   * parameters: point + Σ g_j (θ_j − θ̂_j). Exact for the delta method, which needs the
   * first derivatives in θ only (the expansion has no cross term with the variables).
   */
  static Formula linearized(Uncertain u) {
    Formula out = new Formula.Const(u.point());
    for (Map.Entry<FitValue, double[]> e : u.gradients().entrySet()) {
      FitValue fit = e.getKey();
      List<String> params = fit.parameterNames();
      for (int j = 0; j < params.size(); j++) {
        double g = e.getValue()[j];
        if (g != 0) {
          Formula shift = Formula.minus(new Formula.Ref(Formula.Kind.PARAMETER, symbolName(fit, params.get(j))),
              new Formula.Const(fit.estimate(params.get(j))));
          out = new Formula.Arith(Formula.ArithOp.ADD, out, new Formula.Arith(Formula.ArithOp.MUL, new Formula.Const(g), shift));
        }
      }
    }
    return out;
  }

  /** A gradient over all the symbols, split fit by fit. */
  private static Map<FitValue, double[]> split(Symbols s, double[] g) {
    Map<FitValue, double[]> out = new LinkedHashMap<>();
    int k = 0;
    for (FitValue fit : s.fits()) {
      double[] part = new double[fit.parameterNames().size()];
      for (int j = 0; j < part.length; j++) {
        part[j] = g[k++];
      }
      out.put(fit, part);
    }
    return out;
  }

  /** The root of {@code diff(x, θ) = 0} at x*, as a delta value: dx/dθ = -(∂diff/∂θ) / (∂diff/∂x). */
  static Uncertain root(Symbols s, Formula diff, Formula.Ref x, double root) {
    List<Formula.Ref> slots = slots(List.of(x), s);
    double[] at = point(new double[] {root}, s);
    List<Formula> partials = new ArrayList<>();
    for (Formula.Ref r : slots) {
      partials.add(Symbolic.derivative(diff, r));
    }
    double[] d = new double[slots.size()];
    ScalarProgram.of(slots, partials).evaluate(at, d);
    double gx = d[0];
    double[] g = new double[s.names().size()];
    for (int j = 0; j < g.length; j++) {
      g[j] = -d[1 + j] / gx;
    }
    return Uncertain.delta(root, split(s, finiteOrNaN(g)), s.level());
  }

  /**
   * The optimum's sensitivity by the implicit function theorem: at x* the active constraints
   * c_a(x, θ) = 0 and the stationarity ∇ₓF + Σ λ_a ∇ₓc_a = 0 hold, so differentiating both by θ
   * gives [H Aᵀ; A 0][dx/dθ; dλ/dθ] = -[∇²ₓθ ℒ; ∂c_a/∂θ], H = ∇²ₓₓ ℒ, ℒ = F + Σ λ_a c_a, with λ
   * the least-squares multipliers at x*. Variables held on a bound of their range stay there.
   * The value's gradient is ∂F/∂θ + ∇ₓF · dx/dθ. Returns per variable and "value"; the
   * gradients are NaN (an undefined interval) where the KKT matrix is singular.
   */
  static Map<String, Uncertain> optimum(Symbols s, org.lawlang.compile.Problem p, double[] x, double value) {
    List<Formula.Ref> vars = p.refs();
    int m = vars.size();
    int q = s.names().size();
    List<Formula.Ref> slots = slots(vars, s);
    List<Formula.Ref> thetas = slots.subList(m, slots.size());
    double[] at = point(x, s);
    Formula objective = p.objective();
    List<Formula> active = new ArrayList<>();
    int constraints = p.constraints().size();
    double[] sides = new double[2 * constraints];
    Batch sidesAt = new Batch();
    for (int c = 0; c < constraints; c++) {
      final int k = c;
      sidesAt.add(p.constraints().get(c).lhs(), v -> sides[2 * k] = v);
      sidesAt.add(p.constraints().get(c).rhs(), v -> sides[2 * k + 1] = v);
    }
    sidesAt.run(slots, at);
    for (int k = 0; k < constraints; k++) {
      org.lawlang.compile.Problem.Constraint c = p.constraints().get(k);
      double lhs = sides[2 * k];
      double rhs = sides[2 * k + 1];
      if (c.relation() == Expr.Relation.EQ || Math.abs(lhs - rhs) <= 1e-7 * Math.max(Math.abs(lhs), Math.abs(rhs))) {
        active.add(Formula.minus(c.lhs(), c.rhs()));
      }
    }
    List<Integer> free = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      org.lawlang.compile.Problem.Var v = p.variables().get(i);
      double room = 1e-9 * Math.max(1, Math.abs(x[i]));
      if (!(x[i] <= v.lo() + room || x[i] >= v.hi() - room)) {
        free.add(i);
      }
    }
    int f = free.size();
    int a = active.size();
    double[] gradF = new double[f];
    double[][] jac = new double[a][f];
    double[] valueGradient = new double[q];
    Batch firsts = new Batch();
    for (int i = 0; i < f; i++) {
      final int fi = i;
      firsts.add(Symbolic.derivative(objective, vars.get(free.get(i))), v -> gradF[fi] = v);
      for (int c = 0; c < a; c++) {
        double[] row = jac[c];
        firsts.add(Symbolic.derivative(active.get(c), vars.get(free.get(i))), v -> row[fi] = v);
      }
    }
    for (int j = 0; j < q; j++) {
      final int jj = j;
      firsts.add(Symbolic.derivative(objective, thetas.get(j)), v -> valueGradient[jj] = v);
    }
    firsts.run(slots, at);
    // least-squares multipliers: minimise |∇F + Jᵀλ|
    double[][] jjt = new double[a][a];
    double[] rhsL = new double[a];
    for (int c = 0; c < a; c++) {
      for (int d = 0; d < a; d++) {
        for (int i = 0; i < f; i++) {
          jjt[c][d] += jac[c][i] * jac[d][i];
        }
      }
      for (int i = 0; i < f; i++) {
        rhsL[c] -= jac[c][i] * gradF[i];
      }
    }
    // units: each free variable relative to its value, each constraint to its gradient's size
    double[] scale = new double[f + a];
    for (int i = 0; i < f; i++) {
      scale[i] = x[free.get(i)] != 0 ? Math.abs(x[free.get(i)]) : 1;
    }
    for (int c = 0; c < a; c++) {
      double big = 0;
      for (int i = 0; i < f; i++) {
        big = Math.max(big, Math.abs(jac[c][i] * scale[i]));
      }
      scale[f + c] = big > 0 ? 1 / big : 1;
    }
    double[][] multipliers = a == 0 ? new double[][] {new double[0]}
        : solveScaled(jjt, new double[][] {rhsL}, java.util.Arrays.copyOfRange(scale, f, f + a));
    double[][] sens = null;
    if (multipliers != null) {
      double[] lambda = multipliers[0];
      Formula lagrangian = objective;
      for (int c = 0; c < a; c++) {
        lagrangian = new Formula.Arith(Formula.ArithOp.ADD, lagrangian,
            new Formula.Arith(Formula.ArithOp.MUL, new Formula.Const(lambda[c]), active.get(c)));
      }
      int size = f + a;
      double[][] kkt = new double[size][size];
      double[][] rhs = new double[q][size];
      Batch seconds = new Batch();
      for (int i = 0; i < f; i++) {
        final int fi = i;
        Formula di = Symbolic.derivative(lagrangian, vars.get(free.get(i)));
        for (int k = 0; k < f; k++) {
          final int fk = k;
          seconds.add(Symbolic.derivative(di, vars.get(free.get(k))), v -> kkt[fi][fk] = v);
        }
        for (int c = 0; c < a; c++) {
          kkt[i][f + c] = jac[c][i];
          kkt[f + c][i] = jac[c][i];
        }
        for (int j = 0; j < q; j++) {
          double[] row = rhs[j];
          seconds.add(Symbolic.derivative(di, thetas.get(j)), v -> row[fi] = -v);
        }
      }
      for (int c = 0; c < a; c++) {
        final int fc = f + c;
        for (int j = 0; j < q; j++) {
          double[] row = rhs[j];
          seconds.add(Symbolic.derivative(active.get(c), thetas.get(j)), v -> row[fc] = -v);
        }
      }
      seconds.run(slots, at);
      sens = size == 0 ? new double[q][0] : solveScaled(kkt, rhs, scale); // sens[j][i]: d(free variable i)/dθ_j
    }
    Map<String, Uncertain> out = new LinkedHashMap<>();
    for (int i = 0; i < m; i++) {
      double[] g = new double[q];
      int fi = free.indexOf(i);
      for (int j = 0; j < q; j++) {
        g[j] = sens == null ? Double.NaN : fi < 0 ? 0 : sens[j][fi];
      }
      double dF = fi < 0 ? 0 : gradF[fi];
      for (int j = 0; j < q; j++) {
        valueGradient[j] += dF * g[j];
      }
      out.put(vars.get(i).name(), Uncertain.delta(x[i], split(s, finiteOrNaN(g)), s.level()));
    }
    out.put("value", Uncertain.delta(value, split(s, finiteOrNaN(valueGradient)), s.level()));
    return out;
  }

  /** Formulas evaluated together at one point by one program (their common terms computed once), each value handed to its sink. */
  private static final class Batch {
    private final List<Formula> formulas = new ArrayList<>();
    private final List<java.util.function.DoubleConsumer> sinks = new ArrayList<>();

    void add(Formula f, java.util.function.DoubleConsumer sink) {
      formulas.add(f);
      sinks.add(sink);
    }

    void run(List<Formula.Ref> slots, double[] at) {
      if (formulas.isEmpty()) {
        return;
      }
      double[] out = new double[formulas.size()];
      ScalarProgram.of(slots, formulas).evaluate(at, out);
      for (int i = 0; i < out.length; i++) {
        sinks.get(i).accept(out[i]);
      }
    }
  }

  /** The slots of a question's formulas: its variables, then the fits' parameters. */
  private static List<Formula.Ref> slots(List<Formula.Ref> vars, Symbols s) {
    List<Formula.Ref> slots = new ArrayList<>(vars);
    s.names().forEach(n -> slots.add(new Formula.Ref(Formula.Kind.PARAMETER, n)));
    return slots;
  }

  private static double[] point(double[] x, Symbols s) {
    double[] at = new double[x.length + s.names().size()];
    System.arraycopy(x, 0, at, 0, x.length);
    int k = x.length;
    for (FitValue fit : s.fits()) {
      for (String p : fit.parameterNames()) {
        at[k++] = fit.estimate(p);
      }
    }
    return at;
  }

  private static double[] finiteOrNaN(double[] g) {
    for (double v : g) {
      if (!Double.isFinite(v)) {
        double[] nan = new double[g.length];
        java.util.Arrays.fill(nan, Double.NaN);
        return nan;
      }
    }
    return g;
  }

  /**
   * Solves a symmetric system in scaled units, D·A·D y = D b, x = D y: a scaling law's KKT
   * matrix in natural units mixes curvature of 1e-24 (in N) with budget gradients of 1e13,
   * which pivoting alone calls singular; with each variable measured relative to its value
   * and each constraint relative to its gradient's size the entries are of order one.
   */
  static double[][] solveScaled(double[][] matrix, double[][] rhs, double[] d) {
    int n = matrix.length;
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < n; k++) {
        a[i][k] = d[i] * matrix[i][k] * d[k];
      }
    }
    double[][] b = new double[rhs.length][n];
    for (int j = 0; j < rhs.length; j++) {
      for (int i = 0; i < n; i++) {
        b[j][i] = d[i] * rhs[j][i];
      }
    }
    double[][] y = solve(a, b);
    if (y == null) {
      return null;
    }
    for (double[] yj : y) {
      for (int i = 0; i < n; i++) {
        yj[i] *= d[i];
      }
    }
    return y;
  }

  /**
   * Solves A·X = B for each right-hand side b (rows of {@code rhs}) by Gaussian elimination
   * with partial pivoting; null when A is singular to working precision.
   */
  static double[][] solve(double[][] matrix, double[][] rhs) {
    int n = matrix.length;
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = matrix[i].clone();
    }
    double[][] b = new double[rhs.length][];
    for (int k = 0; k < rhs.length; k++) {
      b[k] = rhs[k].clone();
    }
    double scale = 0;
    for (double[] row : a) {
      for (double v : row) {
        scale = Math.max(scale, Math.abs(v));
      }
    }
    for (int c = 0; c < n; c++) {
      int pivot = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
          pivot = r;
        }
      }
      if (!(Math.abs(a[pivot][c]) > 1e-13 * scale)) {
        return null;
      }
      double[] t = a[c];
      a[c] = a[pivot];
      a[pivot] = t;
      for (double[] bk : b) {
        double tb = bk[c];
        bk[c] = bk[pivot];
        bk[pivot] = tb;
      }
      for (int r = c + 1; r < n; r++) {
        double factor = a[r][c] / a[c][c];
        for (int k = c; k < n; k++) {
          a[r][k] -= factor * a[c][k];
        }
        for (double[] bk : b) {
          bk[r] -= factor * bk[c];
        }
      }
    }
    for (double[] bk : b) {
      for (int r = n - 1; r >= 0; r--) {
        double sum = bk[r];
        for (int k = r + 1; k < n; k++) {
          sum -= a[r][k] * bk[k];
        }
        bk[r] = sum / a[r][r];
      }
    }
    return b;
  }

  // ---- levels ------------------------------------------------------------------------------

  /**
   * The level of the result: that of the first delta value (or of {@code fit}); an error when a
   * bootstrapped value is mixed in (its members and a gradient do not combine).
   */
  private static double level(List<Value> args, FitValue fit, Span at) {
    Double level = fit != null ? fit.outcome().level() : null;
    for (Value v : args) {
      if (v instanceof Uncertain u) {
        if (!u.isDelta()) {
          throw LawException.of(Msg.TYPE, at, "values of one kind of uncertainty", "a bootstrapped value with a delta-method one")
              .hint("bootstrap both fits, or take .point of one of them");
        }
        if (level == null) {
          level = u.level();
        }
      }
    }
    return level == null ? 0.95 : level;
  }
}
