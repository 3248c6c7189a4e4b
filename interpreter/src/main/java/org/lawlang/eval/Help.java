package org.lawlang.eval;

import org.lawlang.syntax.Stmt;

/** `help` and `help NAME`: what a name is, a law's formula and provenance, a module's contents. */
final class Help {
  private Help() {}

  static String text(Stmt.Help h, Env env, Interpreter in) {
    if (h.target() == null) {
      return String.join("\n",
          "law: a language for neural scaling laws.",
          "  let x = 70B                          bind a value (suffixes K M B T)",
          "  law L(N, D) = E + A/N^a + B/D^b      declare a law; 'where' fixes parameters, 'with' bounds free ones",
          "  data runs = csv \"file.csv\" { ... }   load data; 'table (cols) { rows }' for inline data",
          "  fit loss ~ L(N, D) to runs           fit free parameters",
          "  minimize L subject to 6*N*D = C      constrained optimum;  solve L(N, 20*N) = 2 for N",
          "  print, for x in xs { row ... }, plot, compare, import MODULE, help NAME");
    }
    Value v = in.eval(h.target(), env);
    return v.show();
  }
}
