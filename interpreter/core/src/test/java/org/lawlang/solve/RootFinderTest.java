package org.lawlang.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** The scan proposes roots that sit closer together than its grid, at any scale. */
class RootFinderTest {
  private static List<Double> xs(DoubleUnaryOperator f, double lo, double hi) {
    return RootFinder.scan(f, lo, hi).candidates().stream().map(RootFinder.Candidate::x).toList();
  }

  @Test
  void findsTwoRootsInsideOneGridCell() {
    // 2 and 2.001 are 0.05% apart, a fiftieth of the grid's 2.3% spacing
    assertThat(xs(x -> (x - 2) * (x - 2.001) * (x - 7), 0, 10)).satisfiesExactly(
        a -> assertThat(a).isCloseTo(2, within(1e-12)), b -> assertThat(b).isCloseTo(2.001, within(1e-12)),
        c -> assertThat(c).isCloseTo(7, within(1e-12)));
    assertThat(xs(x -> (x / 1e20 - 1) * (x / 1e20 - 1.0001), 1, 1e30)).satisfiesExactly(
        a -> assertThat(a).isCloseTo(1e20, within(1e8)), b -> assertThat(b).isCloseTo(1.0001e20, within(1e8)));
    assertThat(xs(x -> (x + 3e-15) * (x + 3.001e-15), -1, 1)).hasSize(2);
  }

  @Test
  void saysWhereTheGridIsTooCoarseAndNotWhereItIsFineEnough() {
    RootFinder.Scan coarse = RootFinder.scan(Math::sin, 0, 1e4);
    assertThat(coarse.oscillatesAt()).isBetween(140.0, 1e4);
    assertThat(coarse.candidates().size()).isLessThan(3184); // the roots k·π, k = 0 .. 3183
    RootFinder.Scan fine = RootFinder.scan(Math::sin, 9000, 10000);
    assertThat(fine.oscillatesAt()).isNaN();
    assertThat(fine.candidates()).hasSize(319); // k = 2865 .. 3183
  }

  @Test
  void aFlatStretchOfRoundingNoiseIsNotSearched() {
    // L(N, 20 N) - 2 is flat to the last place for large N: no dip there is worth a search
    DoubleUnaryOperator f = n -> 1.69 + 406.4 / Math.pow(n, 0.34) + 410.7 / Math.pow(20 * n, 0.28) - 2;
    RootFinder.Scan s = RootFinder.scan(f, 1e-30, 1e30);
    assertThat(s.candidates()).hasSize(1);
    assertThat(s.dips()).isEmpty();
  }
}
