package org.lawlang.eval;

import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * What one engine may spend: the work cap of a fit (local fits × rows, summed over starts and
 * bootstrap refits), the wall-clock time of one evaluation, and the executor that parallel
 * phases (multi-start fits, bootstraps) run on. Null fields mean the process-wide default:
 * the work cap of LAW_FIT_MAX_WORK (or 5e8), no time limit, a short-lived pool per phase.
 *
 * @param maxWork   the cap on row-fits, or null for the default
 * @param timeLimit the longest one evaluation may run, or null for none
 * @param executor  where parallel work runs, or null for a fresh pool of the engine's threads
 */
public record Limits(Double maxWork, Duration timeLimit, Executor executor) {
  /** No engine-specific limits. */
  public static final Limits DEFAULT = new Limits(null, null, null);

  public Limits withMaxWork(double work) {
    return new Limits(work, timeLimit, executor);
  }

  public Limits withTimeLimit(Duration limit) {
    return new Limits(maxWork, limit, executor);
  }

  public Limits withExecutor(Executor e) {
    return new Limits(maxWork, timeLimit, e);
  }
}
