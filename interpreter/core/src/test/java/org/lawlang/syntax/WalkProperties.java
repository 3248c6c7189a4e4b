package org.lawlang.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import org.lawlang.diag.LawException;
import org.lawlang.semantics.Checker;
import org.lawlang.semantics.Symbols;

/**
 * The tree walks written once handle every kind of node: {@link Walk#children} reaches every
 * expression the generator builds, and the checker has a rule for every statement and
 * expression (it refuses a node it has none for, so one added later cannot pass unchecked).
 * The kinds the generator builds are counted against the sealed hierarchies, so a node the
 * generator never builds fails here too.
 */
class WalkProperties {
  @Provide
  Arbitrary<List<Stmt>> programs() {
    return AstArbitraries.stmts(3).list().ofMinSize(1).ofMaxSize(5);
  }

  private static final Symbols NONE = new Symbols() {
    @Override
    public Kind kindOf(String name) {
      return null;
    }

    @Override
    public Set<String> names() {
      return Set.of();
    }

    @Override
    public Map<String, Kind> moduleExports(String module, String path, org.lawlang.diag.Span at) {
      return Map.of();
    }
  };

  /** The outermost expressions in a node (statements and their parts found through their record components). */
  private static void outermost(Object node, List<Expr> out) throws ReflectiveOperationException {
    if (node instanceof Expr e) {
      out.add(e);
    } else if (node instanceof List<?> list) {
      for (Object x : list) {
        outermost(x, out);
      }
    } else if (node instanceof Record r) {
      for (var c : r.getClass().getRecordComponents()) {
        outermost(c.getAccessor().invoke(r), out);
      }
    }
  }

  @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
  void everyNodeHasAWalkAndACheck(@ForAll("programs") List<Stmt> statements) throws ReflectiveOperationException {
    kinds(statements);
    try {
      Checker.check(new Program(AstArbitraries.AT.source(), statements), NONE);
    } catch (LawException expected) {
      // a generated program may well have errors: what matters is that none is an unhandled node
    }
  }

  /** The classes of every statement and expression in {@code statements}, each expression reached by {@link Walk#children}. */
  private static Set<Class<?>> kinds(List<Stmt> statements) throws ReflectiveOperationException {
    Set<Class<?>> seen = new HashSet<>();
    statements.forEach(s -> seen.add(s.getClass()));
    List<Expr> top = new java.util.ArrayList<>();
    outermost(statements, top);
    Deque<Expr> todo = new ArrayDeque<>(top);
    while (!todo.isEmpty()) {
      Expr e = todo.pop();
      seen.add(e.getClass());
      todo.addAll(Walk.children(e));
    }
    return seen;
  }

  /** Without this, a node the generator never builds would never meet the walks above. */
  @Example
  void theGeneratorBuildsEveryKindOfNode() throws ReflectiveOperationException {
    Set<Class<?>> seen = new HashSet<>();
    for (List<Stmt> program : (Iterable<List<Stmt>>) programs().sampleStream().limit(1500)::iterator) {
      seen.addAll(kinds(program));
    }
    Set<Class<?>> kinds = new HashSet<>(List.of(Stmt.class.getPermittedSubclasses()));
    kinds.addAll(List.of(Expr.class.getPermittedSubclasses()));
    kinds.removeAll(seen);
    assertThat(kinds).as("node kinds never generated").isEmpty();
  }
}
