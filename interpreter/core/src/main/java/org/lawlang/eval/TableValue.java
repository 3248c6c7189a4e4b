package org.lawlang.eval;

import java.util.ArrayList;
import java.util.List;
import org.lawlang.diag.Span;
import org.lawlang.eval.Values.Num;

/**
 * A table of rows produced by `row` inside a loop or proc: prints aligned (numbers to the
 * right), reads columns by name, and writes itself as CSV.
 */
public record TableValue(List<String> headers, List<List<Value>> rows) implements Value {
  public TableValue {
    headers = List.copyOf(headers);
    rows = rows.stream().map(List::copyOf).toList();
  }

  @Override
  public String typeName() {
    return "table";
  }

  @Override
  public List<String> fieldNames() {
    List<String> out = new ArrayList<>(headers);
    out.add("rows");
    return out;
  }

  @Override
  public Value field(String name, Span at) {
    int i = headers.indexOf(name);
    if (i >= 0) {
      return new Values.ListVal(rows.stream().map(r -> r.get(i)).toList());
    }
    if (name.equals("rows")) {
      return new Num(rows.size());
    }
    return Value.super.field(name, at);
  }

  @Override
  public String show() {
    int cols = headers.size();
    int[] width = new int[cols];
    List<String[]> cells = new ArrayList<>();
    for (int c = 0; c < cols; c++) {
      width[c] = headers.get(c).length();
    }
    for (List<Value> row : rows) {
      String[] text = new String[cols];
      for (int c = 0; c < cols; c++) {
        text[c] = c < row.size() ? row.get(c).show() : "";
        width[c] = Math.max(width[c], text[c].length());
      }
      cells.add(text);
    }
    StringBuilder out = new StringBuilder();
    appendLine(out, headers.toArray(new String[0]), width, null);
    out.append('\n');
    for (int c = 0; c < cols; c++) {
      out.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
    }
    for (int r = 0; r < rows.size(); r++) {
      out.append('\n');
      appendLine(out, cells.get(r), width, rows.get(r));
    }
    return out.toString();
  }

  private static void appendLine(StringBuilder out, String[] text, int[] width, List<Value> values) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < text.length; c++) {
      boolean right = values != null && c < values.size() && values.get(c) instanceof Num;
      String pad = " ".repeat(width[c] - text[c].length());
      line.append(c == 0 ? "" : "  ").append(right ? pad + text[c] : text[c] + pad);
    }
    out.append(line.toString().stripTrailing());
  }

  /** The table as CSV text, numbers at full precision. */
  public String toCsv() {
    StringBuilder out = new StringBuilder(String.join(",", headers.stream().map(TableValue::quote).toList())).append('\n');
    for (List<Value> row : rows) {
      List<String> cells = new ArrayList<>();
      for (Value v : row) {
        cells.add(v instanceof Num n ? Double.toString(n.value()) : quote(v.show()));
      }
      out.append(String.join(",", cells)).append('\n');
    }
    return out.toString();
  }

  private static String quote(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }
}
