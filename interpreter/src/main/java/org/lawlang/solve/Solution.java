package org.lawlang.solve;

import java.util.List;

/**
 * What a solver found: a status, the point (in the variables' own units), how the answer
 * was obtained, and for an infeasible problem the constraints that conflict (indices into
 * the problem's constraints; -1-i for the bounds of variable i). For an unbounded problem,
 * {@code diverging} lists the variables that run away.
 */
public record Solution(Status status, double[] x, boolean global, int iterations, int starts, String method,
    List<Integer> conflicting, List<Integer> diverging) {

  public enum Status {
    OPTIMAL("optimal"),
    INFEASIBLE("infeasible"),
    UNBOUNDED("unbounded"),
    ITERATION_LIMIT("iteration-limit");

    public final String word;

    Status(String word) {
      this.word = word;
    }
  }
}
