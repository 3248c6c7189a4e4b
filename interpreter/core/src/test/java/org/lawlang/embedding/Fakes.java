package org.lawlang.embedding;

import java.util.List;
import java.util.Map;
import org.lawlang.eval.FitReport;
import org.lawlang.eval.OptimumReport;
import org.lawlang.eval.Value;

/**
 * Small stand-ins for the values `fit` and `minimize` return, implementing the report
 * interfaces the API and the JSON output read; used until the real services merge.
 */
final class Fakes {
  private Fakes() {}

  static final class Fit implements FitReport, Value {
    @Override
    public List<String> parameterNames() {
      return List.of("alpha", "E");
    }

    @Override
    public double estimate(String p) {
      return p.equals("alpha") ? 0.34 : 1.69;
    }

    @Override
    public double standardError(String p) {
      return p.equals("alpha") ? 0.02 : Double.NaN;
    }

    @Override
    public double[] interval(String p) {
      return p.equals("alpha") ? new double[] {0.3, 0.38} : null;
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
      return 0.0123;
    }

    @Override
    public int observations() {
      return 240;
    }

    @Override
    public int iterations() {
      return 17;
    }

    @Override
    public Map<String, Double> statistics() {
      return Map.of("r2", 0.98);
    }

    @Override
    public String typeName() {
      return "fit";
    }

    @Override
    public String show() {
      return "fit L: converged";
    }
  }

  static final class Opt implements OptimumReport, Value {
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
      return Map.of("N", 7e10);
    }

    @Override
    public double objective() {
      return 1.94;
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
      return "minimum 1.94 at N = 7e10 (optimal, global)";
    }
  }
}
