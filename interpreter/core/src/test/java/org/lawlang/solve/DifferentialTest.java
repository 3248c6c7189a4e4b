package org.lawlang.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lawlang.solve.Differential.Judgement;
import org.lawlang.solve.Differential.Problem;
import org.lawlang.solve.Differential.Result;

/**
 * The gate of issue 12: every stored problem (random ones of each class, with answers from
 * cvxopt, SciPy and linprog, or proven by their construction; and the issue's own cases) is run
 * through the Java API, and law's verdict must agree with the reference or be "not certified";
 * no "optimal" or "unbounded" claim may be refuted; the two writings of a problem must get the
 * same verdict. Writes target/differential-summary.txt. {@link DifferentialReportTest} prints
 * the same account without failing (-Ddifferential.report=true).
 */
class DifferentialTest {
  /** Two workers: CI machines have two cores, and each problem runs single-threaded. */
  static final int THREADS = 2;
  /** Per problem; `-Ddifferential.timeout=SECONDS` changes it. */
  static final long TIMEOUT_MILLIS = (long) (1000 * Double.parseDouble(System.getProperty("differential.timeout", "30")));

  static DifferentialSummary runSuite() {
    List<Problem> problems = Differential.load();
    long t0 = System.nanoTime();
    List<Result> results = Differential.runAll(problems, THREADS, TIMEOUT_MILLIS);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    return new DifferentialSummary(results, Differential.invarianceViolations(results), ms);
  }

  @Test
  void everyVerdictAgreesWithTheIndependentReferenceOrSaysNotCertified() {
    DifferentialSummary s = runSuite();
    String text = s.publish();
    assertThat(s.results().size()).as("problems in the suite").isGreaterThanOrEqualTo(2000);
    assertThat(s.refuted()).as("optimal or unbounded claims the checker refutes\n" + text).isZero();
    assertThat(s.count(Judgement.DISAGREE)).as("verdicts that disagree with the reference\n" + text).isZero();
    assertThat(s.invariance()).as("pairs of writings of one problem with different verdicts").isEmpty();
  }
}
