package org.lawlang.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** Tick positions and labels of log and linear axes, checked against what a reader should see. */
class TicksTest {
  private static List<String> labels(List<Ticks.Tick> ticks) {
    return ticks.stream().filter(Ticks.Tick::major).map(Ticks.Tick::plain).toList();
  }

  private static List<Double> minors(List<Ticks.Tick> ticks) {
    return ticks.stream().filter(t -> !t.major()).map(Ticks.Tick::value).toList();
  }

  @Test
  void decadesAreTenToThePowerWithUnlabelledMinorTicks() {
    List<Ticks.Tick> t = Ticks.of(5e7, 2e12, true, 8);
    assertThat(labels(t)).containsExactly("10⁸", "10⁹", "10¹⁰", "10¹¹", "10¹²");
    assertThat(t).filteredOn(Ticks.Tick::major).extracting(Ticks.Tick::text).containsOnly("10");
    // 5e7..9e7 below the first decade, then 2..9 × each decade up to 2e12
    assertThat(minors(t)).hasSize(5 + 8 * 4 + 1).contains(5e7, 2e8, 9e11, 2e12);
    assertThat(t).filteredOn(x -> !x.major()).extracting(Ticks.Tick::text).containsOnlyNulls();
  }

  @Test
  void manyDecadesLabelEveryKthAndTickTheRest() {
    List<Ticks.Tick> t = Ticks.of(1e-3, 1e22, true, 6);
    assertThat(labels(t)).containsExactly("10⁰", "10⁵", "10¹⁰", "10¹⁵", "10²⁰");
    assertThat(minors(t)).contains(1e-3, 10.0, 1e21).doesNotContain(2e5);
  }

  @Test
  void aRangeOfLessThanTwoDecadesLabelsOneTwoFive() {
    assertThat(labels(Ticks.of(4e7, 3e9, true, 8))).containsExactly("5×10⁷", "10⁸", "2×10⁸", "5×10⁸", "10⁹", "2×10⁹");
    assertThat(labels(Ticks.of(0.04, 3, true, 8))).containsExactly("0.05", "0.10", "0.20", "0.50", "1.00", "2.00");
  }

  @Test
  void aSubDecadeLossAxisIsLabelledWhereTheRunsLie() {
    // the chinchilla_runs.png: 3, 4, 5 only, leaving 2.0-3.0 bare
    List<String> runs = labels(Ticks.of(2.03, 5.1, true, 12));
    assertThat(runs).contains("2.5", "3.0", "3.5", "4.0", "4.5", "5.0");
    // twenty_tokens.png: 2 and 3 only for 1.75-3.4 (2.0, 2.5, 3.0 would leave a third of it bare)
    assertThat(labels(Ticks.of(1.75, 3.4, true, 12))).containsExactly("1.75", "2.00", "2.25", "2.50", "2.75", "3.00", "3.25");
    assertThat(labels(Ticks.of(1.75, 3.4, true, 4))).containsExactly("2.0", "2.5", "3.0");
    assertThat(labels(Ticks.of(2.2, 5.8, true, 12))).containsExactly("2.5", "3.0", "3.5", "4.0", "4.5", "5.0", "5.5");
    // every integer when that covers the axis
    assertThat(labels(Ticks.of(1.5, 9.5, true, 12))).containsExactly("2", "3", "4", "5", "6", "7", "8", "9");
  }

  @Property(tries = 300)
  void shortLogAxesHaveEnoughLabelsAndNoWideGap(@ForAll @DoubleRange(min = -6, max = 12) double from,
      @ForAll @DoubleRange(min = 0.08, max = 1.9) double decades) {
    double lo = Math.pow(10, from);
    double hi = Math.pow(10, from + decades);
    List<Ticks.Tick> ticks = Ticks.of(lo, hi, true, 10);
    List<Double> major = ticks.stream().filter(Ticks.Tick::major).map(Ticks.Tick::value).toList();
    assertThat(major.size()).isGreaterThanOrEqualTo(2).isLessThanOrEqualTo(10);
    for (double v : major) {
      assertThat(v).isBetween(lo * (1 - 1e-9), hi * (1 + 1e-9));
    }
    assertThat(major).isSorted().doesNotHaveDuplicates();
    // labels are distinct: a reader can tell every tick from its neighbours
    assertThat(labels(ticks)).doesNotHaveDuplicates();
  }

  @Test
  void linearTicksAreRoundWithOneNumberFormat() {
    // the residual axis mixed ".016" and "-0.002"
    List<String> l = labels(Ticks.of(-0.0034, 0.0171, false, 10));
    assertThat(l).containsExactly("−0.0025", "0.0000", "0.0025", "0.0050", "0.0075", "0.0100", "0.0125", "0.0150");
    assertThat(labels(Ticks.of(-0.11, 1.33, false, 8))).containsExactly("0.0", "0.2", "0.4", "0.6", "0.8", "1.0", "1.2");
    assertThat(labels(Ticks.of(0, 100, false, 6))).containsExactly("0", "20", "40", "60", "80", "100");
  }

  @Test
  void largeLinearNumbersShareOneMultiplier() {
    assertThat(Ticks.multiplier(0, 1.6e10, false)).isEqualTo(10);
    assertThat(labels(Ticks.of(0, 1.6e10, false, 9))).containsExactly("0.0", "0.2", "0.4", "0.6", "0.8", "1.0", "1.2", "1.4", "1.6");
    assertThat(Ticks.multiplier(0, 1.6e10, true)).isZero();
    assertThat(Ticks.multiplier(-3, 250, false)).isZero();
    assertThat(Ticks.multiplierText(-4)).containsExactly("×10", "−4");
    // small numbers too: 0.25 … 1.75 ×10⁻³ rather than 0.00025 … 0.00175
    assertThat(Ticks.multiplier(0.0001, 0.0018, false)).isEqualTo(-3);
    assertThat(labels(Ticks.of(0.0001, 0.0018, false, 8))).containsExactly("0.25", "0.50", "0.75", "1.00", "1.25", "1.50", "1.75");
  }

  @Property(tries = 300)
  void linearTicksAreEvenlySpacedRoundNumbersInsideTheRange(@ForAll @DoubleRange(min = -1e6, max = 1e6) double a,
      @ForAll @DoubleRange(min = 1e-3, max = 1e6) @net.jqwik.api.constraints.Scale(6) double width, @ForAll @net.jqwik.api.constraints.IntRange(min = 3, max = 12) int max) {
    List<Ticks.Tick> t = Ticks.of(a, a + width, false, max);
    assertThat(t.size()).isBetween(2, max);
    double step = t.get(1).value() - t.get(0).value();
    double mantissa = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-6));
    assertThat(List.of(1.0, 2.0, 2.5, 5.0)).anySatisfy(m -> assertThat(mantissa).isCloseTo(m, org.assertj.core.data.Offset.offset(1e-5)));
    double scale = Math.max(Math.abs(a), width);
    for (int i = 0; i < t.size(); i++) {
      assertThat(t.get(i).value()).isBetween(a - 1e-9 * scale, a + width + 1e-9 * scale);
      assertThat(t.get(i).value()).isCloseTo(t.get(0).value() + i * step, org.assertj.core.data.Offset.offset(1e-9 * scale));
    }
    // one format: every label has the same number of decimals
    assertThat(labels(t).stream().map(s -> s.contains(".") ? s.length() - s.indexOf('.') : 0).distinct()).hasSize(1);
  }
}
