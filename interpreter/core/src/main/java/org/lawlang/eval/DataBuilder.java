package org.lawlang.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lawlang.data.Column;
import org.lawlang.data.CsvTable;
import org.lawlang.data.Dataset;
import org.lawlang.diag.Diagnostic;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Span;
import org.lawlang.diag.Suggest;
import org.lawlang.eval.Values.Num;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.NumberFormat;
import org.lawlang.syntax.Stmt.*;

/**
 * Runs a `data` statement: reads a CSV (mapped, derived and filtered columns) or an inline
 * table, or derives a dataset from another. Every bad cell is an error naming the file's row
 * and the column; derived columns and filters are evaluated row by row.
 */
final class DataBuilder {
  private DataBuilder() {}

  static Dataset build(Data d, Env env, Interpreter in) {
    String name = d.name().name();
    Dataset data;
    if (d.source() instanceof CsvSource c) {
      data = csv(name, c, env, in);
    } else if (d.source() instanceof TableSource t) {
      data = table(name, t);
    } else {
      DerivedSource s = (DerivedSource) d.source();
      Value v = in.eval(s.source(), env);
      if (!Relations.isRelation(v)) {
        throw LawException.of(Msg.NOT_A_DATASET, s.source().span(), Values.describe(v));
      }
      data = Relations.dataset(v, s.source().span(), "the source").renamed(name);
    }
    if (d.filter() != null) {
      data = filter(data, d.filter(), env, in);
    }
    return data;
  }

  private static Dataset csv(String name, CsvSource c, Env env, Interpreter in) {
    Path path = in.resolve(c.path(), c.span());
    CsvTable table;
    try {
      table = CsvTable.read(path);
    } catch (CsvTable.ReadFailure e) {
      if (e.fields() > 0) {
        throw LawException.of(Msg.RAGGED_ROW, c.span(), e.line(), e.fields(), e.expected())
            .hint("in " + c.path() + "; every row needs as many fields as the header; quote fields that contain commas");
      }
      if (e.line() > 0) {
        throw LawException.of(Msg.DATA_GENERAL, c.span(), c.path() + ": " + e.getMessage())
            .hint(e.getMessage().contains("quoted")
                ? "a quote inside a quoted field is written twice (\"\"), and only a comma may follow the closing quote"
                : "every row needs as many fields as the header; quote fields that contain commas");
      }
      if (e.empty()) {
        throw LawException.of(Msg.EMPTY_DATA, c.span(), c.path())
            .hint("the file is empty; a CSV file needs a header row and at least one row of data");
      }
      throw LawException.of(Msg.FILE_NOT_FOUND, c.span(), c.path(), e.getMessage())
          .hint(c.span().source().name().startsWith("<")
              ? "a relative path starts from the directory law was started in (" + in.baseDir() + ")"
              : "paths are relative to the folder of the script that names them");
    }
    if (table.rows().isEmpty()) {
      throw LawException.of(Msg.EMPTY_DATA, c.span(), c.path()).hint("the file has a header row but no rows of data");
    }
    int[] lines = table.lines();
    Map<String, Column> columns = new LinkedHashMap<>();
    if (c.columns().isEmpty()) {
      List<String> unnamed = new ArrayList<>();
      for (int j = 0; j < table.header().size(); j++) {
        String header = table.header().get(j);
        boolean isName = header.matches("[\\p{L}_][\\p{L}\\p{N}_]*");
        if (isName) {
          int other = table.header().lastIndexOf(header);
          if (other != j) {
            throw LawException.of(Msg.DUPLICATE_HEADER, c.span(), c.path(), header, j + 1, other + 1)
                .hint("rename one of them in the file, or map the other columns you need by name: csv \"" + c.path() + "\" { x = \"...\" }");
          }
          if (columns.containsKey(header)) {
            continue;
          }
          columns.put(header, Columns.read(table, j, Columns.infer(table, j), header, c.span(), c.path()));
        } else if (numericColumnQuietly(table, j)) {
          unnamed.add('"' + header + '"');
        }
      }
      if (!unnamed.isEmpty()) {
        boolean one = unnamed.size() == 1;
        in.warnOnce("unnamed-columns", Diagnostic.warning(Msg.UNNAMED_COLUMNS, c.span(), one ? "a numeric column" : unnamed.size() + " numeric columns", c.path(),
            (one ? "the header " : "the headers ") + String.join(", ", unnamed) + (one ? " is not a name" : " are not names"))
            .withHint("map them to names: csv \"" + c.path() + "\" { x = " + unnamed.get(0) + " }"));
      }
    } else {
      Dataset partial = new Dataset(name, c.path(), lines, Map.of());
      for (ColumnDef def : c.columns()) {
        Column values;
        Column.Kind kind = null;
        if (def.kind() != null) {
          kind = Column.Kind.of(def.kind());
          if (kind == null) {
            throw LawException.of(Msg.BAD_COLUMN_KIND, def.span(), def.kind())
                .hint("the kinds are number, text and bool: " + def.name().name() + " = text \"...\"");
          }
          if (!(def.value() instanceof Expr.Str)) {
            throw LawException.of(Msg.BAD_COLUMN_KIND, def.span(), def.kind())
                .hint("a kind goes before a header in quotes: " + def.name().name() + " = " + def.kind() + " \"header\"");
          }
        }
        if (def.value() instanceof Expr.Str s) {
          int j = table.columnIndex(s.value());
          if (j < 0) {
            throw LawException.of(Msg.MISSING_COLUMN, s.span(), s.value(), c.path())
                .hint(Suggest.closest(s.value(), table.header()).map(x -> "did you mean \"" + x + "\"?")
                    .orElse("its columns are " + String.join(", ", table.header().stream().map(h -> '"' + h + '"').toList())));
          }
          int other = table.header().lastIndexOf(s.value());
          if (other != j) {
            throw LawException.of(Msg.DUPLICATE_HEADER, s.span(), c.path(), s.value(), j + 1, other + 1)
                .hint("rename one of the two columns in the file; law does not guess which is meant");
          }
          values = Columns.read(table, j, kind != null ? kind : Columns.infer(table, j), s.value(), s.span(), c.path());
        } else {
          values = derive(partial, def.value(), def.name().name(), env, in);
        }
        partial = partial.withColumn(def.name().name(), values);
        columns.put(def.name().name(), values);
      }
    }
    return new Dataset(name, c.path(), lines, columns);
  }

