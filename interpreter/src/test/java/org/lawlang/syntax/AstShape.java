package org.lawlang.syntax;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.lawlang.diag.Source;
import org.lawlang.diag.Span;

/**
 * The shape of an AST without its spans, for comparing a parsed tree with a re-parsed one:
 * records become [name, components...] with every {@link Span} and {@link Source} dropped,
 * arrays become lists. Used by the round-trip properties and the parser fuzz target.
 */
public final class AstShape {
  private AstShape() {}

  public static Object of(Object node) {
    if (node == null || node instanceof String || node instanceof Number || node instanceof Boolean || node instanceof Enum<?>) {
      return node;
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
      list.forEach(x -> out.add(of(x)));
      return out;
    }
    if (node.getClass().isRecord()) {
      List<Object> out = new ArrayList<>();
      out.add(node.getClass().getSimpleName());
      for (RecordComponent c : node.getClass().getRecordComponents()) {
        if (c.getType() == Span.class || c.getType() == Source.class) {
          continue;
        }
        try {
          out.add(of(c.getAccessor().invoke(node)));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      return out;
    }
    throw new IllegalArgumentException("not an AST node: " + node.getClass());
  }
}
