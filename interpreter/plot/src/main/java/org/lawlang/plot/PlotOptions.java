package org.lawlang.plot;

import java.util.ArrayList;
import java.util.List;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Span;
import org.lawlang.diag.Suggest;
import org.lawlang.syntax.PlotWords;
import org.lawlang.syntax.Stmt;

/**
 * The options of a `plot` statement, read and checked: `to "file.png"` (or .svg, .pdf), the
 * axis scales (`loglog`, the default; `linear`, `logx`, `logy`), the texts `title`, `xlabel`,
 * `ylabel`, `minima` (mark the lowest point of each curve, as on IsoFLOP curves), `residuals`
 * (a linear y axis with a zero line), and for files `size 6x4 in` (inches), `dpi 300` (PNG)
 * and `legend "outside"` (or best, none, upper right, upper left, lower left, lower right); `panel`
 * adds the plot to a row of panels in its file (see {@link ChartPlotService}).
 */
public final class PlotOptions {
  static final List<String> SCALES = PlotWords.SCALES;
  static final List<String> TEXTS = PlotWords.TEXTS;
  static final List<String> MARKS = PlotWords.MARKS;
  /** The size of one panel of a row when none is given: three fit a slide, or a page at 0.5×. */
  static final double PANEL_WIDTH = 4;
  static final double PANEL_HEIGHT = 3.2;

  String path;
  Span pathSpan;
  String title;
  String xLabel;
  String yLabel;
  boolean logX = true;
  boolean logY = true;
  boolean minima;
  boolean residuals;
  boolean band;
  boolean frontier;
  boolean panel;
  double widthIn = ChartWriter.Page.DEFAULT.widthIn();
  double heightIn = ChartWriter.Page.DEFAULT.heightIn();
  double dpi = ChartWriter.Page.DEFAULT.dpi();
  Painter.Legend legend = Painter.Legend.BEST;

  ChartWriter.Page page() {
    return new ChartWriter.Page(widthIn, heightIn, dpi, legend);
  }

  static PlotOptions read(List<Stmt.PlotOption> options) {
    PlotOptions o = new PlotOptions();
    boolean scaleGiven = false;
    Stmt.PlotOption pageOption = null;
    Stmt.PlotOption panelOption = null;
    boolean sized = false;
    for (Stmt.PlotOption opt : options) {
      String name = opt.name();
      if (name.equals("to")) {
        o.path = opt.text();
        o.pathSpan = opt.span();
      } else if (SCALES.contains(name)) {
        noText(opt);
        o.logX = name.equals("loglog") || name.equals("logx");
        o.logY = name.equals("loglog") || name.equals("logy");
        scaleGiven = true;
      } else if (MARKS.contains(name)) {
        noText(opt);
        switch (name) {
          case "minima" -> o.minima = true;
          case "residuals" -> o.residuals = true;
          case "band" -> o.band = true;
          case "frontier" -> o.frontier = true;
          default -> {
            o.panel = true;
            panelOption = opt;
          }
        }
      } else if (TEXTS.contains(name)) {
        String text = text(opt);
        switch (name) {
          case "title" -> o.title = text;
          case "xlabel" -> o.xLabel = text;
          case "ylabel" -> o.yLabel = text;
          default -> {
            o.legend = Painter.Legend.named(text);
            if (o.legend == null) {
              throw LawException.of(Msg.PLOT_OPTION_TEXT, opt.span(), name, "is one of \"" + String.join("\", \"", Painter.Legend.NAMES) + "\"")
                  .hint(Suggest.closest(text, Painter.Legend.NAMES).map(s -> "did you mean \"" + s + "\"?")
                      .orElse("write legend \"outside\" to put it beside the axes"));
            }
          }
        }
      } else if (name.equals("size")) {
        double[] size = size(opt);
        o.widthIn = size[0];
        o.heightIn = size[1];
        pageOption = opt;
        sized = true;
      } else if (name.equals("dpi")) {
        o.dpi = dpi(opt);
        pageOption = opt;
      } else {
        throw LawException.of(Msg.PLOT_UNKNOWN_OPTION, opt.span(), name).hint(PlotWords.unknownOptionHint(name));
      }
    }
    if (panelOption != null && o.path == null) {
      throw LawException.of(Msg.PLOT_OPTION_TEXT, panelOption.span(), "panel", "adds the plot to a row of panels in a file, and this plot has none")
          .hint("add to \"figure.png\": each plot with 'panel' to that file adds one panel");
    }
    if (o.panel && !sized) {
      o.widthIn = PANEL_WIDTH;
      o.heightIn = PANEL_HEIGHT;
    }
    if (pageOption != null && o.path == null) {
      throw LawException.of(Msg.PLOT_OPTION_TEXT, pageOption.span(), pageOption.name(), "applies to a picture file, and this plot has none")
          .hint("add to \"figure.png\" (or .svg, .pdf)");
    }
    if (o.residuals && !scaleGiven) {
      // residuals scatter around zero: a log y axis cannot show them
      o.logY = false;
    }
    return o;
  }

  private static void noText(Stmt.PlotOption opt) {
    if (opt.text() != null) {
      throw LawException.of(Msg.PLOT_OPTION_TEXT, opt.span(), opt.name(), "takes no value");
    }
  }

  /** A string option's text; a number in its place (`title 3`) is an error too. */
  private static String text(Stmt.PlotOption opt) {
    if (opt.text() == null || !opt.span().text().contains("\"")) {
      throw LawException.of(Msg.PLOT_OPTION_TEXT, opt.span(), opt.name(), "needs a string")
          .hint("write it as " + opt.name() + " \"...\"");
    }
    return opt.text();
  }

  /** `size 6x4 in` (or "6x4 in", the `in` optional): width and height in inches, each 1 to 50. */
  private static double[] size(Stmt.PlotOption opt) {
    String t = opt.text() == null ? "" : opt.text().strip();
    var m = java.util.regex.Pattern.compile("([0-9][0-9_]*(?:\\.[0-9_]+)?)\\s*x\\s*([0-9][0-9_]*(?:\\.[0-9_]+)?)(?:\\s*in)?").matcher(t);
    if (!m.matches()) {
      throw LawException.of(Msg.PLOT_OPTION_TEXT, opt.span(), "size", "takes a width and a height in inches")
          .hint("write it as size 6x4 in");
    }
    double w = Double.parseDouble(m.group(1).replace("_", ""));
    double h = Double.parseDouble(m.group(2).replace("_", ""));
    if (w < 1 || h < 1 || w > 50 || h > 50) {
      throw LawException.of(Msg.PLOT_OPTION_TEXT, opt.span(), "size", "is in inches, from 1 to 50 each way")
          .hint("a PNG of 1200x800 pixels is size 6x4 in dpi 200");
    }
    return new double[] {w, h};
  }

  /** `dpi 300`: a PNG's pixels per inch, 36 to 1200. */
  private static double dpi(Stmt.PlotOption opt) {
    double dpi;
    try {
      dpi = opt.text() == null ? Double.NaN : Double.parseDouble(opt.text().strip().replace("_", ""));
    } catch (NumberFormatException e) {
      dpi = Double.NaN;
    }
    if (!(dpi >= 36 && dpi <= 1200)) {
      throw LawException.of(Msg.PLOT_OPTION_TEXT, opt.span(), "dpi", "takes a number of dots per inch from 36 to 1200")
          .hint("write it as dpi 300 (print) or dpi 192 (screens, the default)");
    }
    return dpi;
  }
}
