package org.lawlang.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lawlang.api.LawEngine;
import org.lawlang.compile.GeometricForm;
import org.lawlang.compile.Problem;
import org.lawlang.diag.Source;
import org.lawlang.eval.OptimumReport;
import org.lawlang.eval.Output;
import org.lawlang.solve.Certificate;
import org.lawlang.solve.LogSpaceSolver;
import org.lawlang.solve.Solution;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Parsing;
import org.lawlang.syntax.Stmt;

/**
 * The checker can fail: wrong claims built by hand (a saddle called optimal, a ray that
 * climbs, a dual point with a gap, multipliers that prove nothing) are refuted, and the right
 * answers of the cases that once came out wrong are confirmed, against numbers worked out
 * outside law.
 */
class VerifierTest {
  /** The problem of a `minimize` / `maximize` statement whose variables are its free names, all positive. */
  static Problem problem(String statement, String... vars) {
    Stmt s = Parsing.parse(new Source("<test>", statement)).statements().get(0);
    Expr.Optimize o = (Expr.Optimize) ((Stmt.ExprStmt) s).expr();
    List<Problem.Var> vs = new ArrayList<>();
    for (String v : vars) {
      vs.add(new Problem.Var(v, o.span(), 0, Double.POSITIVE_INFINITY, true));
    }
    List<Problem.Constraint> cs = new ArrayList<>();
    for (Expr.Constraint c : o.constraints()) {
      cs.add(new Problem.Constraint(c.name(), c.span(), c.lhs(), c.relation(), c.rhs(), false));
    }
    return new Problem(vs, o.objective(), o.maximize(), cs);
  }

  static Solution optimal(double... x) {
    return new Solution(Solution.Status.OPTIMAL, x, false, 0, 1, "", List.of(), List.of());
  }

  @Test
  void aSaddleIsNotALocalOptimum() {
    Problem p = problem("minimize -N - D subject to N*D <= 100", "N", "D");
    Check c = Verifier.check(p, null, optimal(10, 10));
    assertFalse(c.confirmed());
    assertTrue(c.refuted().contains("saddle"), c.refuted());
  }

  @Test
  void aFlatRunawayIsNotStationary() {
    Problem p = problem("minimize -y^2 subject to 1/x^2 + x^2*y <= 2", "x", "y");
    assertFalse(Verifier.check(p, null, optimal(2.41697e7, 3.42364e-15)).confirmed());
    // and the true optimum, (1, 1) with value -1 (y <= (2x² - 1)/x⁴ is largest at x = 1), passes
    assertTrue(Verifier.check(p, null, optimal(1, 1)).confirmed());
  }

  @Test
  void aRayThatClimbsIsRefutedAndOneThatFallsIsConfirmed() {
    Problem p = problem("minimize -N - D subject to N*D <= 100", "N", "D");
    Solution up = new Solution(Solution.Status.UNBOUNDED, new double[] {1, 1}, false, 0, 1, "", List.of(), List.of(0, 1),
        new Certificate.Ray(new double[] {1, 1}, new double[] {1, 1}));
    assertFalse(Verifier.check(p, null, up).confirmed(), "N, D -> inf leaves N*D <= 100");
    Solution along = new Solution(Solution.Status.UNBOUNDED, new double[] {1, 1}, false, 0, 1, "", List.of(), List.of(0, 1),
        new Certificate.Ray(new double[] {1, 1}, new double[] {1, -1}));
    assertTrue(Verifier.check(p, null, along).confirmed());
    Problem bounded = problem("minimize x + 1/x", "x");
    Solution none = new Solution(Solution.Status.UNBOUNDED, new double[] {1}, false, 0, 1, "", List.of(), List.of(0),
        new Certificate.Ray(new double[] {1}, new double[] {1}));
    assertFalse(Verifier.check(bounded, null, none).confirmed());
  }

  @Test
  void theDualBoundOfAPowerLawOptimumAndAWrongPoint() {
    Problem p = problem("minimize x/y^2 + y/x^2 + x^2*y^2 subject to x*y^2 >= 1", "x", "y");
    GeometricForm gf = GeometricForm.of(p);
    Solution s = LogSpaceSolver.solve(gf);
    Check c = Verifier.check(p, gf, s);
    assertTrue(c.confirmed(), c.summary());
    assertEquals("dual", c.kind());
    // the optimum worked out with SciPy (SLSQP in log space): x 0.957137, y 1.02215, 2.98899
    assertEquals(0.957137, s.x()[0], 1e-6);
    assertEquals(1.02215, s.x()[1], 1e-5);
    // the same dual point at a point 1% off: the gap exposes it
    Solution off = new Solution(Solution.Status.OPTIMAL, new double[] {s.x()[0] * 1.01, s.x()[1]}, true, 0, 1, "", List.of(),
        List.of(), s.certificate());
    assertFalse(Verifier.check(p, gf, off).confirmed());
  }

