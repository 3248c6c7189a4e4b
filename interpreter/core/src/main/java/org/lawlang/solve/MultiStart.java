package org.lawlang.solve;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.lawlang.solve.LocalMinimiser.Result;
import org.lawlang.solve.LocalMinimiser.Status;
import org.lawlang.solve.LocalMinimiser.Tolerances;

/**
 * Runs many independent local fits in parallel (the starts of a multi-start fit, or the
 * refits of a bootstrap) and keeps every result at its own index, so that choosing the best
 * (lowest objective, ties to the lowest index) gives the same answer on any number of threads.
 * Every local fit is a run of the {@link LocalMinimiser} in its {@link Options}; each worker
 * thread has its own {@link LocalMinimiser.Worker}.
 */
public final class MultiStart {
  private MultiStart() {}

  /**
   * The local minimiser, parallelism, tolerances, cancellation (null: never) and progress
   * (null: not reported) for a batch of runs; a null executor gives each parallel phase a
   * short-lived pool of its own.
   */
  public record Options(LocalMinimiser minimiser, int threads, Tolerances tolerances, BooleanSupplier cancelled,
      LongConsumer progress, Executor executor) {
    public Options {
      java.util.Objects.requireNonNull(minimiser, "minimiser");
      java.util.Objects.requireNonNull(tolerances, "tolerances");
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, not " + threads);
      }
    }

    /** The same options with other tolerances. */
    public Options with(Tolerances t) {
      return new Options(minimiser, threads, t, cancelled, progress, executor);
    }

