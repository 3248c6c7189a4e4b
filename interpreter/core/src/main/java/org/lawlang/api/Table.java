package org.lawlang.api;

import java.util.List;

/**
 * A table of rows, as a `for` loop with `row` or a proc produces: column names and rows of
 * values (numbers or text). Immutable.
 */
public record Table(List<String> columns, List<List<LawResult>> rows, String text) implements LawResult {
  public Table {
    columns = List.copyOf(columns);
    rows = rows.stream().map(List::copyOf).toList();
  }

  /** A column as doubles; throws if there is no such column or a cell is not a number. */
  public double[] column(String name) {
    int i = columns.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("no column '" + name + "'; the table has " + columns);
    }
    return rows.stream().mapToDouble(r -> r.get(i).asDouble()).toArray();
  }

  @Override
  public String typeName() {
    return "table";
  }

  @Override
  public Object toJava() {
    return this;
  }
}
