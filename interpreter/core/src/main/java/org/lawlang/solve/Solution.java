package org.lawlang.solve;

import java.util.List;

/**
 * What a solver found: a status, the point (in the variables' own units), how the answer
 * was obtained, and for an infeasible problem the constraints that conflict (indices into
 * the problem's constraints; -1-i for the bounds of variable i). For an unbounded problem,
 * {@code diverging} lists the variables that run away. {@code certificate} is the evidence
 * for the verdict (null when there is none), checked before anything is reported.
 */
public record Solution(Status status, double[] x, boolean global, int iterations, int starts, String method,
    List<Integer> conflicting, List<Integer> diverging, Certificate certificate) {

  public Solution(Status status, double[] x, boolean global, int iterations, int starts, String method,
      List<Integer> conflicting, List<Integer> diverging) {
    this(status, x, global, iterations, starts, method, conflicting, diverging, null);
  }

  /** The same verdict with its evidence attached. */
  public Solution with(Certificate evidence) {
    return new Solution(status, x, global, iterations, starts, method, conflicting, diverging, evidence);
  }

  public enum Status {
    OPTIMAL("optimal"),
    INFEASIBLE("infeasible"),
    UNBOUNDED("unbounded"),
    /** The infimum is finite (a dual bound proves it) but only approached as variables run away. */
    NOT_ATTAINED("not-attained"),
    ITERATION_LIMIT("iteration-limit");

    public final String word;

    Status(String word) {
      this.word = word;
    }
  }
}
