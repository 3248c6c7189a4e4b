package org.lawlang.eval;

import java.util.List;
import java.util.Map;
import org.lawlang.diag.Span;

/** An imported module: its exported names, read with `module.name`, and its documentation. */
public record ModuleValue(String name, Map<String, Value> members, String doc) implements Value {
  @Override
  public String typeName() {
    return "module";
  }

  @Override
  public List<String> fieldNames() {
    return List.copyOf(members.keySet());
  }

  @Override
  public Value field(String field, Span at) {
    Value v = members.get(field);
    return v != null ? v : Value.super.field(field, at);
  }

  @Override
  public String show() {
    return "module " + name + " (" + String.join(", ", members.keySet()) + ")" + (doc == null ? "" : "\n  " + doc);
  }
}