    /** The same options without progress reports (a phase whose progress the caller does not show). */
    public Options quiet() {
      return new Options(minimiser, threads, tolerances, cancelled, null, executor);
    }
  }

  /** A parallel phase stopped because its caller was interrupted; the interpreter reports it as cancelled. */
  public static final class Interrupted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Interrupted() {
      super("interrupted", null, false, false);
    }
  }

  /** One bootstrap refit: the best of its starts, in natural units, and whether it converged. */
  public record Refit(double[] natural, double objective, boolean converged, int evaluations, Status status) {}

  /** Runs a local fit from every start (solver coordinates); result i belongs to start i. */
  public static Result[] starts(FitProblem prob, List<double[]> starts, Options o) {
    Result[] out = new Result[starts.size()];
    parallel(starts.size(), o, () -> o.minimiser().on(prob), (m, i) -> {
      out[i] = m.minimise(starts.get(i), null, o.tolerances(), o.cancelled());
    });
    return out;
  }

  /**
   * Multi-level single linkage on a lattice: the objective at every start, then a local search
   * only from the starts that no neighbour beats strictly (a flat stretch is searched at every
   * point: from some of its points the way down may lead out of it), plus the best
   * {@link #KEEP_BEST} share of all starts by objective (at least 8), so that a good basin
   * whose grid points all have a better neighbour elsewhere still gets searched. A start where
   * the model is not finite is never kept (unless no start is finite: then the first is).
   * A start with null neighbours is always searched. Returns the kept indices in increasing order.
   */
  public static int[] screen(FitProblem prob, List<double[]> starts, List<int[]> neighbours, Options o) {
    int count = starts.size();
    boolean any = false;
    for (int[] nb : neighbours) {
      any |= nb != null;
    }
    if (!any) {
      int[] all = new int[count];
      for (int i = 0; i < count; i++) {
        all[i] = i;
      }
      return all;
    }
    double[] f = new double[count];
    parallel(count, o.quiet(), () -> new LeastSquaresPass(prob), (nm, i) -> {
      double v = neighbours.get(i) == null ? Double.NaN : nm.objective(starts.get(i), null);
      f[i] = v < Double.POSITIVE_INFINITY ? v : Double.POSITIVE_INFINITY;
    });
    boolean[] keep = new boolean[count];
    boolean anyFinite = false;
    for (int i = 0; i < count; i++) {
      int[] nb = neighbours.get(i);
      if (nb == null) {
        keep[i] = true;
        continue;
      }
      if (!(f[i] < Double.POSITIVE_INFINITY)) {
        continue;
      }
      anyFinite = true;
      boolean bottom = true;
      for (int j : nb) {
        if (f[j] < f[i]) {
          bottom = false;
          break;
        }
      }
      keep[i] = bottom;
    }
    if (!anyFinite) {
      for (int i = 0; i < count; i++) {
        if (neighbours.get(i) != null) {
          keep[i] = true;
          break;
        }
      }
    }
    // the best few by objective, whatever their neighbours
    Integer[] order = new Integer[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (x, y) -> Double.compare(f[x], f[y]) != 0 ? Double.compare(f[x], f[y]) : Integer.compare(x, y));
    int best = Math.max(8, (int) Math.ceil(KEEP_BEST * count));
    for (int k = 0; k < Math.min(best, count); k++) {
      if (f[order[k]] < Double.POSITIVE_INFINITY) {
        keep[order[k]] = true;
      }
    }
    int m = 0;
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      if (keep[i]) {
        out[m++] = i;
      }
    }
    return java.util.Arrays.copyOf(out, m);
  }

  /** The share of a screened grid's best starts (by objective at the start) that are always searched. */
  static final double KEEP_BEST = 0.05;

  /**
   * {@code count} bootstrap refits: resample k draws the rows with replacement from a
   * generator seeded by the k-th number of a stream seeded with {@code seed}, and is fitted
   * (as row multiplicities, the same objective as the resampled rows) from each of
   * {@code starts}; the best start wins. The first start runs to the given tolerances, the
   * others to the screening ones and then, if within 1e-4 of the best, to the given ones.
   */
  public static Refit[] bootstrap(FitProblem prob, int count, long seed, List<double[]> starts, Options o) {
    long[] seeds = new long[count];
    SplittableRandom root = new SplittableRandom(seed);
    for (int k = 0; k < count; k++) {
      seeds[k] = root.nextLong();
    }
    int n = prob.n;
    Refit[] out = new Refit[count];
    parallel(count, o, () -> o.minimiser().on(prob), (m, k) -> {
      double[] mult = new double[n];
      SplittableRandom rng = new SplittableRandom(seeds[k]);
      for (int i = 0; i < n; i++) {
        mult[rng.nextInt(n)] += 1;
      }
      Result best = null;
      int evals = 0;
      for (double[] s : starts) {
        Result r;
        if (best == null) {
          r = m.minimise(s, mult, o.tolerances(), o.cancelled());
        } else {
          // another start is screened first and polished only if it comes near the best:
          // it rarely wins, and polishing a degenerate optimum is most of a refit's work
          r = m.minimise(s, mult, Tolerances.screening(), o.cancelled());
          if (r.status() != Status.FAILED && r.f() <= best.f() * (1 + 1e-4)) {
            evals += r.iterations();
            r = m.minimise(r.theta(), mult, o.tolerances(), o.cancelled());
          }
        }
        evals += r.iterations();
        if (best == null || r.f() < best.f() || (best.status() != Status.CONVERGED
            && r.status() == Status.CONVERGED && r.f() <= best.f() * (1 + 1e-12))) {
          best = r;
        }
      }
      out[k] = new Refit(prob.natural(best.theta()), prob.reported(best.f()),
          best.status() == Status.CONVERGED, evals, best.status());
    });
    return out;
  }

  /**
   * K-fold cross-validation of a fit: the rows (shuffled by {@code seed}) are cut into
   * {@code folds} parts, the fit is redone without each part (as row multiplicities 0/1, from
   * {@code start}, solver coordinates) and the refit's loss on the part it did not see is
   * averaged over all rows: squared residuals for least squares, the Huber ρ for Huber, on the
   * fitting scale, weighted as the fit is. NaN when a refit fails. Folds run in parallel; the
   * result does not depend on the number of threads.
   */
  public static double crossValidate(FitProblem prob, int folds, long seed, double[] start, Options o) {
    int n = prob.n;
    int[] fold = new int[n];
    int[] order = new SplittableRandom(seed ^ 0xC0FFEEL).ints(0, Integer.MAX_VALUE).limit(n).toArray();
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    java.util.Arrays.sort(idx, (a, b) -> Integer.compare(order[a], order[b]));
    for (int r = 0; r < n; r++) {
      fold[idx[r]] = r % folds;
    }
    double[] loss = new double[folds];
    double[] weight = new double[folds];
    parallel(folds, o, () -> o.minimiser().on(prob), (m, k) -> {
      double[] mult = new double[n];
      for (int i = 0; i < n; i++) {
        mult[i] = fold[i] == k ? 0 : 1;
      }
      Result r = m.minimise(start, mult, o.tolerances(), o.cancelled());
      if (r.status() == Status.FAILED) {
        loss[k] = Double.NaN;
        return;
      }
      FitStatistics.TapeRunView view = new FitStatistics.TapeRunView(prob, prob.natural(r.theta()));
      for (int i = 0; i < n; i++) {
        if (fold[i] == k) {
          double res = view.residual(i);
          loss[k] += prob.weight(i) * prob.loss.reported(prob.loss.rho(res));
          weight[k] += prob.weight(i);
        }
      }
    });
    double total = 0;
    double w = 0;
    for (int k = 0; k < folds; k++) {
      total += loss[k];
      w += weight[k];
    }
    return w > 0 ? total / w : Double.NaN;
  }

  /**
   * The perturbation radius of each restart after a failed fit (see {@link #restart}): six
   * radii, each used for an antithetic pair (a perturbation and its mirror image).
   */
  public static final double[] RESTART_RADII = {0.1, 0.1, 0.3, 0.3, 0.5, 0.5, 1, 1, 1, 1, 2, 2};

  /** The first restart that converged (null if none did), how many restarts ran, and their evaluations. */
  public record Restarted(Result result, int restarts, long evaluations) {}

  /**
   * Restarts after a failed local fit (stalled, out of evaluations, or not evaluable at its
   * start), from perturbations of its start {@code from} (solver coordinates): restart k adds
   * RESTART_RADII[k]·z per parameter, z standard normal, in log units for a parameter fitted as
   * its logarithm and relative to the value for the others (in units of 1 for a value of 0),
   * clamped to the box; restarts come in antithetic pairs (z, then −z), so every direction is
   * tried both ways. Radii grow, so starts near the given one are tried first; the first
   * restart that converges to an objective no higher than {@code ceiling} (the failed search's,
   * where it is finite) is returned, unless the Jacobian there is singular to working precision:
   * a restart that settles in a worse basin would hide that the failed search was heading
   * somewhere better, and one on a plateau (a parameter gone to where it no longer changes the
   * model) mends nothing. The draws come from a generator seeded with {@code seed}, so the
   * outcome is deterministic; the restarts run one after another (each is one ordinary local fit).
   */
  public static Restarted restart(FitProblem prob, double[] from, double ceiling, long seed, Options o) {
    LocalMinimiser.Worker m = o.minimiser().on(prob);
    // a stream of its own, so the restarts do not depend on how many bootstrap draws follow
    SplittableRandom rng = new SplittableRandom(seed ^ 0x5E57A27L);
    long evals = 0;
    double[] z = new double[prob.p];
    for (int k = 0; k < RESTART_RADII.length; k++) {
      if (o.cancelled() != null && o.cancelled().getAsBoolean()) {
        break;
      }
      double[] x = new double[prob.p];
      if (k % 2 == 0) {
        for (int j = 0; j < prob.p; j++) {
          z[j] = Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
        }
      }
      double sign = k % 2 == 0 ? 1 : -1;
      for (int j = 0; j < prob.p; j++) {
        double unit = prob.logScaled(j) || !Double.isFinite(from[j]) || from[j] == 0 ? 1 : Math.abs(from[j]);
        double v = (Double.isFinite(from[j]) ? from[j] : 0) + sign * RESTART_RADII[k] * unit * z[j];
        x[j] = Math.min(prob.hi(j), Math.max(prob.lo(j), v));
      }
      Result r = m.minimise(x, null, o.tolerances(), o.cancelled());
      evals += r.iterations();
      // a restart that "converges" where the Jacobian is singular has usually run onto a plateau (a
      // parameter gone to where it no longer matters), like the failed search: it mends nothing
      if (r.status() == Status.CONVERGED && !(r.f() > ceiling * (1 + 1e-9))
          && FitStatistics.at(prob, r.theta()).singular() > FitStatistics.SINGULAR) {
        return new Restarted(r, k + 1, evals);
      }
    }
    return new Restarted(null, RESTART_RADII.length, evals);
  }

  /** A task on item i with the worker's own state W (its minimiser, or its objective buffers). */
  interface Task<W> {
    void run(W worker, int i);
  }

  /**
   * Runs the task on items 0..count-1 over up to {@code o.threads()} workers. The calling thread
   * is one of them, and helpers that never got a thread are skipped, so an injected executor
   * that is busy (or is the one running the caller) slows the phase but cannot deadlock it.
   * An interrupt of the caller stops every worker at its next item and ends the phase with a
   * {@link Interrupted} (the interrupt status is kept).
   */
  private static <W> void parallel(int count, Options o, java.util.function.Supplier<W> perWorker, Task<W> task) {
    int threads = Math.max(1, Math.min(o.threads(), count));
    AtomicInteger next = new AtomicInteger();
    Runnable worker = () -> {
      W state = perWorker.get();
      int i;
      while ((i = next.getAndIncrement()) < count) {
        if (o.cancelled() != null && o.cancelled().getAsBoolean()) {
          return;
        }
        task.run(state, i);
        if (o.progress() != null) {
          o.progress().accept(1);
        }
      }
    };
    if (threads == 1) {
      worker.run();
      return;
    }
    ExecutorService own = null;
    Executor executor = o.executor();
    if (executor == null) {
      own = Executors.newFixedThreadPool(threads - 1, r -> {
        Thread t = new Thread(r, "law-fit");
        t.setDaemon(true);
        return t;
      });
      executor = own;
    }
    CountDownLatch done = new CountDownLatch(threads - 1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<AtomicBoolean> taken = new ArrayList<>();
    try {
      for (int t = 0; t < threads - 1; t++) {
        AtomicBoolean mine = new AtomicBoolean();
        taken.add(mine);
        executor.execute(() -> {
          if (!mine.compareAndSet(false, true)) {
            return;
          }
          try {
            worker.run();
          } catch (Throwable e) {
            failure.compareAndSet(null, e);
          } finally {
            done.countDown();
          }
        });
      }
      try {
        worker.run();
      } catch (RuntimeException | Error e) {
        failure.compareAndSet(null, e);
      }
      for (AtomicBoolean mine : taken) {
        if (mine.compareAndSet(false, true)) {
          done.countDown();
        }
      }
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Interrupted();
    } finally {
      // helpers never started (rejected, or still queued) count as done: nothing waits for them
      for (AtomicBoolean mine : taken) {
        mine.set(true);
      }
      if (own != null) {
        own.shutdownNow();
      }
    }
    Throwable c = failure.get();
    if (c instanceof RuntimeException re) {
      throw re;
    }
    if (c instanceof Error err) {
      throw err;
    }
    if (c != null) {
      throw new IllegalStateException(c);
    }
  }
}
