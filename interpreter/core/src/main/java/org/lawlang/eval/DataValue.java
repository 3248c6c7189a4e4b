package org.lawlang.eval;

import java.util.ArrayList;
import java.util.List;
import org.lawlang.data.Dataset;
import org.lawlang.diag.Span;
import org.lawlang.syntax.NumberFormat;

/** A dataset as a value: `runs.loss` is a column (a list), `runs.rows` the row count; prints a summary. */
public record DataValue(Dataset data) implements Value {
  @Override
  public String typeName() {
    return "dataset";
  }

  @Override
  public List<String> fieldNames() {
    List<String> out = new ArrayList<>(data.columnNames());
    out.add("rows");
    return out;
  }

  @Override
  public Value field(String name, Span at) {
    if (data.has(name)) {
      return Columns.list(data.typed(name));
    }
    if (name.equals("rows")) {
      return new Values.Num(data.rows());
    }
    return Value.super.field(name, at);
  }

  @Override
  public String show() {
    StringBuilder out = new StringBuilder();
    out.append("dataset ").append(data.name()).append(": ").append(data.rows()).append(data.rows() == 1 ? " row" : " rows")
        .append(", ").append(data.columnNames().size()).append(data.columnNames().size() == 1 ? " column (" : " columns (").append(data.origin()).append(")");
    int width = data.columnNames().stream().mapToInt(String::length).max().orElse(0);
    for (String c : data.columnNames()) {
      out.append("\n  ").append(c).append(" ".repeat(width - c.length())).append("  ").append(Columns.summary(data.typed(c)));
    }
    return out.toString();
  }
}
