package org.lawlang.api;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lawlang.data.Dataset;
import org.lawlang.diag.Source;
import org.lawlang.eval.DataValue;
import org.lawlang.eval.Value;
import org.lawlang.eval.Values;
import org.lawlang.semantics.Builtin;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Parsing;
import org.lawlang.syntax.Program;
import org.lawlang.syntax.Stmt;

/**
 * Converts Java objects handed to the engine (by {@link LawEngine#set}, the dataset binders
 * and javax.script bindings) into interpreter values, and checks the names they go under.
 * Everything it rejects is a {@link LawScriptException} with code L811.
 */
final class JavaValues {
  private JavaValues() {}

  static Value toValue(Object o) {
    if (o == null) {
      throw LawScriptException.java("null has no law value");
    }
    if (o instanceof Value v) {
      return v;
    }
    if (o instanceof Number n) {
      double x = n.doubleValue();
      if (!Double.isFinite(x)) {
        throw LawScriptException.java(x + " is not a finite number; law values are finite");
      }
      return new Values.Num(x);
    }
    if (o instanceof Boolean b) {
      return new Values.Bool(b);
    }
    if (o instanceof CharSequence || o instanceof Character) {
      return new Values.Str(o.toString());
    }
    if (o instanceof LawFunction f) {
      return f.value();
    }
    if (o instanceof LawResult r) {
      return fromResult(r);
    }
    if (o.getClass().isArray()) {
      List<Value> items = new ArrayList<>();
      for (int i = 0; i < Array.getLength(o); i++) {
        items.add(toValue(Array.get(o, i)));
      }
      return new Values.ListVal(items);
    }
    if (o instanceof Collection<?> c) {
      return new Values.ListVal(c.stream().map(JavaValues::toValue).toList());
    }
    if (o instanceof Map<?, ?> m) {
      Map<String, Value> fields = new LinkedHashMap<>();
      m.forEach((k, v) -> fields.put(name(String.valueOf(k), "a field"), toValue(v)));
      return new Values.Record("record", fields);
    }
    throw LawScriptException.java("cannot hand a " + o.getClass().getName()
        + " to law; use numbers, strings, booleans, arrays, lists, maps, datasets or laws");
  }

  private static Value fromResult(LawResult r) {
    if (r instanceof LawResult.Num n) {
      return new Values.Num(n.value());
    } else if (r instanceof LawResult.Interval i) {
      return new Values.Num(i.point()); // the ensemble stays in the session that made it
    } else if (r instanceof LawResult.Text t) {
      return new Values.Str(t.value());
    } else if (r instanceof LawResult.Bool b) {
      return new Values.Bool(b.value());
    } else if (r instanceof LawResult.Items i) {
      return new Values.ListVal(i.items().stream().map(JavaValues::fromResult).toList());
    } else if (r instanceof LawResult.Fields f) {
      Map<String, Value> fields = new LinkedHashMap<>();
      f.fields().forEach((k, v) -> fields.put(k, fromResult(v)));
      return new Values.Record(f.typeName(), fields);
    } else if (r instanceof DatasetInfo d) {
      return new DataValue(dataset(d.name(), d.columns(), d.origin()));
    }
    throw LawScriptException.java("a " + r.typeName() + " cannot be handed back to law from Java; "
        + "keep it in the engine under its name" + (r instanceof LawInfo ? " or use LawEngine.law(name)" : ""));
  }

