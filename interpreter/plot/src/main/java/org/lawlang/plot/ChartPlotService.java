package org.lawlang.plot;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.lawlang.diag.Span;
import org.lawlang.eval.Env;
import org.lawlang.eval.Interpreter;
import org.lawlang.eval.Services;
import org.lawlang.syntax.Stmt;

/**
 * The `plot` statement's service (registered in {@code Services.standard()}): builds the
 * figure, then writes it to the `to` file as PNG, SVG or PDF (with `panel`, as one more panel
 * in a row with the file's earlier panels: a paper's 1×3 figure from three statements), or, without a file, prints it as a
 * terminal plot (in the REPL and in scripts alike). Other features that draw (fit residuals,
 * a compute-optimal frontier, IsoFLOP curves) build a {@link Figure} and call {@link #draw}.
 */
public final class ChartPlotService implements Services.PlotService {
  private final IntSupplier textWidth;
  private final boolean colour;
  /** The panels drawn so far to each file, by the statement that drew them. */
  private final Map<Path, Map<String, Figure>> rows = new HashMap<>();

  /** Plain text plots {@link TerminalPlot#WIDTH} cells wide (scripts: the same text everywhere). */
  public ChartPlotService() {
    this(() -> TerminalPlot.WIDTH, false);
  }

  /** Plain text plots as wide as {@code textWidth} says. */
  public ChartPlotService(IntSupplier textWidth) {
    this(textWidth, false);
  }

  /**
   * Text plots as wide as {@code textWidth} says, in colour when {@code colour} (the REPL
   * passes its terminal's width, and colour unless the terminal is dumb).
   */
  public ChartPlotService(IntSupplier textWidth, boolean colour) {
    this.textWidth = textWidth;
    this.colour = colour;
  }

  @Override
  public void plot(Stmt.Plot node, Interpreter in, Env env) {
    PlotOptions options = PlotOptions.read(node.options());
    if (options.path != null) {
      ChartWriter.format(options.path, options.pathSpan);
    }
    Figure figure = FigureBuilder.build(node, options, in, env);
    if (options.path == null) {
      in.print(TerminalPlot.render(figure, textWidth.getAsInt(), TerminalPlot.HEIGHT, colour), List.of());
    } else {
      Path file = in.resolve(options.path);
      if (!options.panel) {
        rows.remove(file);
        ChartWriter.write(figure, options.page(), file, options.path, options.pathSpan);
        wrote(figure, options.path, in);
        return;
      }
      // a statement draws one panel; run again (a script reloaded), it replaces its own
      Map<String, Figure> row = rows.computeIfAbsent(file, f -> new LinkedHashMap<>());
      String statement = node.span().source().name() + ":" + node.span().start();
      row.put(statement, figure);
      List<Figure> panels = List.copyOf(row.values());
      ChartWriter.write(panels, options.page(), file, options.path, options.pathSpan);
      int index = List.copyOf(row.keySet()).indexOf(statement) + 1;
      in.print("plot: wrote " + options.path + " (panel " + index + " of " + panels.size() + ", " + count(figure) + ")", List.of());
    }
  }

  /**
   * Draws a figure: to {@code path} (resolved against the running script's folder; errors
   * point at {@code at}) as PNG, SVG or PDF at the default size, or, when {@code path} is null, as text on the output.
   */
  public static void draw(Figure figure, String path, Span at, Interpreter in) {
    if (path == null) {
      in.print(TerminalPlot.render(figure), List.of());
      return;
    }
    ChartWriter.write(figure, in.resolve(path), path, at);
    wrote(figure, path, in);
  }

  private static void wrote(Figure figure, String path, Interpreter in) {
    in.print("plot: wrote " + path + " (" + count(figure) + ")", List.of());
  }

  /** "3 series": the figure's series, reference lines not counted. */
  private static String count(Figure figure) {
    long n = figure.series().stream().filter(s -> s.kind() != Figure.Kind.RULE && s.kind() != Figure.Kind.BAND).count();
    return n + " series";
  }
}
