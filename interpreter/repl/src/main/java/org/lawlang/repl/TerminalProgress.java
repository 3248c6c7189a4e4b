package org.lawlang.repl;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A progress bar for long work on an interactive terminal (set on the session only there,
 * so piped output, files and CI logs never see one): `fit  [=====>     ]  412/1000  3s left`,
 * redrawn in place at most ten times a second, erased when the task is done.
 */
final class TerminalProgress implements org.lawlang.eval.Progress {
  static final int BAR = 30;
  private final PrintWriter out;
  private final LongSupplier clock;
  private final AtomicLong done = new AtomicLong();
  private volatile String label = "";
  private volatile long total;
  private volatile long started;
  private volatile long lastDraw;
  private volatile boolean drawn;
  /** Set after the input that started the task has ended: a straggling worker's advance draws nothing. */
  private volatile boolean finished;

  TerminalProgress(PrintWriter out) {
    this(out, System::nanoTime);
  }

  TerminalProgress(PrintWriter out, LongSupplier clock) {
    this.out = out;
    this.clock = clock;
  }

  @Override
  public void start(String label, long total) {
    this.label = label;
    this.total = Math.max(0, total);
    this.done.set(0);
    this.started = clock.getAsLong();
    this.lastDraw = 0;
    this.finished = false;
  }

  @Override
  public void advance(long units) {
    long now = done.addAndGet(units);
    if (finished) {
      return;
    }
    long t = clock.getAsLong();
    if (t - lastDraw >= 100_000_000L || now >= total) {
      lastDraw = t;
      draw(now, t);
    }
  }

  @Override
  public void done() {
    if (drawn) {
      synchronized (out) {
        out.print("\r\033[K");
        out.flush();
      }
      drawn = false;
    }
  }

  /**
   * The input is over (done, failed or cancelled): erase the bar and draw no more until the next
   * task starts. Returns whether a bar was on screen.
   */
  boolean finish() {
    finished = true;
    boolean was = drawn;
    done();
    return was;
  }

  private void draw(long now, long t) {
    String line = line(label, now, total, (t - started) / 1e9);
    synchronized (out) {
      out.print("\r\033[K" + line);
      out.flush();
    }
    drawn = true;
  }

  /** The text of the bar: label, bar, counts and time left (once it can be estimated). */
  static String line(String label, long done, long total, double elapsedSeconds) {
    StringBuilder s = new StringBuilder(label).append("  [");
    if (total > 0) {
      int filled = (int) Math.min(BAR, BAR * done / total);
      s.append("=".repeat(filled)).append(filled < BAR ? ">" : "").append(" ".repeat(Math.max(0, BAR - filled - 1)));
    } else {
      s.append(" ".repeat(BAR));
    }
    s.append("]  ").append(done).append(total > 0 ? "/" + total : "");
    if (total > 0 && done > 0 && done < total && elapsedSeconds > 0.5) {
      double left = elapsedSeconds * (total - done) / done;
      s.append("  ").append(duration(left)).append(" left");
    }
    return s.toString();
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return s / 60 + "m" + String.format("%02d", s % 60) + "s";
    }
    return s / 3600 + "h" + String.format("%02d", s % 3600 / 60) + "m";
  }
}
