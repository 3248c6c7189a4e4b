package org.lawlang.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link LeastSquaresPass#fold}'s loops are arranged for speed but must give the textbook Householder
 * fold's factor to the last bit (fits print iteration counts, which rounding could change):
 * checked against the plain one-reflection-at-a-time version kept here, block after block.
 */
class LeastSquaresFoldTest {
  /** The fold as first written: for each column, its norm, then one dot product and update per later column. */
  static void textbookFold(double[] jb, double[] rb, double[] r, double[] qtr, int p, int rows) {
    int block = LeastSquaresPass.BLOCK;
    for (int k = 0; k < p; k++) {
      int ck = k * block;
      double rkk = r[k * p + k];
      double norm2 = rkk * rkk;
      for (int i = 0; i < rows; i++) {
        norm2 += jb[ck + i] * jb[ck + i];
      }
      if (norm2 == 0) {
        continue;
      }
      double norm = Math.sqrt(norm2);
      double alpha = rkk > 0 ? -norm : norm;
      double v0 = rkk - alpha;
      double vnorm2 = v0 * v0 + norm2 - rkk * rkk;
      if (vnorm2 == 0) {
        continue;
      }
      double beta = 2 / vnorm2;
      for (int j = k + 1; j < p; j++) {
        int cj = j * block;
        double dot = v0 * r[k * p + j];
        for (int i = 0; i < rows; i++) {
          dot += jb[ck + i] * jb[cj + i];
        }
        dot *= beta;
        r[k * p + j] -= dot * v0;
        for (int i = 0; i < rows; i++) {
          jb[cj + i] -= dot * jb[ck + i];
        }
      }
      double dot = v0 * qtr[k];
      for (int i = 0; i < rows; i++) {
        dot += jb[ck + i] * rb[i];
      }
      dot *= beta;
      qtr[k] -= dot * v0;
      for (int i = 0; i < rows; i++) {
        rb[i] -= dot * jb[ck + i];
      }
      r[k * p + k] = alpha;
      for (int i = 0; i < rows; i++) {
        jb[ck + i] = 0;
      }
    }
  }

  @Test
  void sameFactorToTheBitAsTheTextbookFold() {
    SplittableRandom rng = new SplittableRandom(13);
    int cases = 0;
    for (int p = 1; p <= 9; p++) {
      for (int trial = 0; trial < 40; trial++) {
        double[] r1 = new double[p * p];
        double[] q1 = new double[p];
        double[] r2 = new double[p * p];
        double[] q2 = new double[p];
        int blocks = 1 + rng.nextInt(3);
        for (int b = 0; b < blocks; b++) {
          int rows = 1 + rng.nextInt(trial % 4 == 0 ? LeastSquaresPass.BLOCK : 40);
          double[] jb1 = new double[LeastSquaresPass.BLOCK * p];
          double[] rb1 = new double[LeastSquaresPass.BLOCK];
          int shape = rng.nextInt(6);
          for (int j = 0; j < p; j++) {
            // shapes: plain, a zero column, a repeated column, wildly different scales, squares
            // that overflow, a NaN
            boolean zero = shape == 1 && j == p / 2;
            boolean repeat = shape == 2 && j > 0 && j == p - 1;
            double scale = shape == 3 ? Math.pow(10, rng.nextInt(-150, 150)) : shape == 4 && j == 0 ? 1e200 : 1;
            for (int i = 0; i < rows; i++) {
              jb1[j * LeastSquaresPass.BLOCK + i] = zero ? 0 : repeat ? jb1[(j - 1) * LeastSquaresPass.BLOCK + i] : scale * rng.nextGaussian();
            }
            if (shape == 5 && j == p - 1) {
              jb1[j * LeastSquaresPass.BLOCK + rng.nextInt(rows)] = Double.NaN;
            }
          }
          for (int i = 0; i < rows; i++) {
            rb1[i] = rng.nextGaussian();
          }
          double[][] jb2 = new double[p][];
          for (int j = 0; j < p; j++) {
            jb2[j] = Arrays.copyOfRange(jb1, j * LeastSquaresPass.BLOCK, (j + 1) * LeastSquaresPass.BLOCK);
          }
          double[] rb2 = rb1.clone();
          textbookFold(jb1, rb1, r1, q1, p, rows);
          LeastSquaresPass.fold(jb2, rb2, r2, q2, p, rows);
          assertThat(bits(r2)).as("R, p %d trial %d block %d", p, trial, b).isEqualTo(bits(r1));
          assertThat(bits(q2)).as("Qᵀr").isEqualTo(bits(q1));
          assertThat(bits(rb2)).as("rb").isEqualTo(bits(rb1));
          for (int j = 0; j < p; j++) {
            assertThat(bits(jb2[j])).as("jb column %d", j)
                .isEqualTo(bits(Arrays.copyOfRange(jb1, j * LeastSquaresPass.BLOCK, (j + 1) * LeastSquaresPass.BLOCK)));
          }
          cases++;
        }
      }
    }
    assertThat(cases).isGreaterThan(500);
  }

  @Test
  void aZeroBlockLeavesTheFactorAlone() {
    int p = 3;
    double[] r = new double[p * p];
    double[] q = new double[p];
    LeastSquaresPass.fold(new double[p][LeastSquaresPass.BLOCK], new double[LeastSquaresPass.BLOCK], r, q, p, 10);
    assertThat(r).containsOnly(0.0);
    assertThat(q).containsOnly(0.0);
  }

  /** Every bit, the sign of a zero included; all NaNs alike (Java gives a NaN's bits no meaning). */
  private static long[] bits(double[] xs) {
    return Arrays.stream(xs).mapToLong(Double::doubleToLongBits).toArray();
  }
}
