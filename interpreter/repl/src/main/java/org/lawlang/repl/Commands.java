package org.lawlang.repl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Source;
import org.lawlang.diag.Span;
import org.lawlang.diag.Suggest;
import org.lawlang.eval.DataValue;
import org.lawlang.eval.LawValue;
import org.lawlang.eval.Value;
import org.lawlang.semantics.Builtin;
import org.lawlang.syntax.ExprPrinter;

/**
 * The REPL's command table: every `:command` with its handler and help text. The REPL
 * looks commands up here (a unique prefix is enough: `:q`), `:help` prints this table, and
 * completion offers its names.
 */
final class Commands {
  static final List<Command> ALL = List.of(
      new Command(":help", Command.Arg.TOPIC, "list the commands, or explain one (:help :load) or a topic (keys, plot)",
          "`:help` lists the commands; `:help :save` explains one; `:help keys` the keys; `:help plot` the plot statement;\n"
              + "`:help NAME` describes a name in scope, like `help NAME`.", Commands::help),
      new Command(":load", Command.Arg.FILE, "run a .law script in this session",
          "`:load FILE` runs the script as if typed here and says which names it defined and which it replaced;\n"
              + "its names stay in the session and `:save` keeps its text. Relative paths inside it resolve against its\n"
              + "folder. A script that fails changes nothing: the session is put back as it was.", Commands::load),
      new Command(":laws", Command.Arg.NONE, "list the laws in scope", "`:laws` lists each law with its formula and unit.", Commands::laws),
      new Command(":data", Command.Arg.NONE, "list the datasets in scope", "`:data` lists each dataset: rows, columns and where it came from.",
          Commands::data),
      new Command(":vars", Command.Arg.NONE, "list every name in scope: its kind and a one-line value",
          "`:vars` lists every name in the session, in the order they were defined, each with its kind and value in one line.",
          Commands::vars),
      new Command(":doc", Command.Arg.NAME, "show a law's formula, constants, unit, fitted range and citation",
          "`:doc NAME` shows what NAME is: for a law its formula, constants, unit, fitted range and citation;\n"
              + "qualified names work too (`:doc epoch.L`).", Commands::doc),
      new Command(":reset", Command.Arg.NONE, "forget every name and start a fresh session",
          "`:reset` starts a fresh session: all names are forgotten and `:save` starts from empty.", Commands::reset),
      new Command(":save", Command.Arg.FILE, "write the statements accepted so far as a .law script",
          "`:save FILE` writes every statement that ran without error (and those of `:load`ed scripts), in order,\n"
              + "as a script that `law run FILE` replays from any directory: relative data and import paths are rewritten\n"
              + "to start from FILE's folder; `help` and definitions replaced before anything used them are left out.",
          Commands::save),
      new Command(":history", Command.Arg.NONE, "list the inputs typed so far (kept across sessions)",
          "`:history` lists the last 50 inputs, numbered, oldest first; Up and Ctrl-R recall them.", Commands::history),
      new Command(":time", Command.Arg.CODE, "run an input and say how long it took",
          "`:time CODE` runs CODE as if typed at the prompt, then prints the wall-clock time it took.", Commands::time),
      new Command(":edit", Command.Arg.NONE, "open $EDITOR on the last input, then run what you save",
          "`:edit` writes the last input to a temporary file, opens $VISUAL or $EDITOR (else vi) on it, and runs the\n"
              + "saved text as if typed; an empty or unchanged file runs nothing.", (s, a) -> {
                s.edit();
                return true;
              }),
      new Command(":echo", Command.Arg.SWITCH, "turn the one-line summary of each declaration on or off",
          "`:echo off` stops the summary printed after a declaration (`law K(N): 2 parameters fixed`); `:echo on` restores it.\n"
              + "A trailing ';' keeps a single input quiet.", Commands::echo),
      new Command(":quit", Command.Arg.NONE, "leave (Ctrl-D does too)", "`:quit` leaves the REPL; so does Ctrl-D at an empty prompt.",
          (s, a) -> false));

  static final Map<String, String> TOPICS = Map.of(
      "keys", String.join("\n",
          "Enter        run the input; an unfinished statement (open bracket, trailing operator, 'with',",
          "             'subject to', an open string) continues on the next line; a blank line ends it.",
          "             A line that starts with a clause ('where', 'with', 'starts', ...) continues the",
          "             statement before it, as in a script",
          "Tab          complete keywords, names, fields after '.', modules after 'import', columns,",
          "             file names inside strings, and :commands",
          "Up, Down     history (kept in HISTORY); Ctrl-R searches it",
          "Ctrl-C       cancel a running evaluation (the session keeps its state); clear the line",
          "Ctrl-D       leave at an empty prompt"),
      "plot", String.join("\n",
          "plot loss vs N from runs                      points: two columns of a dataset",
          "plot L(N, 20 * N) over [1e8, 1e12]             a curve: any expression in one free name",
          "plot f(N, D) for D in [1B, 10B] over [a, b]    one curve per value",
          "plot loss vs N from runs \"Chinchilla runs\"     a string after a series names it",
          "options: loglog (default), linear, logx, logy, title \"...\", xlabel \"...\", ylabel \"...\", minima,",
          "         residuals, legend \"outside\", to \"file.png\" (or .svg, .pdf) size 6x4 in dpi 300, panel;",
          "         without 'to' the plot is drawn here in text"));

