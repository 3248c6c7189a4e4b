package org.lawlang.cli;

import java.util.concurrent.Callable;
import org.lawlang.lsp.LawLanguageServer;
import picocli.CommandLine.Command;

/** `law lsp`: the language server, over standard input and output, for editors. */
@Command(name = "lsp", mixinStandardHelpOptions = true,
    description = "Serve the Language Server Protocol over stdin and stdout (for editors: diagnostics, hover, completion, definition, rename, formatting).")
final class LspCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return LawLanguageServer.serve(System.in, System.out);
  }
}
