package org.lawlang.certify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of checking one verdict: whether the evidence confirms it, the kind of evidence
 * ({@code dual}, {@code kkt}, {@code ray}, {@code farkas}, or {@code none}), a one-line
 * summary for the report, the measured numbers (gap, residuals, the ray's fall), and when
 * not confirmed, why.
 */
public record Check(boolean confirmed, String kind, String summary, Map<String, Double> evidence, String refuted) {
  public Check {
    // in the order measured: Map.copyOf would shuffle the fields of the certificate record and
    // of the JSON report from one run to the next
    evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
  }

  static Check confirmed(String kind, String summary, Map<String, Double> evidence) {
    return new Check(true, kind, summary, evidence, null);
  }

  static Check refuted(String kind, String why, Map<String, Double> evidence) {
    return new Check(false, kind, why, evidence, why);
  }
}
