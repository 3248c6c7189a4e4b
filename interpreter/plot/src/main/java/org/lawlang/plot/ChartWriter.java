package org.lawlang.plot;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Span;

/**
 * Writes a {@link Figure} as PNG, SVG or PDF, chosen by the file name's extension, at the
 * size (inches) and resolution (PNG only) of a {@link Page}. One {@link Painter} draws all
 * three; SVG and PDF keep text as text (in the shipped DejaVu Sans, embedded in the PDF).
 */
public final class ChartWriter {
  private ChartWriter() {}

  /** A figure's size in inches, a PNG's dots per inch, and where its legend goes. */
  record Page(double widthIn, double heightIn, double dpi, Painter.Legend legend) {
    /** 6 × 4.2 inches; PNGs at twice a screen's 96 dpi, so they stay sharp on high-density screens. */
    static final Page DEFAULT = new Page(6, 4.2, 192, Painter.Legend.BEST);

    double widthPt() {
      return widthIn * 72;
    }

    double heightPt() {
      return heightIn * 72;
    }

    int pixelWidth() {
      return (int) Math.round(widthIn * dpi);
    }

    int pixelHeight() {
      return (int) Math.round(heightIn * dpi);
    }
  }

  /** The format a path asks for: "png", "svg" or "pdf"; an error at {@code at} for anything else. */
  static String format(String path, Span at) {
    String lower = path.toLowerCase(Locale.ROOT);
    for (String f : new String[] {"png", "svg", "pdf"}) {
      if (lower.endsWith("." + f)) {
        return f;
      }
    }
    throw LawException.of(Msg.PLOT_FORMAT, at, path).hint("end the file name with .png, .svg or .pdf");
  }

  /** Writes the figure to {@code file} at the default size; {@code shown} names it in errors. */
  public static void write(Figure figure, Path file, String shown, Span at) {
    write(figure, Page.DEFAULT, file, shown, at);
  }

  /** Writes the figure to {@code file} as {@code page} says; {@code shown} names it in errors. */
  static void write(Figure figure, Page page, Path file, String shown, Span at) {
    write(List.of(figure), page, file, shown, at);
  }

  /**
   * Writes figures as panels in a row (a paper's 1×3 figure), each of the page's size, to
   * {@code file}; {@code shown} names it in errors.
   */
  static void write(List<Figure> panels, Page page, Path file, String shown, Span at) {
    String format = format(shown, at);
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      try (OutputStream out = Files.newOutputStream(file, java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.WRITE,
          java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        switch (format) {
          case "svg" -> out.write(svg(panels, page).getBytes(StandardCharsets.UTF_8));
          case "pdf" -> pdf(panels, page, out);
          default -> png(image(panels, page), page.dpi(), out);
        }
      }
    } catch (IOException e) {
      throw LawException.of(Msg.IO, at, "cannot write " + shown + ": " + org.lawlang.diag.IoReason.of(e))
          .hint("check that the folder can be written to, or give another path");
    } catch (java.awt.AWTError | java.awt.HeadlessException e) {
      throw LawException.of(Msg.IO, at, "cannot draw " + shown + ": " + e.getMessage())
          .hint("plots draw off-screen: run Java with -Djava.awt.headless=true");
    }
  }

  /** The panels as an image, each of the page's size in pixels. */
  static BufferedImage image(List<Figure> panels, Page page) {
    BufferedImage img = new BufferedImage(page.pixelWidth() * panels.size(), page.pixelHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.scale(page.dpi() / 72, page.dpi() / 72);
      Painter.paint(panels, new Java2DCanvas(g), page.widthPt(), page.heightPt(), page.legend());
    } finally {
      g.dispose();
    }
    return img;
  }

  static String svg(Figure figure, Page page) {
    return svg(List.of(figure), page);
  }

  static String svg(List<Figure> panels, Page page) {
    SvgCanvas canvas = new SvgCanvas(page.widthPt() * panels.size(), page.heightPt());
    Painter.paint(panels, canvas, page.widthPt(), page.heightPt(), page.legend());
    return canvas.document();
  }

  /** A one-page PDF of the page's size, vector throughout, the font embedded (subset) so its text is text. */
  static void pdf(List<Figure> panels, Page page, OutputStream out) throws IOException {
    try (PDDocument doc = new PDDocument(); PdfBoxGraphics2DFontTextDrawer fonts = new PdfBoxGraphics2DFontTextDrawer()) {
      PDRectangle size = new PDRectangle((float) (page.widthPt() * panels.size()), (float) page.heightPt());
      PDPage pdfPage = new PDPage(size);
      doc.addPage(pdfPage);
      fonts.registerFont(Fonts.base().getFontName(), Fonts.stream());
      PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, size);
      g.setFontTextDrawer(fonts);
      try {
        Painter.paint(panels, new Java2DCanvas(g), page.widthPt(), page.heightPt(), page.legend());
      } finally {
        g.dispose();
      }
      try (PDPageContentStream content = new PDPageContentStream(doc, pdfPage)) {
        content.drawForm(g.getXFormObject());
      }
      doc.getDocumentInformation().setCreator("law");
      doc.save(out);
    }
  }

  /** Writes a PNG that records its resolution (pHYs), so that a word processor places it at the size asked for. */
  static void png(BufferedImage img, double dpi, OutputStream out) throws IOException {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
    ImageWriter writer = writers.next();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), null);
      IIOMetadataNode phys = new IIOMetadataNode("pHYs");
      String perMetre = Integer.toString((int) Math.round(dpi / 0.0254));
      phys.setAttribute("pixelsPerUnitXAxis", perMetre);
      phys.setAttribute("pixelsPerUnitYAxis", perMetre);
      phys.setAttribute("unitSpecifier", "meter");
      IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
      root.appendChild(phys);
      meta.mergeTree("javax_imageio_png_1.0", root);
      writer.write(null, new IIOImage(img, null, meta), null);
    } finally {
      writer.dispose();
    }
  }
}
