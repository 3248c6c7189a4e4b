package org.lawlang.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.lawlang.api.FitResult;
import org.lawlang.api.LawEngine;
import org.lawlang.api.LawScriptException;

/** Cancellation and interruption scoped to one evaluation; the work cap, time limit and executor of an engine. */
class CancellationAndLimitsTest {
  static final String LONG_LOOP = "print \"go\"\nfor i in 1..100000 { for j in 1..100000 { let k = i * j } }";
  static final String LAW = "law Lfit(N) = E + A / N^alpha with E in [0, 5], A in [1, 1000], alpha in [0.05, 1]";
  static final String BIG_FIT = "print \"go\"\nlet f = fit loss ~ Lfit(N) to runs starts grid(E = 0..5 by 0.1, A = 1..1000 by 20, alpha = 0.05..1 by 0.05)";

  /** 400 noisy runs of a known law. */
  static List<Map<String, Double>> runs() {
    java.util.Random noise = new java.util.Random(3);
    List<Map<String, Double>> rows = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      double n = Math.pow(10, 7 + 4.0 * i / 400);
      Map<String, Double> r = new LinkedHashMap<>();
      r.put("N", n);
      r.put("loss", (1.69 + 406.4 / Math.pow(n, 0.34)) * (1 + 0.01 * noise.nextGaussian()));
      rows.add(r);
    }
    return rows;
  }

  @Test
  void aCancelDoesNotOutliveTheRunItStopped() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    LawEngine e = LawEngine.builder().onPrint(s -> started.countDown()).build();
    e.eval("proc squares(n) { return n * n }");
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread worker = new Thread(() -> {
      try {
        e.eval(LONG_LOOP);
      } catch (Throwable t) {
        thrown.set(t);
      }
    });
    worker.start();
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    e.cancel();
    worker.join(10_000);
    assertThat(((LawScriptException) thrown.get()).code()).isEqualTo("L311");
    assertThat(e.call("squares", 3).asDouble()).isEqualTo(9);
  }

  @Test
  void aCancelWithNothingRunningReachesNoLaterRun() {
    LawEngine e = LawEngine.builder().build();
    e.cancel();
    assertThat(e.eval("1 + 1").asDouble()).isEqualTo(2);
  }

  /** Thread.interrupt() cancels, with the same error whether the fit runs on one thread or many. */
  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void anInterruptCancelsAFit(int threads) throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    LawEngine e = LawEngine.builder().threads(threads).onPrint(s -> started.countDown()).build();
    e.setRows("runs", runs());
    e.eval(LAW);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
    long[] took = new long[1];
    Thread worker = new Thread(() -> {
      long t0 = System.nanoTime();
      try {
        e.eval(BIG_FIT);
      } catch (Throwable t) {
        thrown.set(t);
      }
      took[0] = System.nanoTime() - t0;
      stillInterrupted.set(Thread.currentThread().isInterrupted());
    });
    worker.start();
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(200);
    worker.interrupt();
    worker.join(20_000);
    assertThat(worker.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(LawScriptException.class);
    assertThat(((LawScriptException) thrown.get()).code()).isEqualTo("L311");
    assertThat(stillInterrupted.get()).as("the interrupt status is kept, as Java's convention asks").isTrue();
    // the engine is fine afterwards, and the next fit is not cancelled
    assertThat(e.eval("1 + 1").asDouble()).isEqualTo(2);
    assertThat(e.has("f")).isFalse();
  }

  @Test
  void theTimeLimitStopsOneEvaluationAndNotTheNext() {
    LawEngine e = LawEngine.builder().timeLimit(Duration.ofMillis(300)).onPrint(s -> {}).build();
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> e.eval(LONG_LOOP)).isInstanceOf(LawScriptException.class)
        .satisfies(x -> assertThat(((LawScriptException) x).code()).isEqualTo("L902"))
        .hasMessageContaining("time limit of 0.3 s");
    assertThat((System.nanoTime() - t0) / 1e9).isLessThan(10);
    assertThat(e.eval("2 + 2").asDouble()).isEqualTo(4);
  }

  @Test
  void theWorkCapIsPerEngine() {
    LawEngine small = LawEngine.builder().maxWork(10_000).onPrint(s -> {}).build();
    small.setRows("runs", runs());
    small.eval(LAW);
    assertThatThrownBy(() -> small.eval("fit loss ~ Lfit(N) to runs starts grid(E = 0..5 by 1, A = 1..1000 by 100, alpha = 0.1..1 by 0.3)"))
        .isInstanceOf(LawScriptException.class)
        .satisfies(x -> {
          LawScriptException l = (LawScriptException) x;
          assertThat(l.code()).isEqualTo("L901");
          assertThat(l.problem().message()).contains("240 local fits over 400 rows").contains("limit of 10000");
          assertThat(l.problem().hint()).contains("maxWork");
        });
    LawEngine usual = LawEngine.builder().threads(1).onPrint(s -> {}).build();
    usual.setRows("runs", runs());
    usual.eval(LAW);
    assertThat(usual.eval("fit loss ~ Lfit(N) to runs starts grid(E = 0..5 by 1, A = 1..1000 by 100, alpha = 0.1..1 by 0.3)"))
        .isInstanceOf(FitResult.class);
  }

  @Test
  void parallelPhasesRunOnTheInjectedExecutorWithTheSameAnswer() {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    AtomicInteger tasks = new AtomicInteger();
    try {
      LawEngine shared = LawEngine.builder().threads(4).executor(r -> {
        tasks.incrementAndGet();
        pool.execute(r);
      }).build();
      LawEngine alone = LawEngine.builder().threads(1).build();
      String fit = "fit loss ~ Lfit(N) to runs starts grid(E = 0..4 by 1, A = 1..1000 by 250, alpha = 0.1..1 by 0.3) bootstrap 20 seed 5";
      FitResult[] results = new FitResult[2];
      int i = 0;
      for (LawEngine e : List.of(shared, alone)) {
        e.setRows("runs", runs());
        e.eval(LAW);
        results[i++] = (FitResult) e.eval(fit);
      }
      assertThat(tasks.get()).isPositive();
      assertThat(results[0].estimates()).isEqualTo(results[1].estimates());
      assertThat(results[0].intervals().get("alpha")).containsExactly(results[1].intervals().get("alpha"));
    } finally {
      pool.shutdownNow();
    }
  }

  /** An executor with no free thread (the caller's own pool, say) slows a fit but does not deadlock it. */
  @Test
  void aSaturatedExecutorCannotDeadlockAFit() throws Exception {
    ExecutorService one = Executors.newSingleThreadExecutor();
    try {
      LawEngine e = LawEngine.builder().threads(4).executor(one).build();
      e.setRows("runs", runs());
      e.eval(LAW);
      Object r = one.submit(() -> e.eval("fit loss ~ Lfit(N) to runs starts grid(E = 0..4 by 2, A = 1..1000 by 500, alpha = 0.1..1 by 0.45)"))
          .get(60, TimeUnit.SECONDS);
      assertThat(r).isInstanceOf(FitResult.class);
    } finally {
      one.shutdownNow();
    }
  }
}
