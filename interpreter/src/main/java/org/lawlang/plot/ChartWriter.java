package org.lawlang.plot;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Span;

/**
 * Draws a {@link Figure} with XChart (headless) and writes it as SVG or PNG, chosen by the
 * file name's extension. Points are markers, curves are lines; log axes as the figure says.
 */
public final class ChartWriter {
  static final int WIDTH = 800;
  static final int HEIGHT = 560;
  private static final Color[] COLORS = {
    new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
    new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)
  };

  private ChartWriter() {}

  /** The format a path asks for: "svg" or "png"; an error at {@code at} for anything else. */
  static String format(String path, Span at) {
    String lower = path.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".svg")) {
      return "svg";
    }
    if (lower.endsWith(".png")) {
      return "png";
    }
    throw LawException.of(Msg.PLOT_FORMAT, at, path).hint("end the file name with .svg or .png");
  }

  /** Writes the figure to {@code file}; {@code shown} names it in errors. */
  public static void write(Figure figure, Path file, String shown, Span at) {
    String format = format(shown, at);
    try {
      XYChart chart = chart(figure);
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        if (format.equals("svg")) {
          VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } else {
          BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
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

  static XYChart chart(Figure figure) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title(figure.title() == null ? "" : figure.title())
        .xAxisTitle(figure.xLabel()).yAxisTitle(figure.yLabel()).build();
    var st = chart.getStyler();
    st.setXAxisLogarithmic(figure.logX());
    st.setYAxisLogarithmic(figure.logY());
    st.setChartBackgroundColor(Color.WHITE);
    st.setPlotBackgroundColor(Color.WHITE);
    st.setPlotBorderColor(Color.GRAY);
    st.setPlotGridLinesColor(new Color(0xe6e6e6));
    st.setLegendPosition(Styler.LegendPosition.InsideNE);
    st.setLegendBorderColor(Color.LIGHT_GRAY);
    st.setLegendVisible(figure.series().size() > 1 || figure.title() == null);
    st.setChartTitleVisible(figure.title() != null);
    // decade-only ticks leave a log axis that spans about one decade unlabelled; more ticks
    // crowd a wider one. (A custom label formatter would turn the axis linear in XChart 3.8.)
    st.setXAxisLogarithmicDecadeOnly(decades(figure, true) > 1.5);
    st.setYAxisLogarithmicDecadeOnly(decades(figure, false) > 1.5);
    st.setMarkerSize(figure.series().stream().anyMatch(s -> s.kind() == Figure.Kind.MARKS) ? 9 : 5);
    st.setAntiAlias(true);
    st.setSeriesColors(COLORS);
    Set<String> used = new HashSet<>();
    for (Figure.Series s : figure.series()) {
      String name = s.label();
      for (int k = 2; !used.add(name); k++) {
        name = s.label() + " (" + k + ")";
      }
      XYSeries xy = chart.addSeries(name, s.x(), s.y());
      if (s.kind() == Figure.Kind.POINTS) {
        xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        xy.setMarker(SeriesMarkers.CIRCLE);
      } else if (s.kind() == Figure.Kind.MARKS) {
        xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        xy.setMarker(SeriesMarkers.DIAMOND);
        xy.setMarkerColor(Color.BLACK);
      } else {
        xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        xy.setMarker(SeriesMarkers.NONE);
      }
    }
    return chart;
  }

  /** How many decades the figure spans along one axis. */
  private static double decades(Figure figure, boolean x) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Figure.Series s : figure.series()) {
      double[] r = Scales.range(x ? s.x() : s.y());
      lo = Math.min(lo, r[0]);
      hi = Math.max(hi, r[1]);
    }
    return lo > 0 && hi > lo ? Math.log10(hi / lo) : 0;
  }
}
