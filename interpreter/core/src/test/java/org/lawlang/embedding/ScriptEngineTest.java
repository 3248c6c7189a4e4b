package org.lawlang.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.Invocable;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import javax.script.SimpleScriptContext;
import org.junit.jupiter.api.Test;
import org.lawlang.api.DatasetInfo;
import org.lawlang.api.LawFunction;
import org.lawlang.api.LawScriptException;

/** The javax.script engine, found and driven only through javax.script. */
class ScriptEngineTest {
  private final ScriptEngineManager manager = new ScriptEngineManager();

  @Test
  void foundByNameExtensionAndMimeType() {
    ScriptEngine byName = manager.getEngineByName("law");
    assertThat(byName).isNotNull();
    assertThat(manager.getEngineByExtension("law")).isNotNull();
    assertThat(manager.getEngineByMimeType("text/x-law")).isNotNull();
    assertThat(byName.getFactory().getLanguageName()).isEqualTo("law");
    assertThat(byName.getFactory().getParameter(ScriptEngine.NAME)).isEqualTo("law");
    assertThat(byName.getFactory().getOutputStatement("a \"b\"")).isEqualTo("print \"a \\\"b\\\"\"");
  }

  @Test
  void bindingsFlowBothWays() throws Exception {
    ScriptEngine law = manager.getEngineByName("law");
    StringWriter out = new StringWriter();
    law.getContext().setWriter(out);
    law.put("budget", 5.76e23);
    law.put("sizes", List.of(1e9, 1e10));
    Object r = law.eval("""
        law L(N, D) = E + A / N^alpha + B / D^beta
            where E = 1.69, A = 406.4, B = 410.7, alpha = 0.34, beta = 0.28
        let tokens = budget / (6 * sizes[1])
        let names = ["a", "b"]
        print "tokens", tokens
        L(70B, 1.4T)
        """);
    assertThat((Double) r).isEqualTo(1.93665, within(1e-5));
    assertThat(out.toString()).startsWith("tokens 9.6e12");
    assertThat(law.get("tokens")).isEqualTo(5.76e23 / 6e10);
    assertThat(law.get("names")).isEqualTo(List.of("a", "b"));
    assertThat(law.get("budget")).isEqualTo(5.76e23);
    LawFunction L = (LawFunction) law.get("L");
    assertThat(L.applyAsDouble(70e9, 1.4e12)).isEqualTo((Double) r);

    // a law handed back under another name is a law again; changed bindings are seen
    law.put("M", L);
    law.put("budget", 1e24);
    assertThat((Double) law.eval("M(70B, 1.4T) - L(70B, 1.4T)")).isEqualTo(0.0);
    assertThat((Double) law.eval("budget")).isEqualTo(1e24);
  }

  @Test
  void datasetsGoInThroughBindings() throws Exception {
    ScriptEngine law = manager.getEngineByName("law");
    Map<String, double[]> cols = new LinkedHashMap<>();
    cols.put("N", new double[] {1e8, 1e9});
    cols.put("loss", new double[] {3.1, 2.7});
    Bindings b = law.createBindings();
    b.put("runs", DatasetInfo.of(cols));
    b.put("more", DatasetInfo.ofRows(List.of(Map.of("N", 1e10, "loss", 2.4))));
    assertThat((Double) law.eval("mean(runs.loss) + more.rows", b)).isEqualTo(3.9, within(1e-12));
    assertThat(((DatasetInfo) law.eval("runs", b)).name()).isEqualTo("runs");
  }

  @Test
  void compiledOnceRunManyTimes() throws Exception {
    ScriptEngine law = manager.getEngineByName("law");
    CompiledScript twice = ((Compilable) law).compile("2 * x");
    for (int i = 1; i <= 3; i++) {
      law.put("x", i);
      assertThat(twice.eval()).isEqualTo(2.0 * i);
    }
    ScriptContext other = new SimpleScriptContext();
    other.getBindings(ScriptContext.ENGINE_SCOPE).put("x", 10);
    assertThat(twice.eval(other)).isEqualTo(20.0);
  }

  @Test
  void invocableCallsLaws() throws Exception {
    ScriptEngine law = manager.getEngineByName("law");
    law.eval("law sq(x) = x^2");
    assertThat(((Invocable) law).invokeFunction("sq", 3)).isEqualTo(9.0);
    assertThatThrownBy(() -> ((Invocable) law).invokeFunction("nope")).isInstanceOf(NoSuchMethodException.class);
  }

  @Test
  void errorsAreScriptExceptionsWithPositions() {
    ScriptEngine law = manager.getEngineByName("law");
    law.put(ScriptEngine.FILENAME, "plan.law");
    ScriptException e = catchScript(() -> law.eval("let a = 1\nprint a + b"));
    assertThat(e.getFileName()).isEqualTo("plan.law");
    assertThat(e.getLineNumber()).isEqualTo(2);
    assertThat(e.getColumnNumber()).isEqualTo(11);
    assertThat(e.getMessage()).contains("unknown name 'b'", "L201");
    assertThat(e.getCause()).isInstanceOf(LawScriptException.class);
    assertThat(((LawScriptException) e.getCause()).problem().code()).isEqualTo("L201");

    ScriptException syntax = catchScript(() -> ((Compilable) law).compile("let = 3"));
    assertThat(syntax.getLineNumber()).isEqualTo(1);
    // a binding with no law counterpart is not visible to the script (LawScriptEngine's documented design)
    law.put("bad", new Object());
    assertThat(catchScript(() -> law.eval("bad")).getMessage()).contains("L201");
  }

  interface Body {
    void run() throws Exception;
  }

  static ScriptException catchScript(Body body) {
    try {
      body.run();
    } catch (ScriptException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError("expected a ScriptException, got " + e, e);
    }
    throw new AssertionError("expected a ScriptException");
  }
}
