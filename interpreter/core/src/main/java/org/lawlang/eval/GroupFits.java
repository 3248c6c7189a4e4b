package org.lawlang.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Span;
import org.lawlang.diag.Suggest;
import org.lawlang.eval.Values.Num;
import org.lawlang.eval.Values.Str;
import org.lawlang.syntax.NumberFormat;

/**
 * The fits of a `fit … by key`: one full fit per group, read as {@code fits.llama_3} or
 * {@code fits["llama_3"]}, printed as one aligned table of estimates, standard errors and
 * statuses, with a line for each group that could not be fitted. {@code fits.table} is the
 * same as a relation (key, each parameter and its standard error, status, n), to plot or write.
 */
public final class GroupFits implements Value {
  private final String key;
  private final Map<String, FitValue> fits;
  private final Map<String, String> failed;

  GroupFits(String key, Map<String, FitValue> fits, Map<String, String> failed) {
    this.key = key;
    this.fits = new LinkedHashMap<>(fits);
    this.failed = new LinkedHashMap<>(failed);
  }

  public String key() {
    return key;
  }

  public Map<String, FitValue> fits() {
    return java.util.Collections.unmodifiableMap(fits);
  }

  public Map<String, String> failed() {
    return java.util.Collections.unmodifiableMap(failed);
  }

  @Override
  public String typeName() {
    return "fits by " + key;
  }

  @Override
  public List<String> fieldNames() {
    List<String> out = new ArrayList<>(fits.keySet());
    out.add("groups");
    out.add("table");
    return out;
  }

  @Override
  public Value field(String name, Span at) {
    if (fits.containsKey(name)) {
      return fits.get(name);
    }
    if (name.equals("groups")) {
      return new Values.ListVal(fits.keySet().stream().map(k -> (Value) new Str(k)).toList());
    }
    if (name.equals("table")) {
      return table();
    }
    return group(name, at);
  }

  /** The fit of one group; an unknown group is an error naming the nearest. */
  Value group(String name, Span at) {
    FitValue f = fits.get(name);
    if (f != null) {
      return f;
    }
    if (failed.containsKey(name)) {
      throw LawException.of(Msg.GROUP_FAILED, at, key + " = " + name, "was not fitted: " + failed.get(name));
    }
    throw LawException.of(Msg.GROUP_KEY, at, "no group '" + name + "' in the fits by " + key)
        .hint(Suggest.closest(name, new ArrayList<>(fits.keySet())).map(s -> "did you mean '" + s + "'?")
            .orElse("the groups are " + String.join(", ", fits.keySet())));
  }

  private List<String> parameters() {
    List<String> out = new ArrayList<>();
    for (FitValue f : fits.values()) {
      for (String p : f.parameterNames()) {
        if (!out.contains(p)) {
          out.add(p);
        }
      }
    }
    return out;
  }

  /** The fits as a relation: key, each parameter and its standard error, status, n. */
  public TableValue table() {
    return table(false);
  }

  /**
   * One row per group: for a program ({@code printed} false) each estimate and standard error in
   * a column of its own; for reading ({@code printed}) both in one cell, "estimate ± se".
   */
  private TableValue table(boolean printed) {
    List<String> params = parameters();
    List<String> headers = new ArrayList<>();
    headers.add(key);
    for (String p : params) {
      headers.add(p);
      if (!printed) {
        headers.add("se_" + p);
      }
    }
    headers.add("status");
    headers.add("n");
    List<List<Value>> rows = new ArrayList<>();
    fits.forEach((k, f) -> {
      List<Value> row = new ArrayList<>();
      row.add(new Str(k));
      for (String p : params) {
        boolean has = f.parameterNames().contains(p);
        double est = has ? f.estimate(p) : Double.NaN;
        double se = has ? f.standardError(p) : Double.NaN;
        if (!printed) {
          row.add(new Num(est));
          row.add(new Num(se));
        } else {
          row.add(new Str(!has ? "" : NumberFormat.show(est) + (Double.isFinite(se) ? " ± " + NumberFormat.show(se) : "")));
        }
      }
      row.add(new Str(f.status()));
      row.add(new Num(f.observations()));
      rows.add(row);
    });
    return new TableValue(headers, rows);
  }

  @Override
  public String show() {
    StringBuilder out = new StringBuilder("fits by " + key + ": " + fits.size() + (fits.size() == 1 ? " group" : " groups")
        + " (estimate ± standard error)\n");
    out.append(table(true).show());
    failed.forEach((k, why) -> out.append("\n").append(key).append(" = ").append(k).append(": not fitted: ").append(why));
    fits.forEach((k, f) -> {
      if (!f.converged()) {
        out.append("\n").append(key).append(" = ").append(k).append(": ").append(f.status());
      }
    });
    return out.toString();
  }
}
