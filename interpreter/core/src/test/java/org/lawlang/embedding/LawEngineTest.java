package org.lawlang.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawlang.api.DatasetInfo;
import org.lawlang.api.LawDiagnostic;
import org.lawlang.api.LawEngine;
import org.lawlang.api.LawFunction;
import org.lawlang.api.LawInfo;
import org.lawlang.api.LawListener;
import org.lawlang.api.LawResult;
import org.lawlang.api.LawScript;
import org.lawlang.api.LawScriptException;
import org.lawlang.api.Table;

/** The Java API through its public surface only (this test lives outside org.lawlang.api). */
class LawEngineTest {
  static final String CHINCHILLA = """
      law L(N, D) = E + A / N^alpha + B / D^beta
          where E = 1.69, A = 406.4, B = 410.7, alpha = 0.34, beta = 0.28
          unit "nats/token"
      """;

  private final List<String> printed = new ArrayList<>();
  private final LawEngine engine = LawEngine.builder().onPrint(printed::add).onWarning(w -> printed.add("warning " + w)).build();

  @Test
  void evalReturnsTypedValues() {
    assertThat(engine.eval("6 * 70B * 1.4T").asDouble()).isEqualTo(5.88e23, within(1e9));
    assertThat(engine.eval("\"a\"")).isEqualTo(new LawResult.Text("a"));
    assertThat(engine.eval("1 < 2")).isEqualTo(new LawResult.Bool(true));
    assertThat(engine.eval("let x = 3")).isEqualTo(LawResult.None.INSTANCE);
    LawResult list = engine.eval("[1, 2, x]");
    assertThat(list).isInstanceOf(LawResult.Items.class);
    assertThat(((LawResult.Items) list).doubles()).containsExactly(1, 2, 3);
    assertThat(list.toJava()).isEqualTo(List.of(1.0, 2.0, 3.0));
    assertThat(engine.getNumber("x")).isEqualTo(3);
  }

  @Test
  void lawsAreDescribedAndCallableFromJava() {
    engine.eval(CHINCHILLA);
    LawInfo info = (LawInfo) engine.get("L");
    assertThat(info.inputs()).containsExactly("N", "D");
    assertThat(info.fixed()).containsEntry("alpha", 0.34);
    assertThat(info.free()).isEmpty();
    assertThat(info.unit()).isEqualTo("nats/token");

    LawFunction L = engine.law("L");
    double expected = engine.eval("L(70B, 1.4T)").asDouble();
    assertThat(L.applyAsDouble(70e9, 1.4e12)).isEqualTo(expected);
    assertThat(L.asBinary().applyAsDouble(70e9, 1.4e12)).isEqualTo(expected);
    assertThat(L.applyAll(new double[] {70e9, 280e9}, new double[] {1.4e12, 300e9})).hasSize(2).startsWith(expected);
    assertThatThrownBy(L::asUnary).isInstanceOf(LawScriptException.class);
    LawScriptException arity = catchLaw(() -> L.applyAsDouble(1));
    assertThat(arity.code()).isEqualTo("L202");
    assertThat(arity.problem().source()).isEqualTo("<java>");
  }

  @Test
  void javaValuesGoInAndComeBack() {
    engine.set("budget", 5.76e23);
    engine.set("sizes", new double[] {1e9, 1e10});
    engine.set("label", "run");
    engine.set("cfg", Map.of("lr", 3e-4));
    assertThat(engine.eval("budget / 6 / sizes[1]").asDouble()).isEqualTo(5.76e23 / 6 / 1e10, within(1.0));
    assertThat(engine.eval("label").toJava()).isEqualTo("run");
    assertThat(engine.eval("cfg.lr").asDouble()).isEqualTo(3e-4);
    engine.set("again", engine.get("sizes"));
    assertThat(engine.eval("sum(again)").asDouble()).isEqualTo(1.1e10);
    assertThat(engine.names()).contains("budget", "sizes", "label", "cfg", "again");
    assertThat(engine.remove("again")).isTrue();
    assertThat(engine.has("again")).isFalse();
  }

