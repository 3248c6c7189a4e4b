package org.lawlang.eval;

import java.util.ArrayList;
import java.util.List;
import org.lawlang.semantics.Param;
import org.lawlang.solve.FitStatistics;
import org.lawlang.syntax.NumberFormat;

/** Formats a fit's report: the parameter table, the figures of merit, the starts, the bootstrap and the status. */
final class FitText {
  private FitText() {}

  static String report(FitValue f, FitValue.Outcome o, String status, String detail) {
    StringBuilder out = new StringBuilder();
    FitValue.Optimum opt = o.optimum();
    FitValue.Search search = o.search();
    FitValue.Resampling boot = o.bootstrap();
    FitStatistics s = opt.stats();
    List<Param> free = f.free();
    out.append("fit ").append(f.law().signature()).append(" to ").append(o.dataName()).append(": ")
        .append(o.objectiveText()).append(", ").append(s.rows()).append(" rows\n");
    List<String[]> rows = new ArrayList<>();
    boolean ci = boot.intervals() != null;
    String ciHead = NumberFormat.show(o.level() * 100) + "% interval";
    rows.add(ci ? new String[] {"parameter", "estimate", "SE", ciHead, ""} : new String[] {"parameter", "estimate", "SE", ""});
    for (int j = 0; j < free.size(); j++) {
      Param p = free.get(j);
      String bound = opt.atBounds().containsKey(p.name()) ? "at " + opt.atBounds().get(p.name()) + " bound " + p.boundsText() : "";
      String se = Double.isNaN(s.se()[j]) ? "-" : NumberFormat.show(s.se()[j], 3);
      if (ci) {
        rows.add(new String[] {p.name(), NumberFormat.show(opt.estimates()[j]), se,
            NumberFormat.show(boot.intervals()[j][0], 4) + " .. " + NumberFormat.show(boot.intervals()[j][1], 4), bound});
      } else {
        rows.add(new String[] {p.name(), NumberFormat.show(opt.estimates()[j]), se, bound});
      }
    }
    table(out, rows, false);
    out.append("  objective ").append(NumberFormat.show(opt.objective(), 12))
        .append("   RSS ").append(NumberFormat.show(s.rss()))
        .append("   R² ").append(Double.isNaN(s.r2()) ? "undefined (the target is constant)" : NumberFormat.show(s.r2()))
        .append(f.huber() ? "   CV " + (Double.isFinite(f.cvLoss()) ? NumberFormat.show(f.cvLoss()) + " (10-fold Huber loss)" : "undefined")
            : "   AIC " + (Double.isFinite(s.aic()) ? NumberFormat.show(s.aic()) : "undefined (an exact fit)")
            + "   BIC " + (Double.isFinite(s.bic()) ? NumberFormat.show(s.bic()) : "undefined (an exact fit)"))
        .append("   n ").append(s.rows()).append("   p ").append(free.size()).append('\n');
    if (search.startsNote() != null) {
      out.append("  starts: ").append(search.startsNote()).append(" (no starts given)\n");
    }
    if (search.restartNote() != null) {
      out.append("  restarts: ").append(search.restartNote()).append('\n');
    }
    out.append("  ").append(search.starts()).append(search.starts() == 1 ? " start" : " starts");
    if (search.searched() < search.starts()) {
      out.append(", ").append(search.searched()).append(search.searched() == 1 ? " local search" : " local searches")
          .append(" (the grid's local minima and best points)");
    }
    if (search.searched() > 1) {
      out.append(", ").append(search.reached()).append(" reached the best objective");
    }
    out.append("; ").append(opt.best().iterations()).append(" iterations from the best\n");
    if (boot.resamples() > 0) {
      out.append("  bootstrap: ").append(boot.resamples()).append(boot.resamples() == 1 ? " resample (seed " : " resamples (seed ").append(o.seed()).append("), ")
          .append(boot.converged() == boot.resamples() ? "every refit converged" : boot.converged() + " refits converged" + f.refitStopsText())
          .append("; percentile intervals\n");
      for (String line : f.refitsAtBounds()) {
        out.append("  ").append(line).append('\n');
      }
    }
    out.append("  status: ").append(status).append(" (").append(detail).append(')');
    return out.toString();
  }

  private static void table(StringBuilder out, List<String[]> rows, boolean numbersRight) {
    int cols = rows.get(0).length;
    int[] width = new int[cols];
    for (String[] r : rows) {
      for (int c = 0; c < cols; c++) {
        width[c] = Math.max(width[c], r[c].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int c = 0; c < cols; c++) {
        boolean right = numbersRight ? c >= 1 : c == 1 || c == 2;
        String cell = r[c];
        String pad = " ".repeat(width[c] - cell.length());
        line.append(right ? pad + cell : cell + pad).append(c == cols - 1 ? "" : "  ");
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }

  /** The correlation matrix as an aligned table. */
  static String correlation(List<Param> free, double[][] c, String undefinedReason) {
    boolean undefined = false;
    List<String[]> rows = new ArrayList<>();
    String[] head = new String[free.size() + 1];
    head[0] = "";
    for (int j = 0; j < free.size(); j++) {
      head[j + 1] = free.get(j).name();
    }
    rows.add(head);
    for (int i = 0; i < free.size(); i++) {
      String[] r = new String[free.size() + 1];
      r[0] = free.get(i).name();
      for (int j = 0; j < free.size(); j++) {
        // as the report's "-" for a missing SE: an undefined entry is never shown as NaN
        undefined |= !Double.isFinite(c[i][j]);
        r[j + 1] = Double.isFinite(c[i][j]) ? String.format(java.util.Locale.ROOT, "%.4f", c[i][j]) : "-";
      }
      rows.add(r);
    }
    StringBuilder out = new StringBuilder();
    table(out, rows, true);
    if (undefined) {
      out.append("  - is undefined: ").append(undefinedReason).append('\n');
    }
    return out.toString();
  }
}
