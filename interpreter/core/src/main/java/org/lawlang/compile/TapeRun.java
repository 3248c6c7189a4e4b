package org.lawlang.compile;

import java.util.Arrays;
import org.lawlang.compile.Tape.Op;
import org.lawlang.semantics.MathFunction;

/**
 * A {@link Tape} bound to one dataset's columns: data-only nodes are computed once here
 * (including {@code ln x} for every data column raised to a parameter power, so that
 * {@code N^-alpha} costs one {@code exp} per row instead of a {@code pow}); each evaluation
 * then runs the mixed nodes over a block of rows in tight loops. Immutable after binding and
 * shared by threads; each thread evaluates into its own {@link Workspace}.
 */
public final class TapeRun {
  private final Tape tape;
  private final int rows;
  private final double[][] data;
  /** For POW nodes with a data-only, everywhere-positive base: ln(base) per row. */
  private final double[][] logBase;
  private final Op[] ops;
  private final int[][] args;
  private final int[] kinds;
  private final double[] consts;
  private final int[] index;
  /** needed[k][node]: whether node is needed for the first k+1 outputs (k = 0: value; k = p: value and partials). */
  private final boolean[][] needed;

  /** Per-thread buffers: one scalar per node, one block-long vector per mixed node and output. */
  public static final class Workspace {
    final double[] scalar;
    final double[][] vec;
    final double[][] out;
    final int block;

    Workspace(TapeRun run, int block) {
      this.block = block;
      int n = run.ops.length;
      scalar = new double[n];
      vec = new double[n][];
      for (int k = 0; k < n; k++) {
        if (run.kinds[k] != Tape.DATA) {
          vec[k] = new double[block];
        }
      }
      out = new double[run.tape.outputs.length][block];
    }

    /** Output {@code k} of the last evaluation, rows {@code from..to} at indices 0..to-from. */
    public double[] output(int k) {
      return out[k];
    }

    public int block() {
      return block;
    }
  }

  /** Binds {@code columns} (in the tape's column order, all of one length). */
  public TapeRun(Tape tape, double[][] columns) {
    this.tape = tape;
    int n = tape.size();
    ops = Arrays.copyOf(tape.ops, n);
    args = Arrays.copyOf(tape.args, n);
    kinds = Arrays.copyOf(tape.kinds, n);
    consts = Arrays.copyOf(tape.consts, n);
    index = Arrays.copyOf(tape.index, n);
    rows = columns.length == 0 ? 0 : columns[0].length;
    needed = new boolean[tape.outputs.length][n];
    for (int k = 0; k < tape.outputs.length; k++) {
      if (k > 0) {
        needed[k] = needed[k - 1].clone();
      }
      mark(needed[k], tape.outputs[k]);
    }
    data = new double[n][];
    logBase = new double[n][];
    double[] scalars = new double[n];
    double[][] bc = new double[n][];
    // without columns there is nothing to precompute: every node is a scalar of the parameters
    for (int k = 0; k < n && columns.length > 0; k++) {
      if (kinds[k] == Tape.SCALAR) {
        if (ops[k] != Op.PARAM) {
          scalars[k] = scalar(k, scalars);
        }
      } else if (kinds[k] == Tape.DATA) {
        if (ops[k] == Op.COLUMN) {
          data[k] = columns[index[k]];
        } else {
          data[k] = new double[rows];
          int[] a = args[k];
          double[][] arr = new double[a.length][];
          for (int j = 0; j < a.length; j++) {
            if (kinds[a[j]] == Tape.SCALAR) {
              if (bc[a[j]] == null) {
                bc[a[j]] = new double[rows];
                Arrays.fill(bc[a[j]], scalars[a[j]]);
              }
              arr[j] = bc[a[j]];
            } else {
              arr[j] = data[a[j]];
            }
          }
          apply(ops[k], index[k], arr, new int[a.length], data[k], rows, null, 0, Double.NaN);
        }
      }
    }
    for (int k = 0; k < n; k++) {
      if (ops[k] == Op.POW && kinds[k] == Tape.MIXED && kinds[args[k][0]] == Tape.DATA) {
        double[] base = data[args[k][0]];
        boolean positive = true;
        for (double x : base) {
          positive &= x > 0;
        }
        if (positive) {
          logBase[k] = new double[rows];
          for (int i = 0; i < rows; i++) {
            logBase[k][i] = Math.log(base[i]);
          }
        }
      }
    }
  }

  private void mark(boolean[] need, int node) {
    if (need[node]) {
      return;
    }
    need[node] = true;
    for (int a : args[node]) {
      mark(need, a);
    }
  }

  public int rows() {
    return rows;
  }

  public Tape tape() {
    return tape;
  }

  public Workspace workspace(int block) {
    return new Workspace(this, block);
  }

  /** Evaluates every output at parameter values {@code p} over rows {@code from..to}. */
  public void evaluate(Workspace ws, double[] p, int from, int to) {
    evaluate(ws, p, from, to, tape.outputs.length);
  }

