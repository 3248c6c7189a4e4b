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
import org.lawlang.syntax.NumberFormat;

/**
 * One kind of relation for the user: a table made by `row` (in a loop, `isoflop`, `envelope`,
 * a `by`) reads as a dataset wherever one is wanted — filtered with `where`, derived from,
 * fitted, plotted, joined and written — so nothing has to go out to a file and back.
 */
public final class Relations {
  private Relations() {}

  /** The dataset a value stands for: a dataset, or a table of numbers, text and flags. */
  public static Dataset dataset(Value v, Span at, String what) {
    if (v instanceof DataValue d) {
      return d.data();
    }
    if (v instanceof TableValue t) {
      return of(t, "table", at);
    }
    throw LawException.of(Msg.NOT_A_DATASET, at, Values.describe(v))
        .hint(what + " must be a dataset (declared with 'data') or a table (made with 'row')");
  }

  /** Whether a value can be read as a dataset. */
  public static boolean isRelation(Value v) {
    return v instanceof DataValue || v instanceof TableValue;
  }

  static Dataset of(TableValue t, String name, Span at) {
    int n = t.rows().size();
    Map<String, Column> cols = new LinkedHashMap<>();
    for (int c = 0; c < t.headers().size(); c++) {
      List<Value> values = new ArrayList<>(n);
      for (List<Value> row : t.rows()) {
        Value v = c < row.size() ? row.get(c) : new Values.Str("");
        if (v instanceof Uncertain u) {
          v = new Values.Num(u.point());
        }
        if (!(v instanceof Values.Num || v instanceof Values.Str || v instanceof Values.Bool)) {
          throw LawException.of(Msg.COLUMN_KIND, at, t.headers().get(c), Values.describe(v), "a number, text or true/false")
              .hint("a table read as data holds numbers, text and flags in its columns");
        }
        values.add(v);
      }
      String header = t.headers().get(c);
      if (cols.containsKey(header)) {
        throw LawException.of(Msg.DATA_GENERAL, at, "the table names column '" + header + "' twice")
            .hint("name the row items apart: row a: ..., b: ...");
      }
      cols.put(header, Columns.of(values, header, at));
    }
    int[] origins = new int[n];
    for (int i = 0; i < n; i++) {
      origins[i] = i + 1;
    }
    return new Dataset(name, "table", origins, cols);
  }

  /** A dataset as CSV text: numbers in full precision, text quoted where it needs it, missing text empty. */
  static String csv(Dataset d) {
    StringBuilder out = new StringBuilder(String.join(",", d.columnNames().stream().map(Relations::quote).toList())).append('\n');
    for (int i = 0; i < d.rows(); i++) {
      List<String> cells = new ArrayList<>();
      for (Column c : d.typedColumns().values()) {
        if (c instanceof Column.Numbers num) {
          cells.add(Double.isNaN(num.values()[i]) ? "" : NumberFormat.literal(num.values()[i]));
        } else if (c instanceof Column.Texts t) {
          cells.add(t.values()[i] == null ? "" : quote(t.values()[i]));
        } else {
          cells.add(Boolean.toString(((Column.Flags) c).values()[i]));
        }
      }
      out.append(String.join(",", cells)).append('\n');
    }
    return out.toString();
  }

  private static String quote(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n") || !s.equals(s.trim()) ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }
}
