package org.lawlang.eval;

import org.lawlang.syntax.Stmt;

/** `help` and `help NAME`: what a name is, a law's formula and provenance, a module's contents. */
final class Help {
  private Help() {}

  /** One line per statement word, for `help minimize` and the like. */
  private static final java.util.Map<String, String> TOPICS = java.util.Map.ofEntries(
      java.util.Map.entry("let", "let x = expr                        bind a value: let budget = 5.76e23"),
      java.util.Map.entry("law", "law L(N, D) = expr where … with …   a named formula; plain names in it are parameters"),
      java.util.Map.entry("proc", "proc f(a, b) { … return x }         a procedure (returns its row table without 'return')"),
      java.util.Map.entry("data", "data runs = csv \"f.csv\" { N = \"Header\" } where loss < 5   or: table (N, loss) { 1B 3.0 }"),
      java.util.Map.entry("print", "print a, b, …                       print values on one line"),
      java.util.Map.entry("import", "import hoffmann2022 [as h], import \"my.law\"   load a module"),
      java.util.Map.entry("for", "for x in list { row a, name: b } [to \"out.csv\"]   loop; rows make a table"),
      java.util.Map.entry("row", "row a, name: b                      add a row to the table of the enclosing for or proc"),
      java.util.Map.entry("fit", "fit loss ~ L(N, D) to runs          fit a law's free parameters to a dataset"),
      java.util.Map.entry("minimize", "minimize EXPR subject to name: lhs = rhs, … over N in [lo, hi], D"
          + "   optimum; power laws are solved globally in log space"),
      java.util.Map.entry("maximize", "maximize EXPR subject to … over …   as minimize, for a maximum"),
      java.util.Map.entry("solve", "solve lhs = rhs for X [in [lo, hi]]   the smallest root, bracketed on a log grid and refined by Brent"),
      java.util.Map.entry("roots", "roots lhs = rhs for X in [lo, hi]    every root bracketed in the range, as a list"),
      java.util.Map.entry("plot", "plot y vs x from data, L(N, D) for D in [..] loglog to \"f.svg\"   a picture"),
      java.util.Map.entry("compare", "compare L1, L2 at (N = 70B, D = 1.4T)   laws side by side at one point"),
      java.util.Map.entry("where", "where A = 406.4, …                  fixes a law's parameters"),
      java.util.Map.entry("with", "with A > 0, alpha in [0, 2] start 0.3   bounds and starts of a law's free parameters"));

  static String text(Stmt.Help h, Env env, Interpreter in) {
    if (h.topic() != null) {
      return TOPICS.getOrDefault(h.topic(), "'" + h.topic() + "' is a statement word; 'help' alone lists them");
    }
    if (h.target() == null) {
      return String.join("\n",
          "law: a language for neural scaling laws.",
          "  let x = 70B                          bind a value (suffixes K M B T)",
          "  law L(N, D) = E + A/N^a + B/D^b      declare a law; 'where' fixes parameters, 'with' bounds free ones",
          "  data runs = csv \"file.csv\" { ... }   load data; 'table (cols) { rows }' for inline data",
          "  fit loss ~ L(N, D) to runs           fit free parameters",
          "  minimize L subject to 6*N*D = C      constrained optimum;  solve L(N, 20*N) = 2 for N",
          "  print, for x in xs { row ... }, plot, compare, import MODULE, help NAME, help minimize (a word)");
    }
    Value v = in.eval(h.target(), env);
    return v.show();
  }
}
