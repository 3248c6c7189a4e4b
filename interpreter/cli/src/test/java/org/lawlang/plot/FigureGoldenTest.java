package org.lawlang.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawlang.api.LawEngine;
import org.lawlang.eval.EngineAccess;
import org.lawlang.eval.Output;

/**
 * Golden images: runs {@code examples/plots.law} and compares every PNG it draws with the
 * checked-in one under {@code docs/figures/} (the gallery, {@code docs/figures.md}, shows
 * them), pixel by pixel under a small tolerance for anti-aliasing. Text is drawn in the font
 * law ships, so the pictures do not depend on the fonts of the machine. Run with
 * {@code -Dgolden.update=true} to rewrite the goldens, then look at them before committing.
 */
class FigureGoldenTest {
  static final Path REPO = Path.of(System.getProperty("law.repo", "../..")).toAbsolutePath().normalize();
  static final Path GOLDEN = REPO.resolve("docs/figures");
  static final boolean UPDATE = Boolean.getBoolean("golden.update");
  /** A pixel differs when a channel differs by more than this (anti-aliased edges move by less). */
  static final int CHANNEL_TOLERANCE = 64;
  /** The share of differing pixels a figure may have and still match. */
  static final double PIXEL_TOLERANCE = 0.002;

  @TempDir
  static Path dir;
  static String output;

  @BeforeAll
  static void drawTheExamples() throws IOException {
    Files.copy(REPO.resolve("examples/plots.law"), dir.resolve("plots.law"));
    Files.createDirectories(dir.resolve("data"));
    Files.copy(REPO.resolve("examples/data/epoch_chinchilla_svg_extracted_data.csv"),
        dir.resolve("data/epoch_chinchilla_svg_extracted_data.csv"));
    StringBuilder out = new StringBuilder();
    LawEngine engine = EngineAccess.output(LawEngine.builder(), Output.buffer(out)).workDir(dir).build();
    EngineAccess.run(engine, dir.resolve("plots.law"), "plots.law");
    output = out.toString();
  }

  @Test
  void everyExampleFigureMatchesItsGoldenImage() throws IOException {
    List<String> drawn = files(dir.resolve("out"), ".png");
    assertThat(drawn).contains("chinchilla_runs.png", "twenty_tokens.png", "isoflop.png", "residuals.png", "named.png",
        "figure3.png", "band.png");
    for (String name : drawn) {
      Path golden = GOLDEN.resolve(name);
      if (UPDATE) {
        Files.createDirectories(GOLDEN);
        Files.copy(dir.resolve("out").resolve(name), golden, StandardCopyOption.REPLACE_EXISTING);
        continue;
      }
      assertThat(golden).as("golden image of " + name + " (run with -Dgolden.update=true to create it)").exists();
      BufferedImage want = ImageIO.read(golden.toFile());
      BufferedImage got = ImageIO.read(dir.resolve("out").resolve(name).toFile());
      assertThat(new int[] {got.getWidth(), got.getHeight()}).as(name + " size").containsExactly(want.getWidth(), want.getHeight());
      assertThat(differing(want, got)).as("share of pixels of " + name + " that differ from docs/figures/" + name)
          .isLessThanOrEqualTo(PIXEL_TOLERANCE);
    }
    // no golden is left over from a figure the examples no longer draw, and the gallery shows each
    assertThat(files(GOLDEN, ".png")).containsExactlyElementsOf(drawn);
    String gallery = Files.readString(REPO.resolve("docs/figures.md"));
    for (String name : drawn) {
      assertThat(gallery).as("docs/figures.md shows " + name).contains("figures/" + name);
    }
  }

  @Test
  void theComparisonSeesADifferentFigure(@TempDir Path other) throws IOException {
    // the same plot as chinchilla_runs.png with one curve moved: the test above must be able to fail
    Files.createDirectories(other.resolve("data"));
    Files.copy(dir.resolve("data/epoch_chinchilla_svg_extracted_data.csv"), other.resolve("data/epoch_chinchilla_svg_extracted_data.csv"));
    String script = Files.readString(dir.resolve("plots.law")).replace("for D in [1B, 10B, 100B]", "for D in [1B, 10B, 300B]");
    Files.writeString(other.resolve("plots.law"), script);
    EngineAccess.run(EngineAccess.output(LawEngine.builder(), Output.buffer(new StringBuilder())).workDir(other).build(), other.resolve("plots.law"), "plots.law");
    BufferedImage moved = ImageIO.read(other.resolve("out/chinchilla_runs.png").toFile());
    BufferedImage same = ImageIO.read(other.resolve("out/isoflop.png").toFile());
    assertThat(differing(ImageIO.read(dir.resolve("out/chinchilla_runs.png").toFile()), moved)).isGreaterThan(PIXEL_TOLERANCE);
    assertThat(differing(ImageIO.read(dir.resolve("out/isoflop.png").toFile()), same)).isZero();
  }

