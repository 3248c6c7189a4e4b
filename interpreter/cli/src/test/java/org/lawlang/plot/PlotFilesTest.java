package org.lawlang.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawlang.api.LawEngine;
import org.lawlang.diag.LawException;
import org.lawlang.eval.EngineAccess;
import org.lawlang.eval.Output;

/** Writes SVG and PNG plots from the repo's data and opens them: format, size, series and labels. */
class PlotFilesTest {
  static final Path REPO = Path.of(System.getProperty("law.repo", "../..")).toAbsolutePath().normalize();
  static final String SCRIPT = String.join("\n",
      "law L(N, D) = E + A / N^alpha + B / D^beta",
      "    where E = 1.69, A = 406.4, B = 410.7, alpha = 0.34, beta = 0.28",
      "    unit \"nats/token\" inputs N = \"parameters\"",
      "data runs = csv \"" + REPO.resolve("examples/data/epoch_chinchilla_svg_extracted_data.csv").toString().replace("\\", "/") + "\" {",
      "    N = \"Model Size\"",
      "    loss = \"loss\"",
      "}",
      "");

  private static String run(Path dir, String code) {
    StringBuilder out = new StringBuilder();
    LawEngine engine = EngineAccess.output(LawEngine.builder(), Output.buffer(out)).workDir(dir).allowRead(java.nio.file.Path.of(System.getProperty("law.repo", "../.."))).build();
    EngineAccess.eval(engine, "<test>", SCRIPT + code);
    return out.toString();
  }

  @Test
  void svgHoldsSeriesAxesAndTitle(@TempDir Path dir) throws Exception {
    String out = run(dir, "plot loss vs N from runs, L(N, D) for D in [1B, 100B] title \"Chinchilla check\" to \"sub/fit.svg\"");
    assertThat(out).contains("plot: wrote sub/fit.svg (3 series)");
    String svg = Files.readString(dir.resolve("sub/fit.svg"));
    assertThat(svg).startsWith("<?xml").contains("<svg");
    // text stays text (not glyph outlines): the title can be found in the file
    assertThat(svg).contains(">Chinchilla check</text>").doesNotContain("<path");
    assertThat(svg.length()).isGreaterThan(20_000);
    Figure f = figure(dir, "plot loss vs N from runs, L(N, D) for D in [1B, 100B] title \"Chinchilla check\"");
    assertThat(f.series()).extracting(Figure.Series::label).containsExactly("runs", "D = 1B", "D = 100B");
    assertThat(f.series().get(0).size()).isEqualTo(245);
    assertThat(f.series().get(1).size()).isEqualTo(FigureBuilder.SAMPLES);
    assertThat(f.xLabel()).isEqualTo("N (parameters)");
    assertThat(f.yLabel()).isEqualTo("loss [nats/token]");
    assertThat(f.logX()).isTrue();
    assertThat(f.logY()).isTrue();
    assertThat(f.title()).isEqualTo("Chinchilla check");
  }

  @Test
  void pngIsAnImageOfTheChartSize(@TempDir Path dir) throws Exception {
    run(dir, "plot L(N, 20 * N) over [1e8, 1e12] linear to \"curve.PNG\"");
    BufferedImage img = ImageIO.read(dir.resolve("curve.PNG").toFile());
    assertThat(img.getWidth()).isEqualTo(ChartWriter.Page.DEFAULT.pixelWidth()).isEqualTo(1152);
    assertThat(img.getHeight()).isEqualTo(ChartWriter.Page.DEFAULT.pixelHeight()).isEqualTo(806);
    // not blank: the curve and axes put dark pixels on the white background
    int dark = 0;
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        int rgb = img.getRGB(x, y) & 0xffffff;
        if (((rgb >> 16) & 0xff) < 128 && (rgb & 0xff) < 128) {
          dark++;
        }
      }
    }
    assertThat(dark).isGreaterThan(500);
  }

  @Test
  void curveWithoutRangeTakesTheDataRange(@TempDir Path dir) {
    Figure f = figure(dir, "plot loss vs N from runs, L(N, 20 * N)");
    double[] x = f.series().get(1).x();
    assertThat(x[0]).isEqualTo(Scales.range(f.series().get(0).x())[0]);
    assertThat(x[x.length - 1]).isEqualTo(Scales.range(f.series().get(0).x())[1]);
  }

  @Test
  void aBadExtensionIsAnErrorBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> run(dir, "plot L(N, 20 * N) over [1e8, 1e12] to \"x.gif\""))
        .isInstanceOf(LawException.class).hasMessageContaining("picture format");
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  /** The figure a plot statement builds, captured instead of drawn. */
  private static Figure figure(Path dir, String plot) {
    Figure[] seen = new Figure[1];
    var services = org.lawlang.eval.Services.standard().plot((node, in, env) ->
        seen[0] = FigureBuilder.build(node, PlotOptions.read(node.options()), in, env));
    LawEngine engine = EngineAccess.services(EngineAccess.output(LawEngine.builder(), Output.buffer(new StringBuilder())).workDir(dir).allowRead(java.nio.file.Path.of(System.getProperty("law.repo", "../.."))), services).build();
    EngineAccess.eval(engine, "<test>", SCRIPT + plot);
    return seen[0];
  }
}
