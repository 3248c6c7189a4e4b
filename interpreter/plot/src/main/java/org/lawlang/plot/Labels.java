package org.lawlang.plot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.eval.Env;
import org.lawlang.eval.LawValue;
import org.lawlang.eval.ModuleValue;
import org.lawlang.eval.Value;
import org.lawlang.semantics.Builtin;
import org.lawlang.semantics.Law;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Stmt;

/**
 * Names the axes of a plot and finds the x variable of a curve: the one name in the
 * expression that nothing in scope defines (`L(N, 20*N)` runs along N). Axis labels take the
 * first series' names, with the unit of the laws plotted (`unit "nats/token"`) on the y axis
 * and what the x input means (`inputs N = "parameters"`) on the x axis.
 */
final class Labels {
  private final Env env;
  private final List<Law> laws = new ArrayList<>();
  private String xName;
  private String yText;

  Labels(Env env) {
    this.env = env;
  }

  void points(Stmt.PlotSeries s) {
    first(s.x().name(), s.y().span().text());
  }

  /** The x variable of a curve series: `vs X`, else the only unbound name in its expression. */
  String curveVariable(Stmt.PlotSeries s) {
    lawsIn(s.y());
    String text = s.y().span().text();
    String x;
    if (s.x() != null) {
      x = s.x().name();
    } else {
      Set<String> free = new LinkedHashSet<>();
      freeNames(s.y(), free);
      if (s.variable() != null) {
        free.remove(s.variable().name());
      }
      Value whole = s.y() instanceof Expr.Name n ? env.lookup(n.name()) : null;
      if (free.size() == 1) {
        x = free.iterator().next();
      } else if (free.isEmpty() && whole instanceof LawValue l && l.law().inputs().size() == 1) {
        x = l.law().inputs().get(0);
      } else {
        throw LawException.of(Msg.PLOT_NO_X, s.y().span(), text)
            .hint(free.isEmpty() ? "the expression has no free name; plot a law or an expression in one name, e.g. L(N, 20 * N)"
                : "it has " + free.size() + " free names (" + String.join(", ", free) + "); add 'vs NAME' or 'for NAME in [...]'");
      }
    }
    first(x, text);
    return x;
  }

  private void first(String x, String y) {
    if (xName == null) {
      xName = x;
      yText = y;
    }
  }

  String xLabel() {
    for (Law l : laws) {
      String meaning = l.meta().inputs().get(xName);
      if (meaning != null) {
        return xName + " (" + meaning + ")";
      }
    }
    return xName;
  }

  String yLabel() {
    for (Law l : laws) {
      if (l.meta().unit() != null) {
        return yText + " [" + l.meta().unit() + "]";
      }
    }
    return yText;
  }

  private void freeNames(Expr e, Set<String> out) {
    if (e instanceof Expr.Name n) {
      if (env.lookup(n.name()) == null && Builtin.named(n.name()).isEmpty()) {
        out.add(n.name());
      }
    } else if (e instanceof Expr.Unary u) {
      freeNames(u.operand(), out);
    } else if (e instanceof Expr.Binary b) {
      freeNames(b.lhs(), out);
      freeNames(b.rhs(), out);
    } else if (e instanceof Expr.Call c) {
      freeNames(c.callee(), out);
      c.args().forEach(a -> freeNames(a.value(), out));
    } else if (e instanceof Expr.Field f) {
      freeNames(f.target(), out);
    } else if (e instanceof Expr.Index i) {
      freeNames(i.target(), out);
      freeNames(i.index(), out);
    } else if (e instanceof Expr.ListLit l) {
      l.items().forEach(x -> freeNames(x, out));
    }
  }

  /** Collects the laws an expression calls (and the laws they call), for units and input names. */
  private void lawsIn(Expr e) {
    if (e instanceof Expr.Name n) {
      addLaw(env.lookup(n.name()));
    } else if (e instanceof Expr.Field f && f.target() instanceof Expr.Name m && env.lookup(m.name()) instanceof ModuleValue mod) {
      addLaw(mod.members().get(f.field()));
    } else if (e instanceof Expr.Unary u) {
      lawsIn(u.operand());
    } else if (e instanceof Expr.Binary b) {
      lawsIn(b.lhs());
      lawsIn(b.rhs());
    } else if (e instanceof Expr.Call c) {
      lawsIn(c.callee());
      c.args().forEach(a -> lawsIn(a.value()));
    }
  }

  private void addLaw(Value v) {
    if (v instanceof LawValue l) {
      addLaw(l.law());
    }
  }

  private void addLaw(Law law) {
    if (!laws.contains(law)) {
      laws.add(law);
      law.callees().values().forEach(this::addLaw);
    }
  }
}
