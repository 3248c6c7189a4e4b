package org.lawlang.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lawlang.data.Column;
import org.lawlang.data.Dataset;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Span;
import org.lawlang.semantics.Law;
import org.lawlang.semantics.LawMeta;
import org.lawlang.semantics.Param;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Expr.*;

/**
 * `fit … by key shared alpha, beta`: one joint model over every group, with the shared
 * parameters common to all and a copy of each other free parameter per group (E_llama_3,
 * A_llama_3, …) — the question asked when data sets are compared: do they share exponents?
 *
 * <p>The joint law is Σ_g [row in g]·L(inputs; shared, own_g), fitted to the rows of all
 * groups through the ordinary fit (its objective, bounds, exact derivatives and statuses).
 * It starts from the groups' separate fits: one start per group, its own parameters from its
 * own fit and the shared ones from that group's values.
 */
final class SharedFit {
  private SharedFit() {}

  static Value fit(Fit node, FitOption by, FitOption shared, Interpreter in, Env env) {
    List<String> sharedNames = shared.values().stream().map(v -> ((Name) v).name()).toList();
    List<FitOption> rest = node.options().stream().filter(o -> o != by && o != shared).toList();
    // the shared names are checked before any group is fitted
    if (!(node.model() instanceof Call model) || !(in.eval(model.callee(), env) instanceof LawValue lv)) {
      throw LawException.of(Msg.FIT_GENERAL, node.model().span(), "the model of a fit must be a law called on the data's columns")
          .hint("write it like 'fit loss ~ L(N, D) to runs by source shared alpha'");
    }
    Law law = lv.law();
    List<String> free = law.freeParameterNames();
    for (Expr e : shared.values()) {
      if (!free.contains(((Name) e).name())) {
        throw LawException.of(Msg.FIT_GENERAL, e.span(), "'" + ((Name) e).name() + "' is not a free parameter of " + law.name())
            .hint("its free parameters are " + String.join(", ", free));
      }
    }
    Fit separate = new Fit(node.span(), node.target(), node.model(), node.data(), rest);
    Value groups = Groups.by(separate, new Ident(by.values().get(0).span(), by.word()), node.span(), in, env);
    if (!(groups instanceof GroupFits g) || g.fits().size() < 2) {
      throw LawException.of(Msg.GROUP_KEY, shared.span(), "shared parameters need at least two groups that could be fitted")
          .hint("check the groups' own fits: fit … by " + by.word() + " without shared");
    }
    List<String> labels = new ArrayList<>(g.fits().keySet());
    List<String> suffixes = labels.stream().map(SharedFit::identifier).toList();

    // the joint law: inputs, then one indicator per group
    List<String> inputs = new ArrayList<>(law.inputs());
    List<Param> params = new ArrayList<>();
    for (Param p : law.freeParameters()) {
      if (sharedNames.contains(p.name())) {
        params.add(p);
      }
    }
    Expr body = null;
    for (int k = 0; k < labels.size(); k++) {
      String ind = "__in_" + suffixes.get(k);
      inputs.add(ind);
      Map<String, String> rename = new LinkedHashMap<>();
      for (Param p : law.freeParameters()) {
        if (!sharedNames.contains(p.name())) {
          String own = p.name() + "_" + suffixes.get(k);
          rename.put(p.name(), own);
          params.add(new Param(own, p.lo(), p.hi(), p.loOpen(), p.hiOpen(), p.start()));
        }
      }
      Expr term = new Binary(node.span(), BinaryOp.MUL, new Name(node.span(), ind), rename(law.body(), rename));
      body = body == null ? term : new Binary(node.span(), BinaryOp.ADD, body, term);
    }
    Law joint = new Law(law.name(), inputs, body,
        law.fixed(), params, law.callees(), LawMeta.NONE, law.span());

    // the data: every grouped row, with its indicator columns
    Dataset data = Relations.dataset(in.eval(node.data(), env), node.data().span(), "the data of a fit");
    Column key = data.typed(by.word());
    for (int k = 0; k < labels.size(); k++) {
      double[] ind = new double[data.rows()];
      for (int i = 0; i < ind.length; i++) {
        ind[i] = Groups.inGroup(key, i, labels.get(k)) ? 1 : 0;
      }
      data = data.withColumn("__in_" + suffixes.get(k), ind);
    }
    boolean[] grouped = new boolean[data.rows()];
    for (int i = 0; i < grouped.length; i++) {
      for (int k = 0; k < labels.size(); k++) {
        grouped[i] |= data.column("__in_" + suffixes.get(k))[i] == 1;
      }
    }
    data = data.filter(grouped);

    // starts: each group's own fit, its values of the shared parameters tried for all
    List<Expr> starts = new ArrayList<>();
    for (FitValue source : g.fits().values()) {
      List<Arg> args = new ArrayList<>();
      for (String s : sharedNames) {
        args.add(new Arg(node.span(), s, new Expr.Num(node.span(), source.estimate(s))));
      }
      for (int k = 0; k < labels.size(); k++) {
        FitValue own = g.fits().get(labels.get(k));
        for (String p : free) {
          if (!sharedNames.contains(p)) {
            args.add(new Arg(node.span(), p + "_" + suffixes.get(k), new Expr.Num(node.span(), own.estimate(p))));
          }
        }
      }
      starts.add(new Call(node.span(), new Name(node.span(), "at"), args));
    }
    List<FitOption> options = new ArrayList<>(rest.stream().filter(o -> o.kind() != FitOptionKind.STARTS).toList());
    options.add(new FitOption(node.span(), FitOptionKind.STARTS, starts, null));
    List<Arg> callArgs = new ArrayList<>(model.args());
    for (String s : suffixes) {
      callArgs.add(new Arg(node.span(), null, new Name(node.span(), "__in_" + s)));
    }
    Env scope = new Env(env);
    scope.define("__joint", new LawValue(joint));
    scope.define("__rows", new DataValue(data.renamed(data.name() + " by " + by.word() + ", " + String.join(", ", sharedNames) + " shared")));
    Fit jointFit = new Fit(node.span(), node.target(), new Call(model.span(), new Name(model.callee().span(), "__joint"), callArgs),
        new Name(node.data().span(), "__rows"), options);
    return in.session().services().fit.fit(jointFit, in, scope);
  }

  /** A group's label as a name part: letters, digits and _ kept, others _. */
  private static String identifier(String label) {
    String s = label.replaceAll("[^\\p{L}\\p{Nd}_]", "_");
    return s.isEmpty() ? "_" : s;
  }

  private static Expr rename(Expr e, Map<String, String> names) {
    if (e instanceof Name n) {
      return names.containsKey(n.name()) ? new Name(n.span(), names.get(n.name())) : n;
    } else if (e instanceof Unary u) {
      return new Unary(u.span(), u.op(), rename(u.operand(), names));
    } else if (e instanceof Binary b) {
      return new Binary(b.span(), b.op(), rename(b.lhs(), names), rename(b.rhs(), names));
    } else if (e instanceof Call c) {
      return new Call(c.span(), c.callee(), c.args().stream().map(a -> new Arg(a.span(), a.name(), rename(a.value(), names))).toList());
    }
    return e;
  }
}
