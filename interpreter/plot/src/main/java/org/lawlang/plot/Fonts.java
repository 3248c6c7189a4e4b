package org.lawlang.plot;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The one typeface of every figure: DejaVu Sans, shipped with law (its licence beside it in
 * the resources), so that a figure looks the same on every machine, text widths (and so the
 * layout) do not depend on the fonts installed, and golden images compare pixel for pixel.
 */
final class Fonts {
  static final String FAMILY = "DejaVu Sans";
  static final String RESOURCE = "DejaVuSans.ttf";
  /** A superscript's size against its base text. */
  static final double SUP_SCALE = 0.72;
  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
  private static Font base;

  private Fonts() {}

  static synchronized Font base() {
    if (base == null) {
      try (InputStream in = stream()) {
        base = Font.createFont(Font.TRUETYPE_FONT, in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (FontFormatException e) {
        throw new IllegalStateException("the shipped font " + RESOURCE + " cannot be read", e);
      }
    }
    return base;
  }

  /** The font file itself (for embedding in a PDF). */
  static InputStream stream() {
    InputStream in = Fonts.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("the font " + RESOURCE + " is missing from law's jar");
    }
    return in;
  }

  static Font at(double size) {
    return base().deriveFont((float) size);
  }

  static double width(String text, double size) {
    return text.isEmpty() ? 0 : at(size).getStringBounds(text, FRC).getWidth();
  }
}
