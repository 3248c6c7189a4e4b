package org.lawlang.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lawlang.diag.Suggest;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command line's usage errors in the tool's own words: "unknown command 'frobnicate'"
 * rather than picocli's "Unmatched argument at index 0", with the nearest command or option
 * and, for a file given without `run`, the command that runs it.
 */
final class UsageMessages {
  private UsageMessages() {}

  static String of(CommandLine.ParameterException ex) {
    CommandSpec spec = ex.getCommandLine().getCommandSpec();
    if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String arg = u.getUnmatched().get(0);
      if (arg.startsWith("-")) {
        String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        List<String> options = new ArrayList<>();
        spec.options().forEach(o -> options.addAll(List.of(o.names())));
        return "unknown option '" + name + "'" + Suggest.closest(name, options).map(s -> " (did you mean '" + s + "'?)").orElse("");
      }
      if (spec.parent() == null && !spec.subcommands().isEmpty()) {
        String text = "unknown command '" + arg + "'";
        if (arg.endsWith(".law") || Files.isRegularFile(Path.of(arg))) {
          return text + "; to run a script: law run " + arg;
        }
        return text + Suggest.closest(arg, spec.subcommands().keySet()).map(s -> " (did you mean '" + s + "'?)")
            .orElse(" (the commands are " + String.join(", ", spec.subcommands().keySet()) + ")");
      }
      return "unexpected argument '" + arg + "'";
    }
    if (ex instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()) {
      ArgSpec missing = m.getMissing().get(0);
      if (missing instanceof OptionSpec o) {
        return "option " + o.longestName() + " needs a value";
      }
      String label = missing.paramLabel();
      return "missing " + label + ": give " + (missing.arity().max() > 1 ? "one or more" : "one") + " (" + String.join(" ", missing.description()) + ")";
    }
    String message = ex.getMessage();
    return message.isEmpty() ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
  }
}
