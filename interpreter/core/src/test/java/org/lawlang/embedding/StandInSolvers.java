package org.lawlang.embedding;

import java.util.List;
import java.util.Map;
import org.lawlang.eval.FitReport;
import org.lawlang.eval.LawValue;
import org.lawlang.eval.OptimumReport;
import org.lawlang.eval.Services;
import org.lawlang.eval.Value;
import org.lawlang.eval.Values;
import org.lawlang.semantics.Law;
import org.lawlang.syntax.Expr;

/**
 * Stand-ins for the fitting and optimisation services, shaped like the real ones will be: a
 * fit returns the law with its parameters fixed (callable, and a FitReport); `minimize`
 * returns an OptimumReport splitting the budget 6·N·D = budget at N = 7e10. They let the
 * embedding glue (casts, `f(N, D)` calls, JSON) be tested before the real services merge.
 */
final class StandInSolvers {
  private StandInSolvers() {}

  static final Map<String, Double> TRUTH = Map.of("E", 1.69, "A", 406.4, "B", 410.7, "alpha", 0.34, "beta", 0.28);

  static Services services() {
    return Services.standard()
        .fit((Expr.Fit node, org.lawlang.eval.Interpreter in, org.lawlang.eval.Env env) -> {
          Expr.Call model = (Expr.Call) node.model();
          LawValue law = (LawValue) in.eval(model.callee(), env);
          return new FittedLaw(law.law().withFixed(TRUTH));
        })
        .optimize(new Services.OptimizeService() {
          @Override
          public Value optimize(Expr.Optimize node, org.lawlang.eval.Interpreter in, org.lawlang.eval.Env env) {
            double budget = ((Values.Num) env.lookup("budget")).value();
            return new Optimum(7e10, budget / (6 * 7e10));
          }

          @Override
          public Value solve(Expr.Solve node, org.lawlang.eval.Interpreter in, org.lawlang.eval.Env env) {
            throw new UnsupportedOperationException();
          }
        });
  }

  static final class FittedLaw extends LawValue implements FitReport {
    FittedLaw(Law law) {
      super(law);
    }

    @Override
    public List<String> parameterNames() {
      return List.of("E", "A", "B", "alpha", "beta");
    }

    @Override
    public double estimate(String p) {
      return TRUTH.get(p);
    }

    @Override
    public double standardError(String p) {
      return 0.01;
    }

    @Override
    public double[] interval(String p) {
      return null;
    }

    @Override
    public String status() {
      return "converged";
    }

    @Override
    public boolean converged() {
      return true;
    }

    @Override
    public double objective() {
      return 1e-3;
    }

    @Override
    public int observations() {
      return 30;
    }

    @Override
    public int iterations() {
      return 12;
    }

    @Override
    public Map<String, Double> statistics() {
      return Map.of();
    }

    @Override
    public String typeName() {
      return "fit";
    }
  }

  record Optimum(double n, double d) implements OptimumReport, Value {
    @Override
    public String status() {
      return "optimal";
    }

    @Override
    public boolean global() {
      return true;
    }

    @Override
    public Map<String, Double> point() {
      return Map.of("N", n, "D", d);
    }

    @Override
    public double objective() {
      return 1.9;
    }

    @Override
    public List<String> activeConstraints() {
      return List.of("compute");
    }

    @Override
    public Map<String, Double> shadowPrices() {
      return Map.of("compute", -0.05);
    }

    @Override
    public String typeName() {
      return "optimum";
    }

    @Override
    public String show() {
      return "optimum N = " + n + ", D = " + d;
    }
  }
}
