package org.lawlang.compile;

import java.util.List;
import java.util.Map;
import org.lawlang.syntax.Expr;

/**
 * Formulas of named numbers (no data columns) compiled to one {@link Tape}: how the optimiser,
 * {@code solve}, the checker and the fit's data checks evaluate a lowered formula, a gradient
 * or a Hessian. Sharing the tape, a term that appears in the value and in its partials is
 * computed once. Immutable and safe to share between threads (each call has its own scratch).
 */
public final class ScalarProgram {
  private final TapeRun run;
  private final int nodes;
  private final int outputs;

  private ScalarProgram(Tape tape) {
    run = new TapeRun(tape, new double[0][]);
    nodes = tape.size();
    outputs = tape.outputCount();
  }

  /** {@code exprs} as functions of {@code names} (slot i holds names[i]); an unknown name is an error. */
  public static ScalarProgram of(List<String> names, List<Expr> exprs) {
    return new ScalarProgram(Tape.compile(names, List.of(), exprs));
  }

  /** One formula over named slots (a name's slot is its value in the map). */
  public static ScalarProgram of(Expr e, Map<String, Integer> slots) {
    String[] names = new String[slots.size()];
    slots.forEach((name, slot) -> names[slot] = name);
    return of(List.of(names), List.of(e));
  }

  /** The first formula's value at {@code x}. */
  public double value(double[] x) {
    double[] out = new double[1];
    run.evaluateScalars(x, new double[nodes], out, 1);
    return out[0];
  }

  /** Every formula's value at {@code x}, in order, into {@code out}. */
  public void evaluate(double[] x, double[] out) {
    run.evaluateScalars(x, new double[nodes], out, outputs);
  }

  /**
   * An evaluator with its own scratch, for a loop on one thread that evaluates thousands of
   * times (a root scan): no allocation per evaluation.
   */
  public java.util.function.ToDoubleFunction<double[]> evaluator() {
    double[] scratch = new double[nodes];
    double[] out = new double[1];
    return x -> {
      run.evaluateScalars(x, scratch, out, 1);
      return out[0];
    };
  }

  public int outputs() {
    return outputs;
  }
}
