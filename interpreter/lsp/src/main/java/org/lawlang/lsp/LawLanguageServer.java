package org.lawlang.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.RenameOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * `law lsp`: the language server's lifecycle and capabilities; the work is in
 * {@link LawTextDocuments}. Speaks JSON-RPC over the given streams (stdin and stdout for an
 * editor).
 */
public final class LawLanguageServer implements LanguageServer, LanguageClientAware {
  private final LawTextDocuments documents;
  private int exitCode = 1;
  private volatile java.util.concurrent.Future<Void> listening;

  public LawLanguageServer() {
    this(LawTextDocuments.DEBOUNCE_MS);
  }

  /** A server that waits {@code debounceMs} after the last edit before checking (tests use a short wait). */
  public LawLanguageServer(long debounceMs) {
    documents = new LawTextDocuments(debounceMs);
  }

  /**
   * Serves one client over the streams until it disconnects; returns the exit code (0 after
   * `shutdown` then `exit`, 1 otherwise). While serving, System.out goes to System.err, so
   * nothing but the protocol reaches {@code out}.
   */
  public static int serve(InputStream in, OutputStream out) {
    PrintStream stdout = System.out;
    System.setOut(System.err);
    try {
      LawLanguageServer server = new LawLanguageServer();
      Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
      server.connect(launcher.getRemoteProxy());
      server.listening = launcher.startListening();
      try {
        server.listening.get();
      } catch (java.util.concurrent.CancellationException exited) {
        // the client sent `exit`
      }
      return server.exitCode;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    } catch (ExecutionException e) {
      return 1;
    } finally {
      System.setOut(stdout);
    }
  }

  /** Serves stdin and stdout (what `law lsp` does; also how tests start a server in a process of its own). */
  public static void main(String[] args) {
    System.exit(serve(System.in, System.out));
  }

  @Override
  public void connect(LanguageClient client) {
    documents.connect(client);
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    ServerCapabilities caps = new ServerCapabilities();
    caps.setTextDocumentSync(TextDocumentSyncKind.Full);
    caps.setHoverProvider(true);
    caps.setCompletionProvider(new CompletionOptions(false, java.util.List.of(".", "\"", "/")));
    caps.setDefinitionProvider(true);
    caps.setDocumentSymbolProvider(true);
    caps.setRenameProvider(new RenameOptions(true));
    caps.setDocumentFormattingProvider(true);
    return CompletableFuture.completedFuture(new InitializeResult(caps, new ServerInfo("law", version())));
  }

  private static String version() {
    String v = LawLanguageServer.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    exitCode = 0;
    documents.close();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    documents.close();
    if (listening != null) {
      listening.cancel(true);
    }
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return documents;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return new WorkspaceService() {
      @Override
      public void didChangeConfiguration(DidChangeConfigurationParams params) {
        // law has no settings
      }

      @Override
      public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        // imported files are read afresh at each check
      }
    };
  }
}
