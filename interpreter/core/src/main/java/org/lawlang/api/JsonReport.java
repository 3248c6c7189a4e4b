package org.lawlang.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * Writes what a run produces as JSON Lines — one JSON document per line, in the order things
 * happen: each `print` (with its values typed: numbers, fits, optima, tables, laws, ...), each
 * warning, each error with its position, and a closing "end" document. The shape is
 * documented in docs/json.md. Use it as the engine's {@link LawListener} and report errors
 * with {@link #error}; {@link #toJson(LawResult)} converts a single result. Not thread-safe.
 */
public final class JsonReport implements LawListener {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final PrintStream out;
  private int errors;
  private int warnings;

  /**
   * A report written to {@code out}.
   *
   * @param out where the JSON lines go
   */
  public JsonReport(PrintStream out) {
    this.out = out;
  }

  @Override
  public void printed(String text, List<LawResult> values) {
    ObjectNode doc = NODES.objectNode().put("kind", "print").put("text", text);
    ArrayNode items = doc.putArray("values");
    values.forEach(v -> items.add(toJson(v)));
    write(doc);
  }

  @Override
  public void warning(LawDiagnostic warning) {
    warnings++;
    write(diagnostic("warning", warning));
  }

  /**
   * One "error" document per diagnostic of the exception.
   *
   * @param e the failure to report
   */
  public void error(LawScriptException e) {
    for (LawDiagnostic d : e.problems()) {
      if (d.isError()) {
        errors++;
      }
      write(diagnostic(d.isError() ? "error" : "warning", d));
    }
  }

  /** The closing document: whether the run succeeded and how many errors and warnings it had. */
  public void end() {
    write(NODES.objectNode().put("kind", "end").put("ok", errors == 0).put("errors", errors).put("warnings", warnings));
  }

  private void write(JsonNode doc) {
    try {
      out.println(MAPPER.writeValueAsString(doc));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A diagnostic as a JSON object (see docs/json.md). */
  static ObjectNode diagnostic(String kind, LawDiagnostic d) {
    ObjectNode o = NODES.objectNode().put("kind", kind).put("code", d.code()).put("message", d.message());
    o.put("hint", d.hint());
    o.put("file", d.source()).put("line", d.line()).put("column", d.column());
    o.put("endLine", d.endLine()).put("endColumn", d.endColumn());
    return o.put("rendered", d.rendered());
  }

  /**
   * A result as JSON text (docs/json.md).
   *
   * @param value any result
   * @return one JSON document
   */
  public static String json(LawResult value) {
    try {
      return MAPPER.writeValueAsString(toJson(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A result as a Jackson tree: an object with a "type" and the fields of that type (kept inside the API: Jackson is not part of it). */
  static ObjectNode toJson(LawResult v) {
    ObjectNode o = NODES.objectNode().put("type", v.typeName());
    if (v instanceof LawResult.Num n) {
      o.set("value", num(n.value()));
    } else if (v instanceof LawResult.Interval i) {
      o.set("value", num(i.point()));
      o.set("lo", num(i.lo()));
      o.set("hi", num(i.hi()));
      o.set("level", num(i.level()));
      o.put("method", i.method());
    } else if (v instanceof LawResult.Text t) {
      o.put("value", t.value());
    } else if (v instanceof LawResult.Bool b) {
      o.put("value", b.value());
    } else if (v instanceof LawResult.Items l) {
      ArrayNode items = o.putArray("items");
      l.items().forEach(x -> items.add(toJson(x)));
    } else if (v instanceof LawResult.Fields f) {
      o.put("type", "record").put("kind", f.typeName());
      ObjectNode fields = o.putObject("fields");
      f.fields().forEach((k, x) -> fields.set(k, toJson(x)));
    } else if (v instanceof FitResult f) {
      fit(o, f);
    } else if (v instanceof Optimum opt) {
      o.put("status", opt.status()).put("global", opt.global());
      o.set("point", numbers(opt.point()));
      o.set("objective", num(opt.objective()));
      ArrayNode active = o.putArray("activeConstraints");
      opt.activeConstraints().forEach(active::add);
      o.set("shadowPrices", numbers(opt.shadowPrices()));
      o.set("doubling", numbers(opt.doubling()));
      ObjectNode cert = o.putObject("certificate");
      cert.put("kind", opt.certificateKind()).put("summary", opt.certificate());
      cert.set("evidence", numbers(opt.evidence()));
      if (!opt.intervals().isEmpty()) {
        ObjectNode intervals = o.putObject("intervals");
        opt.intervals().forEach((k, ci) -> intervals.putArray(k).add(num(ci[0])).add(num(ci[1])));
      }
    } else if (v instanceof Table t) {
      ArrayNode cols = o.putArray("columns");
      t.columns().forEach(cols::add);
      ArrayNode rows = o.putArray("rows");
      for (List<LawResult> row : t.rows()) {
        ArrayNode r = rows.addArray();
        row.forEach(cell -> r.add(cell instanceof LawResult.Num n ? num(n.value()) : NODES.textNode(cell.text())));
      }
    } else if (v instanceof LawInfo l) {
      law(o, l);
    } else if (v instanceof DatasetInfo d) {
      o.put("name", d.name()).put("origin", d.origin()).put("rows", d.rows());
      ObjectNode cols = o.putObject("columns");
      d.columns().forEach((k, xs) -> cols.set(k, array(xs)));
    } else if (v instanceof LawResult.Other other) {
      o.put("text", other.text());
    }
    return o;
  }

  private static void fit(ObjectNode o, FitResult f) {
    o.put("status", f.status()).put("converged", f.converged());
    ObjectNode params = o.putObject("parameters");
    for (String p : f.parameters()) {
      ObjectNode q = params.putObject(p);
      q.set("estimate", num(f.estimates().get(p)));
      q.set("standardError", num(f.standardErrors().get(p)));
      double[] ci = f.intervals().get(p);
      q.set("interval", ci == null ? NODES.nullNode() : array(ci));
    }
    o.set("objective", num(f.objective()));
    o.put("observations", f.observations()).put("iterations", f.iterations());
    o.set("statistics", numbers(f.statistics()));
    if (f.law() != null) {
      law(o.putObject("law").put("type", "law"), f.law());
    } else {
      o.putNull("law");
    }
  }

  private static void law(ObjectNode o, LawInfo l) {
    o.put("name", l.name());
    ArrayNode inputs = o.putArray("inputs");
    l.inputs().forEach(inputs::add);
    o.put("formula", l.formula());
    o.set("fixed", numbers(l.fixed()));
    ArrayNode free = o.putArray("free");
    l.free().forEach(free::add);
    o.put("cite", l.cite()).put("unit", l.unit()).put("doc", l.doc());
    ObjectNode range = o.putObject("fittedRange");
    l.fittedRange().forEach((k, r) -> range.set(k, array(r)));
  }

  private static ObjectNode numbers(Map<String, Double> m) {
    ObjectNode o = NODES.objectNode();
    m.forEach((k, x) -> o.set(k, num(x)));
    return o;
  }

  private static ArrayNode array(double[] xs) {
    ArrayNode a = NODES.arrayNode();
    for (double x : xs) {
      a.add(num(x));
    }
    return a;
  }

  /**
   * A number, or null when it is not finite (JSON has no NaN or infinity). A whole number is
   * written without a fraction (`"starts":1`, not `1.0`), as counts are; up to 2^53 that is exact.
   */
  private static JsonNode num(Double x) {
    if (x == null || !Double.isFinite(x)) {
      return NODES.nullNode();
    }
    return x == Math.rint(x) && Math.abs(x) <= 0x1p53 && !(x == 0 && 1 / x < 0) ? NODES.numberNode(x.longValue()) : NODES.numberNode(x);
  }
}
