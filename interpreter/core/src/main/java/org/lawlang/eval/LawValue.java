package org.lawlang.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Span;
import org.lawlang.semantics.Law;
import org.lawlang.semantics.Param;
import org.lawlang.syntax.ExprPrinter;
import org.lawlang.syntax.NumberFormat;

/**
 * A law as a value: callable on numbers (or lists, elementwise), printable as its formula
 * with parameter values and provenance, and readable field by field (`L.alpha`).
 */
public class LawValue implements Callable {
  private final Law law;

  public LawValue(Law law) {
    this.law = law;
  }

  public Law law() {
    return law;
  }

  @Override
  public String typeName() {
    return "law";
  }

  @Override
  public Value call(Interpreter interpreter, List<Value> args, Span at) {
    return interpreter.callLaw(law, args, at);
  }

  @Override
  public List<String> fieldNames() {
    List<String> out = new ArrayList<>();
    law.parameters().forEach(p -> out.add(p.name()));
    out.addAll(List.of("name", "inputs", "formula"));
    if (law.meta().cite() != null) {
      out.add("cite");
    }
    return out;
  }

  @Override
  public Value field(String name, Span at) {
    Double v = law.fixed().get(name);
    if (v != null) {
      return new Values.Num(v);
    }
    if (law.parameter(name) != null) {
      throw LawException.of(Msg.FREE_PARAMETERS, at, law.name(), "'" + name + "'")
          .hint("'" + name + "' has no value until the law is fitted");
    }
    return switch (name) {
      case "name" -> new Values.Str(law.name());
      case "inputs" -> new Values.ListVal(law.inputs().stream().map(s -> (Value) new Values.Str(s)).toList());
      case "formula" -> new Values.Str(ExprPrinter.print(law.body()));
      case "cite" -> law.meta().cite() != null ? new Values.Str(law.meta().cite()) : Callable.super.field(name, at);
      default -> Callable.super.field(name, at);
    };
  }

  @Override
  public String show() {
    StringBuilder out = new StringBuilder();
    out.append("law ").append(law.signature()).append(" = ").append(ExprPrinter.print(law.body()));
    if (!law.fixed().isEmpty()) {
      out.append("\n    where ");
      List<String> parts = new ArrayList<>();
      for (Map.Entry<String, Double> e : law.fixed().entrySet()) {
        parts.add(e.getKey() + " = " + NumberFormat.show(e.getValue()));
      }
      out.append(String.join(", ", parts));
    }
    List<Param> free = law.freeParameters();
    if (!free.isEmpty()) {
      // as the declaration wrote it (`with A > 0, alpha in [0, 2] start 0.3`), so it reads back
      out.append("\n    with ");
      List<String> parts = new ArrayList<>();
      for (Param p : free) {
        String part = p.bounded() ? p.name() + (p.boundsText().startsWith("[") || p.boundsText().startsWith("(") ? " in " : " ") + p.boundsText() : p.name();
        parts.add(p.start() == null ? part : part + " start " + NumberFormat.show(p.start()));
      }
      out.append(String.join(", ", parts));
    }
    appendMeta(out);
    return out.toString();
  }

  protected void appendMeta(StringBuilder out) {
    var meta = law.meta();
    if (meta.unit() != null) {
      out.append("\n    unit ").append(meta.unit());
    }
    if (!meta.inputs().isEmpty()) {
      List<String> parts = new ArrayList<>();
      meta.inputs().forEach((k, v) -> parts.add(k + ": " + v));
      out.append("\n    inputs ").append(String.join("; ", parts));
    }
    if (!meta.fitted().isEmpty()) {
      List<String> parts = new ArrayList<>();
      meta.fitted().forEach((k, v) -> parts.add(k + " in [" + NumberFormat.show(v[0]) + ", " + NumberFormat.show(v[1]) + "]"));
      out.append("\n    fitted ").append(String.join(", ", parts));
    }
    if (meta.cite() != null) {
      out.append("\n    cite ").append(meta.cite());
    }
    if (meta.doc() != null) {
      out.append("\n    doc ").append(meta.doc());
    }
  }
}
