package org.lawlang.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lawlang.api.LawEngine;
import org.lawlang.solve.Differential.Judgement;
import org.lawlang.solve.Differential.Outcome;
import org.lawlang.solve.Differential.Problem;
import org.lawlang.solve.Differential.Result;
import org.lawlang.solve.Differential.Verdict;

/**
 * The differential suite's own checks, which run in every build (the gate itself waits for the
 * certified optimiser): the stored problems are well formed, every reference point is feasible
 * with the reference value when law's evaluator (not the Python that made it) checks it, and
 * the judge refutes wrong claims of each kind rather than waving them through.
 */
class DifferentialJudgeTest {
  static final List<Problem> PROBLEMS = Differential.load();

  static Problem find(String id) {
    return PROBLEMS.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
  }

  static Outcome claim(String status, boolean global, double value, Map<String, Double> point) {
    return new Outcome(status, global, value, point, null, null, 0);
  }

  static LawEngine withPrelude(Problem p) {
    LawEngine e = Differential.quietEngine();
    if (!p.prelude().isBlank()) {
      e.eval(p.prelude());
    }
    return e;
  }

  @Test
  void theStoredSuiteIsLargeWellFormedAndCoversEveryClass() {
    assertThat(PROBLEMS.size()).as("problems stored").isGreaterThanOrEqualTo(2000);
    Set<String> ids = new HashSet<>();
    Map<String, Integer> perClass = new HashMap<>();
    for (Problem p : PROBLEMS) {
      assertThat(ids.add(p.id())).as("unique id " + p.id()).isTrue();
      perClass.merge(p.cls(), 1, Integer::sum);
      assertThat(p.script()).contains("let o = ");
      if (p.reference() == Verdict.OPTIMAL) {
        assertThat(p.point()).as(p.id()).isNotNull().containsOnlyKeys(p.vars());
        assertThat(p.value()).as(p.id()).isNotNull();
      }
    }
    for (Problem p : PROBLEMS) {
      if (p.twinOf() != null) {
        assertThat(ids).contains(p.twinOf());
        assertThat(find(p.twinOf()).reference()).isEqualTo(p.reference());
      }
    }
    assertThat(perClass.keySet()).contains("issue12", "gp", "gp-chinchilla", "gp-scale", "gp-equality", "gp-infeasible",
        "signomial-unbounded", "signomial-box", "smooth", "box-infeasible", "linear");
    assertThat(PROBLEMS.stream().filter(p -> p.twinOf() != null).count()).isGreaterThanOrEqualTo(200);
    for (Verdict v : List.of(Verdict.OPTIMAL, Verdict.UNBOUNDED, Verdict.INFEASIBLE)) {
      assertThat(PROBLEMS.stream().filter(p -> p.reference() == v).count()).as(v.name()).isGreaterThanOrEqualTo(150);
    }
  }

  /** The references, checked by law's evaluator: each optimal reference is judged AGREE against itself. */
  @Test
  void everyReferenceOptimumIsFeasibleWithItsValueWhenLawEvaluatesIt() {
    List<String> bad = new ArrayList<>();
    for (Problem p : PROBLEMS) {
      if (p.reference() != Verdict.OPTIMAL) {
        continue;
      }
      Outcome ref = claim("optimal", p.global(), p.value(), p.point());
      Result r = Differential.judge(p, ref, withPrelude(p));
      if (r.judgement() != Judgement.AGREE) {
        bad.add(p.id() + ": " + r.kind());
      }
    }
    assertThat(bad).isEmpty();
  }

