package org.lawlang.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.lawlang.data.Column;
import org.lawlang.data.Dataset;
import org.lawlang.diag.Diagnostic;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Span;
import org.lawlang.diag.Suggest;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Expr.*;

/**
 * `value by key`: the value evaluated once per group of rows. Every dataset (or table) the
 * expression names that has the column {@code key} is narrowed to the group's rows, by
 * rebinding its name in a scope of the group's own; the results are joined with the key —
 * tables stacked under a key column, fits gathered into {@link GroupFits}, datasets into
 * {@link GroupedData} (one series each in a plot), anything else a table of key and value. A group that fails is reported for that group; the others stand.
 */
final class Groups {
  private Groups() {}

  static Value by(Expr value, Ident key, Span at, Interpreter in, Env env) {
    Map<String, Dataset> grouped = new LinkedHashMap<>();
    List<String> others = new ArrayList<>();
    for (String name : names(value, new LinkedHashSet<>())) {
      Value v = env.lookup(name);
      if (v != null && Relations.isRelation(v)) {
        Dataset d = Relations.dataset(v, at, name);
        if (d.has(key.name())) {
          grouped.put(name, d);
        } else {
          others.add(name);
        }
      }
    }
    if (grouped.isEmpty()) {
      if (!others.isEmpty()) {
        Dataset d = Relations.dataset(env.lookup(others.get(0)), at, others.get(0));
        throw LawException.of(Msg.MISSING_COLUMN, key.span(), key.name(), "dataset " + others.get(0))
            .hint(Suggest.closest(key.name(), d.columnNames()).map(s -> "did you mean '" + s + "'?")
                .orElse("its columns are " + String.join(", ", d.columnNames())));
      }
      throw LawException.of(Msg.GROUP_KEY, key.span(), "'by " + key.name() + "' needs a dataset with a column '" + key.name() + "' in what it groups")
          .hint("group the rows of a dataset the expression reads: isoflop(runs) by source");
    }
    Dataset first = grouped.values().iterator().next();
    String firstName = grouped.keySet().iterator().next();
    List<Value> keys = keys(first.typed(key.name()));
    Column keyColumn = first.typed(key.name());
    if (keyColumn instanceof Column.Texts t && t.missing() > 0) {
      in.warnOnce("by-missing:" + key.name(), Diagnostic.warning(Msg.GROUP_KEY, key.span(),
          t.missing() == 1 ? "1 row of " + firstName + " has no " + key.name() + " and is in no group"
              : t.missing() + " rows of " + firstName + " have no " + key.name() + " and are in no group")
          .withHint("give them a value in the file, or choose the rows first with where"));
    }
    if (keys.size() == first.rows() && first.rows() > 1) {
      throw LawException.of(Msg.GROUP_KEY, key.span(), "every row of " + firstName + " has its own " + key.name()
          + ": 'by " + key.name() + "' would make " + first.rows() + " groups of one row")
          .hint("group by a column whose values repeat (a source, a family, a budget)");
    }
    List<String> labels = new ArrayList<>();
    List<Value> results = new ArrayList<>();
    Map<String, LawException> failures = new LinkedHashMap<>();
    for (Value k : keys) {
      Env scope = new Env(env);
      for (Map.Entry<String, Dataset> g : grouped.entrySet()) {
        scope.define(g.getKey(), new DataValue(only(g.getValue(), key.name(), k)));
      }
      String label = label(k);
      try {
        results.add(in.eval(value, scope));
        labels.add(label);
      } catch (LawException e) {
        if (e.first().code().equals("L311")) {
          throw e; // cancelled: stop every group
        }
        failures.put(label, e);
      }
    }
    if (results.isEmpty()) {
      throw failures.values().iterator().next();
    }
    failures.forEach((label, e) -> in.warnOnce("group-failed:" + key.name() + "=" + label, Diagnostic.warning(Msg.GROUP_FAILED, at, key.name() + " = " + label, e.first().message())
        .withHint("the other groups are computed; " + (e.first().hint() == null ? "see the message for this group" : e.first().hint()))));
    return combine(key.name(), keyColumn.kind(), labels, results, failures, value, at);
  }

