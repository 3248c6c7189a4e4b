package org.lawlang.repl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.lawlang.eval.Env;
import org.lawlang.eval.Value;

/**
 * Tab completion on the terminal: `:commands` at the start of a line (and a command's file or
 * name argument after it); in code, what {@link CodeCompletion} offers (file names inside a
 * string, fields after `name.`, modules after `import`, keywords, names, builtins, columns).
 */
final class Completion implements Completer {
  private final Supplier<ReplSession> session;

  Completion(Supplier<ReplSession> session) {
    this.session = session;
  }

  @Override
  public void complete(LineReader reader, ParsedLine parsed, List<Candidate> out) {
    LawLineParser.Line line = parsed instanceof LawLineParser.Line l ? l : LawLineParser.word(parsed.line(), parsed.cursor());
    out.addAll(candidates(line));
  }

  List<Candidate> candidates(LawLineParser.Line line) {
    List<Candidate> out = new ArrayList<>();
    Env globals = session.get().session().globals();
    Path workDir = session.get().session().settings().workDir();
    String before = line.before();
    if (before.isBlank() && line.word().startsWith(":")) {
      // the summary in the display, after padding, so that the descriptions line up in one column
      int width = Commands.ALL.stream().mapToInt(c -> c.usage().length()).max().orElse(0);
      Commands.ALL.forEach(c -> out.add(new Candidate(c.name(), c.usage() + " ".repeat(width - c.usage().length() + 2) + c.summary(),
          null, null, null, null, true)));
    } else if (before.stripLeading().startsWith(":")) {
      String name = before.strip().split("\\s+")[0];
      Command.Arg arg = Commands.find(name).map(Command::arg).orElse(Command.Arg.NONE);
      if (arg == Command.Arg.CODE) {
        code(line, globals, out);
      } else if (arg == Command.Arg.SWITCH) {
        out.add(plain("on", null));
        out.add(plain("off", null));
      } else if (arg == Command.Arg.FILE) {
        files(workDir, line.word(), "", out);
      } else if (arg == Command.Arg.NAME || arg == Command.Arg.TOPIC) {
        globals.visibleNames().forEach(n -> out.add(plain(n, describe(globals.lookup(n)))));
        if (arg == Command.Arg.TOPIC) {
          Commands.TOPICS.keySet().forEach(t -> out.add(plain(t, "topic")));
          Commands.ALL.forEach(c -> out.add(plain(c.name(), c.summary())));
        }
      }
    } else if (LawLineParser.insideString(line.line(), line.cursor())) {
      files(workDir, line.word(), "\"", out);
    } else {
      code(line, globals, out);
    }
    return out;
  }

  private static void code(LawLineParser.Line line, Env globals, List<Candidate> out) {
    CodeCompletion.code(line.before(), line.line(), globals).forEach(s -> out.add(candidate(s)));
  }

  /** A possibly dotted name's value in scope (`runs`, `epoch.L`), or null. */
  static Value resolve(Env env, String dotted) {
    return CodeCompletion.resolve(env, dotted);
  }

  private static void files(Path workDir, String partial, String close, List<Candidate> out) {
    CodeCompletion.files(workDir, partial, close).forEach(s -> out.add(candidate(s)));
  }

  private static Candidate candidate(CodeCompletion.Suggestion s) {
    return new Candidate(s.value(), s.display(), null, s.description(), null, null, s.complete());
  }

  private static Candidate plain(String value, String description) {
    return new Candidate(value, value, null, description, null, null, false);
  }

  private static String describe(Value v) {
    return CodeCompletion.describe(v);
  }
}
