package org.lawlang.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lawlang.api.LawEngine;
import org.lawlang.data.Column;
import org.lawlang.data.Dataset;
import org.junit.jupiter.api.Test;

/**
 * The data builtins against references that did not come from law: {@code format} against
 * Python's {@code %g}, {@code join} against {@code pandas.merge}. The references and the
 * scripts that made them are in {@code src/test/resources/reference} and
 * {@code src/test/reference}.
 */
class ReferenceTablesTest {
  static final Path REFERENCE = Path.of(System.getProperty("law.repo", "../..")).toAbsolutePath().normalize()
      .resolve("interpreter/core/src/test/resources/reference");

  @Test
  void formatRoundsAsPythonsPercentG() throws IOException {
    List<String> lines = Files.readAllLines(REFERENCE.resolve("format_g.csv"));
    int checked = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      double v = Double.parseDouble(f[0]);
      int k = Integer.parseInt(f[1]);
      String law = DataCalls.digits(v, k);
      // the same decimal number, exactly: the layout (plain or exponent) may differ from %g's
      assertEquals(0, new BigDecimal(f[2]).compareTo(new BigDecimal(law)), line + " -> law " + law);
      checked++;
    }
    assertEquals(3000, checked);
  }

  @Test
  void formatThroughTheLanguageKeepsEveryDigitItIsAskedFor() {
    LawEngine engine = LawEngine.builder().build();
    // '%.17g' % 0.1, '%.4g' % (2/3), '%.3g' % 6.02e23 in Python
    assertEquals("0.10000000000000001", show(engine, "format(0.1, 17)"));
    assertEquals("0.6667", show(engine, "format(2/3, 4)"));
    assertEquals("6.02e23", show(engine, "format(6.02e23, 3)"));
  }

  private static String show(LawEngine engine, String expr) {
    return ((Values.Str) EngineAccess.eval(engine, "t", expr)).value();
  }

  @Test
  void sampleResamplesUniformlyWithReplacement() {
    LawEngine engine = LawEngine.builder().build();
    double[] draws = Values.doubles(EngineAccess.eval(engine, "t", "sample(1..10, 100000, 5)"), null, "t");
    int[] counts = new int[11];
    for (double d : draws) {
      counts[(int) d]++;
    }
    double chi2 = 0;
    for (int k = 1; k <= 10; k++) {
      chi2 += Math.pow(counts[k] - 10000, 2) / 10000;
    }
    // the 0.999 quantile of chi-square with 9 degrees of freedom
    assertTrue(chi2 < 27.88, "chi-square " + chi2 + " for " + java.util.Arrays.toString(counts));
  }

  @Test
  void aBootstrapWrittenWithSampleHasTheExactBootstrapVarianceOfTheMean() {
    LawEngine engine = LawEngine.builder().build();
    EngineAccess.eval(engine, "t", "let xs = normal(50, 3, 1, 11)");
    double[] xs = Values.doubles(EngineAccess.eval(engine, "t", "xs"), null, "t");
    double mean = java.util.Arrays.stream(xs).average().orElseThrow();
    double exact = java.util.Arrays.stream(xs).map(x -> (x - mean) * (x - mean)).sum() / xs.length / xs.length;
    int resamples = 2000;
    double[] means = new double[resamples];
    for (int i = 0; i < resamples; i++) {
      means[i] = ((Values.Num) EngineAccess.eval(engine, "t", "mean(sample(xs, 50, " + i + "))")).value();
    }
    double m = java.util.Arrays.stream(means).average().orElseThrow();
    double v = java.util.Arrays.stream(means).map(x -> (x - m) * (x - m)).sum() / (resamples - 1);
    // the variance of a variance estimate from 2,000 draws is about 3% (sd): 10% is over 3 sd
    assertEquals(exact, v, 0.10 * exact);
    assertEquals(mean, m, 4 * Math.sqrt(exact / resamples));
  }

  @Test
  void joinOnTextKeyHasPandasMergesRows() throws IOException {
    assertJoinEqualsPandas("model");
  }

  @Test
  void joinOnNumericKeyHasPandasMergesRows() throws IOException {
    assertJoinEqualsPandas("size");
  }

  private static void assertJoinEqualsPandas(String key) throws IOException {
    Path dir = REFERENCE.resolve("join");
    LawEngine engine = EngineAccess.output(LawEngine.builder(), Output.buffer(new StringBuilder())).workDir(dir).build();
    EngineAccess.eval(engine, "setup", "data left = csv \"left.csv\"\ndata right = csv \"right.csv\"");
    Dataset joined = ((DataValue) EngineAccess.eval(engine, "t", "join(left, right, \"" + key + "\")")).data();
    List<String> expected = Files.readAllLines(dir.resolve("on_" + key + ".csv"));
    assertEquals(List.of(expected.get(0).split(",")), joined.columnNames());
    List<String> want = new ArrayList<>();
    for (String line : expected.subList(1, expected.size())) {
      want.add(normalised(line.split(",", -1)));
    }
    List<String> got = new ArrayList<>();
    for (int i = 0; i < joined.rows(); i++) {
      List<String> cells = new ArrayList<>();
      for (Column c : joined.typedColumns().values()) {
        cells.add(c instanceof Column.Numbers n ? Double.toString(n.values()[i])
            : c instanceof Column.Texts t ? (t.values()[i] == null ? "" : t.values()[i]) : Boolean.toString(((Column.Flags) c).values()[i]));
      }
      got.add(normalised(cells.toArray(String[]::new)));
    }
    assertTrue(want.size() > 100, "a reference with few rows tests little");
    // pandas orders the rows by key; law keeps the left table's order: compare as multisets
    want.sort(null);
    got.sort(null);
    assertEquals(want, got);
  }

  /** Numbers as doubles printed one way, text as it is. */
  private static String normalised(String[] cells) {
    List<String> out = new ArrayList<>();
    for (String c : cells) {
      try {
        out.add(Double.toString(Double.parseDouble(c)));
      } catch (NumberFormatException e) {
        out.add(c);
      }
    }
    return String.join("|", out);
  }
}
