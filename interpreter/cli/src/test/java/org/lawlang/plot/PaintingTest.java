package org.lawlang.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawlang.api.LawEngine;
import org.lawlang.diag.LawException;
import org.lawlang.eval.EngineAccess;
import org.lawlang.eval.Output;

/**
 * What the painter puts where, read back from its SVG (one element per thing drawn): data over
 * curves, a legend that hides no data point, the palette and line styles, the page size; and
 * the plot options and terminal plots that go with them.
 */
class PaintingTest {
  private static final Pattern CIRCLE = Pattern.compile("<circle cx=\"([-0-9.]+)\" cy=\"([-0-9.]+)\"");
  private static final Pattern LEGEND = Pattern.compile(
      "<rect x=\"([-0-9.]+)\" y=\"([-0-9.]+)\" width=\"([-0-9.]+)\" height=\"([-0-9.]+)\" fill=\"#ffffff\" fill-opacity");
  private static final Pattern FRAME = Pattern.compile(
      "<rect x=\"([-0-9.]+)\" y=\"([-0-9.]+)\" width=\"([-0-9.]+)\" height=\"([-0-9.]+)\" fill=\"none\" stroke=\"#000000\"");

  private static String svg(Figure f) {
    return ChartWriter.svg(f, ChartWriter.Page.DEFAULT);
  }

  private static Figure.Series points(String label, double[] x, double[] y) {
    return new Figure.Series(label, x, y, Figure.Kind.POINTS);
  }

