package org.lawlang.eval.stdlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lawlang.api.LawEngine;
import org.lawlang.api.LawResult;

/**
 * The closed forms of the issue-20 modules against something that did not produce them: the
 * phase exponents of paquette2024 against the minimised four-term loss, ghorbani2021's decoder
 * share against `minimize` with Ne + Nd = N, jones2021's exchange against its inverse, and
 * xiao2024's effective size against the forward law it inverts, and gordon2021's refits of the
 * authors' raw results against SciPy's curve_fit running the authors' own fitting code.
 */
class NewModulesCrossCheckTest {
  private static LawEngine engine(String imports) {
    LawEngine e = LawEngine.builder().onPrint(s -> { }).build();
    e.eval(imports);
    return e;
  }

  private static double num(LawResult r) {
    // a fit's values carry a delta-method interval: the cross-checks compare point estimates
    return r instanceof LawResult.Interval i ? i.point() : ((LawResult.Num) r).value();
  }

  @Test
  void phaseExponentsAgreeWithTheMinimisedLossAboveTheHighDimensionalLine() {
    LawEngine e = engine("import paquette2024");
    double[][] points = {{0.7, 0.3}, {0.8, 0.45}, {1.3, 0.2}, {0.7, 0.6}, {1.1, 0.9}, {2.0, 1.5}, {0.7, 0.7}, {0.9, 1.4}, {1.6, 2.2}};
    for (double[] p : points) {
      String phase = ((LawResult.Text) e.call("paquette_phase", p[0], p[1])).value();
      assertThat(phase).as("phase of %s", List.of(p[0], p[1])).isIn("Ia", "II", "III");
      List<LawResult> measured = ((LawResult.Items) e.call("paquette_frontier_slopes", p[0], p[1], 1e40, 1e50)).items();
      assertThat(num(measured.get(0))).as("ξ at %s (%s)", List.of(p[0], p[1]), phase).isCloseTo(num(e.call("paquette_xi", p[0], p[1])), within(3e-3));
      assertThat(num(measured.get(1))).as("η at %s (%s)", List.of(p[0], p[1]), phase).isCloseTo(num(e.call("paquette_eta", p[0], p[1])), within(3e-3));
    }
  }

  @Test
  void phaseBoundariesFollowThePaper() {
    LawEngine e = engine("import paquette2024");
    Object[][] cases = {{0.7, 0.49, "Ia"}, {0.7, 0.51, "II"}, {0.7, 0.69, "II"}, {0.7, 0.71, "III"}, {0.45, 0.3, "Ib"},
        {0.2, 0.6, "Ic"}, {0.3, 0.6, "IV"}, {0.2, 0.25, "none"}};
    for (Object[] c : cases) {
      assertThat(((LawResult.Text) e.call("paquette_phase", c[0], c[1])).value()).as("phase of (%s, %s)", c[0], c[1]).isEqualTo(c[2]);
    }
    assertThat(e.call("paquette_xi", 0.3, 0.6)).isInstanceOf(LawResult.Text.class);
  }

  @Test
  void theMeasuredSlopesStopWhereTheFourTermFormsDoNotHold() {
    LawEngine e = engine("import paquette2024");
    // below the high-dimensional line, and above it where the loss does not decay (α = 0.6,
    // β = -0.2): minimising the forms there gave numbers such as a negative η at (0.2, 0.2)
    Object[][] cases = {{0.4, 0.6, "IV"}, {0.45, 0.2, "Ib"}, {0.2, 0.6, "Ic"}, {0.2, 0.2, "none"}, {0.6, -0.2, "none"}};
    for (Object[] c : cases) {
      LawResult r = e.call("paquette_frontier_slopes", c[0], c[1], 1e40, 1e50);
      assertThat(r).as("slopes at (%s, %s)", c[0], c[1]).isInstanceOf(LawResult.Text.class);
      assertThat(((LawResult.Text) r).value()).startsWith("not measured here (phase " + c[2] + ")");
    }
  }

  @Test
  void theDecoderShareIsWhereMinimizeSplitsTheBudget() {
    LawEngine e = engine("import ghorbani2021");
    double[][] exps = {{0.2, 0.3}, {0.5, 0.1}, {0.35, 0.35}, {0.12, 0.4}};
    for (double[] x : exps) {
      e.eval("law G(Ne, Nd) = 3 * Ne^(-" + x[0] + ") * Nd^(-" + x[1] + ") + 1.2");
      e.eval("let o = ghorbani_split(G, 2e9)");
      double share = num(e.eval("o.Nd")) / 2e9;
      assertThat(share).as("share for pe %s, pd %s", x[0], x[1]).isCloseTo(num(e.call("ghorbani_decoder_share", x[0], x[1])), within(1e-6));
    }
  }

  @Test
  void theExchangeRateRoundTripsAndMatchesTenToFifteen() {
    LawEngine e = engine("import jones2021");
    assertThat(num(e.call("jones_test_equivalent", 10.0))).isCloseTo(Math.pow(10, 1.2), within(1e-12)).isCloseTo(15.0, within(1.0));
    assertThat(num(e.call("jones_elo", 1e12, num(e.call("jones_test_compute", 1e12, -700.0))))).isCloseTo(-700, within(1e-9));
    for (double k : new double[] {1.5, 2, 37, 1000}) {
      assertThat(num(e.call("jones_train_equivalent", num(e.call("jones_test_equivalent", k))))).isCloseTo(k, within(k * 1e-12));
    }
  }

  @Test
  void theEffectiveSizeInvertsTheReferenceLaw() {
    LawEngine e = engine("import xiao2024\nimport kaplan2020");
    for (double n : new double[] {3e6, 4e8, 1.2e9}) {
      e.set("n", n);
      e.eval("let r = xiao_effective_size(kaplan_L_N, kaplan_L_N(n))");
      assertThat(num(e.eval("r.N"))).isCloseTo(n, within(n * 1e-8));
    }
  }

  /**
   * The reference values come from the authors' plots/main.py (mitchellgordon95/mt-scaling),
   * its joint_modeling_fn and exp_decay fitted with scipy.optimize.curve_fit from its p0 on
   * summaries/data_scaling.0126.summary (runs with data_bytes > 5242880), SciPy 1.17.1.
   */
  @Test
  void gordonRefitsAgreeWithTheAuthorsCodeUnderSciPy() {
    LawEngine e = engine("import gordon2021");
    Object[][] expected = {
        {"gordon_ruen", 66, 0.109314, 2.44272e9, 0.380476, 5.0685e8, 64.1967, 0.437309},
        {"gordon_deen", 54, 0.122224, 2.58971e8, 0.420435, 1.7793e8, 76.1618, 0.469665},
        {"gordon_zhen", 60, 0.12136, 3.86231e8, 0.414176, 1.84128e8, 83.7312, 0.427386}};
    for (Object[] x : expected) {
      e.eval("let f = gordon_fit(" + x[0] + ")\nlet b = gordon_bleu_fit(" + x[0] + ")");
      assertThat(num(e.eval("f.n"))).as("rows of %s", x[0]).isEqualTo(((Integer) x[1]).doubleValue());
      String[] fields = {"f.alphaN", "f.Nc", "f.alphaD", "f.Dc", "b.C", "b.k"};
      for (int i = 0; i < fields.length; i++) {
        double want = (Double) x[i + 2];
        assertThat(num(e.eval(fields[i]))).as("%s of %s", fields[i], x[0]).isCloseTo(want, within(Math.abs(want) * 2e-5));
      }
    }
  }
}
