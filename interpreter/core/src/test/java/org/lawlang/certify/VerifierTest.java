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
import org.lawlang.eval.EngineAccess;
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
      cs.add(new Problem.Constraint(c.name(), c.span(), lower(c.lhs()), c.relation(), lower(c.rhs()), false));
    }
    return new Problem(vs, lower(o.objective()), o.maximize(), cs);
  }

  /** A formula whose free names are decision variables. */
  static org.lawlang.compile.Formula lower(Expr e) {
    return org.lawlang.compile.Flatten.expr(e, n -> new org.lawlang.compile.Flatten.Reference(org.lawlang.compile.Formula.Kind.VARIABLE));
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
  void aMinimumThatIsNotStrictBecauseAVariableIsFreeIsConfirmed() {
    // differential problems smooth-0144 and smooth-0094: the objective leaves out y (x, z), which may
    // take any value its constraints allow, so no minimum is strict and second-order sufficiency
    // on all variables fails; on the objective's own variables it holds. Values from SciPy (SLSQP).
    LawEngine eng = org.lawlang.eval.EngineAccess.output(LawEngine.builder(), Output.buffer(new StringBuilder())).threads(1).build();
    OptimumReport a = (OptimumReport) org.lawlang.eval.EngineAccess.eval(eng, "<test>", "minimize 0.35*x + 2.35*x^2 over x in [-2.8, 2.5], y in [-0.99, 0.65]"
        + " subject to -1.52*y + 2.54*x <= 8.107, 1.27*y^2 <= 0.773");
    assertEquals("optimal", a.status(), a.certificate());
    assertEquals(-0.0130319148936, a.objective(), 1e-12);
    OptimumReport b = (OptimumReport) org.lawlang.eval.EngineAccess.eval(eng, "<test>", "minimize 0.914*y^2 + 2.01*y over x in [-8.5, 6.5], y in [-4.5, 5.1],"
        + " z in [-1, 0.45] subject to 1.32*y + 1.78*x - 2.28*z >= 2.417, -1.62*y*z - 1.74*z >= -0.9351, -1.39*z >= -0.7603");
    assertEquals("optimal", b.status(), b.certificate());
    assertEquals(-1.10506017505, b.objective(), 1e-10);
    assertTrue(b.certificate().contains("objective's variables alone"), b.certificate());
  }

  @Test
  void termsThatBalanceAreTheScaleOfStationarity() {
    // differential problem sig-0167: −4.13·x^1.5 − 0.421/√x has its maximum where, in log space,
    // the two terms' slopes (0.49 each) cancel; so does the slope of their summed size, which was
    // the scale, and the residual of 1e-17 read as "residual 1 of the gradients' size"
    LawEngine eng = org.lawlang.eval.EngineAccess.output(LawEngine.builder(), Output.buffer(new StringBuilder())).threads(1).build();
    OptimumReport o = (OptimumReport) org.lawlang.eval.EngineAccess.eval(eng, "<test>", "maximize -4.13*x^1.5 - 0.421*x^(-0.5) over x in [0.014, 0.42]"
        + " subject to 2.52*x^(-1) - 9.71*x^2 <= 23.84");
    assertEquals("optimal", o.status(), o.certificate());
    double x = Math.sqrt(0.421 * 0.5 / (4.13 * 1.5)); // where 6.195·x^0.5 = 0.2105·x^-1.5
    assertEquals(x, o.point().get("x"), 1e-9 * x);
    assertEquals(-4.13 * Math.pow(x, 1.5) - 0.421 / Math.sqrt(x), o.objective(), 1e-12);
  }

  @Test
  void aFreeVariableExcusesNoFlatDirectionThatABindingConstraintTiesToTheObjective() {
    // x <= y binds at (0.5, 0.5) and ties y to x: the point is not optimal (x can grow to 1 with
    // y), so leaving y out of the second-order test would be wrong
    Problem p = problem("minimize -x subject to x <= y, y <= 1", "x", "y");
    assertFalse(Verifier.check(p, null, optimal(0.5, 0.5)).confirmed());
    assertTrue(Verifier.check(p, null, optimal(1, 1)).confirmed());
    // and a maximum in the objective's own variable stays refuted with y free
    Problem q = problem("maximize x + 1/x subject to y <= 2", "x", "y");
    Check c = Verifier.check(q, null, optimal(1, 1));
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
    Problem feasible = new Problem(List.of(new Problem.Var("x", o.span(), -1e6, 1e6, false)), lower(o.objective()), false,
        List.of(new Problem.Constraint(null, o.span(), lower(o.constraints().get(0).lhs()), o.constraints().get(0).relation(),
            lower(o.constraints().get(0).rhs()), false)));
    Solution claim = new Solution(Solution.Status.INFEASIBLE, null, false, 0, 1, "", List.of(0), List.of());
    assertFalse(Verifier.check(feasible, null, claim).confirmed(), "x = 1 satisfies it");
  }

  @Test
  void enclosuresContainEveryValue() {
    java.util.Random r = new java.util.Random(7);
    String[] formulas = {"x*x - 2*x*y + exp(-y) / (1 + x^2)", "(x - y)^3 - sin(x) * ln(2 + y^2)", "sqrt(x^2 + 1) * atan(y) - abs(x - 3)"};
    for (String f : formulas) {
      var e = lower(((Stmt.ExprStmt) Parsing.parse(new Source("<test>", f)).statements().get(0)).expr());
      var slots = List.of(new org.lawlang.compile.Formula.Ref(org.lawlang.compile.Formula.Kind.VARIABLE, "x"),
          new org.lawlang.compile.Formula.Ref(org.lawlang.compile.Formula.Kind.VARIABLE, "y"));
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
          double v = org.lawlang.compile.ScalarProgram.of(slots, e).value(new double[] {x, y});
          assertTrue(in.contains(v), f + " = " + v + " at (" + x + ", " + y + ") outside " + in);
        }
      }
    }
  }

  @Test
  void theReportCarriesTheEvidence() {
    LawEngine eng = EngineAccess.output(LawEngine.builder(), Output.buffer(new StringBuilder())).build();
    EngineAccess.eval(eng, "<test>", "law L(N, D) = E + A / N^alpha + B / D^beta\n"
        + "    where E = 1.69, A = 406.4, B = 410.7, alpha = 0.34, beta = 0.28\n");
    OptimumReport r = (OptimumReport) EngineAccess.eval(eng, "<test>", "minimize L(N, D) + 6*N*D/1e24 subject to D >= 20*N");
    assertEquals("dual", r.certificateKind());
    assertTrue(r.evidence().get("gap") <= 1e-8);
    // the reference answer: N 1.0985e10, D 8.0834e11, value 2.09026
    assertEquals(1.0985e10, r.point().get("N"), 1e6);
    assertEquals(8.0834e11, r.point().get("D"), 1e8);
    assertEquals(2.09026, r.objective(), 1e-5);
  }
}
