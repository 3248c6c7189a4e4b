package org.lawlang.api;

import java.util.List;
import java.util.Map;

/**
 * A dataset: its name, where its rows came from, and its numeric columns in order. The
 * arrays are copies; changing them changes nothing in the engine. Immutable otherwise, and
 * accepted back by {@link LawEngine#set(String, Object)}.
 */
public record DatasetInfo(String name, String origin, int rows, Map<String, double[]> columns, String text)
    implements LawResult {

  /**
   * Copies the collections and arrays given: the record shares nothing with its caller.
   *
   * @param name see the record's description
   * @param origin see the record's description
   * @param rows see the record's description
   * @param columns see the record's description
   * @param text see the record's description
   */
  public DatasetInfo {
    columns = FitResult.copies(columns);
  }

  /**
   * A dataset made in Java from named columns of equal length (finite numbers), to hand to an
   * engine with {@link LawEngine#set} or through javax.script bindings; it takes the name it
   * is bound under.
   *
   * @param columns column name to values
   * @return the dataset
   */
  public static DatasetInfo of(Map<String, double[]> columns) {
    LawEngine.need(columns, "the columns");
    var data = LawEngine.typed(() -> JavaValues.dataset("data", columns, "from Java"));
    return Results.dataset(data, new org.lawlang.eval.DataValue(data).show());
  }

  /**
   * A dataset made in Java from rows of maps (column to number), e.g. a tool's own runs.
   *
   * @param rows the rows; each has the first row's columns
   * @return the dataset
   */
  public static DatasetInfo ofRows(List<? extends Map<String, ?>> rows) {
    LawEngine.need(rows, "the rows");
    return of(LawEngine.typed(() -> JavaValues.columnsOf(rows)));
  }

  /**
   * The columns by name; the arrays are copies.
   *
   * @return a new unmodifiable map of new arrays
   */
  @Override
  public Map<String, double[]> columns() {
    return FitResult.copies(columns);
  }

  /**
   * The column names, in order.
   *
   * @return an unmodifiable list
   */
  public List<String> columnNames() {
    return List.copyOf(columns.keySet());
  }

  /**
   * A column's values.
   *
   * @param name a column
   * @return a copy of its values
   * @throws LawScriptException if there is no such column
   */
  public double[] column(String name) {
    double[] c = columns.get(name);
    if (c == null) {
      throw LawScriptException.java("no column '" + name + "'; the dataset has " + columns.keySet());
    }
    return c.clone();
  }

  @Override
  public String typeName() {
    return "dataset";
  }

  @Override
  public Object toJava() {
    return this;
  }
}
