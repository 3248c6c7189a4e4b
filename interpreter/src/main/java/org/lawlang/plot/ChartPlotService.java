package org.lawlang.plot;

import java.util.List;
import org.lawlang.eval.Env;
import org.lawlang.eval.Interpreter;
import org.lawlang.eval.Services;
import org.lawlang.syntax.Stmt;

/**
 * The `plot` statement's service (registered in {@code Services.standard()}): builds the
 * figure, then writes it to the `to` file as SVG or PNG, or, without a file, prints it as a
 * terminal plot (in the REPL and in scripts alike).
 */
public final class ChartPlotService implements Services.PlotService {
  @Override
  public void plot(Stmt.Plot node, Interpreter in, Env env) {
    PlotOptions options = PlotOptions.read(node.options());
    if (options.path != null) {
      ChartWriter.format(options.path, options.pathSpan);
    }
    Figure figure = FigureBuilder.build(node, options, in, env);
    if (options.path == null) {
      in.print(TerminalPlot.render(figure), List.of());
      return;
    }
    ChartWriter.write(figure, in.resolve(options.path), options.path, options.pathSpan);
    int n = figure.series().size();
    in.print("plot: wrote " + options.path + " (" + n + (n == 1 ? " series)" : " series)"), List.of());
  }
}
