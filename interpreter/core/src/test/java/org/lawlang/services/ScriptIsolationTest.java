package org.lawlang.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.script.Bindings;
import javax.script.CompiledScript;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import javax.script.SimpleBindings;
import javax.script.SimpleScriptContext;
import org.junit.jupiter.api.Test;
import org.lawlang.api.LawScriptEngine;

/**
 * Request isolation in the javax.script engine: each run with its own bindings sees only those
 * and the engine's declared globals; nothing a request binds or defines reaches another.
 */
class ScriptIsolationTest {
  static LawScriptEngine engine() {
    ScriptEngine e = new ScriptEngineManager().getEngineByName("law");
    assertThat(e).isInstanceOf(LawScriptEngine.class);
    return (LawScriptEngine) e;
  }

  /** The probe: request 2 must not see request 1's secret, nor get its names back. */
  @Test
  void aSecretDoesNotCrossToTheNextRequest() throws Exception {
    LawScriptEngine e = engine();
    CompiledScript script = e.compile("let seen = secret\nseen");
    Bindings first = new SimpleBindings();
    first.put("secret", "token-of-request-1");
    assertThat(script.eval(first)).isEqualTo("token-of-request-1");
    assertThat(first).containsEntry("seen", "token-of-request-1");

    Bindings second = new SimpleBindings();
    assertThatThrownBy(() -> script.eval(second)).isInstanceOf(ScriptException.class)
        .hasMessageContaining("secret").hasMessageContaining("L201");
    assertThat(second).doesNotContainKeys("secret", "seen");
    assertThat(e.lawEngine().names()).doesNotContain("secret", "seen");
  }

  @Test
  void bindingNullUnbinds() throws Exception {
    LawScriptEngine e = engine();
    Bindings b = new SimpleBindings();
    b.put("secret", 42);
    assertThat(e.eval("secret + 1", b)).isEqualTo(43.0);
    b.put("secret", null);
    assertThatThrownBy(() -> e.eval("secret", b)).isInstanceOf(ScriptException.class).hasMessageContaining("L201");
  }

  @Test
  void tenThousandRequestsLeaveTheGlobalsAsDeclared() throws Exception {
    LawScriptEngine e = engine();
    e.lawEngine().eval("law L(N) = E + A / N^alpha where E = 1.69, A = 406.4, alpha = 0.34");
    Set<String> declared = Set.copyOf(e.lawEngine().names());
    CompiledScript script = e.compile("let out = L(n) + 0 * 1");
    for (int i = 0; i < 10_000; i++) {
      Bindings b = new SimpleBindings();
      b.put("n", 1e9 + i);
      b.put("unique_" + i, i);
      script.eval(b);
      // what comes back: the request's own bindings and what it defined, nothing else
      assertThat(b.keySet()).containsExactlyInAnyOrder("n", "unique_" + i, "out");
    }
    assertThat(e.lawEngine().names()).containsExactlyInAnyOrderElementsOf(declared);
    Bindings fresh = new SimpleBindings();
    assertThatThrownBy(() -> e.eval("unique_9999", fresh)).isInstanceOf(ScriptException.class).hasMessageContaining("L201");
  }

  @Test
  void oneCompiledScriptOnSixteenThreadsNeverMixesBindings() throws Exception {
    LawScriptEngine e = engine();
    e.lawEngine().eval("law L(N) = E + A / N^alpha where E = 1.69, A = 406.4, alpha = 0.34");
    CompiledScript script = e.compile("let mine = id\nlet loss = L(n)\nfor k in 1..20 { let x = k }\nid * 1000 + n / 1e9");
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<String>> done = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        int id = t;
        Callable<String> request = () -> {
          start.await();
          for (int round = 0; round < 25; round++) {
            Bindings b = new SimpleBindings();
            double n = (round + 1) * 1e9;
            b.put("id", id);
            b.put("n", n);
            Object last = script.eval(b);
            double expected = 1.69 + 406.4 / Math.pow(n, 0.34);
            if (!last.equals(id * 1000.0 + round + 1) || !b.get("mine").equals((double) id)
                || Math.abs((Double) b.get("loss") - expected) > 1e-12 * expected) {
              return "thread " + id + " round " + round + " got " + last + " " + b;
            }
          }
          return "ok";
        };
        done.add(pool.submit(request));
      }
      start.countDown();
      for (Future<String> f : done) {
        assertThat(f.get()).isEqualTo("ok");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theSameBindingsKeepWhatTheirRunsDefined() throws Exception {
    LawScriptEngine e = engine();
    ScriptContext ctx = new SimpleScriptContext();
    ctx.setBindings(new SimpleBindings(), ScriptContext.ENGINE_SCOPE);
    e.eval("proc twice(x) { return 2 * x }\nlaw L(N) = A / N where A = 10", ctx);
    assertThat(e.eval("twice(L(5))", ctx)).isEqualTo(4.0);
    // another context has none of it
    assertThatThrownBy(() -> e.eval("twice(1)", new SimpleBindings())).isInstanceOf(ScriptException.class);
  }

  @Test
  void bindingsWithNoLawCounterpartAreNotVisible() throws Exception {
    LawScriptEngine e = engine();
    Bindings b = new SimpleBindings();
    b.put("logger", java.util.logging.Logger.getLogger("x"));
    b.put("my-key", 3);
    b.put("x", 2);
    assertThat(e.eval("x * 2", b)).isEqualTo(4.0);
    assertThatThrownBy(() -> e.eval("logger", b)).isInstanceOf(ScriptException.class).hasMessageContaining("L201");
  }
}
