package org.lawlang.diag;

/** A half-open range [start, end) of character offsets in a {@link Source}; every AST node and diagnostic carries one. */
public record Span(Source source, int start, int end) {

  public static final Source NOWHERE_SOURCE = new Source("<builtin>", "");
  public static final Span NOWHERE = new Span(NOWHERE_SOURCE, 0, 0);

  public int line() {
    return source.lineOf(start);
  }

  public int column() {
    return source.columnOf(start);
  }

  /** The smallest span covering both. */
  public Span to(Span other) {
    if (other == null || other.source != source) {
      return this;
    }
    return new Span(source, Math.min(start, other.start), Math.max(end, other.end));
  }

  public String text() {
    return source.text().substring(Math.min(start, source.text().length()), Math.min(end, source.text().length()));
  }

  public String location() {
    return source.name() + ":" + line() + ":" + column();
  }

  @Override
  public String toString() {
    return location();
  }
}