  /** A dataset from named columns of equal length; values must be finite. Rows are numbered from 1. */
  static Dataset dataset(String name, Map<String, double[]> columns, String origin) {
    name(name, "a dataset");
    if (columns.isEmpty()) {
      throw LawScriptException.java("dataset '" + name + "' has no columns");
    }
    int rows = -1;
    Map<String, double[]> copy = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> c : columns.entrySet()) {
      String col = name(c.getKey(), "a column of '" + name + "'");
      double[] xs = c.getValue();
      if (xs == null) {
        throw LawScriptException.java("column '" + col + "' of '" + name + "' is null");
      }
      if (rows >= 0 && xs.length != rows) {
        throw LawScriptException.java("column '" + col + "' of '" + name + "' has " + xs.length + " rows, but earlier columns have " + rows);
      }
      rows = xs.length;
      if (rows == 0) {
        throw LawScriptException.java("dataset '" + name + "' has no rows");
      }
      for (int i = 0; i < xs.length; i++) {
        if (!Double.isFinite(xs[i])) {
          throw LawScriptException.java("row " + (i + 1) + ", column '" + col + "' of '" + name + "': " + xs[i] + " is not a finite number");
        }
      }
      copy.put(col, xs.clone());
    }
    int[] origins = new int[rows];
    for (int i = 0; i < rows; i++) {
      origins[i] = i + 1;
    }
    return new Dataset(name, origin, copy, origins);
  }

  /** Columns from rows of maps: every row must give a number for every column of the first row. */
  static Map<String, double[]> columnsOf(List<? extends Map<String, ?>> rows) {
    if (rows == null) {
      throw LawScriptException.java("the rows are null");
    }
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i) == null) {
        throw LawScriptException.java("row " + (i + 1) + " is null");
      }
    }
    if (rows.isEmpty()) {
      throw LawScriptException.java("no rows");
    }
    List<String> names = new ArrayList<>(rows.get(0).keySet());
    Map<String, double[]> out = new LinkedHashMap<>();
    names.forEach(n -> out.put(n, new double[rows.size()]));
    for (int i = 0; i < rows.size(); i++) {
      Map<String, ?> row = rows.get(i);
      for (String n : names) {
        Object v = row.get(n);
        if (!(v instanceof Number x)) {
          throw LawScriptException.java("row " + (i + 1) + ", column '" + n + "': "
              + (v == null ? "missing" : "expected a number, found a " + v.getClass().getSimpleName()));
        }
        out.get(n)[i] = x.doubleValue();
      }
      if (row.size() != names.size()) {
        throw LawScriptException.java("row " + (i + 1) + " has columns " + row.keySet() + ", but the first row has " + names);
      }
    }
    return out;
  }

  /** Columns from a header and rows of numbers. */
  static Map<String, double[]> columnsOf(List<String> header, double[][] rows) {
    if (header == null || rows == null) {
      throw LawScriptException.java(header == null ? "the header is null" : "the rows are null");
    }
    Map<String, double[]> out = new LinkedHashMap<>();
    for (int c = 0; c < header.size(); c++) {
      if (out.put(header.get(c), new double[rows.length]) != null) {
        throw LawScriptException.java("two columns are named '" + header.get(c) + "'");
      }
    }
    for (int r = 0; r < rows.length; r++) {
      if (rows[r] == null) {
        throw LawScriptException.java("row " + (r + 1) + " is null");
      }
      if (rows[r].length != header.size()) {
        throw LawScriptException.java("row " + (r + 1) + " has " + rows[r].length + " values, but there are " + header.size() + " columns");
      }
      for (int c = 0; c < header.size(); c++) {
        out.get(header.get(c))[r] = rows[r][c];
      }
    }
    return out;
  }

  /** Checks that {@code name} is a law identifier (not a keyword or builtin); returns it. */
  static String name(String name, String what) {
    if (!isIdentifier(name)) {
      throw LawScriptException.java("'" + name + "' cannot name " + what + "; use letters, digits and _ (not a keyword)");
    }
    if (Builtin.named(name).isPresent()) {
      throw LawScriptException.java("'" + name + "' is a builtin function and cannot name " + what);
    }
    return name;
  }

  static boolean isIdentifier(String name) {
    if (name == null || !name.matches("[\\p{L}_][\\p{L}\\p{N}_]*")) {
      return false;
    }
    try {
      Program p = Parsing.parse(new Source("<java>", name));
      return p.statements().size() == 1 && p.statements().get(0) instanceof Stmt.ExprStmt e
          && e.expr() instanceof Expr.Name n && n.name().equals(name);
    } catch (RuntimeException e) {
      return false;
    }
  }
}