  private static Value combine(String key, Column.Kind kind, List<String> labels, List<Value> results,
      Map<String, LawException> failures, Expr value, Span at) {
    if (results.stream().allMatch(r -> r instanceof FitValue)) {
      Map<String, FitValue> fits = new LinkedHashMap<>();
      for (int i = 0; i < labels.size(); i++) {
        fits.put(labels.get(i), (FitValue) results.get(i));
      }
      Map<String, String> failed = new LinkedHashMap<>();
      failures.forEach((k, e) -> failed.put(k, e.first().message()));
      return new GroupFits(key, fits, failed);
    }
    if (results.stream().allMatch(r -> r instanceof DataValue)) {
      Map<String, DataValue> data = new LinkedHashMap<>();
      for (int i = 0; i < labels.size(); i++) {
        data.put(labels.get(i), (DataValue) results.get(i));
      }
      return new GroupedData(key, data);
    }
    List<String> headers = new ArrayList<>();
    headers.add(key);
    List<List<Value>> rows = new ArrayList<>();
    if (results.stream().allMatch(r -> r instanceof TableValue)) {
      TableValue firstTable = (TableValue) results.get(0);
      headers.addAll(firstTable.headers());
      for (int i = 0; i < results.size(); i++) {
        TableValue t = (TableValue) results.get(i);
        if (!t.headers().equals(firstTable.headers())) {
          throw LawException.of(Msg.GROUP_KEY, at, "the groups' tables have different columns (" + String.join(", ", firstTable.headers())
              + " and " + String.join(", ", t.headers()) + ")").hint("make every group's rows the same columns");
        }
        for (List<Value> row : t.rows()) {
          List<Value> r = new ArrayList<>();
          r.add(keyValue(kind, labels.get(i)));
          r.addAll(row);
          rows.add(r);
        }
      }
    } else {
      headers.add(value.span().text());
      for (int i = 0; i < results.size(); i++) {
        rows.add(List.of(keyValue(kind, labels.get(i)), results.get(i)));
      }
    }
    return new TableValue(headers, rows);
  }

  private static Value keyValue(Column.Kind kind, String label) {
    return switch (kind) {
      case NUMBER -> new Values.Num(Double.parseDouble(label.replace("_", "")));
      case BOOL -> new Values.Bool(Boolean.parseBoolean(label));
      default -> new Values.Str(label);
    };
  }

  /** The distinct keys: text in order of first appearance, numbers ascending, false before true. */
  private static List<Value> keys(Column c) {
    List<Value> out = new ArrayList<>();
    if (c instanceof Column.Texts t) {
      t.distinct().forEach(v -> out.add(new Values.Str(v)));
    } else if (c instanceof Column.Numbers n) {
      Set<Double> seen = new TreeSet<>();
      for (double x : n.values()) {
        seen.add(x);
      }
      seen.forEach(x -> out.add(new Values.Num(x)));
    } else {
      boolean[] f = ((Column.Flags) c).values();
      boolean anyFalse = false;
      boolean anyTrue = false;
      for (boolean b : f) {
        anyFalse |= !b;
        anyTrue |= b;
      }
      if (anyFalse) {
        out.add(new Values.Bool(false));
      }
      if (anyTrue) {
        out.add(new Values.Bool(true));
      }
    }
    return out;
  }

  private static Dataset only(Dataset d, String key, Value k) {
    Column c = d.typed(key);
    boolean[] keep = new boolean[d.rows()];
    for (int i = 0; i < keep.length; i++) {
      keep[i] = inGroup(c, i, label(k));
    }
    return d.filter(keep);
  }

  /** Whether row i's key is the group's label (a missing text key is in no group): the one rule for a by and a shared fit. */
  static boolean inGroup(Column key, int i, String label) {
    return !(key instanceof Column.Texts t && t.values()[i] == null) && label(Columns.cell(key, i)).equals(label);
  }

  /**
   * A group's name: a key as printed, unless printing rounds a number, which then is written in
   * full (two budgets equal to 6 digits are two groups, not one).
   */
  static String label(Value key) {
    if (key instanceof Values.Num n) {
      String shown = n.show();
      return Double.parseDouble(shown.replace("_", "")) == n.value() ? shown : org.lawlang.syntax.NumberFormat.literal(n.value());
    }
    return key.show();
  }

  /** The names an expression reads, anywhere inside it. */
  private static Set<String> names(Expr e, Set<String> out) {
    if (e instanceof Name n) {
      out.add(n.name());
    }
    for (Expr child : org.lawlang.syntax.Walk.children(e)) {
      names(child, out);
    }
    return out;
  }
}
