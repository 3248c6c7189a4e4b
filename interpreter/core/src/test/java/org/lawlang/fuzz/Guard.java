package org.lawlang.fuzz;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.lawlang.diag.Diagnostic;
import org.lawlang.diag.LawException;

/**
 * The robustness property shared by the fuzz targets ({@link ParserFuzzTest},
 * {@link InterpreterFuzzTest}) and the limit tests: run one input on a worker thread and
 * fail unless it ends within {@link #CPU_LIMIT_MS} of CPU time, throwing nothing but a
 * well-formed {@link LawException}. A watchdog (the calling thread) calls the canceller (the
 * engine's cancel flag, as Ctrl-C in the REPL would) when the input runs over; an input that
 * does not stop within {@link #GRACE_MS} more is a finding: work that ignores the flag.
 * CPU time, not wall time, so that a loaded CI machine does not make inputs "slow".
 */
final class Guard {
  /** The per-input budget; -Dlaw.fuzz.cpuLimitMs overrides it. */
  static final long CPU_LIMIT_MS = Long.getLong("law.fuzz.cpuLimitMs", 1000);
  /** CPU time an input may still use after it was cancelled. */
  static final long GRACE_MS = 1000;
  /** Backstop for an input that blocks without using CPU. */
  static final long WALL_LIMIT_MS = 30_000;
  private static final Pattern CODE = Pattern.compile("L[1-9]\\d\\d");
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private static ExecutorService pool;
  private static volatile Thread worker;

  private Guard() {}

  /** What may stop the work early (the engine's cancel flag), or nothing. */
  interface Canceller {
    void cancel();
  }

  /** Work that may throw LawException (or anything else, which is a finding). */
  interface Work {
    void run() throws Exception;
  }

  /** Runs {@code work}; returns normally if it ended in time with a value or a LawException. */
  static synchronized void run(String what, Work work, Canceller canceller) {
    if (pool == null) {
      pool = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz-worker");
        t.setDaemon(true);
        worker = t;
        return t;
      });
    }
    long[] cpuStart = {-1};
    Future<?> done = pool.submit(() -> {
      cpuStart[0] = CPU.getCurrentThreadCpuTime();
      try {
        work.run();
      } catch (LawException e) {
        checkWellFormed(e);
      }
      return null;
    });
    long wallStart = System.nanoTime();
    boolean cancelled = false;
    long cancelledAt = 0;
    long cpuAtCancel = 0;
    while (true) {
      try {
        done.get(5, TimeUnit.MILLISECONDS);
        return;
      } catch (ExecutionException e) {
        Throwable t = e.getCause();
        if (t instanceof AssertionError a) {
          throw a;
        }
        throw new AssertionError(what + " threw " + t + "; only LawException may escape", t);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      } catch (TimeoutException e) {
        // still running: check its budget below
      }
      long cpuMs = cpuStart[0] < 0 ? 0 : (CPU.getThreadCpuTime(worker.getId()) - cpuStart[0]) / 1_000_000;
      long wallMs = (System.nanoTime() - wallStart) / 1_000_000;
      if (!cancelled && (cpuMs > CPU_LIMIT_MS || wallMs > WALL_LIMIT_MS)) {
        canceller.cancel();
        cancelled = true;
        cancelledAt = System.nanoTime();
        cpuAtCancel = cpuMs;
      }
      if (cancelled && (cpuMs - cpuAtCancel > GRACE_MS || (System.nanoTime() - cancelledAt) / 1_000_000 > WALL_LIMIT_MS)) {
        String stack = stack(worker);
        worker.interrupt();
        pool.shutdownNow();
        pool = null; // abandon the stuck thread; the next input gets a fresh one
        throw new AssertionError(what + " ran past its " + CPU_LIMIT_MS + " ms and did not stop within " + GRACE_MS
            + " ms of being cancelled (cpu " + cpuMs + " ms); stack:\n" + stack);
      }
    }
  }

  private static String stack(Thread t) {
    StringBuilder out = new StringBuilder();
    StackTraceElement[] frames = t.getStackTrace();
    for (int i = 0; i < Math.min(40, frames.length); i++) {
      out.append("  at ").append(frames[i]).append('\n');
    }
    return out.toString();
  }

  /** A LawException a user sees: at least one diagnostic, each with a catalogue code, and it renders. */
  static void checkWellFormed(LawException e) {
    List<Diagnostic> ds = e.diagnostics();
    if (ds.isEmpty()) {
      throw new AssertionError("a LawException without diagnostics", e);
    }
    for (Diagnostic d : ds) {
      if (d.code() == null || !CODE.matcher(d.code()).matches()) {
        throw new AssertionError("diagnostic without a stable code: " + d.message(), e);
      }
      if (d.span() == null || d.message() == null || d.message().isEmpty()) {
        throw new AssertionError("diagnostic without a span or message: " + d.code(), e);
      }
      String shown = d.toString();
      if (!shown.contains("[" + d.code() + "]")) {
        throw new AssertionError("diagnostic renders without its code: " + shown, e);
      }
    }
  }
}
