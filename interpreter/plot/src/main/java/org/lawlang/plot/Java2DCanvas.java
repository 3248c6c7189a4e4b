package org.lawlang.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * A {@link Canvas} on a Java2D surface: an image for PNG (scaled from points to pixels by the
 * caller) or a PDF page. Lines are drawn with double coordinates and pure strokes, so a curve
 * stays smooth (not stair-stepped) at any zoom.
 */
final class Java2DCanvas implements Canvas {
  private final Graphics2D g;
  private final Shape initialClip;

  Java2DCanvas(Graphics2D g) {
    this.g = g;
    this.initialClip = g.getClip();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
  }

  @Override
  public void polyline(double[] x, double[] y, int n, Color color, double width, float[] dash) {
    if (n < 2) {
      return;
    }
    Path2D.Double p = new Path2D.Double();
    p.moveTo(x[0], y[0]);
    for (int i = 1; i < n; i++) {
      p.lineTo(x[i], y[i]);
    }
    g.setColor(color);
    g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
    g.draw(p);
  }

  @Override
  public void polygon(double[] x, double[] y, int n, Color fill) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(x[0], y[0]);
    for (int i = 1; i < n; i++) {
      p.lineTo(x[i], y[i]);
    }
    p.closePath();
    g.setColor(fill);
    g.fill(p);
  }

  @Override
  public void rect(double x, double y, double w, double h, Color fill, Color stroke, double strokeWidth) {
    Rectangle2D.Double r = new Rectangle2D.Double(x, y, w, h);
    if (fill != null) {
      g.setColor(fill);
      g.fill(r);
    }
    if (stroke != null) {
      g.setColor(stroke);
      g.setStroke(new BasicStroke((float) strokeWidth, BasicStroke.CAP_SQUARE, BasicStroke.JOIN_MITER));
      g.draw(r);
    }
  }

  @Override
  public void marker(Palette.Shape shape, double x, double y, double r, Color fill, Color edge, double edgeWidth) {
    Shape s = switch (shape) {
      case CIRCLE -> new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
      case SQUARE -> new Rectangle2D.Double(x - 0.88 * r, y - 0.88 * r, 1.76 * r, 1.76 * r);
      default -> {
        double[][] pts = SvgCanvas.shapePoints(shape, x, y, r);
        Path2D.Double p = new Path2D.Double();
        p.moveTo(pts[0][0], pts[1][0]);
        for (int i = 1; i < pts[0].length; i++) {
          p.lineTo(pts[0][i], pts[1][i]);
        }
        p.closePath();
        yield p;
      }
    };
    g.setColor(fill);
    g.fill(s);
    if (edge != null) {
      g.setColor(edge);
      g.setStroke(new BasicStroke((float) edgeWidth));
      g.draw(s);
    }
  }

  @Override
  public void text(String text, String sup, double x, double y, double size, int align, boolean vertical, Color color) {
    double w = Canvas.width(text, sup, size);
    double start = align < 0 ? 0 : align == 0 ? -w / 2 : -w;
    AffineTransform saved = g.getTransform();
    g.translate(x, y);
    if (vertical) {
      g.rotate(-Math.PI / 2);
    }
    g.setColor(color);
    g.setFont(Fonts.at(size));
    g.drawString(text, (float) start, 0f);
    if (sup != null) {
      g.setFont(Fonts.at(size * Fonts.SUP_SCALE));
      g.drawString(sup, (float) (start + Fonts.width(text, size)), (float) (-0.42 * size));
    }
    g.setTransform(saved);
  }

  @Override
  public void clip(double x, double y, double w, double h) {
    g.clip(new Rectangle2D.Double(x, y, w, h));
  }

  @Override
  public void unclip() {
    g.setClip(initialClip);
  }
}
