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
  /** The bound columns, in the tape's column order. */
  private final double[][] columns;
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
    /** Buffers for outputs that are not a mixed node (a scalar or a data column copied out). */
    final double[][] out;
    /** Where each output of the last evaluation is: its mixed node's vector, or its buffer in out. */
    final double[][] outRef;
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
      int[] outs = run.tape.outputs;
      out = new double[outs.length][];
      outRef = new double[outs.length][];
      for (int j = 0; j < outs.length; j++) {
        if (run.kinds[outs[j]] == Tape.MIXED) {
          outRef[j] = vec[outs[j]];
        } else {
          out[j] = new double[block];
          outRef[j] = out[j];
          if (run.ops[outs[j]] == Op.CONST) {
            // a constant output (a partial such as 1 or 0) is filled once, not per evaluation
            Arrays.fill(out[j], run.consts[outs[j]]);
          }
        }
      }
    }

    /** Output {@code k} of the last evaluation, rows {@code from..to} at indices 0..to-from (read only). */
    public double[] output(int k) {
      return outRef[k];
    }

    public int block() {
      return block;
    }
  }

  /** Binds {@code columns} (in the tape's column order, all of one length). */
  public TapeRun(Tape tape, double[][] columns) {
    this.tape = tape;
    this.columns = columns.clone();
    int n = tape.size();
    ops = Arrays.copyOf(tape.ops, n);
    args = Arrays.copyOf(tape.args, n);
    kinds = Arrays.copyOf(tape.kinds, n);
    consts = Arrays.copyOf(tape.consts, n);
    index = Arrays.copyOf(tape.index, n);
    rows = columns.length == 0 ? 0 : columns[0].length;
    needed = new boolean[tape.outputs.length][n];
    scalarSteps = new int[tape.outputs.length][];
    mixedSteps = new int[tape.outputs.length][];
    for (int k = 0; k < tape.outputs.length; k++) {
      if (k > 0) {
        needed[k] = needed[k - 1].clone();
      }
      mark(needed[k], tape.outputs[k]);
      scalarSteps[k] = steps(needed[k], Tape.SCALAR);
      mixedSteps[k] = steps(needed[k], Tape.MIXED);
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

  /** The needed nodes of one kind, in order; parameters first among scalars is not assumed. */
  private int[] steps(boolean[] need, int kind) {
    int count = 0;
    for (int k = 0; k < need.length; k++) {
      count += need[k] && kinds[k] == kind ? 1 : 0;
    }
    int[] out = new int[count];
    int j = 0;
    for (int k = 0; k < need.length; k++) {
      if (need[k] && kinds[k] == kind) {
        out[j++] = k;
      }
    }
    return out;
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

  /** The bound data of column {@code name} (one of the tape's columns; read, never write). */
  public double[] column(String name) {
    int c = tape.columns.indexOf(name);
    if (c < 0) {
      throw new IllegalArgumentException("no column " + name);
    }
    return columns[c];
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
    double[] s = ws.scalar;
    for (int k : scalarSteps[outputs - 1]) {
      s[k] = ops[k] == Op.PARAM ? p[index[k]] : scalar(k, s);
    }
    for (int k : mixedSteps[outputs - 1]) {
      mixed(ws, k, from, len);
    }
    int[] outs = tape.outputs;
    for (int j = 0; j < outputs; j++) {
      int o = outs[j];
      if (kinds[o] == Tape.SCALAR) {
        if (ops[o] != Op.CONST) {
          Arrays.fill(ws.out[j], 0, len, s[o]);
        }
      } else if (kinds[o] == Tape.DATA) {
        System.arraycopy(data[o], from, ws.out[j], 0, len);
      }
    }
  }

  /**
   * One mixed node over rows from..from+len into its vector. The common operations read a
   * scalar operand as a number and a data or mixed operand in place (a loop per shape), so
   * nothing is copied; the result is the same number as the operation on two vectors.
   */
  private void mixed(Workspace ws, int k, int from, int len) {
    Op op = ops[k];
    int[] a = args[k];
    double[] out = ws.vec[k];
    switch (op) {
      case ADD, SUB, MUL, DIV -> {
        int x = a[0];
        int y = a[1];
        if (kinds[x] == Tape.SCALAR) {
          arith(op, ws.scalar[x], vector(ws, y), offset(y, from), out, len);
        } else if (kinds[y] == Tape.SCALAR) {
          arith(op, vector(ws, x), offset(x, from), ws.scalar[y], out, len);
        } else {
          arith(op, vector(ws, x), offset(x, from), vector(ws, y), offset(y, from), out, len);
        }
      }
      case NEG -> {
        double[] v = vector(ws, a[0]);
        int o = offset(a[0], from);
        for (int i = 0; i < len; i++) {
          out[i] = -v[o + i];
        }
      }
      case FN -> {
        double[] v = vector(ws, a[0]);
        int o = offset(a[0], from);
        MathFunction f = FUNCTIONS[index[k]];
        if (f == MathFunction.EXP) {
          for (int i = 0; i < len; i++) {
            out[i] = Math.exp(v[o + i]);
          }
        } else if (f == MathFunction.LN) {
          for (int i = 0; i < len; i++) {
            out[i] = Math.log(v[o + i]);
          }
        } else {
          for (int i = 0; i < len; i++) {
            out[i] = f.apply(v[o + i]);
          }
        }
      }
      case POW -> pow(ws, k, from, len);
      default -> general(ws, k, from, len);
    }
  }

  /** The vector of a data or mixed node: data rows from its start, mixed rows of this block. */
  private double[] vector(Workspace ws, int node) {
    return kinds[node] == Tape.DATA ? data[node] : ws.vec[node];
  }

  private int offset(int node, int from) {
    return kinds[node] == Tape.DATA ? from : 0;
  }

  private static void arith(Op op, double[] x, int xo, double[] y, int yo, double[] out, int len) {
    switch (op) {
      case ADD -> {
        for (int i = 0; i < len; i++) {
          out[i] = x[xo + i] + y[yo + i];
        }
      }
      case SUB -> {
        for (int i = 0; i < len; i++) {
          out[i] = x[xo + i] - y[yo + i];
        }
      }
      case MUL -> {
        for (int i = 0; i < len; i++) {
          out[i] = x[xo + i] * y[yo + i];
        }
      }
      default -> {
        for (int i = 0; i < len; i++) {
          out[i] = x[xo + i] / y[yo + i];
        }
      }
    }
  }

  private static void arith(Op op, double[] x, int xo, double y, double[] out, int len) {
    switch (op) {
      case ADD -> {
        for (int i = 0; i < len; i++) {
          out[i] = x[xo + i] + y;
        }
      }
      case SUB -> {
        for (int i = 0; i < len; i++) {
          out[i] = x[xo + i] - y;
        }
      }
      case MUL -> {
        for (int i = 0; i < len; i++) {
          out[i] = x[xo + i] * y;
        }
      }
      default -> {
        for (int i = 0; i < len; i++) {
          out[i] = x[xo + i] / y;
        }
      }
    }
  }

  private static void arith(Op op, double x, double[] y, int yo, double[] out, int len) {
    switch (op) {
      case ADD -> {
        for (int i = 0; i < len; i++) {
          out[i] = x + y[yo + i];
        }
      }
      case SUB -> {
        for (int i = 0; i < len; i++) {
          out[i] = x - y[yo + i];
        }
      }
      case MUL -> {
        for (int i = 0; i < len; i++) {
          out[i] = x * y[yo + i];
        }
      }
      default -> {
        for (int i = 0; i < len; i++) {
          out[i] = x / y[yo + i];
        }
      }
    }
  }

  /**
   * A power: exp(e·ln base) with ln base computed once when the base is data and positive
   * (exponent a scalar or a vector), base² by one multiplication, else Math.pow.
   */
  private void pow(Workspace ws, int k, int from, int len) {
    int[] a = args[k];
    double[] out = ws.vec[k];
    int x = a[0];
    int y = a[1];
    double[] lb = logBase[k];
    boolean scalarExp = kinds[y] == Tape.SCALAR && !Double.isNaN(ws.scalar[y]);
    if (lb != null && scalarExp) {
      double e = ws.scalar[y];
      for (int i = 0; i < len; i++) {
        out[i] = Math.exp(e * lb[from + i]);
      }
    } else if (lb != null) {
      if (kinds[y] == Tape.SCALAR) {
        // a NaN exponent: NaN in every row, as exp(NaN·ln base)
        double e = ws.scalar[y];
        for (int i = 0; i < len; i++) {
          out[i] = Math.exp(e * lb[from + i]);
        }
      } else {
        double[] ev = vector(ws, y);
        int eo = offset(y, from);
        for (int i = 0; i < len; i++) {
          out[i] = Math.exp(ev[eo + i] * lb[from + i]);
        }
      }
    } else if (scalarExp && ws.scalar[y] == 2) {
      double[] b = vector(ws, x);
      int bo = offset(x, from);
      for (int i = 0; i < len; i++) {
        out[i] = b[bo + i] * b[bo + i];
      }
    } else if (kinds[y] == Tape.SCALAR) {
      double[] b = vector(ws, x);
      int bo = offset(x, from);
      double e = ws.scalar[y];
      for (int i = 0; i < len; i++) {
        out[i] = Math.pow(b[bo + i], e);
      }
    } else if (kinds[x] == Tape.SCALAR) {
      double b = ws.scalar[x];
      double[] ev = vector(ws, y);
      int eo = offset(y, from);
      for (int i = 0; i < len; i++) {
        out[i] = Math.pow(b, ev[eo + i]);
      }
    } else {
      double[] b = vector(ws, x);
      int bo = offset(x, from);
      double[] ev = vector(ws, y);
      int eo = offset(y, from);
      for (int i = 0; i < len; i++) {
        out[i] = Math.pow(b[bo + i], ev[eo + i]);
      }
    }
  }

  /** The rarer operations (sign, min, max, select, comparisons): scalar operands spread over the block. */
  private void general(Workspace ws, int k, int from, int len) {
    int[] a = args[k];
    double[][] arr = new double[a.length][];
    int[] off = new int[a.length];
    for (int j = 0; j < a.length; j++) {
      int x = a[j];
      if (kinds[x] == Tape.SCALAR) {
        Arrays.fill(ws.vec[x], 0, len, ws.scalar[x]);
        arr[j] = ws.vec[x];
      } else {
        arr[j] = vector(ws, x);
        off[j] = offset(x, from);
      }
    }
    apply(ops[k], index[k], arr, off, ws.vec[k], len, null, 0, Double.NaN);
  }



  /** Per count of outputs: the scalar nodes an evaluation needs, in order. */
  private final int[][] scalarSteps;
  /** Per count of outputs: the mixed nodes an evaluation needs, in order. */
  private final int[][] mixedSteps;

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
