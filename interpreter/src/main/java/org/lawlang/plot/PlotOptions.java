package org.lawlang.plot;

import java.util.List;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Span;
import org.lawlang.diag.Suggest;
import org.lawlang.syntax.Stmt;

/**
 * The options of a `plot` statement, read and checked: `to "file.svg"`, the axis scales
 * (`loglog`, the default; `linear`, `logx`, `logy`), the texts `title`, `xlabel`, `ylabel`, and
 * `minima` (mark the lowest point of each curve, as on IsoFLOP curves).
 */
public final class PlotOptions {
  static final List<String> SCALES = List.of("loglog", "linear", "logx", "logy");
  static final List<String> TEXTS = List.of("title", "xlabel", "ylabel");
  static final List<String> MARKS = List.of("minima");

  String path;
  Span pathSpan;
  String title;
  String xLabel;
  String yLabel;
  boolean logX = true;
  boolean logY = true;
  boolean minima;

  static PlotOptions read(List<Stmt.PlotOption> options) {
    PlotOptions o = new PlotOptions();
    for (Stmt.PlotOption opt : options) {
      String name = opt.name();
      if (name.equals("to")) {
        o.path = opt.text();
        o.pathSpan = opt.span();
      } else if (SCALES.contains(name)) {
        if (opt.text() != null) {
          throw LawException.of(Msg.PLOT_OPTION_TEXT, opt.span(), name, "takes no text");
        }
        o.logX = name.equals("loglog") || name.equals("logx");
        o.logY = name.equals("loglog") || name.equals("logy");
      } else if (MARKS.contains(name)) {
        if (opt.text() != null) {
          throw LawException.of(Msg.PLOT_OPTION_TEXT, opt.span(), name, "takes no text");
        }
        o.minima = true;
      } else if (TEXTS.contains(name)) {
        if (opt.text() == null) {
          throw LawException.of(Msg.PLOT_OPTION_TEXT, opt.span(), name, "needs a string")
              .hint("write it as " + name + " \"...\"");
        }
        if (name.equals("title")) {
          o.title = opt.text();
        } else if (name.equals("xlabel")) {
          o.xLabel = opt.text();
        } else {
          o.yLabel = opt.text();
        }
      } else {
        throw LawException.of(Msg.PLOT_UNKNOWN_OPTION, opt.span(), name).hint(unknownOptionHint(name));
      }
    }
    return o;
  }

  /** Whether a plot option takes a text (`title "..."`). */
  public static boolean takesText(String name) {
    return TEXTS.contains(name);
  }

  /** The hint at an unknown option: the nearest known one, else the list. */
  public static String unknownOptionHint(String name) {
    List<String> all = new java.util.ArrayList<>(SCALES);
    all.addAll(TEXTS);
    all.addAll(MARKS);
    all.add("to");
    return Suggest.closest(name, all).map(s -> "did you mean '" + s + "'?")
        .orElse("the options are to \"FILE\", " + String.join(", ", SCALES) + ", " + String.join(", ", TEXTS) + ", minima");
  }
}
