package org.lawlang.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.lawlang.api.LawEngine;
import org.lawlang.eval.EngineAccess;
import org.lawlang.eval.Output;
import org.lawlang.eval.Value;
import org.lawlang.eval.Values;

/**
 * CSV loading: a file and the same file with its rows shuffled load to datasets with the
 * same column statistics (count, min, max, median, sorted values exactly; mean and sum to
 * rounding), with mapped, derived and filtered columns.
 */
class CsvShuffleProperties {
  private static Path dir;

  @BeforeContainer
  static void makeDir() throws IOException {
    dir = Files.createTempDirectory("law-csv-props");
  }

  @AfterContainer
  static void removeDir() throws IOException {
    try (var files = Files.walk(dir)) {
      files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Provide
  Arbitrary<List<double[]>> tables() {
    Arbitrary<double[]> row = Arbitraries.doubles().between(-3, 12).ofScale(6).map(e -> Math.pow(10, e)).array(double[].class).ofSize(3);
    return row.list().ofMinSize(1).ofMaxSize(30);
  }

  private static void write(Path file, List<double[]> rows) throws IOException {
    StringBuilder out = new StringBuilder("Model Size,tokens,loss\n");
    for (double[] r : rows) {
      out.append(Double.toString(r[0])).append(',').append("\"").append(r[1]).append("\"").append(',').append(r[2]).append('\n');
    }
    Files.writeString(file, out.toString());
  }

  private static double num(Value v) {
    return ((Values.Num) v).value();
  }

  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
  void shufflingRowsChangesNoStatistic(@ForAll("tables") List<double[]> rows, @ForAll long seed) throws IOException {
    List<double[]> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new Random(seed));
    write(dir.resolve("a.csv"), rows);
    write(dir.resolve("b.csv"), shuffled);
    LawEngine engine = EngineAccess.output(LawEngine.builder(), Output.buffer(new StringBuilder())).workDir(dir).threads(1).build();
    for (String name : List.of("a", "b")) {
      EngineAccess.eval(engine, "<test>", "data " + name + " = csv \"" + name + ".csv\" { N = \"Model Size\", D = \"tokens\", loss = \"loss\", C = 6 * N * D }"
          + " where loss > 1e3");
    }
    for (String col : List.of("N", "D", "loss", "C")) {
      assertThat(num(EngineAccess.eval(engine, "<test>", "count(b)"))).isEqualTo(num(EngineAccess.eval(engine, "<test>", "count(a)")));
      if (num(EngineAccess.eval(engine, "<test>", "count(a)")) == 0) {
        continue;
      }
      for (String f : List.of("min", "max", "median")) {
        assertThat(num(EngineAccess.eval(engine, "<test>", f + "(b." + col + ")"))).as(f + " " + col).isEqualTo(num(EngineAccess.eval(engine, "<test>", f + "(a." + col + ")")));
      }
      assertThat(EngineAccess.eval(engine, "<test>", "sort(b." + col + ")")).isEqualTo(EngineAccess.eval(engine, "<test>", "sort(a." + col + ")"));
      for (String f : List.of("mean", "sum")) {
        double a = num(EngineAccess.eval(engine, "<test>", f + "(a." + col + ")"));
        assertThat(num(EngineAccess.eval(engine, "<test>", f + "(b." + col + ")"))).as(f + " " + col).isCloseTo(a, org.assertj.core.data.Percentage.withPercentage(1e-10));
      }
    }
  }
}
