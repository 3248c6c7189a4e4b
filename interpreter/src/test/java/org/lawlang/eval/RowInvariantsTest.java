package org.lawlang.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lawlang.api.LawEngine;
import org.lawlang.diag.Source;
import org.lawlang.syntax.Expr;
import org.lawlang.syntax.Parsing;
import org.lawlang.syntax.Stmt;

/** Which parts of a per-row expression are evaluated once: builtin calls that do not read the row. */
class RowInvariantsTest {
  private final LawEngine engine = LawEngine.builder().output(Output.buffer(new StringBuilder())).build();

  private Expr hoisted(String expr, String... columns) {
    engine.eval("<test>", "data t = table(x, y) {\n 1, 5\n 2, 3\n 3, 9\n}\nlet k = 2");
    Expr e = ((Stmt.ExprStmt) Parsing.parse(new Source("<test>", expr)).statements().get(0)).expr();
    Session s = engine.session();
    return RowInvariants.hoist(e, Set.of(columns), s.globals(), s.interpreter());
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