  /** Whether some cell of column j reads as a number (without judging the others). */
  private static boolean numericColumnQuietly(CsvTable t, int j) {
    for (String[] row : t.rows()) {
      if (j < row.length && Columns.isNumber(row[j].trim())) {
        return true;
      }
    }
    return false;
  }

  private static Dataset table(String name, TableSource t) {
    int width = t.columns().size();
    int n = t.rows().size();
    Map<String, double[]> cols = new LinkedHashMap<>();
    for (var id : t.columns()) {
      if (cols.put(id.name(), new double[n]) != null) {
        throw LawException.of(Msg.DATA_GENERAL, id.span(), "column '" + id.name() + "' is named twice in this table")
            .hint("give each column its own name");
      }
    }
    int[] lines = new int[n];
    for (int i = 0; i < n; i++) {
      TableRow row = t.rows().get(i);
      if (row.values().length != width) {
        throw LawException.of(Msg.TABLE_ROW_WIDTH, row.span(), row.values().length, width);
      }
      for (int j = 0; j < width; j++) {
        cols.get(t.columns().get(j).name())[i] = row.values()[j];
      }
      lines[i] = row.span().line();
    }
    return new Dataset(name, "inline table", cols, lines);
  }

  /** The environment a row is evaluated in: the dataset's columns as numbers over the enclosing scope. */
  static Env rowEnv(Dataset data, int i, Env env) {
    Env row = new Env(env);
    data.typedColumns().forEach((c, col) -> row.define(c, Columns.cell(col, i)));
    return row;
  }

  private static Column derive(Dataset data, Expr e, String column, Env env, Interpreter in) {
    int n = data.rows();
    List<Value> out = new ArrayList<>(n);
    Expr perRow = n > 1 ? RowInvariants.hoist(e, new java.util.HashSet<>(data.columnNames()), env, in) : e;
    for (int i = 0; i < n; i++) {
      Value v;
      try {
        v = in.eval(perRow, rowEnv(data, i, env));
      } catch (LawException x) {
        throw rowError(x, data, i);
      }
      if (v instanceof Num num && !Double.isFinite(num.value())) {
        throw LawException.of(Msg.BAD_CELL, e.span(), data.origin(i), column, NumberFormat.show(num.value()) + " is not a finite number");
      }
      if (!(v instanceof Num || v instanceof Values.Str || v instanceof Values.Bool)) {
        Values.num(v, e.span(), "column " + column);
      }
      out.add(v);
    }
    return Columns.of(out, column, e.span());
  }

  private static Dataset filter(Dataset data, Expr filter, Env env, Interpreter in) {
    boolean[] keep = new boolean[data.rows()];
    Expr perRow = keep.length > 1 ? RowInvariants.hoist(filter, new java.util.HashSet<>(data.columnNames()), env, in) : filter;
    for (int i = 0; i < keep.length; i++) {
      try {
        keep[i] = Values.bool(in.eval(perRow, rowEnv(data, i, env)), filter.span());
      } catch (LawException x) {
        throw rowError(x, data, i);
      }
    }
    return data.filter(keep);
  }

  private static LawException rowError(LawException x, Dataset data, int i) {
    var d = x.first();
    return new LawException(new org.lawlang.diag.Diagnostic(d.severity(), d.code(), d.span(),
        "row " + data.origin(i) + ": " + d.message(), d.hint()));
  }
}
