package org.lawlang.solve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.lawlang.api.LawEngine;
import org.lawlang.api.LawResult;
import org.lawlang.api.LawScriptException;
import org.lawlang.api.Optimum;

/**
 * The judge of the differential suite (issue 12): reads the stored problems and the answers
 * independent solvers gave (made by src/test/differential/generate.py), runs each script
 * through the public Java API, turns law's outcome into a verdict and checks it against the
 * reference — re-evaluating law's point in the constraints itself, so an "optimal" claim is
 * only accepted when the point is feasible and its value is what law says.
 */
final class Differential {
  static final String RESOURCE = "/differential/problems.jsonl";
  /** Relative tolerance on an optimum's value against a global reference, and on feasibility. */
  static final double VALUE_TOL = 1e-6;
  static final double FEAS_TOL = 1e-6;

  private Differential() {}

  /** law's answer reduced to what the reference can be compared with. */
  enum Verdict { OPTIMAL, UNBOUNDED, INFEASIBLE, NOT_CERTIFIED, ERROR }

  /** How one problem was judged. DIFFERENT_LOCAL: a local claim worse than the reference's local optimum. */
  enum Judgement { AGREE, NOT_CERTIFIED, DIFFERENT_LOCAL, DISAGREE }

  record Constraint(String lhs, String op, String rhs) {}

  /** The certificate of an unbounded reference: x(s) = from·exp(s·d) (log) or from + s·d, feasible for all s >= 0. */
  record Ray(Map<String, Double> from, Map<String, Double> direction, boolean log) {
    Map<String, Double> at(double s) {
      Map<String, Double> x = new LinkedHashMap<>();
      from.forEach((k, v) -> x.put(k, log ? v * Math.exp(s * direction.get(k)) : v + s * direction.get(k)));
      return x;
    }
  }

  /** One stored problem with its reference answer. */
  record Problem(String id, String cls, String script, String sense, List<String> vars, String objective,
      List<Constraint> constraints, Map<String, double[]> bounds, Verdict reference, Double value,
      Map<String, Double> point, boolean global, boolean statusProven, String by, String twinOf, Ray ray) {

    /** The script's definitions (laws) without the question, so expressions can be evaluated alone. */
    String prelude() {
      int at = script.lastIndexOf("let o = ");
      return at <= 0 ? "" : script.substring(0, at);
    }

    boolean maximize() {
      return sense.equals("max");
    }
  }

  /** What law did with a problem: its result (null on an error), the error's code, and the time taken. */
  record Outcome(String status, boolean global, Double value, Map<String, Double> point, String code, String message,
      long micros) {
    static Outcome error(String code, String message, long micros) {
      return new Outcome(null, false, null, null, code, message, micros);
    }

    String said() {
      if (status == null) {
        return "error " + code + ": " + message;
      }
      return status + (global ? ", global" : ", local") + (value == null ? "" : ", value " + value) + " at " + point;
    }
  }

  /** One judged problem: the verdict, how it compares, what kind of disagreement, and whether a claim was refuted. */
  record Result(Problem problem, Outcome outcome, Verdict verdict, Judgement judgement, String kind, boolean refuted,
      boolean betterThanReference) {}

  // ---- the one place law's outcome becomes a verdict ----------------------------------------

  /**
   * law's outcome as a verdict. Statuses other than a proven optimum (iteration-limit, and
   * whatever the certified optimiser adds: not-certified, no-feasible-point-found, ...) are
   * NOT_CERTIFIED: law declined to claim an answer, which the gate allows and counts.
   */
  static Verdict verdictOf(Outcome o) {
    if (o.status() == null) {
      return switch (o.code()) {
        case "L602", "L607" -> Verdict.INFEASIBLE; // L607: `solve` found no root in the range
        case "L603" -> Verdict.UNBOUNDED;
        // L604: the solver stopped, or ran away without a confirmed ray; L620: the local method
        // found no feasible point, which it says proves nothing
        case "L604", "L620" -> Verdict.NOT_CERTIFIED;
        default -> Verdict.ERROR;
      };
    }
    return switch (o.status()) {
      case "optimal", "root", "solved" -> Verdict.OPTIMAL;
      case "unbounded" -> Verdict.UNBOUNDED;
      case "infeasible" -> Verdict.INFEASIBLE;
      default -> Verdict.NOT_CERTIFIED;
    };
  }

