package org.lawlang.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable table of typed columns (numbers, text, flags), all of one length. Each row
 * remembers where it came from ({@link #origin}: the line of the CSV file or inline table)
 * so that errors name the user's row, not an index after filtering.
 */
public final class Dataset {
  private final String name;
  private final String origin;
  private final Map<String, Column> columns;
  private final Map<String, double[]> numbers;
  private final int[] rowOrigins;
  private final int rows;

  /** A dataset of numeric columns only. */
  public Dataset(String name, String origin, Map<String, double[]> columns, int[] rowOrigins) {
    this(name, origin, rowOrigins, numeric(columns));
  }

  private static Map<String, Column> numeric(Map<String, double[]> columns) {
    Map<String, Column> out = new LinkedHashMap<>();
    columns.forEach((k, v) -> out.put(k, new Column.Numbers(v)));
    return out;
  }

  /** A dataset of typed columns. */
  public Dataset(String name, String origin, int[] rowOrigins, Map<String, Column> columns) {
    this.name = name;
    this.origin = origin;
    this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    this.rowOrigins = rowOrigins.clone();
    this.rows = rowOrigins.length;
    Map<String, double[]> nums = new LinkedHashMap<>();
    for (Map.Entry<String, Column> c : columns.entrySet()) {
      if (c.getValue().size() != rows) {
        throw new IllegalArgumentException("column " + c.getKey() + " has " + c.getValue().size() + " rows, expected " + rows);
      }
      if (c.getValue() instanceof Column.Numbers n) {
        nums.put(c.getKey(), n.values());
      }
    }
    this.numbers = Collections.unmodifiableMap(nums);
  }

  public String name() {
    return name;
  }

  /** Where the rows came from: a file path or "inline table". */
  public String origin() {
    return origin;
  }

  public int rows() {
    return rows;
  }

  /** Every column's name, in order. */
  public List<String> columnNames() {
    return new ArrayList<>(columns.keySet());
  }

  /** The names of the numeric columns, in order. */
  public List<String> numericNames() {
    return new ArrayList<>(numbers.keySet());
  }

  public boolean has(String column) {
    return columns.containsKey(column);
  }

  public boolean isNumeric(String column) {
    return numbers.containsKey(column);
  }

  /** The column of any kind, or null. */
  public Column typed(String column) {
    return columns.get(column);
  }

  /** A numeric column's values (shared, do not modify); null for a missing or non-numeric column. */
  public double[] column(String column) {
    return numbers.get(column);
  }

  /** The numeric columns. */
  public Map<String, double[]> columns() {
    return numbers;
  }

  /** Every column, typed. */
  public Map<String, Column> typedColumns() {
    return columns;
  }

  /** The 1-based line of the source that row {@code i} came from. */
  public int origin(int i) {
    return rowOrigins[i];
  }

  public int[] origins() {
    return rowOrigins.clone();
  }

  public Dataset renamed(String newName) {
    return new Dataset(newName, origin, rowOrigins, columns);
  }

  public Dataset withColumn(String column, double[] values) {
    return withColumn(column, new Column.Numbers(values));
  }

  public Dataset withColumn(String column, Column values) {
    Map<String, Column> all = new LinkedHashMap<>(columns);
    all.put(column, values);
    return new Dataset(name, origin, rowOrigins, all);
  }

  /** The rows whose flag is set, in order. */
  public Dataset filter(boolean[] keep) {
    int n = 0;
    for (boolean k : keep) {
      if (k) {
        n++;
      }
    }
    int[] indices = new int[n];
    int j = 0;
    for (int i = 0; i < rows; i++) {
      if (keep[i]) {
        indices[j++] = i;
      }
    }
    return select(indices);
  }

  /** The rows at the given indices (with repeats), as a bootstrap resample needs. */
  public Dataset select(int[] indices) {
    Map<String, Column> out = new LinkedHashMap<>();
    for (Map.Entry<String, Column> c : columns.entrySet()) {
      out.put(c.getKey(), c.getValue().select(indices));
    }
    int[] origins = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      origins[i] = rowOrigins[indices[i]];
    }
    return new Dataset(name, origin, origins, out);
  }
}
