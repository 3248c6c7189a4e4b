package org.lawlang.repl;

/**
 * One REPL command: its name (`:load`), what its argument is (for the help line and for
 * completion), a one-line summary, a longer help text, and the handler.
 */
record Command(String name, Arg arg, String summary, String help, Handler handler) {
  /** What a command takes, which also says how to complete it. */
  enum Arg {
    NONE(""),
    FILE("FILE"),
    NAME("NAME"),
    TOPIC("[TOPIC]"),
    CODE("CODE"),
    SWITCH("on|off");

    final String shown;

    Arg(String shown) {
      this.shown = shown;
    }
  }

  /** Runs the command with the text after its name (trimmed; empty when none); false ends the REPL. */
  interface Handler {
    boolean run(ReplSession session, String argument);
  }

  /** `:load FILE` as the help table shows it. */
  String usage() {
    return arg == Arg.NONE ? name : name + " " + arg.shown;
  }
}
