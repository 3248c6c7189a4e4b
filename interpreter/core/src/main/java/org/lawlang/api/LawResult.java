package org.lawlang.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A law value as plain, immutable Java data: what {@link LawEngine#eval(String)} and
 * {@link LawEngine#get(String)} return. Numbers, strings, booleans, lists and records are the
 * small records nested here; fits, optima, tables, laws and datasets are {@link FitResult},
 * {@link Optimum}, {@link Table}, {@link LawInfo} and {@link DatasetInfo}. Every result also
 * knows the text `print` shows for it ({@link #text()}) and converts to ordinary Java objects
 * ({@link #toJava()}). Results are immutable and safe to share between threads.
 */
public sealed interface LawResult
    permits LawResult.Num, LawResult.Interval, LawResult.Text, LawResult.Bool, LawResult.Items, LawResult.Fields, LawResult.Other,
    LawResult.None, FitResult, Optimum, Table, LawInfo, DatasetInfo {

  /**
   * The kind of value, as the language names it.
   *
   * @return number, string, law, fit, optimum, table, ...
   */
  String typeName();

  /**
   * What `print` shows for this value.
   *
   * @return the text
   */
  String text();

  /**
   * The value as ordinary Java objects: Double, String, Boolean, {@code List<Object>},
   * {@code Map<String, Object>}, null for nothing; fits, optima, tables, laws and datasets
   * stay as their records.
   *
   * @return the Java object
   */
  Object toJava();

  /**
   * This value as a double (a boolean as 1 or 0, an uncertain number as its point estimate).
   *
   * @return the number
   * @throws LawScriptException (L811) if it is not a number
   */
  default double asDouble() {
    if (this instanceof Num n) {
      return n.value();
    }
    if (this instanceof Interval i) {
      return i.point();
    }
    if (this instanceof Bool b) {
      return b.value() ? 1 : 0;
    }
    throw LawScriptException.java("a " + typeName() + " is not a number");
  }

  /**
   * A number with its uncertainty: the point estimate (from the fit itself) and the percentile
   * interval at {@code level} of the same quantity over the fit's bootstrap ensemble.
   */
  record Interval(double point, double lo, double hi, double level, String method, String text) implements LawResult {
    @Override
    public String typeName() {
      return "uncertain number";
    }

    @Override
    public Object toJava() {
      return point;
    }
  }

  /** A number. */
  record Num(double value) implements LawResult {
    @Override
    public String typeName() {
      return "number";
    }

    @Override
    public String text() {
      return org.lawlang.syntax.NumberFormat.show(value);
    }

    @Override
    public Object toJava() {
      return value;
    }
  }

  /** A string. */
  record Text(String value) implements LawResult {
    @Override
    public String typeName() {
      return "string";
    }

    @Override
    public String text() {
      return value;
    }

    @Override
    public Object toJava() {
      return value;
    }
  }

  /** A boolean. */
  record Bool(boolean value) implements LawResult {
    @Override
    public String typeName() {
      return "boolean";
    }

    @Override
    public String text() {
      return Boolean.toString(value);
    }

    @Override
    public Object toJava() {
      return value;
    }
  }

  /** A list. */
  record Items(List<LawResult> items, String text) implements LawResult {
    /**
     * Copies the collection given.
     *
     * @param items the record's items
     * @param text the record's text
     */
    public Items {
      items = List.copyOf(items);
    }

    @Override
    public String typeName() {
      return "list";
    }

    /**
     * The items as doubles.
     *
     * @return a new array
     * @throws LawScriptException if an item is not a number
     */
    public double[] doubles() {
      return items.stream().mapToDouble(LawResult::asDouble).toArray();
    }

    @Override
    public Object toJava() {
      return items.stream().map(LawResult::toJava).toList();
    }
  }

  /** A record with named fields (a dataset row, the result of `solve`, ...). */
  record Fields(String typeName, Map<String, LawResult> fields, String text) implements LawResult {
    /**
     * Copies the collection given.
     *
     * @param typeName the record's typeName
     * @param fields the record's fields
     * @param text the record's text
     */
    public Fields {
      fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public Object toJava() {
      Map<String, Object> out = new LinkedHashMap<>();
      fields.forEach((k, v) -> out.put(k, v.toJava()));
      return java.util.Collections.unmodifiableMap(out);
    }
  }

  /** A value with no Java counterpart (a module, a proc, a builtin function): its kind and text. */
  record Other(String typeName, String text) implements LawResult {
    @Override
    public Object toJava() {
      return this;
    }
  }

  /** The value of a statement that produces nothing (a `let`, a `print`, ...). */
  enum None implements LawResult {
    /** The one value of nothing. */
    INSTANCE;

    @Override
    public String typeName() {
      return "nothing";
    }

    @Override
    public String text() {
      return "";
    }

    @Override
    public Object toJava() {
      return null;
    }
  }
}
