package org.lawlang.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.lawlang.data.Column;
import org.lawlang.data.CsvTable;
import org.lawlang.data.Dataset;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Span;
import org.lawlang.eval.Values.Bool;
import org.lawlang.eval.Values.Num;
import org.lawlang.eval.Values.Str;
import org.lawlang.syntax.NumberFormat;

/**
 * Typed columns: reading a CSV column as numbers, text or flags (inferred, or as the script
 * says), a cell as a value of the language, and the errors when a column is used as a kind
 * it is not.
 *
 * <p>Numbers are strict: the plain decimal syntax only (no Java suffixes `1d`, hex `0x1p4`,
 * `NaN` or `Infinity`), and an empty cell in a numeric column is an error at its row. Flags
 * read true/false in any case, and 1/0 when the column is declared `bool`. Text may have
 * empty (missing) cells.
 */
public final class Columns {
  private Columns() {}

  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  /** Whether a trimmed cell is a number in the syntax data files use. */
  static boolean isNumber(String cell) {
    return NUMBER.matcher(cell).matches();
  }

  static boolean isFlag(String cell) {
    String c = cell.toLowerCase(Locale.ROOT);
    return c.equals("true") || c.equals("false");
  }

  /** The kind a column's cells suggest: numbers if any cell is one, flags if every cell is true/false, else text. */
  static Column.Kind infer(CsvTable t, int j) {
    boolean anyNumber = false;
    boolean allFlags = true;
    boolean anyCell = false;
    for (String[] row : t.rows()) {
      String cell = row[j].trim();
      if (cell.isEmpty()) {
        allFlags = false;
        continue;
      }
      anyCell = true;
      anyNumber |= isNumber(cell);
      allFlags &= isFlag(cell);
    }
    if (anyNumber) {
      return Column.Kind.NUMBER;
    }
    return anyCell && allFlags ? Column.Kind.BOOL : Column.Kind.TEXT;
  }

