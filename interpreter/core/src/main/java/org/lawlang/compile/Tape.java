package org.lawlang.compile;

import java.util.Arrays;
import java.util.List;
import org.lawlang.compile.Formula.*;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.semantics.MathFunction;

/**
 * Several lowered formulas over the same references (a model and its exact partial
 * derivatives) compiled into one straight-line program whose nodes are shared (hash-consed, so
 * a term such as {@code N^-alpha} that appears in the value and in three partials is computed
 * once). Each node is classed by what it depends on: constants and scalar slots only (a
 * scalar, computed once per evaluation), data only (a column, computed once per dataset), or
 * both (a column computed per evaluation, in blocks of rows). Evaluation lives in
 * {@link TapeRun} (columns) and {@link ScalarProgram} (scalars).
 *
 * <p>Set-up is cheap because the optimiser builds tapes for every question it solves: nodes
 * live in primitive arrays and are hash-consed in an open-addressing table of node ids, with
 * no object per node.
 */
public final class Tape {
  /** Node operations. */
  enum Op {
    CONST, PARAM, COLUMN, NEG, ADD, SUB, MUL, DIV, POW,
    /** A {@link MathFunction}, its ordinal in the node's index. */
    FN,
    SIGN, MIN, MAX, SELECT, LT, LE, GT, GE, EQ, NE
  }

  private static final int[] NONE = new int[0];

  /** What a node depends on. */
  static final int SCALAR = 0;
  static final int DATA = 1;
  static final int MIXED = 2;

  Op[] ops = new Op[16];
  int[][] args = new int[16][];
  double[] consts = new double[16];
  int[] kinds = new int[16];
  int[] index = new int[16];
  private int[] depBits = new int[16];
  private int size;
  /** Open-addressing table of node ids + 1 (0: empty), keyed by a node's operation, operands, constant and index. */
  private int[] table = new int[32];
  final int[] outputs;
  final List<Ref> scalars;
  final List<Ref> columns;

  private Tape(List<Ref> scalars, List<Ref> columns, List<Formula> formulas) {
    this.scalars = List.copyOf(scalars);
    this.columns = List.copyOf(columns);
    outputs = new int[formulas.size()];
    for (int i = 0; i < formulas.size(); i++) {
      outputs[i] = node(formulas.get(i));
    }
    // the arrays keep their spare capacity: a one-off scalar program reads only the first size() nodes
    depBits = null;
    table = null;
  }

  /**
   * Compiles {@code formulas}; a reference must be one of {@code scalars} (a slot of the
   * parameter vector) or one of {@code columns} (a data column).
   */
  public static Tape compile(List<Ref> scalars, List<Ref> columns, List<Formula> formulas) {
    return new Tape(scalars, columns, formulas);
  }

  public int size() {
    return size;
  }