  @Test
  void pngsCarryTheirSizeAndResolution() throws IOException {
    BufferedImage img = ImageIO.read(dir.resolve("out/chinchilla_runs.png").toFile());
    // 6 × 4.2 inches at 192 dpi (twice a screen's 96)
    assertThat(img.getWidth()).isEqualTo(1152);
    assertThat(img.getHeight()).isEqualTo(806);
    // `size 7x3.5 in dpi 150`
    BufferedImage named = ImageIO.read(dir.resolve("out/named.png").toFile());
    assertThat(new int[] {named.getWidth(), named.getHeight()}).containsExactly(1050, 525);
    var reader = ImageIO.getImageReadersByFormatName("png").next();
    try (var in = ImageIO.createImageInputStream(dir.resolve("out/named.png").toFile())) {
      reader.setInput(in);
      var phys = ((javax.imageio.metadata.IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0"))
          .getElementsByTagName("pHYs").item(0).getAttributes();
      assertThat(phys.getNamedItem("pixelsPerUnitXAxis").getNodeValue()).isEqualTo(Long.toString(Math.round(150 / 0.0254)));
      assertThat(phys.getNamedItem("unitSpecifier").getNodeValue()).isEqualTo("meter");
    } finally {
      reader.dispose();
    }
  }

  @Test
  void svgKeepsTextAsText() throws IOException {
    String svg = Files.readString(dir.resolve("out/chinchilla_runs.svg"));
    assertThat(svg).startsWith("<?xml").contains("width=\"432pt\" height=\"302.4pt\"");
    assertThat(svg).contains(">Chinchilla runs and L(N, D)</text>", ">N (parameters)</text>", ">D = 100B</text>");
    // 10⁹ as "10" with a raised "9", not as glyph outlines
    assertThat(svg).contains(">10<tspan dy=\"-4.2\" font-size=\"7.2\">9</tspan></text>");
    assertThat(svg).doesNotContain("<path");
    assertThat(svg.length()).isLessThan(60_000);
    // every data point is there: 245 runs as circles, and the three curves
    assertThat(svg.split("<circle", -1).length - 1).isEqualTo(245 + 1);
    assertThat(svg.split("<polyline", -1).length - 1).isGreaterThanOrEqualTo(3);
  }

  @Test
  void pdfIsVectorWithTheFontEmbeddedAndTextExtractable() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(dir.resolve("out/chinchilla_runs.pdf").toFile())) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(1);
      var box = pdf.getPage(0).getMediaBox();
      assertThat(new double[] {box.getWidth(), box.getHeight()}).containsExactly(new double[] {432, 302.4}, org.assertj.core.data.Offset.offset(0.01));
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains("Chinchilla runs and L(N, D)", "N (parameters)", "D = 10B", "runs");
      assertThat(pdf.getPage(0).getResources().getXObjectNames()).isNotEmpty();
    }
  }

  @Test
  void theScriptSaysWhatItWrote() {
    assertThat(output).contains("plot: wrote out/chinchilla_runs.pdf (4 series)", "plot: wrote out/residuals.png (1 series)",
        "plot: wrote out/named.png (3 series)", "plot: wrote out/figure3.png (panel 3 of 3, 1 series)");
  }

  /** The share of pixels where some channel differs by more than {@link #CHANNEL_TOLERANCE}. */
  static double differing(BufferedImage a, BufferedImage b) {
    if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
      return 1;
    }
    long off = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        for (int shift = 0; shift <= 16; shift += 8) {
          if (Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff)) > CHANNEL_TOLERANCE) {
            off++;
            break;
          }
        }
      }
    }
    return (double) off / ((long) a.getWidth() * a.getHeight());
  }

  private static List<String> files(Path folder, String ext) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return List.copyOf(new TreeSet<>(s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(ext)).toList()));
    }
  }
}
