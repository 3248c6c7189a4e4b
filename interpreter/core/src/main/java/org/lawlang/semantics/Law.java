package org.lawlang.semantics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lawlang.diag.Span;
import org.lawlang.syntax.Expr;

/**
 * A checked law: named inputs, a body expression, the values of its fixed parameters, its
 * free parameters with bounds, the laws it calls (bound when it was declared) and its
 * metadata. Immutable; fitting a law yields a new Law with every parameter fixed.
 */
public final class Law {
  private final String name;
  private final List<String> inputs;
  private final Expr body;
  private final Map<String, Double> fixed;
  private final List<Param> parameters;
  private final Map<String, Law> callees;
  private final LawMeta meta;
  private final Span span;
  private volatile Object compiled;

  public Law(String name, List<String> inputs, Expr body, Map<String, Double> fixed, List<Param> parameters,
      Map<String, Law> callees, LawMeta meta, Span span) {
    this.name = name;
    this.inputs = List.copyOf(inputs);
    this.body = body;
    this.fixed = Collections.unmodifiableMap(new LinkedHashMap<>(fixed));
    this.parameters = List.copyOf(parameters);
    this.callees = Collections.unmodifiableMap(new LinkedHashMap<>(callees));
    this.meta = meta;
    this.span = span;
  }

  public String name() {
    return name;
  }

  public List<String> inputs() {
    return inputs;
  }

  public Expr body() {
    return body;
  }

  /** Parameter values fixed by `where` (or by a fit), in declaration order. */
  public Map<String, Double> fixed() {
    return fixed;
  }

  /** Every parameter of the body, fixed or free, in order of first appearance. */
  public List<Param> parameters() {
    return parameters;
  }

  /** The parameters that still have no value. */
  public List<Param> freeParameters() {
    List<Param> out = new ArrayList<>();
    for (Param p : parameters) {
      if (!fixed.containsKey(p.name())) {
        out.add(p);
      }
    }
    return out;
  }

  public List<String> freeParameterNames() {
    return freeParameters().stream().map(Param::name).toList();
  }

  public Param parameter(String pname) {
    for (Param p : parameters) {
      if (p.name().equals(pname)) {
        return p;
      }
    }
    return null;
  }

  public Map<String, Law> callees() {
    return callees;
  }

  public LawMeta meta() {
    return meta;
  }

  public Span span() {
    return span;
  }

  public Law renamed(String newName) {
    return new Law(newName, inputs, body, fixed, parameters, callees, meta, span);
  }

  /** This law with more parameters fixed (a fit's result). */
  public Law withFixed(Map<String, Double> values) {
    Map<String, Double> all = new LinkedHashMap<>(fixed);
    all.putAll(values);
    return new Law(name, inputs, body, all, parameters, callees, meta, span);
  }

  public Law withMeta(LawMeta newMeta) {
    return new Law(name, inputs, body, fixed, parameters, callees, newMeta, span);
  }

  /** A per-law cache slot for the compiled form (owned by org.lawlang.compile). */
  public Object compiledCache() {
    return compiled;
  }

  public void compiledCache(Object value) {
    compiled = value;
  }

  /** `L(N, D)`; inputs named with a leading double underscore are law's own (a joint fit's group indicators) and not shown. */
  public String signature() {
    return name + "(" + String.join(", ", inputs.stream().filter(i -> !i.startsWith("__")).toList()) + ")";
  }
}
