package org.lawlang.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.lawlang.kernel.KernelMain;
import org.lawlang.kernel.KernelSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `law kernel -f CONNECTION_FILE`, the Jupyter kernel (Jupyter starts it), and
 * `law kernel install [--user | --prefix DIR]`, which tells Jupyter how to start it.
 */
@Command(name = "kernel", mixinStandardHelpOptions = true, subcommands = KernelCommand.Install.class,
    description = {"Serve law to Jupyter: Jupyter runs 'law kernel -f CONNECTION_FILE' for a notebook or console.",
        "Run 'law kernel install' once first."})
final class KernelCommand implements Callable<Integer> {
  @Option(names = {"-f", "--connection-file"}, paramLabel = "CONNECTION_FILE", description = "the connection file Jupyter wrote")
  Path connectionFile;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (connectionFile == null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "Jupyter starts the kernel with -f CONNECTION_FILE; to make law known to Jupyter run 'law kernel install'");
    }
    return KernelMain.run(connectionFile, Main.Version.text());
  }

  /** `law kernel install`. */
  @Command(name = "install", mixinStandardHelpOptions = true,
      description = {"Install the kernelspec (kernel.json and a logo) that lets Jupyter start law.",
          "By default into your Jupyter data folder (as --user); with --prefix, into PREFIX/share/jupyter/kernels."})
  static final class Install implements Callable<Integer> {
    @Option(names = "--user", description = "into your Jupyter data folder ($JUPYTER_DATA_DIR, else ~/.local/share/jupyter on Linux): the default")
    boolean user;

    @Option(names = "--prefix", paramLabel = "DIR", description = "into DIR/share/jupyter/kernels (a virtual environment's or conda environment's prefix)")
    Path prefix;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      if (user && prefix != null) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--user and --prefix are alternatives: give one");
      }
      Path kernels = prefix != null ? KernelSpec.prefixKernels(prefix.toAbsolutePath()) : KernelSpec.userKernels();
      Path dir = KernelSpec.install(kernels, KernelSpec.command(null, List.of("kernel", "-f", "{connection_file}")));
      spec.commandLine().getOut().println("installed the law kernel in " + dir);
      spec.commandLine().getOut().println("start a notebook with 'jupyter lab' or 'jupyter notebook' (kernel \"law\"), or a console with 'jupyter console --kernel law'");
      return Main.OK;
    }
  }
}