  @Test
  void datasetsFromColumnsRowsAndArrays() {
    Map<String, double[]> cols = new LinkedHashMap<>();
    cols.put("N", new double[] {1e8, 1e9, 1e10});
    cols.put("loss", new double[] {3.5, 2.9, 2.4});
    DatasetInfo info = engine.setData("runs", cols);
    assertThat(info.rows()).isEqualTo(3);
    assertThat(engine.eval("count(runs.loss)").asDouble()).isEqualTo(3);

    List<Map<String, Object>> rows = List.of(Map.of("N", 1e8, "loss", 3.5), Map.of("N", 1e9, "loss", 2.9));
    engine.setRows("mine", rows);
    engine.eval("data small = mine where N < 5e8");
    assertThat(((DatasetInfo) engine.get("small")).column("loss")).containsExactly(3.5);

    engine.setData("grid", List.of("N", "D"), new double[][] {{1, 2}, {3, 4}});
    assertThat(engine.eval("sum(grid.D)").asDouble()).isEqualTo(6);
    // a dataset handed back comes in again as a dataset
    engine.set("copy", engine.get("grid"));
    assertThat(engine.eval("copy.rows").asDouble()).isEqualTo(2);
  }

  @Test
  void badJavaValuesAreTypedErrorsNamingRowAndColumn() {
    LawScriptException nan = catchLaw(() -> engine.setData("runs", Map.of("loss", new double[] {1, Double.NaN})));
    assertThat(nan.getMessage()).contains("row 2", "column 'loss'").contains("L811");
    LawScriptException missing = catchLaw(() -> engine.setRows("r", List.of(Map.of("N", 1.0), Map.of("M", 2.0))));
    assertThat(missing.getMessage()).contains("row 2", "column 'N'", "missing");
    assertThat(catchLaw(() -> engine.set("where", 1)).code()).isEqualTo("L811");
    assertThat(catchLaw(() -> engine.set("exp", 1)).code()).isEqualTo("L811");
    assertThat(catchLaw(() -> engine.set("x", new Object())).code()).isEqualTo("L811");
    assertThat(catchLaw(() -> engine.get("nope")).code()).isEqualTo("L201");
  }

  @Test
  void scriptErrorsCarryPositionAndMessage() {
    LawScriptException e = catchLaw(() -> engine.eval("let alpha = 1\nprint 2 + alpa"));
    LawDiagnostic d = e.problem();
    assertThat(d.code()).isEqualTo("L201");
    assertThat(d.source()).isEqualTo("<eval>");
    assertThat(d.line()).isEqualTo(2);
    assertThat(d.column()).isEqualTo(11);
    assertThat(d.message()).isEqualTo("unknown name 'alpa'");
    assertThat(d.hint()).contains("alpha");
    assertThat(d.rendered()).contains("^^^^");
    assertThat(e.getMessage()).isEqualTo("<eval>:2:11: error: unknown name 'alpa' [L201]");

    LawScriptException syntax = catchLaw(() -> engine.eval("let = 3\nlet y = (1"));
    assertThat(syntax.problems()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(syntax.problems()).allMatch(p -> p.code().startsWith("L1") && p.line() >= 1);

    LawScriptException runtime = catchLaw(() -> engine.eval("print 1\nprint ln(-2)"));
    assertThat(runtime.problem().line()).isEqualTo(2);
    assertThat(runtime.code()).isEqualTo("L305");
    engine.eval("law F(N) = A / N");
    assertThat(catchLaw(() -> engine.law("F").applyAsDouble(1)).code()).isEqualTo("L204");
  }

  @Test
  void compiledScriptsParseOnceAndSeeNamesBoundLater(@TempDir Path dir) {
    LawScript script = engine.compile("twice.law", "let y = 2 * x\ny");
    assertThat(catchLaw(() -> engine.compile("let = ")).problem().source()).isEqualTo("<eval>");
    for (int i = 1; i <= 3; i++) {
      engine.set("x", i);
      assertThat(script.run().asDouble()).isEqualTo(2 * i);
    }
    engine.remove("x");
    assertThat(catchLaw(script::run).problem().source()).isEqualTo("twice.law");
  }

  @Test
  void filesResolveRelativePathsAgainstTheirFolder(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("runs.csv"), "N,loss\n1e9,2.9\n1e10,2.4\n");
    Files.writeString(dir.resolve("a.law"), "data runs = csv \"runs.csv\" { N = \"N\", loss = \"loss\" }\nprint runs.rows\nmean(runs.loss)\n");
    assertThat(engine.eval(dir.resolve("a.law")).asDouble()).isEqualTo(2.65, within(1e-12));
    assertThat(printed).containsExactly("2");
    LawEngine elsewhere = LawEngine.builder().onPrint(s -> {}).workDir(dir).build();
    assertThat(elsewhere.eval("data r = csv \"runs.csv\" { loss = \"loss\" }\nr.rows").asDouble()).isEqualTo(2);
  }

