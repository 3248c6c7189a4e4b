package org.lawlang.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lawlang.diag.Span;
import org.lawlang.syntax.NumberFormat;

/**
 * The result of `minimize`, `maximize` or `solve`: the variables at the optimum (or root)
 * by name, and the fields value, status, global, method, iterations, active, shadow and
 * doubling (per constraint: the optimum's change per unit of the constraint's level, and
 * when the level doubles). Prints as a small report; read by the API as an {@link OptimumReport}.
 */
public final class OptimumValue implements Value, OptimumReport {
  /** One constraint's line in the report. */
  record ConstraintInfo(String key, String label, boolean active, double perUnit, double perDoubling) {}

  private final String heading;
  private final String status;
  private final boolean global;
  private final String method;
  private final int iterations;
  private final Map<String, Double> point;
  private final double objective;
  private final List<ConstraintInfo> constraints;
  private final String note;
  private final String certificateKind;
  private final String certificate;
  private final Map<String, Double> evidence;
  /** Per variable (and "value"): the uncertain optimum (bootstrap members or delta method), or empty. */
  private Map<String, Uncertain> uncertain = Map.of();

  /** The same optimum, its variables and value uncertain: member k solved with the law refitted to resample k. */
  OptimumValue withEnsemble(Map<String, double[]> samples, double level, String method) {
    Map<String, Uncertain> out = new LinkedHashMap<>();
    samples.forEach((name, xs) -> out.put(name, new Uncertain(name.equals("value") && !point.containsKey("value") ? objective
        : point.getOrDefault(name, objective), xs, level, method)));
    return withUncertain(out);
  }

  /** The same optimum with its variables and value as these uncertain numbers. */
  OptimumValue withUncertain(Map<String, Uncertain> values) {
    OptimumValue out = new OptimumValue(heading, status, global, this.method, iterations, point, objective, constraints, note,
        certificateKind, certificate, evidence);
    out.uncertain = new LinkedHashMap<>(values);
    return out;
  }

  @Override
  public Map<String, double[]> intervals() {
    Map<String, double[]> out = new LinkedHashMap<>();
    uncertain.forEach((name, u) -> out.put(name, u.interval()));
    return out;
  }

  private Value maybeUncertain(String name, double point) {
    Uncertain u = uncertain.get(name);
    return u == null ? new Values.Num(point) : u;
  }

  OptimumValue(String heading, String status, boolean global, String method, int iterations, Map<String, Double> point,
      double objective, List<ConstraintInfo> constraints, String note) {
    this(heading, status, global, method, iterations, point, objective, constraints, note, "none", "", Map.of());
  }

  OptimumValue(String heading, String status, boolean global, String method, int iterations, Map<String, Double> point,
      double objective, List<ConstraintInfo> constraints, String note, String certificateKind, String certificate,
      Map<String, Double> evidence) {
    this.certificateKind = certificateKind;
    this.certificate = certificate;
    this.evidence = new LinkedHashMap<>(evidence);
    this.heading = heading;
    this.status = status;
    this.global = global;
    this.method = method;
    this.iterations = iterations;
    this.point = new LinkedHashMap<>(point);
    this.objective = objective;
    this.constraints = List.copyOf(constraints);
    this.note = note;
  }

  @Override
  public String typeName() {
    return "optimum";
  }

  @Override
  public String status() {
    return status;
  }

  @Override
  public boolean global() {
    return global;
  }

  @Override
  public Map<String, Double> point() {
    return java.util.Collections.unmodifiableMap(point);
  }

  @Override
  public double objective() {
    return objective;
  }

  @Override
  public List<String> activeConstraints() {
    return constraints.stream().filter(ConstraintInfo::active).map(ConstraintInfo::key).toList();
  }

  @Override
  public Map<String, Double> shadowPrices() {
    Map<String, Double> out = new LinkedHashMap<>();
    constraints.forEach(c -> out.put(c.key(), c.perUnit()));
    return out;
  }

  @Override
  public Map<String, Double> doubling() {
    Map<String, Double> out = new LinkedHashMap<>();
    constraints.forEach(c -> out.put(c.key(), c.perDoubling()));
    return out;
  }

  @Override
  public String certificateKind() {
    return certificateKind;
  }

  @Override
  public String certificate() {
    return certificate;
  }

  @Override
  public Map<String, Double> evidence() {
    return java.util.Collections.unmodifiableMap(evidence);
  }

  @Override
  public List<String> fieldNames() {
    List<String> out = new ArrayList<>(point.keySet());
    out.addAll(List.of("value", "status", "global", "method", "iterations", "active", "shadow", "doubling", "certificate"));
    return out;
  }

  @Override
  public Value field(String name, Span at) {
    Double v = point.get(name);
    if (v != null) {
      return maybeUncertain(name, v);
    }
    return switch (name) {
      case "value" -> Double.isNaN(objective) && point.size() == 1 ? field(point.keySet().iterator().next(), at)
          : maybeUncertain("value", objective);
      case "status" -> new Values.Str(status);
      case "global" -> new Values.Bool(global);
      case "method" -> new Values.Str(method);
      case "iterations" -> new Values.Num(iterations);
      case "active" -> new Values.ListVal(activeConstraints().stream().map(s -> (Value) new Values.Str(s)).toList());
      case "certificate" -> {
        Map<String, Value> fields = new LinkedHashMap<>();
        fields.put("kind", new Values.Str(certificateKind));
        fields.put("summary", new Values.Str(certificate));
        evidence.forEach((k, x) -> fields.put(k, new Values.Num(x)));
        yield new Values.Record("certificate", fields);
      }
      case "shadow", "doubling" -> {
        Map<String, Value> fields = new LinkedHashMap<>();
        constraints.forEach(c -> fields.put(c.key(), new Values.Num(name.equals("shadow") ? c.perUnit() : c.perDoubling())));
        yield new Values.Record(name, fields);
      }
      default -> Value.super.field(name, at);
    };
  }

  @Override
  public String show() {
    StringBuilder out = new StringBuilder(heading).append(": ").append(status);
    if (Double.isNaN(objective)) {
      out.append(" (").append(method).append(")");
    } else {
      out.append(global ? ", global" : ", local").append(" (").append(method).append(")");
    }
    int width = point.keySet().stream().mapToInt(String::length).max().orElse(0);
    width = Math.max(width, Double.isNaN(objective) ? 0 : 5);
    for (Map.Entry<String, Double> e : point.entrySet()) {
      out.append("\n  ").append(pad(e.getKey(), width)).append("  ").append(maybeUncertain(e.getKey(), e.getValue()).show());
    }
    if (!Double.isNaN(objective)) {
      out.append("\n  ").append(pad("value", width)).append("  ").append(maybeUncertain("value", objective).show());
    }
    if (!constraints.isEmpty()) {
      List<List<Value>> rows = new ArrayList<>();
      for (ConstraintInfo c : constraints) {
        rows.add(List.of(new Values.Str(c.label()), new Values.Str(c.active() ? "yes" : "no"), new Values.Num(c.perUnit()),
            new Values.Num(c.perDoubling())));
      }
      String table = new TableValue(List.of("constraint", "active", "shadow", "doubling"), rows).show();
      out.append("\n  ").append(table.replace("\n", "\n  "));
    }
    if (note != null) {
      out.append("\n  ").append(note);
    }
    if (!certificate.isEmpty()) {
      out.append("\n  certificate: ").append(certificate);
    }
    return out.toString();
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }
}
