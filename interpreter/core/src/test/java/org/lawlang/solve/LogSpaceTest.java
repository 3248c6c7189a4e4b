package org.lawlang.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lawlang.compile.GeometricForm;
import org.lawlang.compile.Problem;
import org.lawlang.diag.Source;
import org.lawlang.diag.Span;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Expr.Relation;
import org.lawlang.syntax.Parsing;
import org.lawlang.syntax.Stmt;

/** The power-law recogniser and the log-space solver on problems with known answers, below the interpreter. */
class LogSpaceTest {
  static org.lawlang.compile.Formula expr(String text) {
    var program = Parsing.parse(new Source("t", "let x = " + text));
    Expr e = ((Stmt.Let) program.statements().get(0)).value();
    return org.lawlang.compile.Flatten.expr(e, n -> new org.lawlang.compile.Flatten.Reference(org.lawlang.compile.Formula.Kind.VARIABLE));
  }

  static Problem problem(String objective, boolean maximize, List<String> vars, String... constraints) {
    List<Problem.Var> vs = vars.stream()
        .map(v -> new Problem.Var(v, Span.NOWHERE, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, true)).toList();
    List<Problem.Constraint> cs = new java.util.ArrayList<>();
    for (String c : constraints) {
      String[] parts = c.split(" (=|<=|>=) ");
      Relation rel = c.contains("<=") ? Relation.LE : c.contains(">=") ? Relation.GE : Relation.EQ;
      cs.add(new Problem.Constraint("c", Span.NOWHERE, expr(parts[0]), rel, expr(parts[1]), false));
    }
    return new Problem(vs, expr(objective), maximize, cs);
  }

  @Test
  void recognisesPowerLawProblems() {
    assertNotNull(GeometricForm.of(problem("1.69 + 406.4 / N^0.34 + 410.7 / D^0.28", false, List.of("N", "D"), "6 * N * D = 1e24")));
    assertNotNull(GeometricForm.of(problem("6 * N * D", false, List.of("N", "D"), "1.69 + 406.4 / N^0.34 + 410.7 / D^0.28 = 2")));
    assertNotNull(GeometricForm.of(problem("N", true, List.of("N", "D"), "6 * N * D <= 1e20", "D >= 20 * N")));
    assertNull(GeometricForm.of(problem("N - D", false, List.of("N", "D"), "N * D = 1")));
    assertNull(GeometricForm.of(problem("exp(N) + D", false, List.of("N", "D"), "N * D = 1")));
    assertNull(GeometricForm.of(problem("N + D", false, List.of("N", "D"), "N + D = N * D + 1")));
  }

  @Test
  void eliminatesEqualitiesExactly() {
    // minimise x + y subject to x·y = 4: x = y = 2
    Solution s = LogSpaceSolver.solve(GeometricForm.of(problem("x + y", false, List.of("x", "y"), "x * y = 4")));
    assertEquals(Solution.Status.OPTIMAL, s.status());
    assertTrue(s.global());
    assertEquals(2, s.x()[0], 1e-12);
    assertEquals(2, s.x()[1], 1e-12);
  }

  @Test
  void barrierFindsTheActiveBound() {
    // minimise 1/x + 1/y subject to x + y <= 1 (a posynomial inequality): x = y = 1/2
    Solution s = LogSpaceSolver.solve(GeometricForm.of(problem("1/x + 1/y", false, List.of("x", "y"), "x + y <= 1")));
    assertEquals(Solution.Status.OPTIMAL, s.status());
    assertEquals(0.5, s.x()[0], 1e-9);
    assertEquals(0.5, s.x()[1], 1e-9);
  }

  @Test
  void infeasibleAndUnbounded() {
    Solution inf = LogSpaceSolver.solve(GeometricForm.of(problem("1/x", false, List.of("x", "y"), "x <= 1", "y <= 1", "x * y = 10")));
    assertEquals(Solution.Status.INFEASIBLE, inf.status());
    assertEquals(3, inf.conflicting().size());
    Solution unb = LogSpaceSolver.solve(GeometricForm.of(problem("1/x + y", false, List.of("x", "y"))));
    assertEquals(Solution.Status.UNBOUNDED, unb.status());
  }

  @Test
  void rootFinderBracketsInLogSpace() {
    RootFinder.Scan r = RootFinder.scan(x -> 1 / Math.sqrt(x) - 1e-5, 1e-30, 1e30);
    assertEquals(1, r.candidates().size());
    assertEquals(1e10, r.candidates().get(0).x(), 1e10 * 1e-12);
    RootFinder.Scan none = RootFinder.scan(x -> x * x + 1, -10, 10);
    assertTrue(none.candidates().isEmpty());
    assertEquals(1, none.fMin(), 1e-2);
  }
}
