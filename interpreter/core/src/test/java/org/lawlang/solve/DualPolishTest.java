package org.lawlang.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lawlang.certify.Check;
import org.lawlang.certify.Verifier;
import org.lawlang.compile.GeometricForm;
import org.lawlang.compile.Problem;

/**
 * The dual point of a power-law optimum is built from a primal point polished to rounding-level
 * stationarity ({@link KktPolish}), so its residual r, which enters the bound as r·ln v, no
 * longer depends on where the variables' units put ln v. Each case here was once
 * "not-certified" with a gap just above 1e-8 (residual about 1e-9, |ln v| about 25).
 */
class DualPolishTest {
  private static Check solveAndCheck(String objective, List<String> vars, String... constraints) {
    Problem p = LogSpaceTest.problem(objective, false, vars, constraints);
    GeometricForm gf = GeometricForm.of(p);
    Solution s = LogSpaceSolver.solve(gf);
    assertEquals(Solution.Status.OPTIMAL, s.status());
    return Verifier.check(p, gf, s);
  }

  private static void assertTight(Check c) {
    assertTrue(c.confirmed(), c.summary());
    assertEquals("dual", c.kind());
    // rounding level, not merely under the verifier's 1e-8
    assertTrue(Math.abs(c.evidence().get("gap")) <= 1e-13, "gap " + c.evidence());
    assertTrue(c.evidence().get("residual") <= 1e-14, "residual " + c.evidence());
  }

  @Test
  void rescaledVariableOfTheRescalingProperty() {
    // FitOptimizeProperties.rescalingAVariableDoesNotMoveTheOptimum at a 0.4, b 0.27, C 10^18.74,
    // k 10^3.91: gap 1.66e-8, residual 1.05e-9 before the polish
    double k = Math.pow(10, 3.91);
    assertTight(solveAndCheck("1.69 + 406.4 / (" + k + " * M)^0.4 + 410.7 / D^0.27", List.of("M", "D"),
        "6 * " + k + " * M * D = " + Math.pow(10, 18.74)));
  }

  @Test
  void chinchillaAllocationOfTheClosedFormProperty() {
    // FitOptimizeProperties.closedFormChinchillaAllocationEqualsTheNumericOne at A 104.78,
    // B 700.38, alpha 0.37, beta 0.28, C 10^18.28: gap 1.57e-8, residual 1.48e-9 before
    Check c = solveAndCheck("1.69 + 104.78 / N^0.37 + 700.38 / D^0.28", List.of("N", "D"),
        "6 * N * D = " + Math.pow(10, 18.28));
    assertTight(c);
  }

  @Test
  void activeInequalityFromTheBarrier() {
    // the same allocation with the budget as an inequality: the barrier stops at m/t < 1e-13
    // inside the constraint, and the polish moves onto it with its multiplier
    assertTight(solveAndCheck("1.69 + 406.4 / N^0.34 + 410.7 / D^0.28", List.of("N", "D"), "6 * N * D <= 1e24"));
    assertTight(solveAndCheck("1/x + 1/y + 1/z", List.of("x", "y", "z"), "x + y <= 1e-6", "z <= 1e9 * x * y"));
  }
}
