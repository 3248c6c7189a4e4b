package org.lawlang.plot;

import java.awt.Color;

/**
 * Colours, line styles and marker shapes of the series, in order. The colours are Okabe and
 * Ito's (2008) palette, which readers with any common colour-vision deficiency can tell apart
 * (yellow last: it is faint on white); past the colours the line style changes, so that no
 * two of the first 28 curves look alike.
 */
final class Palette {
  static final Color[] COLORS = {
    new Color(0x0072B2), // blue
    new Color(0xD55E00), // vermillion
    new Color(0x009E73), // bluish green
    new Color(0xCC79A7), // reddish purple
    new Color(0xE69F00), // orange
    new Color(0x56B4E9), // sky blue
    new Color(0x000000), // black
  };
  private static final float[][] DASHES = {null, {5f, 2.5f}, {1.2f, 2f}, {6f, 2f, 1.2f, 2f}};

  /** Marker shapes of the data series, in order. */
  enum Shape { CIRCLE, SQUARE, TRIANGLE, DIAMOND }

  private Palette() {}

  static Color color(int i) {
    return COLORS[i % COLORS.length];
  }

  /** A solid line for the first colours, then dashed, dotted and dash-dotted. */
  static float[] dash(int i) {
    return DASHES[(i / COLORS.length) % DASHES.length];
  }

  static Shape shape(int i) {
    return Shape.values()[(i / COLORS.length) % Shape.values().length];
  }
}
