package org.lawlang.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.semantics.MathFunction;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Expr.*;

/**
 * Several flattened formulas over the same names (a model and its exact partial derivatives)
 * compiled into one straight-line program whose nodes are shared (hash-consed, so a term such
 * as {@code N^-alpha} that appears in the value and in three partials is computed once).
 * Each node is classed by what it depends on: constants and parameters only (a scalar,
 * computed once per evaluation), data only (a column, computed once per dataset), or both (a
 * column computed per evaluation, in blocks of rows). Evaluation lives in {@link TapeRun}.
 */
public final class Tape {
  /** Node operations. */
  enum Op {
    CONST, PARAM, COLUMN, NEG, ADD, SUB, MUL, DIV, POW,
    /** A {@link MathFunction}, its ordinal in the node's index. */
    FN,
    SIGN, MIN, MAX, SELECT, LT, LE, GT, GE, EQ, NE
  }

  /** What a node depends on. */
  static final int SCALAR = 0;
  static final int DATA = 1;
  static final int MIXED = 2;

  final List<Op> ops = new ArrayList<>();
  final List<int[]> args = new ArrayList<>();
  final List<Double> consts = new ArrayList<>();
  final List<Integer> kinds = new ArrayList<>();
  final List<Integer> index = new ArrayList<>();
  private final List<Integer> depBits = new ArrayList<>();
  final int[] outputs;
  final List<String> params;
  final List<String> columns;
  private final Map<Key, Integer> memo = new HashMap<>();

  /** A node's identity for hash-consing (a string key cost the optimiser's checker measurable start-up time). */
  private record Key(Op op, int[] args, long constant, int index) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.op == op && k.constant == constant && k.index == index && java.util.Arrays.equals(k.args, args);
    }

    @Override
    public int hashCode() {
      return ((op.hashCode() * 31 + java.util.Arrays.hashCode(args)) * 31 + Long.hashCode(constant)) * 31 + index;
    }
  }

  private Tape(List<String> params, List<String> columns, List<Expr> exprs) {
    this.params = List.copyOf(params);
    this.columns = List.copyOf(columns);
    outputs = new int[exprs.size()];
    for (int i = 0; i < exprs.size(); i++) {
      outputs[i] = node(exprs.get(i));
    }
  }

  /**
   * Compiles {@code exprs}; a {@link Name} must be one of {@code params} (a scalar slot) or one
   * of {@code columns} (a data column).
   */
  public static Tape compile(List<String> params, List<String> columns, List<Expr> exprs) {
    return new Tape(params, columns, exprs);
  }

  public int size() {
    return ops.size();
  }

  /** One line per node, for debugging the compiled form. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < ops.size(); k++) {
      out.append(k).append(' ').append(ops.get(k)).append(java.util.Arrays.toString(args.get(k)))
          .append(" kind ").append(kinds.get(k)).append(ops.get(k) == Op.CONST ? " " + consts.get(k) : "").append('\n');
    }
    return out.append("outputs ").append(java.util.Arrays.toString(outputs)).toString();
  }

  public int outputCount() {
    return outputs.length;
  }

  public List<String> params() {
    return params;
  }

  public List<String> columns() {
    return columns;
  }

  private int add(Op op, int[] a, double c, int idx) {
    Key key = new Key(op, a, Double.doubleToLongBits(c), idx);
    Integer seen = memo.get(key);
    if (seen != null) {
      return seen;
    }
    int deps = op == Op.PARAM ? 1 : op == Op.COLUMN ? 2 : 0;
    for (int x : a) {
      deps |= depBits.get(x);
    }
    int kind = (deps & 2) == 0 ? SCALAR : (deps & 1) == 0 ? DATA : MIXED;
    ops.add(op);
    args.add(a);
    consts.add(c);
    kinds.add(kind);
    depBits.add(deps);
    index.add(idx);
    int id = ops.size() - 1;
    memo.put(key, id);
    return id;
  }

  private int constant(double c) {
    return add(Op.CONST, new int[0], c, -1);
  }

  private int node(Expr e) {
    if (e instanceof Num n) {
      return constant(n.value());
    }
    if (e instanceof Name n) {
      int p = params.indexOf(n.name());
      if (p >= 0) {
        return add(Op.PARAM, new int[0], 0, p);
      }
      int c = columns.indexOf(n.name());
      if (c >= 0) {
        return add(Op.COLUMN, new int[0], 0, c);
      }
      throw LawException.of(Msg.UNKNOWN_NAME, n.span(), n.name());
    }
    if (e instanceof Unary u) {
      int a = node(u.operand());
      return u.op() == UnaryOp.NEG ? add(Op.NEG, new int[] {a}, 0, -1) : a;
    }
    if (e instanceof Binary b) {
      int l = node(b.lhs());
      int r = node(b.rhs());
      Op op = switch (b.op()) {
        case ADD -> Op.ADD;
        case SUB -> Op.SUB;
        case MUL -> Op.MUL;
        case DIV -> Op.DIV;
        case POW -> Op.POW;
        case LT -> Op.LT;
        case LE -> Op.LE;
        case GT -> Op.GT;
        case GE -> Op.GE;
        case EQ -> Op.EQ;
        case NE -> Op.NE;
        default -> throw LawException.of(Msg.TYPE, b.span(), "arithmetic", "'" + b.op().symbol + "' in a formula");
      };
      return add(op, new int[] {l, r}, 0, -1);
    }
    if (e instanceof Call c) {
      String name = ((Name) c.callee()).name();
      int[] a = c.args().stream().mapToInt(x -> node(x.value())).toArray();
      MathFunction f = MathFunction.named(name).orElse(null);
      if (f != null) {
        // ln and log are one function: one node
        return add(Op.FN, a, 0, (f == MathFunction.LOG ? MathFunction.LN : f).ordinal());
      }
      Op op = switch (name) {
        case "sign" -> Op.SIGN;
        case "min" -> Op.MIN;
        case "max" -> Op.MAX;
        case "select" -> Op.SELECT;
        default -> throw LawException.of(Msg.NOT_CALLABLE, c.span(), "'" + name + "'");
      };
      if ((op == Op.MIN || op == Op.MAX) && a.length > 2) {
        int acc = a[0];
        for (int i = 1; i < a.length; i++) {
          acc = add(op, new int[] {acc, a[i]}, 0, -1);
        }
        return acc;
      }
      return add(op, a, 0, -1);
    }
    throw LawException.of(Msg.TYPE, e.span(), "a formula", "an expression that cannot be compiled");
  }
}
