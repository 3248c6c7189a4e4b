package org.lawlang.api;

import java.util.List;
import java.util.Map;

/**
 * What a law is: name, inputs, formula, the values of its fixed parameters, the names of its
 * free ones, and its metadata (citation, unit, documentation, the input ranges it was fitted
 * on). To evaluate a law from Java use {@link LawEngine#law(String)}. Immutable.
 *
 * @param fixed       parameter → value, for parameters fixed by `where` or by a fit
 * @param free        parameters that still have no value (the law cannot be called until fitted)
 * @param fittedRange input → {lo, hi} it was fitted on; empty when unknown
 */
public record LawInfo(String name, List<String> inputs, String formula, Map<String, Double> fixed, List<String> free,
    String cite, String unit, String doc, Map<String, double[]> fittedRange, String text) implements LawResult {

  /**
   * Copies the collections and arrays given: the record shares nothing with its caller.
   *
   * @param name see the record's description
   * @param inputs see the record's description
   * @param formula see the record's description
   * @param fixed see the record's description
   * @param free see the record's description
   * @param cite see the record's description
   * @param unit see the record's description
   * @param doc see the record's description
   * @param fittedRange see the record's description
   * @param text see the record's description
   */
  public LawInfo {
    inputs = List.copyOf(inputs);
    fixed = FitResult.frozen(fixed);
    free = List.copyOf(free);
    fittedRange = FitResult.copies(fittedRange);
  }

  /**
   * Input to the range {lo, hi} it was fitted on; the arrays are copies.
   *
   * @return a new unmodifiable map of new arrays
   */
  @Override
  public Map<String, double[]> fittedRange() {
    return FitResult.copies(fittedRange);
  }

  @Override
  public String typeName() {
    return "law";
  }

  @Override
  public Object toJava() {
    return this;
  }
}
