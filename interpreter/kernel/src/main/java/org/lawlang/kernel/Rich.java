package org.lawlang.kernel;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.lawlang.api.JsonReport;
import org.lawlang.eval.FitValue;
import org.lawlang.eval.TableValue;
import org.lawlang.eval.Value;
import org.lawlang.eval.Values;
import org.lawlang.plot.ChartPlotService;
import org.lawlang.plot.Figure;

/**
 * A value as a notebook shows it: a MIME bundle with the text `print` gives, the JSON
 * document `law run --json` gives, and HTML for what reads better as a table (a table, a fit
 * report); a figure as PNG and SVG.
 */
final class Rich {
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  private Rich() {}

  /** The bundle of a value: text/plain always, application/json, and text/html for tables and fits. */
  static ObjectNode bundle(Value v) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("text/plain", v.show());
    String html = html(v);
    if (html != null) {
      data.put("text/html", html);
    }
    try {
      data.set("application/json", JSON.readTree(JsonReport.json(org.lawlang.eval.EngineAccess.result(v))));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("law's own JSON did not parse", e);
    }
    return data;
  }

  /** Whether a printed line is one value that deserves its own display (a table or a fit), rather than text. */
  static boolean displayed(List<Value> values) {
    return values.size() == 1 && html(values.get(0)) != null;
  }

  static ObjectNode figure(List<Figure> panels) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("image/png", Base64.getEncoder().encodeToString(ChartPlotService.png(panels)));
    data.put("image/svg+xml", ChartPlotService.svg(panels));
    StringBuilder text = new StringBuilder();
    for (Figure f : panels) {
      text.append(text.length() == 0 ? "" : "; ").append(f.title() == null || f.title().isBlank() ? "figure" : f.title())
          .append(" (").append(f.series().stream().filter(s -> s.kind() != Figure.Kind.RULE).count()).append(" series)");
    }
    data.put("text/plain", "<" + text + ">");
    return data;
  }

  static String html(Value v) {
    if (v instanceof TableValue t) {
      return table(t);
    }
    if (v instanceof FitValue f) {
      return report(f.show());
    }
    return null;
  }

  /** A table as HTML: the same cells `print` shows, numbers right-aligned. */
  static String table(TableValue t) {
    StringBuilder h = new StringBuilder("<table class=\"law-table\">\n<thead><tr>");
    for (String header : t.headers()) {
      h.append("<th style=\"text-align:left\">").append(escape(header)).append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (List<Value> row : t.rows()) {
      h.append("<tr>");
      for (int c = 0; c < t.headers().size(); c++) {
        Value cell = c < row.size() ? row.get(c) : null;
        boolean number = cell instanceof Values.Num;
        h.append("<td style=\"text-align:").append(number ? "right" : "left").append("\">")
            .append(cell == null ? "" : escape(cell.show())).append("</td>");
      }
      h.append("</tr>\n");
    }
    return h.append("</tbody>\n</table>").toString();
  }

  /**
   * A fit report as HTML: its first line as the title, the parameter block (the lines from
   * "parameter" on, as long as they have its columns) as a table with the numbers as printed,
   * the rest as preformatted lines.
   */
  static String report(String text) {
    String[] lines = text.split("\n");
    StringBuilder h = new StringBuilder("<div class=\"law-fit\">\n<p><b>").append(escape(lines[0].strip())).append("</b></p>\n");
    int i = 1;
    List<String> rest = new ArrayList<>();
    while (i < lines.length && !lines[i].strip().startsWith("parameter")) {
      rest.add(lines[i++]);
    }
    if (i < lines.length) {
      String[] header = cells(lines[i]);
      h.append(pre(rest));
      rest.clear();
      h.append("<table class=\"law-table\">\n<thead><tr>");
      for (String c : header) {
        h.append("<th style=\"text-align:").append(c.equals("parameter") ? "left" : "right").append("\">").append(escape(c)).append("</th>");
      }
      h.append("</tr></thead>\n<tbody>\n");
      i++;
      while (i < lines.length && lines[i].startsWith("  ") && cells(lines[i]).length == header.length && !lines[i].strip().startsWith("objective")) {
        String[] row = cells(lines[i++]);
        h.append("<tr>");
        for (int c = 0; c < row.length; c++) {
          h.append("<td style=\"text-align:").append(c == 0 ? "left" : "right").append("\">").append(escape(row[c])).append("</td>");
        }
        h.append("</tr>\n");
      }
      h.append("</tbody>\n</table>\n");
    }
    while (i < lines.length) {
      rest.add(lines[i++]);
    }
    return h.append(pre(rest)).append("</div>").toString();
  }

  private static String pre(List<String> lines) {
    if (lines.isEmpty()) {
      return "";
    }
    StringBuilder h = new StringBuilder("<pre>");
    for (String l : lines) {
      h.append(escape(l.startsWith("  ") ? l.substring(2) : l)).append('\n');
    }
    return h.append("</pre>\n").toString();
  }

  /** The columns of an aligned line: separated by two or more spaces. */
  private static String[] cells(String line) {
    return line.strip().split(" {2,}");
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
