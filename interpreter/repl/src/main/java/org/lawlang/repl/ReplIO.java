package org.lawlang.repl;

import java.io.PrintWriter;
import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.lawlang.diag.Diagnostic;
import org.lawlang.eval.Output;
import org.lawlang.eval.Value;

/**
 * Where the REPL writes: the terminal's writer, for results, `print` output, warnings and
 * diagnostics alike (a terminal has one screen), flushed after each write so that output of
 * a long evaluation shows as it comes. Also the engine's {@link Output}.
 */
class ReplIO implements Output {
  private final PrintWriter out;
  private final Terminal colours;
  private final java.util.function.IntSupplier width;
  /** Erases a progress bar drawn on the current line, so that output starts on a clean line (the bar redraws below it). */
  private volatile Runnable clearBar = () -> { };

  ReplIO(PrintWriter out) {
    this(out, null, () -> 0);
  }

  /**
   * Writes to {@code out}; diagnostics are coloured for {@code colours} when it is not null,
   * and their source lines cut to fit {@code width} columns (0: unknown, the printer's default).
   */
  ReplIO(PrintWriter out, Terminal colours, java.util.function.IntSupplier width) {
    this.out = out;
    this.colours = colours;
    this.width = width;
  }

  /** Diagnostics rendered to fit the terminal: a source line never wraps under its caret. */
  void diagnostics(List<Diagnostic> diagnostics) {
    StringBuilder text = new StringBuilder();
    diagnostics.forEach(d -> text.append(render(d)));
    error(text.toString());
  }

  private String render(Diagnostic d) {
    int columns = width.getAsInt();
    // the gutter ("  12 | ") and the "..." on either side of a cut line take the rest
    return columns <= 0 ? d.toString() : org.lawlang.diag.DiagnosticPrinter.render(d, columns - 16);
  }

  void clearBarWith(Runnable clear) {
    this.clearBar = clear;
  }

  void println(String text) {
    synchronized (out) {
      clearBar.run();
      out.println(text);
      out.flush();
    }
  }

  /** A rendered diagnostic (already ends with a newline). */
  void error(String rendered) {
    synchronized (out) {
      clearBar.run();
      out.print(colours == null ? rendered : coloured(rendered));
      out.flush();
    }
  }

  /** The diagnostic shape in colour: the severity and its carets red (yellow for a warning), hints cyan. */
  private String coloured(String rendered) {
    AttributedStringBuilder b = new AttributedStringBuilder();
    int severity = AttributedStyle.RED;
    for (String line : rendered.split("\n", -1)) {
      int error = line.indexOf("error: ");
      int warning = line.indexOf("warning: ");
      if (line.matches(" *\\d* *\\| *\\^+ *")) {
        int bar = line.indexOf('|');
        b.append(line.substring(0, bar + 1)).styled(AttributedStyle.BOLD.foreground(severity), line.substring(bar + 1));
      } else if (line.startsWith("  = hint:")) {
        b.styled(AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN), line);
      } else if (error >= 0 || warning >= 0) {
        int at = error >= 0 ? error : warning;
        int colour = error >= 0 ? AttributedStyle.RED : AttributedStyle.YELLOW;
        severity = colour;
        int end = line.indexOf(':', at) + 1;
        b.append(line.substring(0, at)).styled(AttributedStyle.BOLD.foreground(colour), line.substring(at, end))
            .styled(AttributedStyle.BOLD, line.substring(end));
      } else {
        b.append(line);
      }
      b.append('\n');
    }
    String ansi = b.toAnsi(colours);
    return ansi.substring(0, ansi.length() - 1);
  }

  /** The value of a bare expression typed at the prompt (a notebook shows it as the cell's result). */
  void result(Value value) {
    println(value.show());
  }

  PrintWriter writer() {
    return out;
  }

  @Override
  public void print(String text, List<Value> values) {
    println(text);
  }

  @Override
  public void warning(Diagnostic warning) {
    error(render(warning));
  }
}
