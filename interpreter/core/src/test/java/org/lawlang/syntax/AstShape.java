package org.lawlang.syntax;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.lawlang.diag.Source;
import org.lawlang.diag.Span;

/**
 * The shape of an AST as plain lists, for comparing trees: records become [name,
 * components...], arrays become lists. {@link #of} drops every {@link Span} and {@link Source}
 * (a parsed tree against a re-parsed one: the round-trip properties and the parser fuzz
 * target); {@link #withSpans} keeps spans as [start, end] and checks they belong to one source
 * (a tree read back from the parse cache against the parser's).
 */
public final class AstShape {
  private AstShape() {}

  public static Object of(Object node) {
    return shape(node, null);
  }

  public static Object withSpans(Object node, Source source) {
    return shape(node, source);
  }

  /** With a null {@code source}, spans are dropped; otherwise kept, and each must be in {@code source} or be NOWHERE. */
  private static Object shape(Object node, Source source) {
    if (node == null || node instanceof String || node instanceof Number || node instanceof Boolean || node instanceof Enum<?>) {
      return node;
    }
    if (node instanceof Span s) {
      if (s != Span.NOWHERE && s.source() != source) {
        throw new IllegalStateException("a span from another source: " + s);
      }
      return s == Span.NOWHERE ? "nowhere" : List.of(s.start(), s.end());
    }
    if (node instanceof double[] xs) {
      List<Object> out = new ArrayList<>();
      for (double x : xs) {
        out.add(x);
      }
      return out;
    }
    if (node instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(x -> out.add(shape(x, source)));
      return out;
    }
    if (node.getClass().isRecord()) {
      List<Object> out = new ArrayList<>();
      out.add(node.getClass().getName());
      for (RecordComponent c : node.getClass().getRecordComponents()) {
        if (source == null && (c.getType() == Span.class || c.getType() == Source.class)) {
          continue;
        }
        try {
          out.add(shape(c.getAccessor().invoke(node), source));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      return out;
    }
    throw new IllegalArgumentException("not an AST node: " + node.getClass());
  }
}
