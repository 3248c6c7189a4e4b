package org.lawlang.diag;

/**
 * Renders a diagnostic in the one shape used everywhere:
 *
 * <pre>
 * file.law:3:7: error: unknown name 'alpa' [L201]
 *   3 | print alpa
 *     |       ^^^^
 *   = hint: did you mean 'alpha'?
 * </pre>
 */
public final class DiagnosticPrinter {
  /** Longer source lines are shown as a window of this many characters around the caret. */
  static final int MAX_SHOWN = 120;

  private DiagnosticPrinter() {}

  public static String render(Diagnostic d) {
    return render(d, MAX_SHOWN);
  }

  /**
   * As {@link #render(Diagnostic)}, showing at most {@code maxShown} characters of the source
   * line (a terminal narrower than the line would wrap it and put the caret on the wrong line).
   */
  public static String render(Diagnostic d, int maxShown) {
    int shown = Math.max(20, maxShown);
    StringBuilder out = new StringBuilder();
    Span span = d.span() == null ? Span.NOWHERE : d.span();
    boolean located = span.source() != Span.NOWHERE_SOURCE;
    if (located) {
      out.append(span.location()).append(": ");
    }
    out.append(d.severity().label()).append(": ").append(d.message());
    if (d.code() != null) {
      out.append(" [").append(d.code()).append(']');
    }
    out.append('\n');
    // a source with no text is a whole file that could not be read: its path is all there is to show
    if (located && !span.source().text().isEmpty()) {
      int line = span.line();
      String text = span.source().line(line);
      String number = Integer.toString(line);
      String gutter = " ".repeat(number.length());
      int col = span.column() - 1;
      int endOnLine = Math.min(span.end(), span.start() + Math.max(0, text.length() - col));
      int width = Math.max(1, endOnLine - span.start());
      if (text.length() > shown) {
        // a window of a very long line around the caret, elided with "..." on either side
        int from = Math.max(0, Math.min(col - shown / 3, text.length() - shown));
        int to = Math.min(text.length(), from + shown);
        String lead = from > 0 ? "..." : "";
        text = lead + text.substring(from, to) + (to < text.length() ? "..." : "");
        width = Math.max(1, Math.min(width, to - col));
        col = col - from + lead.length();
      }
      out.append("  ").append(number).append(" | ").append(expandTabs(text)).append('\n');
      out.append("  ").append(gutter).append(" | ")
          .append(" ".repeat(displayWidth(text, col)))
          .append("^".repeat(width))
          .append('\n');
    }
    if (d.hint() != null && !d.hint().isEmpty()) {
      out.append("  = hint: ").append(d.hint()).append('\n');
    }
    return out.toString();
  }

  private static String expandTabs(String text) {
    return text.replace("\t", "    ");
  }

  private static int displayWidth(String text, int chars) {
    int width = 0;
    for (int i = 0; i < Math.min(chars, text.length()); i++) {
      width += text.charAt(i) == '\t' ? 4 : 1;
    }
    return width + Math.max(0, chars - text.length());
  }
}