  // ---- reading the stored problems ------------------------------------------------------------

  /**
   * The stored problems, or with {@code -Ddifferential.file=PATH} another batch made by
   * generate.py (--seed N --out PATH), for hunting beyond the gate's fixed set.
   */
  static List<Problem> load() {
    ObjectMapper json = new ObjectMapper();
    List<Problem> out = new ArrayList<>();
    String file = System.getProperty("differential.file", "");
    try (InputStream in = file.isEmpty() ? Differential.class.getResourceAsStream(RESOURCE)
        : java.nio.file.Files.newInputStream(java.nio.file.Path.of(file))) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing; run src/test/differential/generate.py");
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!line.isBlank()) {
          out.add(problem(json.readTree(line)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static Problem problem(JsonNode n) {
    List<String> vars = new ArrayList<>();
    n.get("vars").forEach(v -> vars.add(v.asText()));
    List<Constraint> cons = new ArrayList<>();
    n.get("constraints").forEach(c -> cons.add(new Constraint(c.get("lhs").asText(), c.get("op").asText(), c.get("rhs").asText())));
    Map<String, double[]> bounds = new LinkedHashMap<>();
    n.get("bounds").fields().forEachRemaining(e -> bounds.put(e.getKey(), new double[] {e.getValue().get(0).asDouble(), e.getValue().get(1).asDouble()}));
    Map<String, Double> point = null;
    if (n.hasNonNull("point")) {
      Map<String, Double> p = new LinkedHashMap<>();
      n.get("point").fields().forEachRemaining(e -> p.put(e.getKey(), e.getValue().asDouble()));
      point = p;
    }
    Verdict ref = switch (n.get("status").asText()) {
      case "optimal" -> Verdict.OPTIMAL;
      case "unbounded" -> Verdict.UNBOUNDED;
      case "infeasible" -> Verdict.INFEASIBLE;
      default -> throw new IllegalArgumentException(n.get("id").asText() + ": unknown reference status " + n.get("status"));
    };
    return new Problem(n.get("id").asText(), n.get("class").asText(), n.get("script").asText(), n.get("sense").asText(), vars,
        n.get("objective").asText(), cons, bounds, ref, n.hasNonNull("value") ? n.get("value").asDouble() : null, point,
        n.get("global").asBoolean(), n.path("status_proven").asBoolean(true), n.get("by").asText(),
        n.hasNonNull("twin_of") ? n.get("twin_of").asText() : null, ray(n.get("ray")));
  }

  private static Ray ray(JsonNode r) {
    if (r == null || r.isNull()) {
      return null;
    }
    boolean log = r.has("log_direction");
    return new Ray(numbers(r.get("from")), numbers(r.get(log ? "log_direction" : "direction")), log);
  }

  private static Map<String, Double> numbers(JsonNode n) {
    Map<String, Double> out = new LinkedHashMap<>();
    n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asDouble()));
    return out;
  }

  // ---- running law ------------------------------------------------------------------------------

  static LawEngine quietEngine() {
    return LawEngine.builder().threads(1).onPrint(s -> {}).onWarning(w -> {}).build();
  }

  /** Runs one problem's script in a fresh engine; returns the outcome and the engine (to check the point in). */
  static Outcome run(Problem p, LawEngine engine) {
    long t0 = System.nanoTime();
    try {
      engine.eval(p.script());
      LawResult r = engine.get("o");
      long us = (System.nanoTime() - t0) / 1000;
      if (!(r instanceof Optimum o)) {
        return Outcome.error("type", "o is a " + r.typeName(), us);
      }
      // `solve` reports its root as the point; the reference's value for it is the root
      double value = p.sense().equals("solve") ? o.point().getOrDefault(p.vars().get(0), Double.NaN) : o.objective();
      return new Outcome(o.status(), o.global(), value, o.point(), null, null, us);
    } catch (LawScriptException e) {
      return Outcome.error(e.code(), e.problem().message(), (System.nanoTime() - t0) / 1000);
    } catch (RuntimeException | StackOverflowError e) {
      return Outcome.error("java", e.toString(), (System.nanoTime() - t0) / 1000);
    }
  }

  /**
   * Runs and judges every problem, `threads` at a time, each on its own thread with a fresh
   * engine. A problem without an answer after `timeoutMillis` is cancelled and its thread
   * stopped (the optimiser does not poll for cancellation), and judged as an error.
   */
  static List<Result> runAll(List<Problem> problems, int threads, long timeoutMillis) {
    int n = problems.size();
    Result[] out = new Result[n];
    LinkedBlockingQueue<Integer> finished = new LinkedBlockingQueue<>();
    Map<Integer, Running> running = new LinkedHashMap<>();
    int next = 0;
    try {
      while (next < n || !running.isEmpty()) {
        while (running.size() < threads && next < n) {
          running.put(next, start(problems.get(next), next, out, finished, TimeUnit.MILLISECONDS.toNanos(timeoutMillis)));
          next++;
        }
        long now = System.nanoTime();
        long wait = running.values().stream().mapToLong(r -> r.deadline - now).min().orElse(0);
        Integer done = finished.poll(Math.max(0, wait), TimeUnit.NANOSECONDS);
        if (done != null) {
          running.remove(done);
        }
        long after = System.nanoTime();
        for (var it = running.entrySet().iterator(); it.hasNext();) {
          var e = it.next();
          if (e.getValue().deadline - after > 0) {
            continue;
          }
          synchronized (out) {
            if (out[e.getKey()] == null) {
              stop(e.getValue());
              out[e.getKey()] = judge(problems.get(e.getKey()),
                  Outcome.error("timeout", "no answer in " + timeoutMillis / 1000.0 + " s", timeoutMillis * 1000), null);
            }
          }
          it.remove();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    synchronized (out) {
      return List.of(out);
    }
  }

  private record Running(Thread thread, LawEngine engine, long deadline) {}

  private static Running start(Problem p, int index, Result[] out, LinkedBlockingQueue<Integer> finished, long timeoutNanos) {
    LawEngine engine = quietEngine();
    Thread t = new Thread(null, () -> {
      try {
        Result r = judge(p, run(p, engine), engine);
        synchronized (out) {
          if (out[index] == null) {
            out[index] = r;
          }
        }
      } finally {
        finished.add(index);
      }
    }, "differential-" + p.id(), 64L << 20);
    t.setDaemon(true);
    t.start();
    return new Running(t, engine, System.nanoTime() + timeoutNanos);
  }

  @SuppressWarnings({"deprecation", "removal"})
  private static void stop(Running r) {
    r.engine().cancel();
    try {
      r.thread().stop(); // a runaway solve would otherwise keep a core busy for the rest of the suite
    } catch (UnsupportedOperationException e) {
      r.thread().interrupt();
    }
  }

  // ---- judging -------------------------------------------------------------------------------------

  /** Compares law's outcome with the reference; `engine` (which ran the script) evaluates law's point. */
  static Result judge(Problem p, Outcome o, LawEngine engine) {
    Verdict v = verdictOf(o);
    Verdict ref = p.reference();
    switch (v) {
      case NOT_CERTIFIED:
        return new Result(p, o, v, Judgement.NOT_CERTIFIED, o.status() != null ? o.status() : o.code(), false, false);
      case ERROR:
        return new Result(p, o, v, Judgement.DISAGREE, "error " + o.code(), false, false);
      case UNBOUNDED:
      case INFEASIBLE:
        if (v == ref) {
          return new Result(p, o, v, Judgement.AGREE, "", false, false);
        }
        // "refuted" is kept for the claims the gate counts (optimal, unbounded): an optimum that
        // exists (proven status) or a proven infeasibility refutes "unbounded"
        boolean refuted = v == Verdict.UNBOUNDED && p.statusProven() && (ref == Verdict.OPTIMAL || p.global());
        String kind = "said " + name(v) + ", reference " + name(ref) + (v == Verdict.INFEASIBLE && ref == Verdict.OPTIMAL
            ? " (a feasible point is known)" : "");
        return new Result(p, o, v, Judgement.DISAGREE, kind, refuted, false);
      default:
        break;
    }
    String infeasible = engine == null ? "no engine to check the point" : violation(p, o, engine);
    if (infeasible != null) {
      return new Result(p, o, v, Judgement.DISAGREE, "optimal claim refuted: " + infeasible, true, false);
    }
    if (ref != Verdict.OPTIMAL) {
      return new Result(p, o, v, Judgement.DISAGREE, "said optimal, reference " + name(ref), p.global(), false);
    }
    double lawValue = o.value();
    double refValue = p.value();
    double tol = VALUE_TOL * Math.max(1, Math.abs(refValue));
    double worse = p.maximize() ? refValue - lawValue : lawValue - refValue; // > 0: law's optimum is worse
    if (p.global()) {
      if (Math.abs(lawValue - refValue) <= tol) {
        return new Result(p, o, v, Judgement.AGREE, "", false, false);
      }
      String kind = (worse > 0 ? "value worse than the global optimum" : "value better than the global optimum")
          + (o.global() ? " (law says global)" : " (law says local)");
      return new Result(p, o, v, Judgement.DISAGREE, kind, true, false);
    }
    if (worse <= tol) {
      return new Result(p, o, v, Judgement.AGREE, "", false, worse < -tol);
    }
    if (!o.global()) {
      return new Result(p, o, v, Judgement.DIFFERENT_LOCAL, "local optimum worse than the reference's", false, false);
    }
    return new Result(p, o, v, Judgement.DISAGREE, "global claim worse than a known feasible point", true, false);
  }

  private static String name(Verdict v) {
    return v.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  /**
   * Why law's point is not a feasible point with law's value (null when it is): every range,
   * every constraint and the objective are evaluated at the point by the engine's evaluator,
   * not by the optimiser.
   */
  static String violation(Problem p, Outcome o, LawEngine engine) {
    if (o.point() == null || o.value() == null) {
      return "no point";
    }
    try {
      for (String name : p.vars()) {
        Double x = o.point().get(name);
        if (x == null || !Double.isFinite(x)) {
          return "variable " + name + " is " + x;
        }
        engine.set(name, x);
        double[] b = p.bounds().get(name);
        if (b != null && (below(x, b[0]) || below(-x, -b[1]))) {
          return name + " = " + x + " outside [" + b[0] + ", " + b[1] + "]";
        }
      }
      for (Constraint c : p.constraints()) {
        double l = engine.eval(c.lhs()).asDouble();
        double r = engine.eval(c.rhs()).asDouble();
        if (!holds(l, c.op(), r)) {
          return c.lhs() + " " + c.op() + " " + c.rhs() + " fails: " + l + " vs " + r;
        }
      }
      double f = engine.eval(p.objective()).asDouble();
      if (!(Math.abs(f - o.value()) <= VALUE_TOL * Math.max(1, Math.abs(f)))) {
        return "the objective at the point is " + f + ", not " + o.value();
      }
      return null;
    } catch (RuntimeException e) {
      return "evaluating at the point failed: " + e.getMessage();
    }
  }

  /** x < lo beyond tolerance (relative for a positive bound: ranges reach 1e-100). */
  private static boolean below(double x, double lo) {
    double slack = lo > 0 ? FEAS_TOL * lo : FEAS_TOL * Math.max(1, Math.abs(lo));
    return x < lo - slack;
  }

  /** Whether l op r holds within tolerance: relative when both sides are positive (power laws at any scale). */
  static boolean holds(double l, String op, double r) {
    if (!Double.isFinite(l) || !Double.isFinite(r)) {
      return false;
    }
    double scale = Math.max(Math.abs(l), Math.abs(r));
    if (!(l > 0 && r > 0)) {
      scale = Math.max(1, scale);
    }
    double slack = FEAS_TOL * scale;
    return switch (op) {
      case "<=", "<" -> l - r <= slack;
      case ">=", ">" -> r - l <= slack;
      case "=" -> Math.abs(l - r) <= slack;
      default -> throw new IllegalArgumentException("operator " + op);
    };
  }

  /** Pairs of writings of one problem whose verdicts differ: "id (verdict) vs twin (verdict)". */
  static List<String> invarianceViolations(List<Result> results) {
    Map<String, Result> byId = new LinkedHashMap<>();
    results.forEach(r -> byId.put(r.problem().id(), r));
    List<String> out = new ArrayList<>();
    for (Result r : results) {
      String of = r.problem().twinOf();
      Result first = of == null ? null : byId.get(of);
      if (first != null && first.verdict() != r.verdict()) {
        out.add(of + " (" + first.verdict() + ") vs " + r.problem().id() + " (" + r.verdict() + ")");
      }
    }
    return out;
  }
}
