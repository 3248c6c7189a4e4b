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

  public DatasetInfo {
    columns = FitResult.frozen(columns);
  }

  /**
   * A dataset made in Java from named columns of equal length (finite numbers), to hand to an
   * engine with {@link LawEngine#set} or through javax.script bindings; it takes the name it
   * is bound under.
   */
  public static DatasetInfo of(Map<String, double[]> columns) {
    var data = LawEngine.typed(() -> JavaValues.dataset("data", columns, "from Java"));
    return Results.dataset(data, new org.lawlang.eval.DataValue(data).show());
  }

  /** A dataset made in Java from rows of maps (column → number), e.g. a tool's own runs. */
  public static DatasetInfo ofRows(List<? extends Map<String, ?>> rows) {
    return of(LawEngine.typed(() -> JavaValues.columnsOf(rows)));
  }

  public List<String> columnNames() {
    return List.copyOf(columns.keySet());
  }

  /** A column's values; throws if there is no such column. */
  public double[] column(String name) {
    double[] c = columns.get(name);
    if (c == null) {
      throw new IllegalArgumentException("no column '" + name + "'; the dataset has " + columns.keySet());
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
