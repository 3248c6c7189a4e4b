package org.lawlang.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lawlang.diag.LawException;
import org.lawlang.eval.EngineAccess;
import org.lawlang.eval.Output;
import org.lawlang.eval.Value;
import org.lawlang.eval.Values;

/**
 * A REPL-like session through {@link LawEngine}: several {@code eval} calls on one engine,
 * where an error of any kind (syntax, names, evaluation, data, limits, cancellation) loses
 * nothing computed before it, and a failed redefinition keeps the old value.
 */
class SessionStateTest {
  static final Path MATRIX = Path.of(System.getProperty("law.repo", "../.."))
      .resolve("interpreter/cli/src/test/resources/golden/errors/matrix").toAbsolutePath().normalize();
  private final StringBuilder out = new StringBuilder();
  private LawEngine engine;

  @BeforeEach
  void setUp() {
    engine = EngineAccess.output(LawEngine.builder(), Output.buffer(out)).workDir(MATRIX).threads(1).build();
    EngineAccess.eval(engine, "<repl>", "let a = 1");
    EngineAccess.eval(engine, "<repl>", "law L(N) = E + A / N^alpha where E = 1.69, A = 406.4, alpha = 0.34");
    EngineAccess.eval(engine, "<repl>", "data runs = csv \"good.csv\"");
  }

  private double num(String code) {
    Value v = EngineAccess.eval(engine, "<repl>", code);
    assertThat(v).isInstanceOf(Values.Num.class);
    return ((Values.Num) v).value();
  }

  private void assertStateKept() {
    assertThat(num("a")).isEqualTo(1);
    assertThat(num("L(1)")).isEqualTo(1.69 + 406.4);
    assertThat(num("count(runs)")).isEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "let = 3",                                   // syntax
    "print alpah",                               // unknown name
    "let a = 1 / 0",                             // evaluation, redefining a
    "let a = [1, 2][5]",                         // index
    "law L(N) = 1 / N^b where b = ln(-1)",       // a failed law redefinition
    "data runs = csv \"nan.csv\"",               // bad data, redefining runs
    "data runs = csv \"no_such.csv\"",           // missing file
    "data runs = csv \"good.csv\" { N = \"n\" }", // missing column
    "import no_such_module",                     // unknown module
    "let xs = 1..1e9",                           // limit
    "print 1e309",                               // literal overflow
    "print L(0)",                                // division by zero inside a law
    "print \"abc",                               // unterminated string
    "print " + "(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
        + "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((",
  })
  void anErrorKeepsTheSession(String bad) {
    assertThatThrownBy(() -> EngineAccess.eval(engine, "<repl>", bad)).isInstanceOf(LawException.class);
    assertStateKept();
  }

  @Test
  void statementsBeforeTheFailingOneStayDone() {
    assertThatThrownBy(() -> EngineAccess.eval(engine, "<repl>", "let b = 2\nlet c = b / 0\nlet d = 4")).isInstanceOf(LawException.class);
    assertThat(num("b")).isEqualTo(2);
    assertThatThrownBy(() -> EngineAccess.eval(engine, "<repl>", "d")).isInstanceOf(LawException.class);
    assertStateKept();
  }

  @Test
  void tablesStillPrintAfterTheCallDepthLimit() {
    EngineAccess.eval(engine, "<repl>", "proc deep(n) {\n  return deep(n + 1)\n}");
    assertThatThrownBy(() -> EngineAccess.eval(engine, "<repl>", "deep(1)")).isInstanceOf(LawException.class)
        .hasMessageContaining("200 deep");
    out.setLength(0);
    EngineAccess.eval(engine, "<repl>", "for x in [1, 2] {\n  row x, twice: 2 * x\n}");
    assertThat(out.toString()).contains("twice").contains("4");
    // and the limit is counted afresh: the same depth fails the same way, not 200 calls later
    assertThatThrownBy(() -> EngineAccess.eval(engine, "<repl>", "deep(1)")).isInstanceOf(LawException.class)
        .hasMessageContaining("200 deep");
    assertStateKept();
  }

  @Test
  void aScriptWithCheckErrorsRunsNothing() {
    assertThatThrownBy(() -> EngineAccess.eval(engine, "<repl>", "let e = 5\nprint nope")).isInstanceOf(LawException.class);
    assertThatThrownBy(() -> EngineAccess.eval(engine, "<repl>", "e")).isInstanceOf(LawException.class);
    assertStateKept();
  }

  @Test
  void cancellingALongLoopKeepsTheSession() throws InterruptedException {
    java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
    Thread canceller = new Thread(() -> {
      // keep asking: a cancel that arrives before the run starts is reset by the run
      while (!done.get()) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
        engine.cancel();
      }
    });
    canceller.start();
    try {
      assertThatThrownBy(() -> EngineAccess.eval(engine, "<repl>", "for i in 1..1e6 { for j in 1..1e6 { let k = i * j } }"))
          .isInstanceOf(LawException.class)
          .satisfies(e -> assertThat(((LawException) e).first().code()).isEqualTo("L311"));
    } finally {
      done.set(true);
      canceller.join();
    }
    assertStateKept();
  }
}
