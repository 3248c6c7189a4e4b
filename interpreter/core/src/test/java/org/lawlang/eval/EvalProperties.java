package org.lawlang.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.lawlang.api.LawEngine;
import org.lawlang.eval.EngineAccess;
import org.lawlang.syntax.NumberFormat;

/**
 * Evaluation invariants through {@link LawEngine}: a law called with lists equals the
 * scalar calls, arithmetic broadcasts elementwise, and order-free list builtins ignore order.
 */
class EvalProperties {
  private static LawEngine engine() {
    return EngineAccess.output(LawEngine.builder(), Output.buffer(new StringBuilder())).threads(1).build();
  }

  private static String lit(double x) {
    return x < 0 ? "(-" + NumberFormat.literal(-x) + ")" : NumberFormat.literal(x);
  }

  private static String list(List<Double> xs) {
    return "[" + xs.stream().map(EvalProperties::lit).collect(Collectors.joining(", ")) + "]";
  }

  private static List<Double> doubles(Value v) {
    List<Double> out = new ArrayList<>();
    for (Value x : ((Values.ListVal) v).items()) {
      out.add(((Values.Num) x).value());
    }
    return out;
  }

  private static double num(Value v) {
    return ((Values.Num) v).value();
  }

  @Provide
  Arbitrary<List<Double>> positives() {
    return Arbitraries.doubles().between(-3, 13).ofScale(6).map(e -> Math.pow(10, e)).list().ofMinSize(1).ofMaxSize(8);
  }

  @Provide
  Arbitrary<List<Double>> values() {
    return Arbitraries.doubles().between(-1e6, 1e6).ofScale(6).list().ofMinSize(1).ofMaxSize(8);
  }

  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
  void lawOnListsEqualsScalarCalls(@ForAll("positives") List<Double> ns, @ForAll("positives") List<Double> ds,
      @ForAll @DoubleRange(min = 0.5, max = 5) double e, @ForAll @DoubleRange(min = 1, max = 1e4) double a,
      @ForAll @DoubleRange(min = 0.05, max = 1) double alpha) {
    int n = Math.min(ns.size(), ds.size());
    LawEngine engine = engine();
    EngineAccess.eval(engine, "<test>", "law L(N, D) = E + A / N^alpha + A / D^(alpha / 2) where E = " + lit(e) + ", A = " + lit(a) + ", alpha = " + lit(alpha));
    List<Double> together = doubles(EngineAccess.eval(engine, "<test>", "L(" + list(ns.subList(0, n)) + ", " + list(ds.subList(0, n)) + ")"));
    List<Double> broadcast = doubles(EngineAccess.eval(engine, "<test>", "L(" + list(ns.subList(0, n)) + ", " + lit(ds.get(0)) + ")"));
    for (int i = 0; i < n; i++) {
      assertThat(together.get(i)).isEqualTo(num(EngineAccess.eval(engine, "<test>", "L(" + lit(ns.get(i)) + ", " + lit(ds.get(i)) + ")")));
      assertThat(broadcast.get(i)).isEqualTo(num(EngineAccess.eval(engine, "<test>", "L(" + lit(ns.get(i)) + ", " + lit(ds.get(0)) + ")")));
    }
  }

  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
  void arithmeticBroadcastsElementwise(@ForAll("values") List<Double> xs, @ForAll @DoubleRange(min = -100, max = 100) double k) {
    LawEngine engine = engine();
    EngineAccess.eval(engine, "<test>", "let xs = " + list(xs) + "\nlet k = " + lit(k));
    for (String op : List.of("+", "-", "*")) {
      List<Double> lhs = doubles(EngineAccess.eval(engine, "<test>", "xs " + op + " k"));
      List<Double> rhs = doubles(EngineAccess.eval(engine, "<test>", "k " + op + " xs"));
      List<Double> self = doubles(EngineAccess.eval(engine, "<test>", "xs " + op + " xs"));
      for (int i = 0; i < xs.size(); i++) {
        String x = lit(xs.get(i));
        assertThat(lhs.get(i)).isEqualTo(num(EngineAccess.eval(engine, "<test>", x + " " + op + " k")));
        assertThat(rhs.get(i)).isEqualTo(num(EngineAccess.eval(engine, "<test>", "k " + op + " " + x)));
        assertThat(self.get(i)).isEqualTo(num(EngineAccess.eval(engine, "<test>", x + " " + op + " " + x)));
      }
    }
    List<Double> neg = doubles(EngineAccess.eval(engine, "<test>", "-xs"));
    for (int i = 0; i < xs.size(); i++) {
      assertThat(neg.get(i)).isEqualTo(-xs.get(i));
    }
  }

  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
  void orderFreeBuiltinsIgnoreOrder(@ForAll("values") List<Double> xs, @ForAll long seed) {
    List<Double> shuffled = new ArrayList<>(xs);
    Collections.shuffle(shuffled, new Random(seed));
    LawEngine engine = engine();
    EngineAccess.eval(engine, "<test>", "let a = " + list(xs) + "\nlet b = " + list(shuffled));
    assertThat(doubles(EngineAccess.eval(engine, "<test>", "sort(b)"))).isEqualTo(doubles(EngineAccess.eval(engine, "<test>", "sort(a)")));
    for (String f : List.of("min", "max", "median", "count")) {
      assertThat(num(EngineAccess.eval(engine, "<test>", f + "(b)"))).as(f).isEqualTo(num(EngineAccess.eval(engine, "<test>", f + "(a)")));
    }
    assertThat(num(EngineAccess.eval(engine, "<test>", "largest(b, 1)"))).isEqualTo(num(EngineAccess.eval(engine, "<test>", "max(a)")));
    assertThat(num(EngineAccess.eval(engine, "<test>", "smallest(b, count(b))"))).isEqualTo(num(EngineAccess.eval(engine, "<test>", "max(a)")));
    double sum = num(EngineAccess.eval(engine, "<test>", "sum(a)"));
    assertThat(num(EngineAccess.eval(engine, "<test>", "sum(b)"))).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-9 * xs.size() * 1e6));
  }

  @Provide
  Arbitrary<List<Double>> ties() {
    // few distinct values, so that duplicates are common; lengths past the small-k shortcut
    return Arbitraries.of(-2.0, -1.0, 0.0, 0.5, 1.0, 3.0, 1e300, -1e300).list().ofMinSize(1).ofMaxSize(40);
  }

  /** The k-th largest and smallest agree with sorting, for every k (small ones take a shortcut). */
  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void kthLargestAndSmallestAgreeWithSort(@ForAll("ties") List<Double> xs) {
    LawEngine e = engine();
    String l = list(xs);
    List<Double> sorted = doubles(EngineAccess.eval(e, "<test>", "sort(" + l + ")"));
    int n = xs.size();
    for (int k = 1; k <= n; k++) {
      assertThat(num(EngineAccess.eval(e, "<test>", "largest(" + l + ", " + k + ")"))).as("largest k=%d of %s", k, l).isEqualTo(sorted.get(n - k));
      assertThat(num(EngineAccess.eval(e, "<test>", "smallest(" + l + ", " + k + ")"))).as("smallest k=%d of %s", k, l).isEqualTo(sorted.get(k - 1));
    }
  }
}