  @Test
  void listenerSeesPrintedValuesAndTables() {
    List<LawResult> seen = new ArrayList<>();
    LawEngine e = LawEngine.builder().listener(new LawListener() {
      @Override
      public void printed(String text, List<LawResult> values) {
        seen.addAll(values);
      }
    }).build();
    e.eval("print 1, \"two\"\nfor n in [1, 2] { row n, sq: n * n }");
    assertThat(seen).hasSize(3);
    Table t = (Table) seen.get(2);
    assertThat(t.columns()).containsExactly("n", "sq");
    assertThat(t.column("sq")).containsExactly(1, 4);
    assertThat(t.text()).contains("sq");
  }

  @Test
  void standardLibraryCanBeSwitchedOff() {
    LawEngine bare = LawEngine.builder().stdlib(false).build();
    LawScriptException e = catchLaw(() -> bare.eval("import hoffmann2022"));
    assertThat(e.code()).isEqualTo("L701");
    assertThat(e.problem().hint()).contains("switched off");
  }

  @Test
  void cancelStopsARunningEvaluationFromAnotherThread() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    LawEngine e = LawEngine.builder().onPrint(s -> started.countDown()).build();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread worker = new Thread(() -> {
      try {
        e.eval("print \"go\"\nfor i in 1..100000 { for j in 1..100000 { let k = i * j } }");
      } catch (Throwable t) {
        thrown.set(t);
      }
    });
    worker.start();
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    e.cancel();
    worker.join(10_000);
    assertThat(worker.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(LawScriptException.class);
    assertThat(((LawScriptException) thrown.get()).code()).isEqualTo("L311");
    // the engine is usable afterwards
    assertThat(e.eval("1 + 1").asDouble()).isEqualTo(2);
  }

  @Test
  void anEngineCanBeSharedBetweenThreads() throws Exception {
    engine.eval(CHINCHILLA);
    LawFunction L = engine.law("L");
    double expected = L.applyAsDouble(70e9, 1.4e12);
    List<Thread> threads = new ArrayList<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    for (int t = 0; t < 4; t++) {
      int id = t;
      threads.add(new Thread(() -> {
        try {
          for (int i = 0; i < 50; i++) {
            assertThat(L.applyAsDouble(70e9, 1.4e12)).isEqualTo(expected);
            engine.set("x" + id, i);
            assertThat(engine.eval("x" + id + " + 1").asDouble()).isEqualTo(i + 1);
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join(30_000);
    }
    assertThat(failure.get()).isNull();
  }

  static LawScriptException catchLaw(Runnable r) {
    try {
      r.run();
    } catch (LawScriptException e) {
      return e;
    }
    throw new AssertionError("expected a LawScriptException");
  }
}
