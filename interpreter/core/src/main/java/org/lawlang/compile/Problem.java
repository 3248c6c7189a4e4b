package org.lawlang.compile;

import java.util.List;
import org.lawlang.diag.Span;
import org.lawlang.syntax.Expr.Relation;

/**
 * A solver-neutral optimisation question, lowered from `minimize` / `maximize` by
 * org.lawlang.eval.ProblemBuilder: decision variables with bounds, a lowered objective and
 * lowered constraints: {@link Formula}s whose references are the variables (and, for the delta
 * method's sensitivities, the parameters of fits). Solved by org.lawlang.solve.
 */
public record Problem(List<Var> variables, Formula objective, boolean maximize, List<Constraint> constraints) {
  public Problem {
    variables = List.copyOf(variables);
    constraints = List.copyOf(constraints);
  }

  /**
   * A decision variable. {@code positive} variables live in log space (the default: the
   * quantities of scaling laws are positive); a range reaching zero or below makes it linear.
   */
  public record Var(String name, Span span, double lo, double hi, boolean positive) {
    /** {lo, hi} in the solvers' coordinates: ln of a positive variable (its range from 0 up), the others as they are. */
    public double[] solverRange() {
      return positive ? new double[] {lo > 0 ? Math.log(lo) : Double.NEGATIVE_INFINITY, Math.log(hi)} : new double[] {lo, hi};
    }

    /** The variable as a formula. */
    public Formula.Ref ref() {
      return new Formula.Ref(Formula.Kind.VARIABLE, name, span);
    }
  }

  /**
   * {@code lhs relation rhs}. {@code perturbLhs} says which side a shadow price moves: the
   * side that holds no variable (the budget), or the right-hand side when both do.
   */
  public record Constraint(String name, Span span, Formula lhs, Relation relation, Formula rhs, boolean perturbLhs) {}

  public List<String> names() {
    return variables.stream().map(Var::name).toList();
  }

  /** The variables as formulas, in order: the slots of the solvers' coordinates. */
  public List<Formula.Ref> refs() {
    return variables.stream().map(Var::ref).toList();
  }

  public int index(String name) {
    for (int i = 0; i < variables.size(); i++) {
      if (variables.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
