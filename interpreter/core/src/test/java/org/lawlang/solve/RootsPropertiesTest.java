package org.lawlang.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.lawlang.api.LawDiagnostic;
import org.lawlang.api.LawEngine;
import org.lawlang.api.LawResult;
import org.lawlang.api.Optimum;
import org.lawlang.eval.EngineAccess;
import org.lawlang.eval.Output;
import org.lawlang.syntax.NumberFormat;

/**
 * `roots` and `solve` against a closed form: a polynomial built from known distinct real roots
 * (at least 3% of the range's scale apart, at scales from 1e-20 to 1e20, in ranges that are
 * positive, negative or span zero), times a factor with no real roots, written either as a
 * product or expanded into coefficients. `roots` must list exactly those roots, in order, to
 * 1e-9 of the scale (1e-7 for the expanded form, whose rounded coefficients move the roots);
 * `solve` over the same range must answer the smallest, warning (naming the count) exactly
 * when there are several.
 */
class RootsPropertiesTest {
  /** One generated case: the range, the roots in increasing order and the equation's text. */
  private record Case(double lo, double hi, double scale, double[] roots, String lhs, boolean expanded) {}

  private static Case generate(long seed) {
    Random r = new Random(seed);
    double scale = Math.pow(10, -20 + 40 * r.nextDouble());
    int shape = r.nextInt(3);
    double lo = shape == 0 ? 0 : -scale;
    double hi = shape == 2 ? 0 : scale;
    if (shape == 1 && r.nextBoolean()) {
      lo = scale * 0.01; // a positive range away from zero
    }
    int k = 1 + r.nextInt(4);
    double[] roots = new double[k];
    int placed = 0;
    for (int tries = 0; placed < k && tries < 1000; tries++) {
      double c = lo + (hi - lo) * (0.02 + 0.96 * r.nextDouble());
      boolean apart = Math.abs(c) > 1e-3 * scale; // not within the one cell next to zero
      for (int i = 0; i < placed; i++) {
        apart &= Math.abs(c - roots[i]) >= 0.03 * scale;
      }
      if (apart) {
        roots[placed++] = c;
      }
    }
    roots = Arrays.copyOf(roots, placed);
    Arrays.sort(roots);
    double lead = (r.nextBoolean() ? 1 : -1) * Math.pow(10, -3 + 6 * r.nextDouble()) / Math.pow(scale, placed);
    boolean pair = r.nextBoolean(); // (x − m)² + q², no real root, q at least a tenth of the scale
    double m = scale * (r.nextDouble() - 0.5);
    double q = scale * (0.1 + r.nextDouble());
    boolean expanded = placed <= 3 && r.nextInt(3) == 0;
    String lhs;
    if (expanded) {
      double[] coef = {lead}; // coefficients, highest power first
      for (double root : roots) {
        coef = times(coef, new double[] {1, -root});
      }
      if (pair) {
        coef = times(coef, new double[] {1, -2 * m, m * m + q * q});
      }
      List<String> terms = new ArrayList<>();
      for (int i = 0; i < coef.length; i++) {
        int power = coef.length - 1 - i;
        terms.add("(" + lit(coef[i]) + ")" + (power == 0 ? "" : power == 1 ? "*x" : "*x^" + power));
      }
      lhs = String.join(" + ", terms);
    } else {
      StringBuilder s = new StringBuilder("(" + lit(lead) + ")");
      for (double root : roots) {
        s.append("*(x - (").append(lit(root)).append("))");
      }
      if (pair) {
        s.append("*((x - (").append(lit(m)).append("))^2 + ").append(lit(q * q)).append(")");
      }
      lhs = s.toString();
    }
    return new Case(lo, hi, scale, roots, lhs, expanded);
  }

  private static double[] times(double[] a, double[] b) {
    double[] out = new double[a.length + b.length - 1];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < b.length; j++) {
        out[i + j] += a[i] * b[j];
      }
    }
    return out;
  }

  private static String lit(double x) {
    return NumberFormat.literal(x);
  }

  @Property(tries = 300)
  void rootsListsExactlyTheKnownRootsAndSolveTheSmallest(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long seed) {
    Case c = generate(seed);
    List<LawDiagnostic> warnings = new ArrayList<>();
    LawEngine law = EngineAccess.output(LawEngine.builder(), Output.buffer(new StringBuilder())).onWarning(warnings::add).build();
    String range = " for x in [" + lit(c.lo()) + ", " + lit(c.hi()) + "]";
    String what = "seed " + seed + ": " + c.lhs() + " = 0" + range;
    double tolerance = (c.expanded() ? 1e-7 : 1e-9) * c.scale();

    LawResult listed = law.eval("roots " + c.lhs() + " = 0" + range);
    assertThat(listed).as(what).isInstanceOf(LawResult.Items.class);
    List<LawResult> items = ((LawResult.Items) listed).items();
    assertThat(items).as(what).hasSize(c.roots().length);
    for (int i = 0; i < items.size(); i++) {
      assertThat(((LawResult.Num) items.get(i)).value()).as(what + ", root " + i).isCloseTo(c.roots()[i],
          org.assertj.core.data.Offset.offset(tolerance));
    }
    assertThat(warnings).as(what).isEmpty();

    Optimum one = (Optimum) law.eval("solve " + c.lhs() + " = 0" + range);
    assertThat(one.get("x")).as(what).isCloseTo(c.roots()[0], org.assertj.core.data.Offset.offset(tolerance));
    List<String> several = warnings.stream().map(LawDiagnostic::message).filter(s -> s.contains(" roots in ")).toList();
    if (c.roots().length > 1) {
      assertThat(several).as(what).containsExactly("the equation has " + c.roots().length + " roots in ["
          + NumberFormat.show(c.lo()) + ", " + NumberFormat.show(c.hi()) + "]; this is the smallest");
    } else {
      assertThat(several).as(what).isEmpty();
    }
  }
}
