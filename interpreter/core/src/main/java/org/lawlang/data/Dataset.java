package org.lawlang.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable table of numeric columns, all of one length. Each row remembers where it
 * came from ({@link #origin}: the line of the CSV file or inline table) so that errors name
 * the user's row, not an index after filtering.
 */
public final class Dataset {
  private final String name;
  private final String origin;
  private final Map<String, double[]> columns;
  private final int[] rowOrigins;
  private final int rows;

  public Dataset(String name, String origin, Map<String, double[]> columns, int[] rowOrigins) {
    this.name = name;
    this.origin = origin;
    this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    this.rowOrigins = rowOrigins.clone();
    this.rows = rowOrigins.length;
    for (Map.Entry<String, double[]> c : columns.entrySet()) {
      if (c.getValue().length != rows) {
        throw new IllegalArgumentException("column " + c.getKey() + " has " + c.getValue().length + " rows, expected " + rows);
      }
    }
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

  public List<String> columnNames() {
    return new ArrayList<>(columns.keySet());
  }

  public boolean has(String column) {
    return columns.containsKey(column);
  }

  /** The column's values; the array is shared, do not modify it. */
  public double[] column(String column) {
    return columns.get(column);
  }

  public Map<String, double[]> columns() {
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
    return new Dataset(newName, origin, columns, rowOrigins);
  }

  public Dataset withColumn(String column, double[] values) {
    Map<String, double[]> all = new LinkedHashMap<>(columns);
    all.put(column, values);
    return new Dataset(name, origin, all, rowOrigins);
  }

  /** The rows whose flag is set, in order. */
  public Dataset filter(boolean[] keep) {
    int n = 0;
    for (boolean k : keep) {
      if (k) {
        n++;
      }
    }
    int[] origins = new int[n];
    Map<String, double[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> c : columns.entrySet()) {
      double[] src = c.getValue();
      double[] dst = new double[n];
      int j = 0;
      for (int i = 0; i < rows; i++) {
        if (keep[i]) {
          dst[j++] = src[i];
        }
      }
      out.put(c.getKey(), dst);
    }
    int j = 0;
    for (int i = 0; i < rows; i++) {
      if (keep[i]) {
        origins[j++] = rowOrigins[i];
      }
    }
    return new Dataset(name, origin, out, origins);
  }

  /** The rows at the given indices (with repeats), as a bootstrap resample needs. */
  public Dataset select(int[] indices) {
    Map<String, double[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> c : columns.entrySet()) {
      double[] src = c.getValue();
      double[] dst = new double[indices.length];
      for (int i = 0; i < indices.length; i++) {
        dst[i] = src[indices[i]];
      }
      out.put(c.getKey(), dst);
    }
    int[] origins = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      origins[i] = rowOrigins[indices[i]];
    }
    return new Dataset(name, origin, out, origins);
  }
}
