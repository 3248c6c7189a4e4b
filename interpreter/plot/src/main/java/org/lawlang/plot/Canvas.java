package org.lawlang.plot;

import java.awt.Color;

/**
 * What {@link Painter} draws on, in points (1/72 inch) from the top left: a few primitives
 * that map one to one onto Java2D (PNG, PDF) and onto SVG elements, so that a figure's text
 * stays text in every vector format. Implemented by {@link Java2DCanvas} and {@link SvgCanvas}.
 */
interface Canvas {
  /** A line through the points, unfilled; {@code dash} null for a solid line. */
  void polyline(double[] x, double[] y, int n, Color color, double width, float[] dash);

  /** A closed shape, filled (a confidence band). */
  void polygon(double[] x, double[] y, int n, Color fill);

  /** A rectangle: filled when {@code fill} is not null, outlined when {@code stroke} is not null. */
  void rect(double x, double y, double w, double h, Color fill, Color stroke, double strokeWidth);

  /** A marker centred at (x, y), {@code r} its half-size, filled and edged. */
  void marker(Palette.Shape shape, double x, double y, double r, Color fill, Color edge, double edgeWidth);

  /**
   * Text with its baseline at y, anchored at x by {@code align} (-1 left, 0 centre, 1 right),
   * an optional superscript after it, turned a quarter counter-clockwise when {@code vertical}.
   */
  void text(String text, String sup, double x, double y, double size, int align, boolean vertical, Color color);

  /** Clips what follows to a rectangle, until {@link #unclip}. */
  void clip(double x, double y, double w, double h);

  void unclip();

  /** How wide text (with its superscript) is at {@code size}: the same for every canvas. */
  static double width(String text, String sup, double size) {
    double w = Fonts.width(text, size);
    return sup == null ? w : w + Fonts.width(sup, size * Fonts.SUP_SCALE);
  }
}
