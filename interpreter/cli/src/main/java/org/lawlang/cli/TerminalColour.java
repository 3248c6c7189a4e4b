package org.lawlang.cli;

import org.lawlang.eval.Services;
import org.lawlang.plot.ChartPlotService;
import org.lawlang.plot.TerminalPlot;

/**
 * The services of `law run`: text plots in colour when the output is a colour terminal
 * (standard input and output are a terminal, TERM names one that is not dumb, NO_COLOR is
 * unset), plain when piped, redirected or on a dumb terminal, so that files and tests get the
 * same text as before.
 */
final class TerminalColour {
  private TerminalColour() {}

  static boolean wanted() {
    String term = System.getenv("TERM");
    return System.console() != null && term != null && !term.isEmpty() && !term.equals("dumb") && System.getenv("NO_COLOR") == null;
  }

  static Services services() {
    return wanted() ? Services.standard().plot(new ChartPlotService(() -> TerminalPlot.WIDTH, true)) : Services.standard();
  }
}
