package org.lawlang.kernel;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What Jupyter starts: `law kernel -f CONNECTION_FILE` (the law command calls {@link #run});
 * also a main class of its own, for a kernelspec on a class path rather than the law jar.
 * Cells run in the kernel's working directory, which Jupyter sets to the notebook's folder.
 */
public final class KernelMain {
  private KernelMain() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("java.awt.headless", "true");
    Path file = null;
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("-f") || args[i].equals("--connection-file")) {
        file = Path.of(args[i + 1]);
      }
    }
    if (file == null) {
      System.err.println("usage: KernelMain -f CONNECTION_FILE");
      System.exit(2);
    }
    System.exit(run(file, "dev"));
  }

  /** Serves the connection file's channels until Jupyter shuts the kernel down; returns the exit code. */
  public static int run(Path connectionFile, String version) throws IOException, InterruptedException {
    Connection connection = Connection.read(connectionFile);
    new Kernel(connection, Path.of("").toAbsolutePath(), version).serve();
    return 0;
  }
}
