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
  /** Where figures are shown as images (a notebook), or null to draw them as text. */
  private final java.util.function.Consumer<List<Figure>> inline;

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
    this.inline = null;
  }

  /**
   * Figures shown as images: each `plot` hands its panels to {@code inline} (render them with
   * {@link #png} and {@link #svg}) instead of drawing text, and still writes its `to` file.
   */
  public ChartPlotService(java.util.function.Consumer<List<Figure>> inline) {
    this.textWidth = () -> TerminalPlot.WIDTH;
    this.colour = false;
    this.inline = inline;
  }

  /** Panels in a row as a PNG at the default size and resolution (what `to "f.png"` writes). */
  public static byte[] png(List<Figure> panels) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      ChartWriter.png(ChartWriter.image(panels, ChartWriter.Page.DEFAULT), ChartWriter.Page.DEFAULT.dpi(), out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e); // a byte array cannot fail to be written
    }
    return out.toByteArray();
  }

  /** Panels in a row as an SVG document at the default size (what `to "f.svg"` writes). */
  public static String svg(List<Figure> panels) {
    return ChartWriter.svg(panels, ChartWriter.Page.DEFAULT);
  }

  @Override
  public void plot(Stmt.Plot node, Interpreter in, Env env) {
    PlotOptions options = PlotOptions.read(node.options());
    if (options.path != null) {
      ChartWriter.format(options.path, options.pathSpan);
    }
    Figure figure = FigureBuilder.build(node, options, in, env);
    if (options.path == null && inline != null) {
      inline.accept(List.of(figure));
    } else if (options.path == null) {
      in.print(TerminalPlot.render(figure, textWidth.getAsInt(), TerminalPlot.HEIGHT, colour), List.of());
    } else {
      Path file = in.resolveWrite(options.path, options.pathSpan);
      if (!options.panel) {
        rows.remove(file);
        ChartWriter.write(figure, options.page(), file, options.path, options.pathSpan);
        wrote(figure, options.path, in);
        if (inline != null) {
          inline.accept(List.of(figure));
        }
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
      if (inline != null) {
        inline.accept(panels);
      }
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
    ChartWriter.write(figure, in.resolveWrite(path, at), path, at);
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