  private Commands() {}

  /** The command a typed name means: exact, or the only one it is a prefix of. */
  static Optional<Command> find(String name) {
    List<Command> matches = new ArrayList<>();
    for (Command c : ALL) {
      if (c.name().equals(name)) {
        return Optional.of(c);
      }
      if (c.name().startsWith(name)) {
        matches.add(c);
      }
    }
    return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
  }

  /** Runs a typed `:command line`; false ends the REPL. */
  static boolean run(ReplSession session, String line) {
    String trimmed = line.strip();
    int space = trimmed.indexOf(' ');
    String name = space < 0 ? trimmed : trimmed.substring(0, space);
    String arg = space < 0 ? "" : trimmed.substring(space + 1).strip();
    Optional<Command> c = find(name);
    if (c.isEmpty()) {
      Source src = new Source("<repl>", trimmed);
      LawException e = LawException.of(Msg.REPL_COMMAND, new Span(src, 0, name.length()), name)
          .hint(Suggest.closest(name, ALL.stream().map(Command::name).toList()).map(s -> "did you mean '" + s + "'? ").orElse("")
              + ":help lists the commands");
      session.io().diagnostics(e.diagnostics());
      return true;
    }
    Command.Arg kind = c.get().arg();
    if (arg.isEmpty() && (kind == Command.Arg.FILE || kind == Command.Arg.NAME || kind == Command.Arg.CODE)) {
      session.io().println("usage: " + c.get().usage() + "  (" + c.get().summary() + ")");
      return true;
    }
    CURRENT.set(new Typed(trimmed, space < 0 ? trimmed.length() : trimmed.indexOf(arg, space)));
    try {
      return c.get().handler().run(session, unquote(arg));
    } finally {
      CURRENT.remove();
    }
  }

  /** The command line being run and where its argument starts, so that a diagnostic about the argument can point into what was typed. */
  private record Typed(String line, int argAt) {}

  private static final ThreadLocal<Typed> CURRENT = new ThreadLocal<>();

  /** A span over {@code word} as typed in the current command line (or over the word alone when it is not there). */
  private static Span typedSpan(String word) {
    Typed t = CURRENT.get();
    int at = t == null ? -1 : t.line().indexOf(word, Math.max(0, t.argAt()));
    if (at < 0) {
      return new Span(new Source("<repl>", word), 0, word.length());
    }
    return new Span(new Source("<repl>", t.line()), at, at + word.length());
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }

  private static boolean help(ReplSession s, String topic) {
    if (topic.isEmpty()) {
      StringBuilder out = new StringBuilder("Type law statements and expressions; an expression's value is printed.\n");
      int width = ALL.stream().mapToInt(c -> c.usage().length()).max().orElse(0);
      for (Command c : ALL) {
        out.append("  ").append(c.usage()).append(" ".repeat(width - c.usage().length() + 2)).append(c.summary()).append('\n');
      }
      out.append("Topics: :help keys, :help plot. The language: help, help NAME.");
      s.io().println(out.toString());
      return true;
    }
    String key = topic.startsWith(":") ? topic : ":" + topic;
    Optional<Command> c = TOPICS.containsKey(topic) ? Optional.empty() : find(key);
    if (c.isPresent()) {
      s.io().println(c.get().usage() + "\n" + c.get().help());
    } else if (TOPICS.containsKey(topic)) {
      Path history = s.historyFile();
      s.io().println(TOPICS.get(topic).replace("HISTORY", history == null ? "no file" : shownPath(history)));
    } else {
      doc(s, topic);
    }
    return true;
  }

  private static boolean load(ReplSession s, String file) {
    s.load(s.session().settings().workDir().resolve(file), file);
    return true;
  }

  /** A file as `:help keys` names it: from the home folder (~/...) when it is inside it. */
  private static String shownPath(Path file) {
    Path home = Path.of(System.getProperty("user.home")).toAbsolutePath();
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(home) && !abs.equals(home) ? "~/" + home.relativize(abs) : abs.toString();
  }

  private static boolean history(ReplSession s, String arg) {
    List<String> all = s.history();
    int from = Math.max(0, all.size() - 50);
    StringBuilder out = new StringBuilder();
    for (int i = from; i < all.size(); i++) {
      String entry = all.get(i).replace("\n", "\n      ");
      out.append(String.format("%4d  %s%n", i + 1, entry));
    }
    s.io().println(out.length() == 0 ? "no history yet" : out.toString().stripTrailing());
    return true;
  }

