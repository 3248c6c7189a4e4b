package org.lawlang.diag;

import java.util.ArrayList;
import java.util.List;

/** A named piece of law source text (a file, a REPL line, an API string) with a line index for diagnostics. */
public final class Source {
  private final String name;
  private final String text;
  private final int[] lineStarts;

  public Source(String name, String text) {
    this.name = name;
    this.text = text;
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        starts.add(i + 1);
      }
    }
    lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  public String name() {
    return name;
  }

  public String text() {
    return text;
  }

  /** 1-based line of a character offset. */
  public int lineOf(int offset) {
    int lo = 0;
    int hi = lineStarts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (lineStarts[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo + 1;
  }

  /** 1-based column (in characters) of a character offset. */
  public int columnOf(int offset) {
    return offset - lineStarts[lineOf(offset) - 1] + 1;
  }

  /** The text of a 1-based line, without its line terminator. */
  public String line(int line) {
    if (line < 1 || line > lineStarts.length) {
      return "";
    }
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] : text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(start, end);
  }

  public int lineCount() {
    return lineStarts.length;
  }
}