  @Test
  void farkasMultipliersMustProveSomething() {
    Problem p = problem("minimize N + D subject to N <= 1, D <= 1, N*D >= 4", "N", "D");
    GeometricForm gf = GeometricForm.of(p);
    Solution s = LogSpaceSolver.solve(gf);
    assertEquals(Solution.Status.INFEASIBLE, s.status());
    assertTrue(Verifier.check(p, gf, s).confirmed());
    int m = gf.inequalities().size();
    double[] lambda = new double[m];
    lambda[0] = 1; // one constraint alone contradicts nothing
    Certificate.Farkas fake = new Certificate.Farkas(lambda, ((Certificate.Farkas) s.certificate()).w(), new double[0]);
    Solution claimed = new Solution(Solution.Status.INFEASIBLE, null, true, 0, 1, "", List.of(), List.of(), fake);
    assertFalse(Verifier.check(p, gf, claimed).confirmed());
  }

  @Test
  void intervalArithmeticNeverProvesAFeasibleProblemInfeasible() {
    Stmt st = Parsing.parse(new Source("<test>", "minimize x subject to x*x - 2*x + 1 <= 0.01")).statements().get(0);
    Expr.Optimize o = (Expr.Optimize) ((Stmt.ExprStmt) st).expr();
    Problem feasible = new Problem(List.of(new Problem.Var("x", o.span(), -1e6, 1e6, false)), o.objective(), false,
        List.of(new Problem.Constraint(null, o.span(), o.constraints().get(0).lhs(), o.constraints().get(0).relation(),
            o.constraints().get(0).rhs(), false)));
    Solution claim = new Solution(Solution.Status.INFEASIBLE, null, false, 0, 1, "", List.of(0), List.of());
    assertFalse(Verifier.check(feasible, null, claim).confirmed(), "x = 1 satisfies it");
  }

  @Test
  void enclosuresContainEveryValue() {
    java.util.Random r = new java.util.Random(7);
    String[] formulas = {"x*x - 2*x*y + exp(-y) / (1 + x^2)", "(x - y)^3 - sin(x) * ln(2 + y^2)", "sqrt(x^2 + 1) * atan(y) - abs(x - 3)"};
    for (String f : formulas) {
      Expr e = ((Stmt.ExprStmt) Parsing.parse(new Source("<test>", f)).statements().get(0)).expr();
      for (int trial = 0; trial < 200; trial++) {
        double xlo = r.nextGaussian() * 3;
        double ylo = r.nextGaussian() * 3;
        double xhi = xlo + r.nextDouble() * 2;
        double yhi = ylo + r.nextDouble() * 2;
        Enclosure.Interval in = Enclosure.of(e, java.util.Map.of("x", new Enclosure.Interval(xlo, xhi), "y",
            new Enclosure.Interval(ylo, yhi)));
        for (int k = 0; k < 20; k++) {
          double x = xlo + r.nextDouble() * (xhi - xlo);
          double y = ylo + r.nextDouble() * (yhi - ylo);
          double v = org.lawlang.compile.ScalarProgram.of(e, java.util.Map.of("x", 0, "y", 1)).value(new double[] {x, y});
          assertTrue(in.contains(v), f + " = " + v + " at (" + x + ", " + y + ") outside " + in);
        }
      }
    }
  }

  @Test
  void theReportCarriesTheEvidence() {
    LawEngine eng = LawEngine.builder().output(Output.buffer(new StringBuilder())).build();
    eng.eval("<test>", "law L(N, D) = E + A / N^alpha + B / D^beta\n"
        + "    where E = 1.69, A = 406.4, B = 410.7, alpha = 0.34, beta = 0.28\n");
    OptimumReport r = (OptimumReport) eng.eval("<test>", "minimize L(N, D) + 6*N*D/1e24 subject to D >= 20*N");
    assertEquals("dual", r.certificateKind());
    assertTrue(r.evidence().get("gap") <= 1e-8);
    // the reference answer: N 1.0985e10, D 8.0834e11, value 2.09026
    assertEquals(1.0985e10, r.point().get("N"), 1e6);
    assertEquals(8.0834e11, r.point().get("D"), 1e8);
    assertEquals(2.09026, r.objective(), 1e-5);
  }
}
