package org.lawlang.plot;

import java.awt.Color;
import java.util.Locale;

/**
 * A {@link Canvas} that writes SVG by hand: text as {@code <text>} elements in DejaVu Sans
 * (editable, searchable, a few kilobytes), lines as polylines. Coordinates are points, and
 * the document's width and height are given in points, so it prints at the size asked for.
 */
final class SvgCanvas implements Canvas {
  private final StringBuilder body = new StringBuilder();
  private final StringBuilder defs = new StringBuilder();
  private final double width;
  private final double height;
  private int clips;
  private boolean clipped;

  SvgCanvas(double width, double height) {
    this.width = width;
    this.height = height;
  }

  String document() {
    StringBuilder out = new StringBuilder();
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(n(width)).append("pt\" height=\"")
        .append(n(height)).append("pt\" viewBox=\"0 0 ").append(n(width)).append(' ').append(n(height)).append("\"")
        .append(" font-family=\"'DejaVu Sans', Verdana, sans-serif\">\n");
    if (defs.length() > 0) {
      out.append("<defs>\n").append(defs).append("</defs>\n");
    }
    out.append(body);
    if (clipped) {
      out.append("</g>\n");
    }
    return out.append("</svg>\n").toString();
  }

  @Override
  public void polyline(double[] x, double[] y, int n, Color color, double width, float[] dash) {
    if (n < 2) {
      return;
    }
    body.append("<polyline fill=\"none\" stroke=\"").append(hex(color)).append('"').append(opacity("stroke-opacity", color))
        .append(" stroke-width=\"").append(n(width)).append("\" stroke-linejoin=\"round\"");
    if (dash != null) {
      body.append(" stroke-dasharray=\"");
      for (int i = 0; i < dash.length; i++) {
        body.append(i == 0 ? "" : " ").append(n(dash[i]));
      }
      body.append('"');
    }
    body.append(" points=\"").append(points(x, y, n)).append("\"/>\n");
  }

  @Override
  public void polygon(double[] x, double[] y, int n, Color fill) {
    body.append("<polygon stroke=\"none\" fill=\"").append(hex(fill)).append('"').append(opacity("fill-opacity", fill))
        .append(" points=\"").append(points(x, y, n)).append("\"/>\n");
  }

  @Override
  public void rect(double x, double y, double w, double h, Color fill, Color stroke, double strokeWidth) {
    body.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
        .append("\" height=\"").append(n(h)).append("\" fill=\"").append(fill == null ? "none" : hex(fill)).append('"');
    if (fill != null) {
      body.append(opacity("fill-opacity", fill));
    }
    if (stroke != null) {
      body.append(" stroke=\"").append(hex(stroke)).append("\" stroke-width=\"").append(n(strokeWidth)).append('"');
    }
    body.append("/>\n");
  }

  @Override
  public void marker(Palette.Shape shape, double x, double y, double r, Color fill, Color edge, double edgeWidth) {
    String paint = " fill=\"" + hex(fill) + "\"" + opacity("fill-opacity", fill)
        + (edge == null ? "" : " stroke=\"" + hex(edge) + "\" stroke-width=\"" + n(edgeWidth) + "\"");
    switch (shape) {
      case CIRCLE -> body.append("<circle cx=\"").append(n(x)).append("\" cy=\"").append(n(y)).append("\" r=\"").append(n(r))
          .append('"').append(paint).append("/>\n");
      case SQUARE -> body.append("<rect x=\"").append(n(x - 0.88 * r)).append("\" y=\"").append(n(y - 0.88 * r))
          .append("\" width=\"").append(n(1.76 * r)).append("\" height=\"").append(n(1.76 * r)).append('"').append(paint).append("/>\n");
      default -> {
        double[][] p = shapePoints(shape, x, y, r);
        body.append("<polygon points=\"").append(points(p[0], p[1], p[0].length)).append('"').append(paint).append("/>\n");
      }
    }
  }

  /** The corners of a triangle or diamond marker: x in [0], y in [1]. */
  static double[][] shapePoints(Palette.Shape shape, double x, double y, double r) {
    if (shape == Palette.Shape.TRIANGLE) {
      return new double[][] {{x, x + r, x - r}, {y - 1.1 * r, y + 0.8 * r, y + 0.8 * r}};
    }
    double d = 1.25 * r;
    return new double[][] {{x, x + d, x, x - d}, {y - d, y, y + d, y}};
  }

  @Override
  public void text(String text, String sup, double x, double y, double size, int align, boolean vertical, Color color) {
    body.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"").append(n(size)).append('"');
    if (align >= 0) {
      body.append(" text-anchor=\"").append(align == 0 ? "middle" : "end").append('"');
    }
    if (!Color.BLACK.equals(color)) {
      body.append(" fill=\"").append(hex(color)).append('"');
    }
    if (vertical) {
      body.append(" transform=\"rotate(-90 ").append(n(x)).append(' ').append(n(y)).append(")\"");
    }
    body.append('>').append(escape(text));
    if (sup != null) {
      body.append("<tspan dy=\"").append(n(-0.42 * size)).append("\" font-size=\"").append(n(size * Fonts.SUP_SCALE)).append("\">")
          .append(escape(sup)).append("</tspan>");
    }
    body.append("</text>\n");
  }

  @Override
  public void clip(double x, double y, double w, double h) {
    String id = "clip" + (++clips);
    defs.append("<clipPath id=\"").append(id).append("\"><rect x=\"").append(n(x)).append("\" y=\"").append(n(y))
        .append("\" width=\"").append(n(w)).append("\" height=\"").append(n(h)).append("\"/></clipPath>\n");
    if (clipped) {
      body.append("</g>\n");
    }
    body.append("<g clip-path=\"url(#").append(id).append(")\">\n");
    clipped = true;
  }

  @Override
  public void unclip() {
    if (clipped) {
      body.append("</g>\n");
      clipped = false;
    }
  }

  private static String points(double[] x, double[] y, int n) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      out.append(i == 0 ? "" : " ").append(n(x[i])).append(',').append(n(y[i]));
    }
    return out.toString();
  }

  private static String hex(Color c) {
    return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
  }

  private static String opacity(String attribute, Color c) {
    return c.getAlpha() == 255 ? "" : " " + attribute + "=\"" + n(c.getAlpha() / 255.0) + "\"";
  }

  /** A coordinate with two decimals at most (a hundredth of a point is far below what shows). */
  static String n(double v) {
    String s = String.format(Locale.ROOT, "%.2f", v);
    s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    return s.equals("-0") ? "0" : s;
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