  private static boolean time(ReplSession s, String code) {
    long start = System.nanoTime();
    s.evaluate(code);
    double seconds = (System.nanoTime() - start) / 1e9;
    s.io().println("time: " + (seconds < 1 ? String.format("%.1f ms", seconds * 1e3) : String.format("%.3f s", seconds)));
    return true;
  }

  private static boolean echo(ReplSession s, String arg) {
    if (arg.equals("on") || arg.equals("off")) {
      s.echo(arg.equals("on"));
    } else if (!arg.isEmpty()) {
      s.io().println("usage: :echo on|off");
      return true;
    }
    s.io().println("echo is " + (s.echo() ? "on: declarations print a one-line summary" : "off: declarations are silent"));
    return true;
  }

  private static boolean save(ReplSession s, String file) {
    Path path = s.session().settings().workDir().resolve(file);
    try {
      int n = s.save(path);
      s.io().println("saved " + n + (n == 1 ? " statement" : " statements") + " to " + file);
    } catch (IOException e) {
      s.io().error("error: cannot write " + file + ": " + org.lawlang.diag.IoReason.of(e) + " [" + Msg.IO.code() + "]\n");
    }
    return true;
  }

  private static boolean reset(ReplSession s, String arg) {
    s.reset();
    s.io().println("session reset: every name is forgotten");
    return true;
  }

  private static boolean laws(ReplSession s, String arg) {
    List<String> lines = new ArrayList<>();
    s.session().globals().locals().forEach((name, v) -> {
      if (v instanceof LawValue l) {
        var law = l.law();
        String unit = law.meta().unit() == null ? "" : "   [" + law.meta().unit() + "]";
        String shownName = name.equals(law.name()) ? law.signature() : name + " = " + law.signature();
        lines.add("  " + shownName + " = " + ExprPrinter.print(law.body()) + unit
            + (law.freeParameterNames().isEmpty() ? "" : "   (free: " + String.join(", ", law.freeParameterNames()) + ")"));
      }
    });
    s.io().println(lines.isEmpty() ? "no laws yet: declare one with law L(N) = ..." : String.join("\n", lines));
    return true;
  }

  private static boolean data(ReplSession s, String arg) {
    List<String> lines = new ArrayList<>();
    s.session().globals().locals().forEach((name, v) -> {
      if (v instanceof DataValue d) {
        var data = d.data();
        lines.add("  " + name + "  " + data.rows() + (data.rows() == 1 ? " row" : " rows") + "  ("
            + String.join(", ", data.columnNames()) + ")  " + data.origin());
      }
    });
    s.io().println(lines.isEmpty() ? "no datasets yet: load one with data runs = csv \"file.csv\"" : String.join("\n", lines));
    return true;
  }

  private static boolean vars(ReplSession s, String arg) {
    Map<String, Value> all = s.session().globals().locals();
    int width = all.keySet().stream().mapToInt(String::length).max().orElse(0);
    int kindWidth = all.values().stream().mapToInt(v -> v.typeName().length()).max().orElse(0);
    List<String> lines = new ArrayList<>();
    all.forEach((name, v) -> {
      String line = Bindings.describe(name, v);
      // the description without the declaration word and name it starts with
      String rest = line.startsWith("law ") ? line.substring(4) : line.replaceFirst("^(let|data|proc|module) \\Q" + name + "\\E ?(= )?:? ?", "");
      lines.add("  " + name + " ".repeat(width - name.length() + 2) + v.typeName() + " ".repeat(kindWidth - v.typeName().length() + 2) + rest);
    });
    s.io().println(lines.isEmpty() ? "no names yet: bind one with let x = ..., law L(N) = ..., data runs = ..." : String.join("\n", lines));
    return true;
  }

  private static boolean doc(ReplSession s, String name) {
    if (Keywords.all().contains(name) && s.session().globals().lookup(name) == null) {
      // a statement word: what `help WORD` says of it
      s.evaluateQuietly("help " + name);
      return true;
    }
    Optional<Builtin> b = Builtin.named(name);
    if (b.isPresent() && s.session().globals().lookup(name) == null) {
      s.io().println(name + ": " + b.get().doc + " (" + b.get().arityText() + ")");
      return true;
    }
    Value v = Completion.resolve(s.session().globals(), name);
    if (v == null) {
      java.util.Set<String> names = new java.util.TreeSet<>(s.session().globals().visibleNames());
      names.addAll(Builtin.names());
      LawException e = LawException.of(Msg.UNKNOWN_NAME, typedSpan(name), name).hint(Suggest.hint(name, names));
      s.io().diagnostics(e.diagnostics());
      return true;
    }
    s.io().println(v.show());
    return true;
  }
}
