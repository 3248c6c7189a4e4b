package org.lawlang.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import javax.script.ScriptEngine;
import javax.script.ScriptException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.junit.jupiter.api.Test;
import org.lawlang.api.LawEngine;
import org.lawlang.api.LawScriptEngineFactory;
import org.lawlang.api.LawScriptException;
import org.lawlang.eval.EngineAccess;
import org.lawlang.eval.Services;
import org.lawlang.syntax.Expr;

/**
 * A library exception thrown deep inside a run (a solver's Commons Math exception, an ANTLR
 * one) reaches an embedder only as a LawScriptException (code L990, with the cause kept), or
 * through javax.script as a ScriptException caused by one.
 */
class LibraryExceptionsTest {
  static LawEngine engineWhoseFitThrows(RuntimeException e) {
    Services services = Services.standard().fit((Expr.Fit node, org.lawlang.eval.Interpreter in, org.lawlang.eval.Env env) -> {
      throw e;
    });
    return EngineAccess.services(LawEngine.builder(), services).onPrint(s -> {}).build();
  }

  static final String FIT = "data runs = table (N, loss) {\n 1 2\n 3 4\n}\nlaw F(N) = A / N with A > 0\nlet f = fit loss ~ F(N) to runs";

  @Test
  void commonsMathAndAntlrExceptionsArriveTyped() {
    for (RuntimeException raw : new RuntimeException[] {new TooManyEvaluationsException(100), new ParseCancellationException("x")}) {
      LawEngine engine = engineWhoseFitThrows(raw);
      LawScriptException e = LawEngineTest.catchLaw(() -> engine.eval(FIT));
      assertThat(e.code()).isEqualTo("L990");
      assertThat(e.getMessage()).contains("internal error", raw.getClass().getSimpleName());
      assertThat(e.getCause()).isSameAs(raw);
      // what ran before the failing statement is still there
      assertThat(engine.eval("runs.rows").asDouble()).isEqualTo(2);
    }
  }

  @Test
  void theScriptEngineTurnsThemIntoScriptExceptions() {
    ScriptEngine law = new LawScriptEngineFactory().getScriptEngine();
    law.put("x", 1);
    ScriptException e = ScriptEngineTest.catchScript(() -> law.eval("let y = x +\n"));
    assertThat(e.getCause()).isInstanceOf(LawScriptException.class);
    assertThat(e.getLineNumber()).isPositive();
  }
}
