package org.lawlang.solve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lawlang.solve.Differential.Judgement;
import org.lawlang.solve.Differential.Result;

/**
 * The differential suite's account: per class, how many problems there were, how many verdicts
 * agreed, how many law left not certified, how many were a different local optimum, how many
 * disagreed and how many claims were refuted, then the kinds of disagreement with the first
 * few examples, and the pairs of writings whose verdicts differ.
 */
record DifferentialSummary(List<Result> results, List<String> invariance, long wallMillis) {
  static final int EXAMPLES = 4;

  long count(Judgement j) {
    return results.stream().filter(r -> r.judgement() == j).count();
  }

  long refuted() {
    return results.stream().filter(Result::refuted).count();
  }

  String render() {
    Map<String, List<Result>> byClass = new LinkedHashMap<>();
    results.forEach(r -> byClass.computeIfAbsent(r.problem().cls(), k -> new ArrayList<>()).add(r));
    StringBuilder out = new StringBuilder();
    long[] us = results.stream().filter(r -> !"timeout".equals(r.outcome().code())).mapToLong(r -> r.outcome().micros()).sorted().toArray();
    long timeouts = results.size() - us.length;
    out.append(String.format("differential suite: %d problems, %.1f s wall, law's own time %.1f s (%d timed out)%n", results.size(),
        wallMillis / 1000.0, results.stream().mapToLong(r -> r.outcome().micros()).sum() / 1e6, timeouts));
    if (us.length > 0) {
      out.append(String.format("time per answered problem: median %.1f ms, 90%% %.1f ms, 99%% %.1f ms, max %.1f ms%n",
          us[us.length / 2] / 1e3, us[(int) (us.length * 0.9)] / 1e3, us[(int) (us.length * 0.99)] / 1e3, us[us.length - 1] / 1e3));
    }
    out.append('\n');
    String fmt = "%-20s %9s %7s %13s %15s %9s %7s %13s%n";
    out.append(String.format(fmt, "class", "generated", "agreed", "not certified", "different local", "disagreed", "refuted",
        "law better"));
    byClass.forEach((cls, rs) -> out.append(row(fmt, cls, rs)));
    out.append(row(fmt, "total", results));
    out.append(String.format("%nverdict invariance (two writings of one problem): %d pairs differ%n", invariance.size()));
    invariance.stream().limit(20).forEach(s -> out.append("  ").append(s).append('\n'));
    out.append("\nkinds of disagreement, by class (first examples: id, what law said):\n");
    byClass.forEach((cls, rs) -> {
      Map<String, List<Result>> kinds = new TreeMap<>();
      rs.stream().filter(r -> r.judgement() == Judgement.DISAGREE).forEach(r -> kinds.computeIfAbsent(kindKey(r), k -> new ArrayList<>()).add(r));
      if (kinds.isEmpty()) {
        return;
      }
      out.append(cls).append(":\n");
      kinds.forEach((kind, ex) -> {
        out.append(String.format("  %4d  %s%n", ex.size(), kind));
        ex.stream().limit(EXAMPLES).forEach(r -> out.append("          ").append(r.problem().id()).append(": ")
            .append(shorten(r.outcome().said() + " | " + r.kind(), 220)).append('\n'));
      });
    });
    out.append("\nnot certified, by class and reason:\n");
    byClass.forEach((cls, rs) -> {
      Map<String, Long> reasons = new TreeMap<>();
      rs.stream().filter(r -> r.judgement() == Judgement.NOT_CERTIFIED).forEach(r -> reasons.merge(r.kind(), 1L, Long::sum));
      if (!reasons.isEmpty()) {
        out.append(String.format("  %-20s %s%n", cls, reasons));
      }
    });
    List<Result> local = results.stream().filter(r -> r.judgement() == Judgement.DIFFERENT_LOCAL).toList();
    out.append(String.format("%ndifferent local optima (law says local, value worse than the reference's): %d%n", local.size()));
    local.stream().limit(10).forEach(r -> out.append("  ").append(r.problem().id()).append(": law ").append(r.outcome().value())
        .append(", reference ").append(r.problem().value()).append('\n'));
    return out.toString();
  }

  /** The kind without the numbers of the example, so like disagreements group together. */
  private static String kindKey(Result r) {
    String k = r.kind();
    if (k.startsWith("optimal claim refuted: ")) {
      String why = k.substring("optimal claim refuted: ".length());
      if (why.startsWith("the objective at the point")) {
        return "optimal claim refuted: the objective at the point differs from law's value";
      }
      if (why.contains(" fails: ")) {
        return "optimal claim refuted: a constraint fails at law's point";
      }
      if (why.contains(" outside [")) {
        return "optimal claim refuted: the point is outside a range";
      }
      return "optimal claim refuted: " + why;
    }
    return k;
  }

  private static String row(String fmt, String cls, List<Result> rs) {
    long agreed = rs.stream().filter(r -> r.judgement() == Judgement.AGREE).count();
    long nc = rs.stream().filter(r -> r.judgement() == Judgement.NOT_CERTIFIED).count();
    long local = rs.stream().filter(r -> r.judgement() == Judgement.DIFFERENT_LOCAL).count();
    long dis = rs.stream().filter(r -> r.judgement() == Judgement.DISAGREE).count();
    long ref = rs.stream().filter(Result::refuted).count();
    long better = rs.stream().filter(Result::betterThanReference).count();
    return String.format(fmt, cls, rs.size(), agreed, nc, local, dis, ref, better);
  }

  private static String shorten(String s, int max) {
    String one = s.replace('\n', ' ');
    return one.length() <= max ? one : one.substring(0, max - 3) + "...";
  }

  /** Prints the account and writes it to target/differential-summary.txt. */
  String publish() {
    String text = render();
    System.out.println(text);
    try {
      Path out = Path.of("target", "differential-summary.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text;
  }
}
