package org.lawlang.compile;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.lawlang.compile.Formula.Ref;

/**
 * Formulas of scalar slots (no data columns) compiled to one {@link Tape}: how the optimiser,
 * {@code solve}, the delta method, the checker and the fit's data checks evaluate a lowered
 * formula, a gradient or a Hessian. Sharing the tape, a term that appears in the value and in
 * its partials is computed once; an evaluation of the first k outputs runs only the nodes they
 * need (a schedule per k, built on first use). Immutable and safe to share between threads
 * (each evaluation has its own scratch).
 */
public final class ScalarProgram {
  private final Tape tape;
  private final int[][] schedules;

  private ScalarProgram(Tape tape) {
    this.tape = tape;
    schedules = new int[tape.outputCount() + 1][];
  }

  /** {@code formulas} as functions of {@code slots} (slot i holds the value of slots[i]); an unknown reference is an error. */
  public static ScalarProgram of(List<Ref> slots, List<Formula> formulas) {
    return new ScalarProgram(Tape.compile(slots, List.of(), formulas));
  }

  /** One formula over {@code slots}. */
  public static ScalarProgram of(List<Ref> slots, Formula f) {
    return of(slots, List.of(f));
  }

  /** The first formula's value at {@code x}. */
  public double value(double[] x) {
    double[] s = new double[tape.size()];
    run(x, s, 1);
    return s[tape.outputs[0]];
  }

  /** Every formula's value at {@code x}, in order, into {@code out}. */
  public void evaluate(double[] x, double[] out) {
    evaluate(x, out, tape.outputCount());
  }

  /** The first {@code count} formulas' values at {@code x}, into {@code out}. */
  public void evaluate(double[] x, double[] out, int count) {
    double[] s = new double[tape.size()];
    run(x, s, count);
    for (int j = 0; j < count; j++) {
      out[j] = s[tape.outputs[j]];
    }
  }

  /**
   * An evaluator with its own scratch, for a loop on one thread that evaluates thousands of
   * times (a root scan): no allocation per evaluation.
   */
  public ToDoubleFunction<double[]> evaluator() {
    double[] scratch = new double[tape.size()];
    int out = tape.outputs[0];
    return x -> {
      run(x, scratch, 1);
      return scratch[out];
    };
  }

  public int outputs() {
    return tape.outputCount();
  }

  private void run(double[] x, double[] s, int count) {
    if (count == tape.outputCount()) {
      // every node of the tape serves some output: no schedule to find
      for (int k = 0; k < s.length; k++) {
        step(k, x, s);
      }
      return;
    }
    int[] order = schedules[count];
    if (order == null) {
      order = schedule(count);
      schedules[count] = order; // benign race: every thread computes the same array
    }
    for (int k : order) {
      step(k, x, s);
    }
  }

  /** Computes node {@code k} from its operands (already in {@code s}) and the slots {@code x}. */
  private void step(int k, double[] x, double[] s) {
    Tape.Op op = tape.ops[k];
    if (op == Tape.Op.PARAM) {
      s[k] = x[tape.index[k]];
    } else if (op == Tape.Op.CONST) {
      s[k] = tape.consts[k];
    } else {
      int[] a = tape.args[k];
      double u = s[a[0]];
      double v = a.length > 1 ? s[a[1]] : 0;
      double w = a.length > 2 ? s[a[2]] : 0;
      s[k] = TapeRun.one(op, tape.index[k], u, v, w);
    }
  }

  /** The nodes the first {@code count} outputs need, in order (operands precede their uses). */
  private int[] schedule(int count) {
    int n = tape.size();
    boolean[] need = new boolean[n];
    for (int j = 0; j < count; j++) {
      need[tape.outputs[j]] = true;
    }
    int total = 0;
    for (int k = n - 1; k >= 0; k--) {
      if (need[k]) {
        total++;
        for (int a : tape.args[k]) {
          need[a] = true;
        }
      }
    }
    int[] order = new int[total];
    int j = 0;
    for (int k = 0; k < n; k++) {
      if (need[k]) {
        order[j++] = k;
      }
    }
    return order;
  }
}
