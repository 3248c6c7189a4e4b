package org.lawlang.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.lawlang.api.LawEngine;
import org.lawlang.diag.Source;
import org.lawlang.eval.EngineAccess;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Parsing;
import org.lawlang.syntax.Stmt;

/** Which parts of a per-row expression are evaluated once: builtin calls that do not read the row. */
class RowInvariantsTest {
  private final LawEngine engine = EngineAccess.output(LawEngine.builder(), Output.buffer(new StringBuilder())).build();

  private Expr hoisted(String expr, String... columns) {
    EngineAccess.eval(engine, "<test>", "data t = table(x, y) {\n 1, 5\n 2, 3\n 3, 9\n}\nlet k = 2");
    Expr e = ((Stmt.ExprStmt) Parsing.parse(new Source("<test>", expr)).statements().get(0)).expr();
    Session s = EngineAccess.session(engine);
    return RowInvariants.hoist(e, Set.of(columns), s.globals(), s.interpreter());
  }

  @Provide
  Arbitrary<String> predicates() {
    Arbitrary<String> atom = Arbitraries.of("x", "y", "k", "2", "-1", "0.5", "max(t.y)", "median(t.x)", "largest(t.y, k)",
        "smallest(t.x, 2)", "abs(x - 3)", "ln(k)", "ln(-1)", "sqrt(y)", "count(t)", "mean(t.y) / 0", "max(x, k)");
    Arbitrary<String> sum = Combinators.combine(atom, Arbitraries.of(" + ", " - ", " * ", " / ", " ^ "), atom).as((a, op, b) -> a + op + b);
    Arbitrary<String> term = Arbitraries.oneOf(atom, sum);
    Arbitrary<String> compare = Combinators.combine(term, Arbitraries.of(" < ", " >= ", " == ", " != "), term).as((a, op, b) -> a + op + b);
    return Arbitraries.oneOf(compare, Combinators.combine(compare, Arbitraries.of(" and ", " or "), compare).as((a, op, b) -> a + op + b));
  }

  /** Per row, the hoisted expression gives what the original gives: the same value, or an error with the same message. */
  @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
  void hoistingChangesNoRowsResult(@ForAll("predicates") String predicate) {
    EngineAccess.eval(engine, "<test>", "data t = table(x, y) {\n 1, 5\n 2, 3\n 3, 9\n 4, 0\n}\nlet k = 2");
    Session s = EngineAccess.session(engine);
    Expr e = ((Stmt.ExprStmt) Parsing.parse(new Source("<test>", predicate)).statements().get(0)).expr();
    Expr h = RowInvariants.hoist(e, Set.of("x", "y"), s.globals(), s.interpreter());
    org.lawlang.data.Dataset data = ((DataValue) s.globals().lookup("t")).data();
    for (int i = 0; i < data.rows(); i++) {
      assertThat(outcome(h, data, i)).as("%s, row %d", predicate, i).isEqualTo(outcome(e, data, i));
    }
  }

  private String outcome(Expr e, org.lawlang.data.Dataset data, int row) {
    Session s = EngineAccess.session(engine);
    try {
      return s.interpreter().eval(e, DataBuilder.rowEnv(data, row, s.globals())).show();
    } catch (org.lawlang.diag.LawException x) {
      return "error: " + x.first().message();
    }
  }

  @Test
  void aBuiltinOfOtherDataIsEvaluatedOnce() {
    Expr e = hoisted("y < largest(t.y, k)", "x", "y");
    assertThat(((Expr.Binary) e).rhs()).isEqualTo(new Expr.Num(((Expr.Binary) e).rhs().span(), 5));
  }

  @Test
  void callsThatReadTheRowStay() {
    Expr e = hoisted("y < max(x, 2) + median(t.y)", "x", "y");
    Expr.Binary sum = (Expr.Binary) ((Expr.Binary) e).rhs();
    assertThat(sum.lhs()).isInstanceOf(Expr.Call.class); // max(x, 2) reads the row
    assertThat(sum.rhs()).isInstanceOf(Expr.Num.class); // median(t.y) does not
  }

  @Test
  void aColumnNamedLikeABuiltinIsTheColumn() {
    Expr e = hoisted("y < max(t.y)", "max", "y");
    assertThat(((Expr.Binary) e).rhs()).isInstanceOf(Expr.Call.class);
  }

  @Test
  void failingAndNonNumericCallsStayForTheRowsToReport() {
    assertThat(((Expr.Binary) hoisted("x > ln(-1)", "x")).rhs()).isInstanceOf(Expr.Call.class);
    assertThat(((Expr.Binary) hoisted("x > warn_if(x > 1, \"big\")", "x")).rhs()).isInstanceOf(Expr.Call.class);
  }
}
