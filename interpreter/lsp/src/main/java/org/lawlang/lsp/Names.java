package org.lawlang.lsp;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.lawlang.diag.Span;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Program;
import org.lawlang.syntax.Stmt;

/**
 * Where names are declared and used in one program, as the language scopes them: a `let`,
 * `law`, `data`, `proc` or import alias at the top level; a proc's parameters and its own
 * `let`s inside it; a `for` variable in its body. A plain name inside a law's formula is one
 * of its parameters, not a use of a value of that name, unless it names a law or proc (laws
 * call laws); a field after a dot and a named argument are not uses either.
 */
final class Names {
  private Names() {}

  /** A declaration: its name's span, the statement that makes it, and the block it is visible in (null: the whole program). */
  record Declaration(String name, Span nameSpan, Stmt statement, Stmt scope) {}

  /** Every declaration of the program, in source order, block-local ones included. */
  static List<Declaration> declarations(Program program) {
    List<Declaration> out = new ArrayList<>();
    declare(program.statements(), null, out);
    return out;
  }

  private static void declare(List<Stmt> list, Stmt scope, List<Declaration> out) {
    for (Stmt s : list) {
      if (s instanceof Stmt.Let l) {
        out.add(new Declaration(l.name().name(), l.name().span(), s, scope));
      } else if (s instanceof Stmt.LawDecl l) {
        out.add(new Declaration(l.name().name(), l.name().span(), s, scope));
      } else if (s instanceof Stmt.Data d) {
        out.add(new Declaration(d.name().name(), d.name().span(), s, scope));
      } else if (s instanceof Stmt.Proc p) {
        out.add(new Declaration(p.name().name(), p.name().span(), s, scope));
        p.params().forEach(a -> out.add(new Declaration(a.name(), a.span(), s, s)));
        declare(p.body(), s, out);
      } else if (s instanceof Stmt.For f) {
        out.add(new Declaration(f.variable().name(), f.variable().span(), s, s));
        declare(f.body(), s, out);
      } else if (s instanceof Stmt.Import i && i.alias() != null) {
        out.add(new Declaration(i.alias().name(), i.alias().span(), s, scope));
      }
    }
  }

  /** The declaration a name at {@code offset} refers to: the innermost visible one declared before it (or anywhere, for laws and procs). */
  static Declaration resolve(Program program, String name, int offset) {
    Declaration best = null;
    for (Declaration d : declarations(program)) {
      if (!d.name().equals(name)) {
        continue;
      }
      boolean visible = d.scope() == null || (d.scope().span().start() <= offset && offset < d.scope().span().end());
      if (!visible) {
        continue;
      }
      // the innermost block wins; in one block, the last declaration before the use
      if (best == null || size(d) < size(best) || size(d) == size(best) && d.nameSpan().start() <= offset) {
        best = d;
      }
    }
    return best;
  }

  private static int size(Declaration d) {
    return d.scope() == null ? Integer.MAX_VALUE : d.scope().span().end() - d.scope().span().start();
  }

  /** The spans of the declaration and of every use of it: what a rename changes. */
  static List<Span> occurrences(Program program, Declaration target) {
    List<Span> out = new ArrayList<>();
    out.add(target.nameSpan());
    boolean callable = target.statement() instanceof Stmt.LawDecl
        || target.statement() instanceof Stmt.Proc && target.scope() == null;
    List<Stmt> where = target.scope() == null ? program.statements()
        : target.scope() instanceof Stmt.Proc p ? p.body() : ((Stmt.For) target.scope()).body();
    for (Stmt s : where) {
      uses(s, target, callable, program, out);
    }
    out.sort(java.util.Comparator.comparingInt(Span::start));
    return out.stream().distinct().toList();
  }

  private static void uses(Object node, Declaration target, boolean callable, Program program, List<Span> out) {
    if (node == null || node instanceof String || node instanceof Number || node instanceof Boolean || node instanceof Enum<?>
        || node instanceof Span || node instanceof double[]) {
      return;
    }
    if (node instanceof Expr.Name n) {
      if (n.name().equals(target.name()) && target.equals(resolve(program, n.name(), n.span().start()))) {
        out.add(n.span());
      }
      return;
    }
    if (node instanceof Stmt.LawDecl l && !callable) {
      // names in a formula are its inputs and parameters (only laws and procs are called
      // there); the values after `where` and the bounds after `with` are read from the scope
      l.where().forEach(b -> uses(b.value(), target, callable, program, out));
      l.with().forEach(p -> {
        uses(p.bound(), target, callable, program, out);
        uses(p.interval(), target, callable, program, out);
        uses(p.start(), target, callable, program, out);
      });
      return;
    }
    if (node instanceof List<?> list) {
      list.forEach(x -> uses(x, target, callable, program, out));
      return;
    }
    if (node.getClass().isRecord()) {
      for (RecordComponent c : node.getClass().getRecordComponents()) {
        try {
          uses(c.getAccessor().invoke(node), target, callable, program, out);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }
}