  /** Column j of the file read as {@code kind}; a cell that is not of it is an error naming its row. */
  static Column read(CsvTable t, int j, Column.Kind kind, String header, Span at, String file) {
    List<String[]> rows = t.rows();
    int n = rows.size();
    switch (kind) {
      case NUMBER -> {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
          String cell = rows.get(i)[j].trim();
          if (!isNumber(cell)) {
            Double special = nonFinite(cell);
            if (special != null) {
              throw LawException.of(Msg.BAD_CELL, at, t.lines()[i], header, NumberFormat.show(special) + " is not a finite number")
                  .hint("in " + file + "; remove the row or filter it out before loading");
            }
            throw LawException.of(Msg.BAD_CELL, at, t.lines()[i], header,
                cell.isEmpty() ? "the cell is empty" : "\"" + cell + "\" is not a number")
                .hint("in " + file + "; fix the cell or drop the row");
          }
          double v = Double.parseDouble(cell);
          if (!Double.isFinite(v)) {
            throw LawException.of(Msg.BAD_CELL, at, t.lines()[i], header, NumberFormat.show(v) + " is not a finite number")
                .hint("in " + file + "; remove the row or filter it out before loading");
          }
          out[i] = v;
        }
        return new Column.Numbers(out);
      }
      case BOOL -> {
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
          String cell = rows.get(i)[j].trim().toLowerCase(Locale.ROOT);
          switch (cell) {
            case "true", "1" -> out[i] = true;
            case "false", "0" -> out[i] = false;
            default -> throw LawException.of(Msg.BAD_CELL, at, t.lines()[i], header,
                cell.isEmpty() ? "the cell is empty" : "\"" + rows.get(i)[j].trim() + "\" is not true or false")
                .hint("in " + file + "; a bool column holds true/false, True/False or 1/0; read it as text to keep other values");
          }
        }
        return new Column.Flags(out);
      }
      default -> {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
          String cell = rows.get(i)[j].trim();
          out[i] = cell.isEmpty() ? null : cell;
        }
        return new Column.Texts(out);
      }
    }
  }

  /** NaN or an infinity as a data file may spell it ("nan", "NaN", "inf", "-Infinity"), else null. */
  private static Double nonFinite(String cell) {
    String c = cell.toLowerCase(Locale.ROOT).replaceFirst("^[+]", "");
    return switch (c) {
      case "nan" -> Double.NaN;
      case "inf", "infinity" -> Double.POSITIVE_INFINITY;
      case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
      default -> null;
    };
  }

  /** Row i of a column as a value: a number, a text (empty when missing) or a boolean. */
  static Value cell(Column c, int i) {
    if (c instanceof Column.Numbers n) {
      return new Num(n.values()[i]);
    }
    if (c instanceof Column.Texts t) {
      return new Str(t.values()[i] == null ? "" : t.values()[i]);
    }
    return new Bool(((Column.Flags) c).values()[i]);
  }

  /** A column as a list value. */
  static Value list(Column c) {
    if (c instanceof Column.Numbers n) {
      return Values.ListVal.ofDoubles(n.values());
    }
    List<Value> out = new ArrayList<>(c.size());
    for (int i = 0; i < c.size(); i++) {
      out.add(cell(c, i));
    }
    return new Values.ListVal(out);
  }

  /** A column built from one value per row: numbers, texts or booleans, all of one kind. */
  static Column of(List<Value> values, String name, Span at) {
    int n = values.size();
    Value first = n == 0 ? new Num(0) : values.get(0);
    if (first instanceof Str) {
      String[] out = new String[n];
      for (int i = 0; i < n; i++) {
        out[i] = values.get(i) instanceof Str s ? (s.value().isEmpty() ? null : s.value())
            : mixed(name, "text", values.get(i), at);
      }
      return new Column.Texts(out);
    }
    if (first instanceof Bool) {
      boolean[] out = new boolean[n];
      for (int i = 0; i < n; i++) {
        out[i] = values.get(i) instanceof Bool b ? b.value() : mixed(name, "true/false", values.get(i), at);
      }
      return new Column.Flags(out);
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = Values.num(values.get(i), at, "column " + name);
    }
    return new Column.Numbers(out);
  }

  private static <T> T mixed(String name, String kind, Value v, Span at) {
    throw LawException.of(Msg.COLUMN_KIND, at, name, "values of more than one kind", "only " + kind)
        .hint("found " + Values.describe(v) + "; every row of a column holds the same kind");
  }

  /** The error for a text or flag column used where a number is needed. */
  public static LawException notANumber(Dataset data, String column, Span at) {
    Column c = data.typed(column);
    String what = c instanceof Column.Texts ? "text" : "true/false flags";
    return LawException.of(Msg.COLUMN_KIND, at, column, what, "numbers")
        .hint(c instanceof Column.Texts
            ? "use it to choose rows (where " + column + " == \"...\") or to group them (by " + column + ")"
            : "use it to choose rows: where " + column + " (or where not " + column + ")");
  }

  /** How a column prints in a dataset's summary: its kind and range, or its values. */
  static String summary(Column c) {
    if (c instanceof Column.Numbers n) {
        if (n.values().length == 0) {
          return "(empty)";
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : n.values()) {
          lo = Math.min(lo, x);
          hi = Math.max(hi, x);
        }
        return NumberFormat.show(lo) + " .. " + NumberFormat.show(hi);
    }
    if (c instanceof Column.Texts t) {
        List<String> distinct = t.distinct();
        String values = distinct.size() <= 6
            ? String.join(", ", distinct.stream().map(v -> '"' + v + '"').toList())
            : distinct.size() + " distinct values";
        int missing = t.missing();
        return "text: " + (distinct.isEmpty() ? "(no values)" : values) + (missing > 0 ? " (" + missing + " missing)" : "");
    }
    Column.Flags f = (Column.Flags) c;
    return "bool: " + f.count() + " true, " + (f.size() - f.count()) + " false";
  }
}
