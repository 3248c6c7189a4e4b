package org.lawlang.solve;

import java.util.ArrayList;
import java.util.List;
import org.lawlang.compile.Flatten;
import org.lawlang.compile.Formula;
import org.lawlang.compile.Formula.Kind;
import org.lawlang.compile.Formula.Ref;
import org.lawlang.compile.Symbolic;
import org.lawlang.compile.Tape;
import org.lawlang.compile.TapeRun;
import org.lawlang.diag.Source;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Parsing;
import org.lawlang.syntax.Stmt;

/**
 * The Chinchilla form E + A·N^-α + B·D^-β compiled as a fit compiles it (the model, its five
 * first and fifteen second partials on one tape), for tests of the solver's passes on data
 * they make: parameters E, A, alpha, B, beta; E, A, B fitted as logarithms, alpha and beta in [0, 2].
 */
final class ChinchillaForm {
  static final List<Ref> PARAMS = java.util.stream.Stream.of("E", "A", "alpha", "B", "beta")
      .map(n -> new Ref(Kind.PARAMETER, n)).toList();
  private static final List<Ref> COLUMNS = List.of(new Ref(Kind.COLUMN, "N"), new Ref(Kind.COLUMN, "D"));

  private ChinchillaForm() {}

  /** The fit problem over columns N and D with targets {@code y} (log losses), weights {@code w} (null: 1 each) and {@code loss}. */
  static FitProblem problem(double[] nCol, double[] dCol, double[] y, double[] w, Loss loss) {
    Formula model = expr("E + A * N ^ (-alpha) + B * D ^ (-beta)");
    List<Formula> outputs = new ArrayList<>();
    outputs.add(model);
    List<Formula> firsts = new ArrayList<>();
    for (Ref q : PARAMS) {
      firsts.add(Symbolic.derivative(model, q));
    }
    outputs.addAll(firsts);
    for (int j = 0; j < PARAMS.size(); j++) {
      for (int k = j; k < PARAMS.size(); k++) {
        outputs.add(Symbolic.derivative(firsts.get(j), PARAMS.get(k)));
      }
    }
    TapeRun run = new TapeRun(Tape.compile(PARAMS, COLUMNS, outputs), new double[][] {nCol, dCol});
    double inf = Double.POSITIVE_INFINITY;
    return new FitProblem(run, y, w, loss, new double[] {0, 0, 0, 0, 0},
        new double[] {inf, inf, 2, inf, 2}, new boolean[] {true, true, false, true, false});
  }

  private static Formula expr(String text) {
    Expr e = ((Stmt.ExprStmt) Parsing.parse(new Source("test", text)).statements().get(0)).expr();
    return Flatten.expr(e, n -> new Flatten.Reference(n.equals("N") || n.equals("D") ? Kind.COLUMN : Kind.PARAMETER));
  }
}
