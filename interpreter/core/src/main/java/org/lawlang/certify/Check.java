package org.lawlang.certify;

import java.util.Map;

/**
 * The outcome of checking one verdict: whether the evidence confirms it, the kind of evidence
 * ({@code dual}, {@code kkt}, {@code ray}, {@code farkas}, or {@code none}), a one-line
 * summary for the report, the measured numbers (gap, residuals, the ray's fall), and when
 * not confirmed, why.
 */
public record Check(boolean confirmed, String kind, String summary, Map<String, Double> evidence, String refuted) {
  public Check {
    evidence = Map.copyOf(evidence);
  }

  static Check confirmed(String kind, String summary, Map<String, Double> evidence) {
    return new Check(true, kind, summary, evidence, null);
  }

  static Check refuted(String kind, String why, Map<String, Double> evidence) {
    return new Check(false, kind, why, evidence, why);
  }
}