  /** The unbounded references, checked by law's evaluator: along each stored ray every constraint holds and the objective runs away. */
  @Test
  void everyUnboundedReferenceCarriesARayThatLawsEvaluatorConfirms() {
    List<String> bad = new ArrayList<>();
    for (Problem p : PROBLEMS) {
      if (p.reference() != Verdict.UNBOUNDED) {
        continue;
      }
      if (p.ray() == null) {
        bad.add(p.id() + ": no ray");
        continue;
      }
      LawEngine e = withPrelude(p);
      double[] steps = p.ray().log() ? new double[] {0, 2, 5, 10, 20, 40} : new double[] {0, 10, 1e2, 1e3, 1e4, 1e6};
      double sign = p.maximize() ? -1 : 1; // sign * objective must fall
      double first = Double.NaN;
      double last = Double.NaN;
      for (double s : steps) {
        Map<String, Double> x = p.ray().at(s);
        x.forEach(e::set);
        for (var c : p.constraints()) {
          double l = e.eval(c.lhs()).asDouble();
          double r = e.eval(c.rhs()).asDouble();
          if (!Differential.holds(l, c.op(), r)) {
            bad.add(p.id() + ": at s = " + s + ", " + c.lhs() + " " + c.op() + " " + c.rhs() + " fails");
          }
        }
        for (var b : p.bounds().entrySet()) {
          double xi = x.get(b.getKey());
          if (xi < b.getValue()[0] || xi > b.getValue()[1]) {
            bad.add(p.id() + ": at s = " + s + ", " + b.getKey() + " leaves its range");
          }
        }
        // the certificate is asymptotic (a dominant term takes over): the objective may rise
        // first, so only the far end is held to falling, and falling far
        double f = sign * e.eval(p.objective()).asDouble();
        if (s == steps[steps.length - 1] && !(f < last)) {
          bad.add(p.id() + ": the objective still rises at s = " + s);
        }
        first = Double.isNaN(first) ? f : first;
        last = f;
      }
      if (!(last < first - 1e3 * Math.max(1, Math.abs(first)))) {
        bad.add(p.id() + ": the objective improves only from " + first + " to " + last);
      }
    }
    assertThat(bad).isEmpty();
  }

  @Test
  void wrongClaimsAreRefuted() {
    Problem gp = find("issue12-03"); // global reference (cvxopt)
    LawEngine e = withPrelude(gp);
    Map<String, Double> at = gp.point();
    // a right answer agrees; a value 1e-4 off does not, and is a refuted claim
    assertThat(Differential.judge(gp, claim("optimal", true, gp.value(), at), e).judgement()).isEqualTo(Judgement.AGREE);
    Map<String, Double> nearby = new HashMap<>(at);
    nearby.put("x", at.get("x") * 1.01);
    nearby.put("y", at.get("y") * 1.01);
    Result off = Differential.judge(gp, claim("optimal", true, valueAt(e, gp, nearby), nearby), e);
    assertThat(off.judgement()).isEqualTo(Judgement.DISAGREE);
    assertThat(off.refuted()).isTrue();
    assertThat(off.kind()).contains("worse than the global optimum");
    // a point that violates x*y^2 >= 1
    Map<String, Double> outside = Map.of("x", 0.5, "y", 1.0);
    Result infeasible = Differential.judge(gp, claim("optimal", true, valueAt(e, gp, outside), outside), e);
    assertThat(infeasible.refuted()).isTrue();
    assertThat(infeasible.kind()).contains("x*y^2 >= 1 fails");
    // a value that is not the objective at the point
    Result lying = Differential.judge(gp, claim("optimal", true, gp.value() * 0.9, at), e);
    assertThat(lying.kind()).contains("the objective at the point");
    // "unbounded" on a problem with a proven finite optimum
    Result unb = Differential.judge(gp, Outcome.error("L603", "unbounded", 0), e);
    assertThat(unb.judgement()).isEqualTo(Judgement.DISAGREE);
    assertThat(unb.refuted()).isTrue();
    // "optimal" on a problem unbounded by construction
    Problem ray = find("issue12-06");
    Result sad = Differential.judge(ray, claim("optimal", false, -20, Map.of("N", 10.0, "D", 10.0)), withPrelude(ray));
    assertThat(sad.judgement()).isEqualTo(Judgement.DISAGREE);
    assertThat(sad.refuted()).isTrue();
    assertThat(sad.kind()).isEqualTo("said optimal, reference unbounded");
  }

