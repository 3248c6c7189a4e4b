package org.lawlang.semantics;

import java.util.Map;

/**
 * What is known about a law besides its formula: citation, documentation, the unit of its
 * output, the range of each input it was fitted on, and what each input means.
 */
public record LawMeta(String cite, String doc, String unit, Map<String, double[]> fitted, Map<String, String> inputs) {
  public static final LawMeta NONE = new LawMeta(null, null, null, Map.of(), Map.of());

  public boolean isEmpty() {
    return cite == null && doc == null && unit == null && fitted.isEmpty() && inputs.isEmpty();
  }
}
