package org.lawlang.eval;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A scope of named values: the session's globals, a module, a proc call or a loop body. */
public final class Env {
  private final Env parent;
  private final Map<String, Value> values = new LinkedHashMap<>();

  public Env(Env parent) {
    this.parent = parent;
  }

  public Value lookup(String name) {
    for (Env e = this; e != null; e = e.parent) {
      Value v = e.values.get(name);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  public void define(String name, Value value) {
    values.put(name, value);
  }

  public boolean definesLocally(String name) {
    return values.containsKey(name);
  }

  public void remove(String name) {
    values.remove(name);
  }

  /** Every visible name, for completion and "did you mean". */
  public Set<String> visibleNames() {
    Set<String> out = new TreeSet<>();
    for (Env e = this; e != null; e = e.parent) {
      out.addAll(e.values.keySet());
    }
    return out;
  }

  /** This scope's own bindings, in definition order. */
  public Map<String, Value> locals() {
    return java.util.Collections.unmodifiableMap(values);
  }

  public Env parent() {
    return parent;
  }
}
