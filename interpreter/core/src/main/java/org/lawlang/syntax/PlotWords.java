package org.lawlang.syntax;

import java.util.ArrayList;
import java.util.List;
import org.lawlang.diag.Suggest;

/**
 * The words a `plot` statement's options are made of: part of the language, so that a script
 * is checked (and a misspelt option named) whether or not a renderer is installed.
 */
public final class PlotWords {
  public static final List<String> SCALES = List.of("loglog", "linear", "logx", "logy");
  public static final List<String> TEXTS = List.of("title", "xlabel", "ylabel", "legend");
  public static final List<String> MARKS = List.of("minima", "residuals", "panel", "band", "frontier");
  public static final List<String> PAGE = List.of("size", "dpi");

  private PlotWords() {}

  /** Whether a plot option takes a text (`title "..."`). */
  public static boolean takesText(String name) {
    return TEXTS.contains(name);
  }

  /** The hint at an unknown option: the nearest known one, else the list. */
  public static String unknownOptionHint(String name) {
    List<String> all = new ArrayList<>(SCALES);
    all.addAll(TEXTS);
    all.addAll(MARKS);
    all.addAll(PAGE);
    all.add("to");
    return Suggest.closest(name, all).map(s -> "did you mean '" + s + "'?")
        .orElse("the options are to \"FILE\", " + String.join(", ", SCALES) + ", " + String.join(", ", TEXTS)
            + " \"...\", minima, frontier, band, residuals, panel, size WxH in, dpi N");
  }
}