  /** Evaluates the first {@code outputs} outputs only (the value, or the value and first partials). */
  public void evaluate(Workspace ws, double[] p, int from, int to, int outputs) {
    int len = to - from;
    boolean[] need = needed[outputs - 1];
    double[] s = ws.scalar;
    int n = ops.length;
    double[][] arr = new double[3][];
    int[] off = new int[3];
    for (int k = 0; k < n; k++) {
      int kind = kinds[k];
      if (!need[k]) {
        continue;
      }
      if (kind == Tape.SCALAR) {
        s[k] = ops[k] == Op.PARAM ? p[index[k]] : scalar(k, s);
      } else if (kind == Tape.MIXED) {
        int[] a = args[k];
        arr[1] = null;
        arr[2] = null;
        for (int j = 0; j < a.length; j++) {
          int x = a[j];
          if (kinds[x] == Tape.SCALAR) {
            Arrays.fill(ws.vec[x], 0, len, s[x]);
            arr[j] = ws.vec[x];
            off[j] = 0;
          } else if (kinds[x] == Tape.DATA) {
            arr[j] = data[x];
            off[j] = from;
          } else {
            arr[j] = ws.vec[x];
            off[j] = 0;
          }
        }
        double expScalar = ops[k] == Op.POW && kinds[a[1]] == Tape.SCALAR ? s[a[1]] : Double.NaN;
        apply(ops[k], index[k], arr, off, ws.vec[k], len, logBase[k], from, expScalar);
      }
    }
    int[] outs = tape.outputs;
    for (int j = 0; j < outputs; j++) {
      int o = outs[j];
      if (kinds[o] == Tape.SCALAR) {
        Arrays.fill(ws.out[j], 0, len, s[o]);
      } else if (kinds[o] == Tape.DATA) {
        System.arraycopy(data[o], from, ws.out[j], 0, len);
      } else {
        System.arraycopy(ws.vec[o], 0, ws.out[j], 0, len);
      }
    }
  }

  private double scalar(int k, double[] s) {
    int[] a = args[k];
    double x = a.length > 0 ? s[a[0]] : 0;
    double y = a.length > 1 ? s[a[1]] : 0;
    double z = a.length > 2 ? s[a[2]] : 0;
    return ops[k] == Op.CONST ? consts[k] : one(ops[k], index[k], x, y, z);
  }

  private static final MathFunction[] FUNCTIONS = MathFunction.values();

  /** One operation on numbers; {@code fn} is the function's ordinal for {@link Op#FN}. */
  static double one(Op op, int fn, double x, double y, double z) {
    return switch (op) {
      case NEG -> -x;
      case ADD -> x + y;
      case SUB -> x - y;
      case MUL -> x * y;
      case DIV -> x / y;
      case POW -> y == 2 ? x * x : y == -1 ? 1 / x : Math.pow(x, y);
      case FN -> FUNCTIONS[fn].apply(x);
      case SIGN -> Math.signum(x);
      case MIN -> Math.min(x, y);
      case MAX -> Math.max(x, y);
      case SELECT -> x != 0 ? y : z;
      case LT -> x < y ? 1 : 0;
      case LE -> x <= y ? 1 : 0;
      case GT -> x > y ? 1 : 0;
      case GE -> x >= y ? 1 : 0;
      case EQ -> x == y ? 1 : 0;
      case NE -> x != y ? 1 : 0;
      default -> throw new IllegalStateException(op.toString());
    };
  }

  /** One node over a block: the hot loops, one per common operation. */
  private static void apply(Op op, int fn, double[][] arr, int[] off, double[] out, int len, double[] logBase, int from,
      double expScalar) {
    double[] a = arr[0];
    int ao = off[0];
    double[] b = arr.length > 1 ? arr[1] : null;
    int bo = off.length > 1 ? off[1] : 0;
    if (b == null) {
      b = a;
      bo = ao;
    }
    switch (op) {
      case NEG -> {
        for (int i = 0; i < len; i++) {
          out[i] = -a[ao + i];
        }
      }
      case ADD -> {
        for (int i = 0; i < len; i++) {
          out[i] = a[ao + i] + b[bo + i];
        }
      }
      case SUB -> {
        for (int i = 0; i < len; i++) {
          out[i] = a[ao + i] - b[bo + i];
        }
      }
      case MUL -> {
        for (int i = 0; i < len; i++) {
          out[i] = a[ao + i] * b[bo + i];
        }
      }
      case DIV -> {
        for (int i = 0; i < len; i++) {
          out[i] = a[ao + i] / b[bo + i];
        }
      }
      case FN -> {
        MathFunction f = FUNCTIONS[fn];
        if (f == MathFunction.EXP) {
          for (int i = 0; i < len; i++) {
            out[i] = Math.exp(a[ao + i]);
          }
        } else if (f == MathFunction.LN) {
          for (int i = 0; i < len; i++) {
            out[i] = Math.log(a[ao + i]);
          }
        } else {
          for (int i = 0; i < len; i++) {
            out[i] = f.apply(a[ao + i]);
          }
        }
      }
      case POW -> {
        if (logBase != null && !Double.isNaN(expScalar)) {
          for (int i = 0; i < len; i++) {
            out[i] = Math.exp(expScalar * logBase[from + i]);
          }
        } else if (logBase != null) {
          for (int i = 0; i < len; i++) {
            out[i] = Math.exp(b[bo + i] * logBase[from + i]);
          }
        } else if (expScalar == 2) {
          for (int i = 0; i < len; i++) {
            out[i] = a[ao + i] * a[ao + i];
          }
        } else {
          for (int i = 0; i < len; i++) {
            out[i] = Math.pow(a[ao + i], b[bo + i]);
          }
        }
      }
      default -> {
        double[] c = arr.length > 2 ? arr[2] : null;
        int co = off.length > 2 ? off[2] : 0;
        for (int i = 0; i < len; i++) {
          out[i] = one(op, fn, a[ao + i], b[bo + i], c == null ? 0 : c[co + i]);
        }
      }
    }
  }
}
