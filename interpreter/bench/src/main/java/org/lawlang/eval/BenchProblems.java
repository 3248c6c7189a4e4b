package org.lawlang.eval;

import java.nio.file.Path;
import java.util.List;
import org.lawlang.api.LawEngine;
import org.lawlang.diag.Source;
import org.lawlang.solve.FitProblem;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Program;
import org.lawlang.syntax.Stmt;

/**
 * The bound {@link FitProblem} of a script's {@code fit}, built exactly as a run builds it
 * ({@link FitSetup}), for benchmarks that time one evaluation of the objective. Lives in the
 * interpreter's package (the bench module shares it on the class path) because FitSetup is
 * not public API.
 */
public final class BenchProblems {
  private BenchProblems() {}

  /** A bound problem with its free parameters' names, in the solver's order. */
  public record Bound(FitProblem problem, List<String> names) {}

  /** The Chinchilla fit of {@code bench/fit_vs_peer.sh} (Huber, delta 1e-3, on log) on the 240 rows it uses. */
  public static Bound chinchilla(Path csv) {
    String setup = String.join("\n",
        "data all = csv \"" + csv.toAbsolutePath().toString().replace("\\", "/")
            + "\" { N = \"Model Size\"\n C = \"Training FLOP\"\n loss = \"loss\"\n D = C / (6 * N) }",
        "data runs = all where loss < largest(all.loss, 5)",
        "law Lfit(N, D) = E + A / N^alpha + B / D^beta with E > 0, A > 0, B > 0, alpha in [0, 2], beta in [0, 2]");
    return problem(csv.toAbsolutePath().getParent(), setup, "fit loss ~ Lfit(N, D) to runs using huber(1e-3) on log");
  }

  /** Runs {@code setup}, then builds (without solving) the problem of the fit expression {@code fit}. */
  public static Bound problem(Path workDir, String setup, String fit) {
    LawEngine engine = EngineAccess.output(LawEngine.builder(), Output.buffer(new StringBuilder())).workDir(workDir).build();
    EngineAccess.eval(engine, "setup", setup);
    Session session = EngineAccess.session(engine);
    Program program = session.compile(new Source("fit", fit));
    Expr.Fit node = (Expr.Fit) ((Stmt.ExprStmt) program.statements().get(0)).expr();
    FitSetup fs = new FitSetup(node, session.interpreter(), session.globals());
    FitSpec spec = session.evaluation(fs::spec);
    return new Bound(spec.problem(), spec.free().stream().map(p -> p.name()).toList());
  }
}