  /** One line per node, for debugging the compiled form. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < size; k++) {
      out.append(k).append(' ').append(ops[k]).append(Arrays.toString(args[k]))
          .append(" kind ").append(kinds[k]).append(ops[k] == Op.CONST ? " " + consts[k] : "").append('\n');
    }
    return out.append("outputs ").append(Arrays.toString(outputs)).toString();
  }

  public int outputCount() {
    return outputs.length;
  }

  public List<Ref> scalars() {
    return scalars;
  }

  public List<Ref> columns() {
    return columns;
  }

  private static int hash(Op op, int[] a, long c, int idx) {
    int h = op.ordinal() * 0x9E3779B1 + idx * 31 + Long.hashCode(c) * 17;
    for (int x : a) {
      h = h * 0x01000193 ^ x;
    }
    return h ^ (h >>> 15);
  }

  private int add(Op op, int[] a, double c, int idx) {
    long bits = Double.doubleToLongBits(c);
    int mask = table.length - 1;
    int slot = hash(op, a, bits, idx) & mask;
    for (int id = table[slot]; id != 0; id = table[slot = (slot + 1) & mask]) {
      int k = id - 1;
      if (ops[k] == op && index[k] == idx && Double.doubleToLongBits(consts[k]) == bits && Arrays.equals(args[k], a)) {
        return k;
      }
    }
    int deps = op == Op.PARAM ? 1 : op == Op.COLUMN ? 2 : 0;
    for (int x : a) {
      deps |= depBits[x];
    }
    if (size == ops.length) {
      int n = size * 2;
      ops = Arrays.copyOf(ops, n);
      args = Arrays.copyOf(args, n);
      consts = Arrays.copyOf(consts, n);
      kinds = Arrays.copyOf(kinds, n);
      index = Arrays.copyOf(index, n);
      depBits = Arrays.copyOf(depBits, n);
    }
    int id = size++;
    ops[id] = op;
    args[id] = a;
    consts[id] = c;
    kinds[id] = (deps & 2) == 0 ? SCALAR : (deps & 1) == 0 ? DATA : MIXED;
    depBits[id] = deps;
    index[id] = idx;
    table[slot] = id + 1;
    if (2 * size > table.length) {
      rehash();
    }
    return id;
  }

  private void rehash() {
    table = new int[table.length * 2];
    int mask = table.length - 1;
    for (int k = 0; k < size; k++) {
      int slot = hash(ops[k], args[k], Double.doubleToLongBits(consts[k]), index[k]) & mask;
      while (table[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = k + 1;
    }
  }

  /** The node the last {@link #builder} call made: the builder returns nothing, so that no id is boxed. */
  private int last;

  private int node(Formula f) {
    f.accept(builder);
    return last;
  }

  private final Visitor<Void> builder = new Visitor<>() {
    @Override
    public Void constant(Const c) {
      last = add(Op.CONST, NONE, c.value(), -1);
      return null;
    }

    @Override
    public Void ref(Ref r) {
      int p = scalars.indexOf(r);
      if (p >= 0) {
        last = add(Op.PARAM, NONE, 0, p);
        return null;
      }
      int c = columns.indexOf(r);
      if (c >= 0) {
        last = add(Op.COLUMN, NONE, 0, c);
        return null;
      }
      throw LawException.of(Msg.UNKNOWN_NAME, r.span(), r.name());
    }

    @Override
    public Void neg(Neg n) {
      last = add(Op.NEG, new int[] {node(n.x())}, 0, -1);
      return null;
    }

    @Override
    public Void arith(Arith a) {
      int l = node(a.l());
      int r = node(a.r());
      Op op = switch (a.op()) {
        case ADD -> Op.ADD;
        case SUB -> Op.SUB;
        case MUL -> Op.MUL;
        case DIV -> Op.DIV;
        case POW -> Op.POW;
      };
      last = add(op, new int[] {l, r}, 0, -1);
      return null;
    }

    @Override
    public Void compare(Compare c) {
      int l = node(c.l());
      int r = node(c.r());
      Op op = switch (c.op()) {
        case LT -> Op.LT;
        case LE -> Op.LE;
        case GT -> Op.GT;
        case GE -> Op.GE;
        case EQ -> Op.EQ;
        case NE -> Op.NE;
      };
      last = add(op, new int[] {l, r}, 0, -1);
      return null;
    }

    @Override
    public Void apply(Apply a) {
      // ln and log are one function: one node
      MathFunction f = a.fn() == MathFunction.LOG ? MathFunction.LN : a.fn();
      last = add(Op.FN, new int[] {node(a.x())}, 0, f.ordinal());
      return null;
    }

    @Override
    public Void sign(Sign s) {
      last = add(Op.SIGN, new int[] {node(s.x())}, 0, -1);
      return null;
    }

    @Override
    public Void select(Select s) {
      last = add(Op.SELECT, new int[] {node(s.condition()), node(s.then()), node(s.otherwise())}, 0, -1);
      return null;
    }

    @Override
    public Void extreme(Extreme x) {
      last = add(x.min() ? Op.MIN : Op.MAX, new int[] {node(x.l()), node(x.r())}, 0, -1);
      return null;
    }
  };
}
