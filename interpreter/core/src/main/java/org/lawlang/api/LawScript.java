package org.lawlang.api;

import org.lawlang.syntax.Program;

/**
 * Law code parsed once, to be run many times in its engine ({@link LawEngine#compile}).
 * Syntax errors are reported when it is compiled; names are checked on each run, against
 * the engine's names at that moment, so a script may use names bound later from Java.
 * Thread-safe: runs are serialised on the engine.
 */
public final class LawScript {
  private final LawEngine engine;
  private final Program program;

  LawScript(LawEngine engine, Program program) {
    this.engine = engine;
    this.program = program;
  }

  /**
   * Runs the script in its engine's session.
   *
   * @return the value of its last statement
   */
  public LawResult run() {
    return Results.from(runValue());
  }

  org.lawlang.eval.Value runValue() {
    return engine.execute(program);
  }

  Program program() {
    return program;
  }

  /**
   * The engine the script runs in.
   *
   * @return its engine
   */
  public LawEngine engine() {
    return engine;
  }
}
