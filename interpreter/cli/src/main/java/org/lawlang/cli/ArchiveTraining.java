package org.lawlang.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jline.terminal.Size;
import org.jline.terminal.impl.ExternalTerminal;
import org.lawlang.api.LawEngine;
import org.lawlang.diag.Source;
import org.lawlang.eval.EngineAccess;
import org.lawlang.repl.Repl;
import org.lawlang.syntax.ParseCache;

/**
 * The workload the launcher's class-data-sharing archive is made from, once per build (see
 * ./law). Classes a run needs that are not in the archive load from the jar several times
 * slower, so it touches what runs need: the tour parsed by ANTLR (a run from the parse cache
 * never loads the parser), the parse cache written and read, {@code law eval}, and a line typed
 * into the REPL on a virtual terminal. Prints nothing.
 */
public final class ArchiveTraining {
  private ArchiveTraining() {}

  public static void main(String[] args) throws IOException {
    Path tour = Path.of(args[0]).toAbsolutePath();
    PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    LawEngine engine = LawEngine.builder().streams(sink, sink).workDir(tour.getParent()).build();
    EngineAccess.run(engine, tour, tour.getFileName().toString());
    FastPath.tryRun(new String[] {"eval", "6 * 70B * 1.4T"}, sink, sink);
    Path scratch = Files.createTempDirectory("law-archive-training");
    try {
      ParseCache cache = new ParseCache(scratch.resolve("cache"), 1);
      String text = Files.readString(tour);
      cache.parse(new Source("tour.law", text), tour.getParent());
      cache.parse(new Source("tour.law", text), tour.getParent());
      byte[] keys = "let x = 6 * 70B\rprint x\r:help\r:quit\r".getBytes(StandardCharsets.UTF_8);
      try (ExternalTerminal terminal = new ExternalTerminal("law", "xterm", new ByteArrayInputStream(keys), sink, StandardCharsets.UTF_8)) {
        terminal.setSize(new Size(100, 40));
        new Repl(terminal, scratch.resolve("history"), tour.getParent(), "training").run();
      }
    } finally {
      try (Stream<Path> files = Files.walk(scratch)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    System.exit(0);
  }
}
