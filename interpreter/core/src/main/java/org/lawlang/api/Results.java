package org.lawlang.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lawlang.data.Dataset;
import org.lawlang.eval.DataValue;
import org.lawlang.eval.FitReport;
import org.lawlang.eval.LawValue;
import org.lawlang.eval.OptimumReport;
import org.lawlang.eval.TableValue;
import org.lawlang.eval.Value;
import org.lawlang.eval.Values;
import org.lawlang.semantics.Law;
import org.lawlang.syntax.ExprPrinter;

/**
 * Converts interpreter values into {@link LawResult}s. Fits and optima are read through the
 * {@link FitReport} and {@link OptimumReport} interfaces, so any implementation converts.
 */
final class Results {
  private Results() {}

  static LawResult from(Value v) {
    if (v == null || v == Values.Nothing.INSTANCE) {
      return LawResult.None.INSTANCE;
    }
    // fits and optima first: a fit value may also be a callable law
    if (v instanceof FitReport f) {
      return fit(f, v);
    }
    if (v instanceof OptimumReport o) {
      return new Optimum(o.status(), o.global(), o.point(), o.objective(), o.activeConstraints(), o.shadowPrices(),
          o.doubling(), v.show(), o.certificateKind(), o.certificate(), o.evidence(), o.intervals());
    }
    if (v instanceof org.lawlang.eval.Uncertain u) {
      java.util.Map<String, Double> s = u.summary();
      return new LawResult.Interval(u.point(), s.get("lo"), s.get("hi"), u.level(), u.method(), u.show());
    }
    if (v instanceof Values.Num n) {
      return new LawResult.Num(n.value());
    }
    if (v instanceof Values.Str s) {
      return new LawResult.Text(s.value());
    }
    if (v instanceof Values.Bool b) {
      return new LawResult.Bool(b.value());
    }
    if (v instanceof Values.ListVal l) {
      return new LawResult.Items(l.items().stream().map(Results::from).toList(), v.show());
    }
    if (v instanceof Values.Record r) {
      Map<String, LawResult> fields = new LinkedHashMap<>();
      r.fields().forEach((k, x) -> fields.put(k, from(x)));
      return new LawResult.Fields(r.kind(), fields, v.show());
    }
    if (v instanceof org.lawlang.eval.GroupFits g) {
      // the fits of a `by`, for a program: one row per group (key, estimates, standard errors, status, n)
      TableValue t = g.table();
      return new Table(t.headers(), t.rows().stream().map(r -> r.stream().map(Results::from).toList()).toList(), v.show());
    }
    if (v instanceof TableValue t) {
      List<List<LawResult>> rows = t.rows().stream().map(r -> r.stream().map(Results::from).toList()).toList();
      return new Table(t.headers(), rows, v.show());
    }
    if (v instanceof LawValue l) {
      return law(l.law(), v.show());
    }
    if (v instanceof DataValue d) {
      return dataset(d.data(), v.show());
    }
    return new LawResult.Other(v.typeName(), v.show());
  }

  private static FitResult fit(FitReport f, Value v) {
    Map<String, Double> est = new LinkedHashMap<>();
    Map<String, Double> se = new LinkedHashMap<>();
    Map<String, double[]> ci = new LinkedHashMap<>();
    for (String p : f.parameterNames()) {
      est.put(p, f.estimate(p));
      se.put(p, f.standardError(p));
      double[] interval = f.interval(p);
      if (interval != null) {
        ci.put(p, interval);
      }
    }
    LawInfo law = v instanceof LawValue l ? law(l.law(), l.show()) : null;
    return new FitResult(f.parameterNames(), est, se, ci, f.status(), f.converged(), f.objective(), f.observations(),
        f.iterations(), f.statistics() == null ? Map.of() : f.statistics(), law, v.show());
  }

  static LawInfo law(Law law, String text) {
    var meta = law.meta();
    return new LawInfo(law.name(), law.inputs(), ExprPrinter.print(law.body()), law.fixed(), law.freeParameterNames(),
        meta.cite(), meta.unit(), meta.doc(), meta.fitted(), text);
  }

  static DatasetInfo dataset(Dataset d, String text) {
    Map<String, double[]> cols = new LinkedHashMap<>();
    d.columns().forEach((k, c) -> cols.put(k, c.clone()));
    return new DatasetInfo(d.name(), d.origin(), d.rows(), cols, text);
  }
}