  private static Figure.Series curve(String label, double lo, double hi, java.util.function.DoubleUnaryOperator f) {
    double[] x = Scales.sample(lo, hi, 100, true);
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = f.applyAsDouble(x[i]);
    }
    return new Figure.Series(label, x, y, Figure.Kind.CURVE);
  }

  private static double[] rect(Pattern p, String svg) {
    Matcher m = p.matcher(svg);
    assertThat(m.find()).as("a rectangle matching " + p).isTrue();
    return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
        Double.parseDouble(m.group(4))};
  }

  private static List<double[]> dataPoints(String svg, int before) {
    List<double[]> out = new ArrayList<>();
    Matcher m = CIRCLE.matcher(svg.substring(0, before));
    while (m.find()) {
      out.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
    }
    return out;
  }

  /** Points on a grid over [x0, x1] × [y0, y1] (log spaced). */
  private static Figure.Series grid(double x0, double x1, double y0, double y1, int n) {
    double[] x = new double[n * n];
    double[] y = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        x[i * n + j] = x0 * Math.pow(x1 / x0, i / (n - 1.0));
        y[i * n + j] = y0 * Math.pow(y1 / y0, j / (n - 1.0));
      }
    }
    return points("grid", x, y);
  }

  @Test
  void dataPointsAreDrawnAfterEveryCurve() {
    Figure f = new Figure(null, "N", "L", true, true, List.of(
        points("runs", new double[] {1e8, 1e9, 1e10}, new double[] {3, 2.5, 2.1}),
        curve("fit", 1e8, 1e10, n -> 1.7 + 400 / Math.pow(n, 0.34)),
        curve("other", 1e8, 1e10, n -> 1.8 + 400 / Math.pow(n, 0.34))));
    String svg = svg(f);
    int clipEnd = svg.indexOf("</g>", svg.indexOf("<g clip-path"));
    assertThat(svg.substring(0, clipEnd).split("stroke-width=\"1.6\"", -1)).hasSize(3);
    // the three data points, all after the curves (the legend's marker comes last)
    assertThat(dataPoints(svg, svg.length())).hasSize(4);
    assertThat(svg.indexOf("<circle")).isGreaterThan(clipEnd);
  }

  @Test
  void theLegendGoesWhereItHidesNoDataPoint() {
    // data crowd the upper right (where a legend goes first), then the upper left
    for (Figure.Series data : List.of(grid(1e9, 1e10, 3, 5, 6), grid(1e8, 1e9, 3, 5, 6), grid(1e8, 1e10, 2, 2.6, 6))) {
      Figure f = new Figure(null, "N", "L", true, true, List.of(
          points("frame", new double[] {1e8, 1e10}, new double[] {2, 5}), data,
          curve("a curve", 1e8, 1e10, n -> 2.2)));
      String svg = svg(f);
      double[] legend = rect(LEGEND, svg);
      double[] frame = rect(FRAME, svg);
      assertThat(legend[0]).as("legend inside the axes").isBetween(frame[0], frame[0] + frame[2]);
      for (double[] p : dataPoints(svg, svg.indexOf("fill=\"#ffffff\" fill-opacity"))) {
        boolean under = p[0] >= legend[0] && p[0] <= legend[0] + legend[2] && p[1] >= legend[1] && p[1] <= legend[1] + legend[3];
        assertThat(under).as("data point at " + p[0] + ", " + p[1] + " under the legend").isFalse();
      }
    }
  }

  @Test
  void theLegendGoesOutsideWhenDataFillTheAxes() {
    Figure f = new Figure(null, "N", "L", true, true, List.of(grid(1e8, 1e10, 2, 5, 25),
        curve("a curve", 1e8, 1e10, n -> 3)));
    String svg = svg(f);
    double[] legend = rect(LEGEND, svg);
    double[] frame = rect(FRAME, svg);
    assertThat(legend[0]).isGreaterThan(frame[0] + frame[2]);
    assertThat(legend[0] + legend[2]).isLessThanOrEqualTo(ChartWriter.Page.DEFAULT.widthPt());
  }

  @Test
  void curvesTakeTheOkabeItoColoursThenLineStyles() {
    List<Figure.Series> curves = new ArrayList<>();
    for (int k = 0; k < 10; k++) {
      double e = 1.7 + 0.1 * k;
      curves.add(curve("k = " + k, 1e8, 1e10, n -> e + 400 / Math.pow(n, 0.34)));
    }
    String svg = svg(new Figure(null, "N", "L", true, true, curves));
    String plotted = svg.substring(svg.indexOf("<g clip-path"), svg.indexOf("</g>", svg.indexOf("<g clip-path")));
    Matcher m = Pattern.compile("<polyline fill=\"none\" stroke=\"(#[0-9a-f]{6})\" stroke-width=\"1.6\"[^>]*?( stroke-dasharray=\"[^\"]+\")? points").matcher(plotted);
    List<String> colours = new ArrayList<>();
    List<Boolean> dashed = new ArrayList<>();
    while (m.find()) {
      colours.add(m.group(1));
      dashed.add(m.group(2) != null);
    }
    assertThat(colours).hasSize(10);
    assertThat(colours.subList(0, 7)).containsExactly("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000");
    assertThat(dashed).containsExactly(false, false, false, false, false, false, false, true, true, true);
    // the 8th curve has the first's colour, told apart by its dashes
    assertThat(colours.get(7)).isEqualTo(colours.get(0));
  }

  @Test
  void aLinearAxisOfLargeNumbersSaysItsPowerOfTenOnce() {
    Figure f = new Figure(null, "C", "N", false, false, List.of(points("p", new double[] {0, 1e10, 2e10}, new double[] {1, 2, 3})));
    String svg = svg(f);
    assertThat(svg).contains(">×10<tspan dy=\"-4.2\" font-size=\"7.2\">10</tspan></text>");
    assertThat(svg).contains(">0.5</text>", ">1.0</text>", ">1.5</text>", ">2.0</text>").doesNotContain("E10", "e10");
  }

  @Test
  void seriesCanBeNamedAndForCurvesAreNamedByTheirValue(@TempDir Path dir) {
    Figure f = PlotFilesTestAccess.figure(dir,
        "plot loss vs N from runs \"Hoffmann et al.\", L(N, D) for D in [1B, 100B] \"{D} tokens\", L(N, D) for D in [20B], L(N, 2 * N) \"two\"");
    assertThat(f.series()).extracting(Figure.Series::label).containsExactly("Hoffmann et al.", "1B tokens", "100B tokens", "D = 20B", "two");
  }

  @Test
  void sizeAndDpiSetThePageAndThePixels(@TempDir Path dir) throws Exception {
    PlotFilesTestAccess.run(dir, "plot L(N, 20 * N) over [1e8, 1e12] to \"a.png\" size 5x3 in dpi 100\n"
        + "plot L(N, 20 * N) over [1e8, 1e12] to \"a.pdf\" size \"5x3 in\"\n"
        + "plot L(N, 20 * N) over [1e8, 1e12] to \"b.png\" size 2.5x2\n");
    BufferedImage png = ImageIO.read(dir.resolve("a.png").toFile());
    assertThat(new int[] {png.getWidth(), png.getHeight()}).containsExactly(500, 300);
    BufferedImage small = ImageIO.read(dir.resolve("b.png").toFile());
    assertThat(new int[] {small.getWidth(), small.getHeight()}).containsExactly(480, 384);
    try (PDDocument pdf = Loader.loadPDF(dir.resolve("a.pdf").toFile())) {
      assertThat(pdf.getPage(0).getMediaBox().getWidth()).isEqualTo(360f);
      assertThat(pdf.getPage(0).getMediaBox().getHeight()).isEqualTo(216f);
    }
  }

  @Test
  void panelsMakeARowAndAStatementRunAgainReplacesItsOwn(@TempDir Path dir) throws Exception {
    String code = "plot L(N, 20 * N) over [1e8, 1e12] to \"row.png\" panel title \"a\"\n"
        + "plot L(N, 5 * N) over [1e8, 1e12] to \"row.png\" panel size 3x2 in dpi 100\n";
    StringBuilder out = new StringBuilder();
    LawEngine engine = EngineAccess.output(LawEngine.builder(), Output.buffer(out)).workDir(dir).allowRead(java.nio.file.Path.of(System.getProperty("law.repo", "../.."))).build();
    EngineAccess.eval(engine, "row.law", PlotFilesTest.SCRIPT + code);
    EngineAccess.eval(engine, "row.law", PlotFilesTest.SCRIPT + code);
    assertThat(out.toString()).contains("(panel 1 of 1, 1 series)", "(panel 2 of 2, 1 series)").doesNotContain("of 3");
    BufferedImage row = ImageIO.read(dir.resolve("row.png").toFile());
    // two panels of the last statement's size, side by side
    assertThat(new int[] {row.getWidth(), row.getHeight()}).containsExactly(600, 200);
    // a plot without `panel` to the same file starts it afresh
    EngineAccess.eval(engine, "other.law", PlotFilesTest.SCRIPT + "plot L(N, 20 * N) over [1e8, 1e12] to \"row.png\" size 3x2 in dpi 100");
    assertThat(ImageIO.read(dir.resolve("row.png").toFile()).getWidth()).isEqualTo(300);
    assertThatThrownBy(() -> PlotFilesTestAccess.run(dir, "plot L(N, 20 * N) over [1e8, 1e12] panel"))
        .isInstanceOf(LawException.class).hasMessageContaining("row of panels");
  }

  @Test
  void pageOptionsNeedAFileAndSensibleValues(@TempDir Path dir) {
    assertThatThrownBy(() -> PlotFilesTestAccess.run(dir, "plot L(N, 20 * N) over [1e8, 1e12] dpi 300"))
        .isInstanceOf(LawException.class).hasMessageContaining("applies to a picture file");
    assertThatThrownBy(() -> PlotFilesTestAccess.run(dir, "plot L(N, 20 * N) over [1e8, 1e12] to \"a.png\" size 1200x800"))
        .isInstanceOf(LawException.class).hasMessageContaining("in inches");
    assertThatThrownBy(() -> PlotFilesTestAccess.run(dir, "plot L(N, 20 * N) over [1e8, 1e12] to \"a.png\" size \"big\""))
        .isInstanceOf(LawException.class).hasMessageContaining("a width and a height");
    assertThatThrownBy(() -> PlotFilesTestAccess.run(dir, "plot L(N, 20 * N) over [1e8, 1e12] title 3"))
        .isInstanceOf(LawException.class).hasMessageContaining("needs a string");
  }

  @Test
  void terminalPlotsAreColouredOnlyWhenAsked(@TempDir Path dir) {
    Figure f = PlotFilesTestAccess.figure(dir, "plot loss vs N from runs, L(N, D) for D in [1B, 100B]");
    String plain = TerminalPlot.render(f, 60, 16, false);
    String coloured = TerminalPlot.render(f, 60, 16, true);
    assertThat(plain).doesNotContain("\u001b");
    assertThat(coloured).contains("\u001b[38;5;25m", "\u001b[38;5;166m", "\u001b[0m");
    assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(plain);
  }

  @Test
  void terminalTicksAreRoundValuesAtTheirRows(@TempDir Path dir) {
    Figure f = PlotFilesTestAccess.figure(dir, "plot loss vs N from runs");
    String text = TerminalPlot.render(f);
    List<Double> ys = new ArrayList<>();
    for (String line : text.split("\n")) {
      Matcher m = Pattern.compile("^\\s*([0-9.]+) ┤").matcher(line);
      if (m.find()) {
        ys.add(Double.parseDouble(m.group(1)));
      }
    }
    assertThat(ys.size()).isGreaterThanOrEqualTo(3);
    for (double y : ys) {
      assertThat(y * 4).as("a multiple of 0.25: " + y).isCloseTo(Math.rint(y * 4), org.assertj.core.data.Offset.offset(1e-9));
    }
    assertThat(ys).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(text).contains("10⁸", "10⁹", "10¹⁰").doesNotContain("5.73e7");
  }

  /** The helpers of {@link PlotFilesTest}, for tests in this class. */
  static final class PlotFilesTestAccess {
    static String run(Path dir, String code) {
      StringBuilder out = new StringBuilder();
      LawEngine engine = EngineAccess.output(LawEngine.builder(), Output.buffer(out)).workDir(dir).allowRead(java.nio.file.Path.of(System.getProperty("law.repo", "../.."))).build();
      EngineAccess.eval(engine, "<test>", PlotFilesTest.SCRIPT + code);
      return out.toString();
    }

    static Figure figure(Path dir, String plot) {
      Figure[] seen = new Figure[1];
      var services = org.lawlang.eval.Services.standard().plot((node, in, env) ->
          seen[0] = FigureBuilder.build(node, PlotOptions.read(node.options()), in, env));
      LawEngine engine = EngineAccess.services(EngineAccess.output(LawEngine.builder(), Output.buffer(new StringBuilder())).workDir(dir).allowRead(java.nio.file.Path.of(System.getProperty("law.repo", "../.."))), services).build();
      EngineAccess.eval(engine, "<test>", PlotFilesTest.SCRIPT + plot);
      return seen[0];
    }
  }
}
