package org.lawlang.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import org.lawlang.eval.LawValue;
import org.lawlang.eval.Value;
import org.lawlang.eval.Values;

/**
 * A law (or a fitted law) of an engine, callable from Java as a function of its inputs in
 * order: {@code f.applyAsDouble(70e9, 1.4e12)}. It evaluates exactly as a call in a script
 * does (same errors, same extrapolation warnings to the engine's sinks), with errors thrown as
 * {@link LawScriptException}. Thread-safe: calls are serialised on the engine that made it.
 * Obtained from {@link LawEngine#law(String)}; the law is captured when obtained, so later
 * redefinitions of the name do not change it.
 */
public final class LawFunction implements ToDoubleFunction<double[]> {
  private final LawEngine engine;
  private final LawValue law;

  LawFunction(LawEngine engine, LawValue law) {
    this.engine = engine;
    this.law = law;
  }

  /**
   * The law's name.
   *
   * @return its name
   */
  public String name() {
    return law.law().name();
  }

  /**
   * The law's inputs, in call order.
   *
   * @return the input names
   */
  public List<String> inputs() {
    return law.law().inputs();
  }

  /**
   * Name, formula, parameter values and metadata.
   *
   * @return what the law is
   */
  public LawInfo info() {
    return Results.law(law.law(), law.show());
  }

  /**
   * Evaluates the law at one point.
   *
   * @param inputs one value per input, in order
   * @return the law's value there
   */
  @Override
  public double applyAsDouble(double... inputs) {
    List<Value> args = new ArrayList<>(inputs.length);
    for (double x : inputs) {
      args.add(new Values.Num(x));
    }
    return engine.callLaw(law, args, inputs).asDouble();
  }

  /**
   * Evaluates the law at many points.
   *
   * @param columns {@code columns[i]} holds input i for every point
   * @return the law's value at each point
   */
  public double[] applyAll(double[]... columns) {
    List<Value> args = new ArrayList<>(columns.length);
    int n = -1;
    for (double[] c : columns) {
      if (n >= 0 && c.length != n) {
        throw LawScriptException.java("input columns of different lengths (" + n + " and " + c.length + ")");
      }
      n = c.length;
      args.add(Values.ListVal.ofDoubles(c));
    }
    LawResult r = engine.callLaw(law, args, null);
    return r instanceof LawResult.Items items ? items.doubles() : new double[] {r.asDouble()};
  }

  /**
   * This law as a {@link DoubleUnaryOperator}; it must have exactly one input.
   *
   * @return the law as a function of one variable
   */
  public DoubleUnaryOperator asUnary() {
    requireInputs(1);
    return x -> applyAsDouble(x);
  }

  /**
   * This law as a {@link DoubleBinaryOperator}; it must have exactly two inputs.
   *
   * @return the law as a function of two variables
   */
  public DoubleBinaryOperator asBinary() {
    requireInputs(2);
    return (x, y) -> applyAsDouble(x, y);
  }

  private void requireInputs(int n) {
    if (inputs().size() != n) {
      throw LawScriptException.java("law " + law.law().signature() + " has " + inputs().size() + " inputs, not " + n);
    }
  }

  LawValue value() {
    return law;
  }

  @Override
  public String toString() {
    return "law " + law.law().signature();
  }
}
