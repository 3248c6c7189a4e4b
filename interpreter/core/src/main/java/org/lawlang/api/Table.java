package org.lawlang.api;

import java.util.List;

/**
 * A table of rows, as a `for` loop with `row` or a proc produces: column names and rows of
 * values (numbers or text). Immutable.
 */
public record Table(List<String> columns, List<List<LawResult>> rows, String text) implements LawResult {
  /**
   * Copies the collections and arrays given: the record shares nothing with its caller.
   *
   * @param columns see the record's description
   * @param rows see the record's description
   * @param text see the record's description
   */
  public Table {
    columns = List.copyOf(columns);
    rows = rows.stream().map(List::copyOf).toList();
  }

  /**
   * A column as doubles.
   *
   * @param name a column
   * @return its values
   * @throws LawScriptException if there is no such column or a cell is not a number
   */
  public double[] column(String name) {
    int i = columns.indexOf(name);
    if (i < 0) {
      throw LawScriptException.java("no column '" + name + "'; the table has " + columns);
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
