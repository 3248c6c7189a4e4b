package org.lawlang.eval;

/**
 * Progress of long work (multi-start fits, bootstraps, sweeps), reported by the services
 * and drawn by an interactive front end. The default draws nothing, so piped output, files
 * and CI logs never see a progress bar. Implementations must be thread-safe: workers call
 * {@link #advance} concurrently.
 */
public interface Progress {
  /** A task of {@code total} units starts (e.g. "bootstrap", 4000). */
  void start(String label, long total);

  /** {@code units} more are done. */
  void advance(long units);

  /** The task ended (finished, failed or cancelled). */
  void done();

  Progress NONE = new Progress() {
    @Override
    public void start(String label, long total) {}

    @Override
    public void advance(long units) {}

    @Override
    public void done() {}
  };
}