  @Test
  void localReferencesAllowAWorseLocalOptimumButNotAWorseGlobalClaim() {
    Problem local = PROBLEMS.stream().filter(p -> (p.cls().equals("signomial-box") || p.cls().equals("smooth"))
        && !p.global() && p.constraints().isEmpty() && p.vars().size() == 1)
        .findFirst().orElseThrow();
    LawEngine e = withPrelude(local);
    String x = local.vars().get(0);
    double[] b = local.bounds().get(x);
    Map<String, Double> best = null;
    double bestWorse = 0;
    for (int i = 0; i <= 50; i++) { // a feasible point worse than the reference
      double xi = b[0] * Math.pow(b[1] / b[0], i / 50.0);
      Map<String, Double> pt = Map.of(x, xi);
      double v = valueAt(e, local, pt);
      double worse = local.maximize() ? local.value() - v : v - local.value();
      if (worse > bestWorse) {
        bestWorse = worse;
        best = pt;
      }
    }
    assertThat(bestWorse).isGreaterThan(1e-3);
    double v = valueAt(e, local, best);
    assertThat(Differential.judge(local, claim("optimal", false, v, best), e).judgement()).isEqualTo(Judgement.DIFFERENT_LOCAL);
    Result global = Differential.judge(local, claim("optimal", true, v, best), e);
    assertThat(global.judgement()).isEqualTo(Judgement.DISAGREE);
    assertThat(global.refuted()).isTrue();
  }

  @Test
  void lawsOutcomesMapToVerdictsInOnePlace() {
    assertThat(Differential.verdictOf(claim("optimal", true, 1, Map.of()))).isEqualTo(Verdict.OPTIMAL);
    assertThat(Differential.verdictOf(claim("root", false, 1, Map.of()))).isEqualTo(Verdict.OPTIMAL);
    assertThat(Differential.verdictOf(claim("iteration-limit", false, 1, Map.of()))).isEqualTo(Verdict.NOT_CERTIFIED);
    assertThat(Differential.verdictOf(claim("not-certified", false, 1, Map.of()))).isEqualTo(Verdict.NOT_CERTIFIED);
    assertThat(Differential.verdictOf(Outcome.error("L602", "", 0))).isEqualTo(Verdict.INFEASIBLE);
    assertThat(Differential.verdictOf(Outcome.error("L603", "", 0))).isEqualTo(Verdict.UNBOUNDED);
    assertThat(Differential.verdictOf(Outcome.error("L604", "", 0))).isEqualTo(Verdict.NOT_CERTIFIED);
    assertThat(Differential.verdictOf(Outcome.error("L990", "", 0))).isEqualTo(Verdict.ERROR);
    Problem p = find("issue12-03");
    assertThat(Differential.judge(p, claim("iteration-limit", false, 1, p.point()), null).judgement())
        .isEqualTo(Judgement.NOT_CERTIFIED);
    assertThat(Differential.judge(p, Outcome.error("L990", "boom", 0), null).judgement()).isEqualTo(Judgement.DISAGREE);
  }

  @Test
  void twoWritingsWithDifferentVerdictsAreReported() {
    Problem a = find("issue12-08");
    Problem b = find("issue12-08b");
    Result ra = Differential.judge(a, Outcome.error("L603", "", 0), null);
    Result rb = Differential.judge(b, claim("optimal", false, -1, Map.of("x", 1.0, "y", 1.0)), null);
    assertThat(Differential.invarianceViolations(List.of(ra, rb))).containsExactly("issue12-08 (UNBOUNDED) vs issue12-08b (OPTIMAL)");
    assertThat(Differential.invarianceViolations(List.of(ra, Differential.judge(b, Outcome.error("L603", "", 0), null)))).isEmpty();
  }

  @Test
  void theSummaryCountsEachJudgement() {
    Problem p = find("issue12-03");
    List<Result> rs = List.of(Differential.judge(p, Outcome.error("L603", "unbounded", 0), null),
        Differential.judge(p, Outcome.error("L604", "stopped", 0), null));
    String text = new DifferentialSummary(rs, List.of(), 0).render();
    assertThat(text).contains("issue12", "said unbounded, reference optimal", "issue12-03: error L603");
    assertThat(text).containsPattern("issue12\\s+2\\s+0\\s+1\\s+0\\s+1\\s+1");
  }

  private static double valueAt(LawEngine e, Problem p, Map<String, Double> point) {
    point.forEach(e::set);
    return e.eval(p.objective()).asDouble();
  }
}
