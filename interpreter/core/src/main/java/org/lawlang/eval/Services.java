package org.lawlang.eval;

import java.util.List;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Span;
import org.lawlang.semantics.Law;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Stmt;

/**
 * The statements that hand work to a solver or a renderer, each behind an interface so that
 * the interpreter stays small: fitting, optimisation and root finding, plotting, comparison,
 * and a hook on every law call (extrapolation warnings). A {@link Session} holds one of each.
 */
public final class Services {
  /** `fit target ~ law(inputs) to data ...`. */
  public interface FitService {
    Value fit(Expr.Fit node, Interpreter interpreter, Env env);
  }

  /** `minimize` / `maximize` and `solve`. */
  public interface OptimizeService {
    Value optimize(Expr.Optimize node, Interpreter interpreter, Env env);

    Value solve(Expr.Solve node, Interpreter interpreter, Env env);
  }

  /** `plot ...`. */
  public interface PlotService {
    void plot(Stmt.Plot node, Interpreter interpreter, Env env);
  }

  /** `compare L1, L2 at (...)`. */
  public interface CompareService {
    void compare(Stmt.Compare node, Interpreter interpreter, Env env);
  }

  /** Called before a law is evaluated at concrete inputs (e.g. to warn on extrapolation). */
  public interface LawCallHook {
    void beforeCall(Law law, List<Value> args, Span at, Interpreter interpreter);

    /** Before a proc runs: where it was called from (a stdlib proc's inner calls point there). */
    default void beforeProc(Span at) {}

    /** Where a diagnostic raised at {@code at} should point: inside the stdlib, the user's call that led there. */
    default Span userSite(Span at) {
      return at;
    }
  }

  FitService fit = (node, in, env) -> {
    throw LawException.of(Msg.NOT_IMPLEMENTED, node.span(), "fit");
  };
  OptimizeService optimize = new OptimizeService() {
    @Override
    public Value optimize(Expr.Optimize node, Interpreter in, Env env) {
      throw LawException.of(Msg.NOT_IMPLEMENTED, node.span(), node.maximize() ? "maximize" : "minimize");
    }

    @Override
    public Value solve(Expr.Solve node, Interpreter in, Env env) {
      throw LawException.of(Msg.NOT_IMPLEMENTED, node.span(), "solve");
    }
  };
  PlotService plot = (node, in, env) -> {
    throw LawException.of(Msg.NOT_IMPLEMENTED, node.span(), "plot");
  };
  CompareService compare = (node, in, env) -> {
    throw LawException.of(Msg.NOT_IMPLEMENTED, node.span(), "compare");
  };
  LawCallHook lawCall = (law, args, at, in) -> {};

  public Services fit(FitService s) {
    fit = s;
    return this;
  }

  public Services optimize(OptimizeService s) {
    optimize = s;
    return this;
  }

  public Services plot(PlotService s) {
    plot = s;
    return this;
  }

  public Services compare(CompareService s) {
    compare = s;
    return this;
  }

  public Services lawCall(LawCallHook s) {
    lawCall = s;
    return this;
  }

  /**
   * The services this build ships: fitting, optimisation and comparison from the core, and
   * plotting from whichever {@link PlotService} is on the class path (the law-plot artifact
   * registers one); an embedder without it gets a clear error from `plot`, not a missing class.
   */
  public static Services standard() {
    Services s = new Services();
    s.fit(new Fitting());
    s.optimize(new Optimizer());
    s.plot(installedPlotter());
    s.compare(new org.lawlang.eval.stdlib.Comparison()).lawCall(new org.lawlang.eval.stdlib.Extrapolation());
    return s;
  }

  private static PlotService installedPlotter() {
    for (PlotService found : java.util.ServiceLoader.load(PlotService.class, Services.class.getClassLoader())) {
      return found;
    }
    return (node, in, env) -> {
      throw LawException.of(Msg.PLOT_MODULE_MISSING, node.span())
          .hint("add org.lawlang:law-plot to the dependencies (the law command ships it)");
    };
  }
}
