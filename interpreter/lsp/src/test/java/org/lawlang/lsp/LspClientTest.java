package org.lawlang.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the server as an editor would: LSP4J's client side, JSON-RPC over pipes. */
class LspClientTest {
  @TempDir
  Path dir;

  private final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
  private LanguageServer server;
  private Thread serverThread;
  private Path script;
  private String uri;

  @BeforeEach
  void start() throws Exception {
    // channel pipes, not java.io's piped streams, which fail once a thread that wrote has ended
    Pipe toServer = Pipe.open();
    Pipe toClient = Pipe.open();
    var serverIn = Channels.newInputStream(toServer.source());
    var clientOut = Channels.newOutputStream(toServer.sink());
    var clientIn = Channels.newInputStream(toClient.source());
    var serverOut = Channels.newOutputStream(toClient.sink());
    LawLanguageServer impl = new LawLanguageServer(300);
    Launcher<LanguageClient> serverSide = LSPLauncher.createServerLauncher(impl, serverIn, serverOut);
    impl.connect(serverSide.getRemoteProxy());
    serverThread = new Thread(() -> {
      try {
        serverSide.startListening().get();
      } catch (Exception e) {
        // the pipes closed
      }
    });
    serverThread.setDaemon(true);
    serverThread.start();
    Launcher<LanguageServer> clientSide = LSPLauncher.createClientLauncher(new Client(), clientIn, clientOut);
    clientSide.startListening();
    server = clientSide.getRemoteProxy();
    InitializeResult init = server.initialize(new InitializeParams()).get(10, TimeUnit.SECONDS);
    assertThat(init.getCapabilities().getHoverProvider().getLeft()).isTrue();
    server.initialized(new InitializedParams());
    Files.writeString(dir.resolve("runs.csv"), "N,loss\n1e6,4.0\n1e7,3.4\n1e8,3.0\n");
    script = dir.resolve("a.law");
    uri = script.toUri().toString();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown().get(10, TimeUnit.SECONDS);
    server.exit();
  }

  private final class Client implements LanguageClient {
    @Override
    public void publishDiagnostics(PublishDiagnosticsParams p) {
      diagnostics.add(p);
    }

    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public void showMessage(MessageParams messageParams) {}

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {}
  }

  private void open(String text) {
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "law", 1, text)));
  }

  private PublishDiagnosticsParams nextDiagnostics() throws InterruptedException {
    PublishDiagnosticsParams p = diagnostics.poll(20, TimeUnit.SECONDS);
    assertThat(p).as("diagnostics published").isNotNull();
    return p;
  }

  private static final String SCRIPT = String.join("\n",
      "import hoffmann2022",
      "law L(N) = E + A / N^alpha",
      "    where E = 1.7, A = 400, alpha = 0.3",
      "    unit \"nats/token\"",
      "data runs = csv \"runs.csv\"",
      "let budget = 5.76e23",
      "print L(70B), exp(1), chinchilla_L(70B, 1.4T)",
      "");

  @Test
  void anEditWithAnErrorShowsItsDiagnosticAtTheRightRangeAndFixingItClearsIt() throws Exception {
    open(SCRIPT);
    assertThat(nextDiagnostics().getDiagnostics()).isEmpty();
    // three quick edits: only the last is checked once the typing stops
    for (int v = 2; v <= 4; v++) {
      String text = SCRIPT + "let cost = 6 * budgett".substring(0, 18 + v) + "\n";
      server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, v),
          List.of(new TextDocumentContentChangeEvent(text))));
    }
    PublishDiagnosticsParams p = nextDiagnostics();
    assertThat(p.getVersion()).isEqualTo(4);
    assertThat(p.getDiagnostics()).hasSize(1);
    Diagnostic d = p.getDiagnostics().get(0);
    assertThat(d.getCode().getLeft()).isEqualTo("L201");
    assertThat(d.getSeverity()).isEqualTo(DiagnosticSeverity.Error);
    assertThat(d.getMessage()).contains("unknown name 'budgett'").contains("hint:").contains("budget");
    assertThat(d.getRange()).isEqualTo(new Range(new Position(7, 15), new Position(7, 22)));
    assertThat(diagnostics.poll(300, TimeUnit.MILLISECONDS)).as("the earlier versions were never checked").isNull();

    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 5),
        List.of(new TextDocumentContentChangeEvent(SCRIPT + "let cost = 6 * budget\n"))));
    assertThat(nextDiagnostics().getDiagnostics()).isEmpty();
  }

  @Test
  void aSyntaxErrorAndANameErrorAfterItAreBothReported() throws Exception {
    open("let x = 1 +* 2\nlet y = zz\n");
    List<Diagnostic> ds = nextDiagnostics().getDiagnostics();
    assertThat(ds).extracting(d -> d.getCode().getLeft()).containsExactly("L101", "L201");
    assertThat(ds).extracting(d -> d.getRange().getStart()).containsExactly(new Position(0, 11), new Position(1, 8));
  }

  private String hover(int line, int character) throws Exception {
    Hover h = server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(line, character)))
        .get(20, TimeUnit.SECONDS);
    return h == null ? null : h.getContents().getRight().getValue();
  }

  @Test
  void hoverShowsALawsFormulaADatasetsRowsABuiltinAndAStatementWord() throws Exception {
    open(SCRIPT + "let m = minimize L(N) subject to N <= 1B\nlet f = fit loss ~ L(N) to runs\n");
    nextDiagnostics();
    assertThat(hover(1, 5)).contains("law L(N)").contains("E + A / N^alpha").contains("nats/token");
    assertThat(hover(4, 6)).contains("3 rows").contains("loss");
    assertThat(hover(6, 15)).contains("exp");
    assertThat(hover(6, 30)).contains("chinchilla_L").contains("Hoffmann").contains("fitted");
    assertThat(hover(7, 9)).contains("minimize");
    assertThat(hover(8, 5)).contains("fit loss ~ L(N) to runs");
    assertThat(hover(5, 0)).contains("bind a value");
  }

  private List<String> complete(String text, int line, int character) throws Exception {
    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 9),
        List.of(new TextDocumentContentChangeEvent(text))));
    Either<List<CompletionItem>, CompletionList> r = server.getTextDocumentService()
        .completion(new CompletionParams(new TextDocumentIdentifier(uri), new Position(line, character))).get(20, TimeUnit.SECONDS);
    return r.getRight().getItems().stream().map(i -> i.getTextEdit().getLeft().getNewText()).toList();
  }

  @Test
  void completionOffersModulesFieldsNamesAndFiles() throws Exception {
    open(SCRIPT);
    nextDiagnostics();
    assertThat(complete(SCRIPT + "import hoff", 7, 11)).containsExactly("hoffmann2022");
    assertThat(complete(SCRIPT + "print runs.", 7, 11)).contains("loss", "N", "rows");
    assertThat(complete(SCRIPT + "print bud", 7, 9)).containsExactly("budget");
    assertThat(complete(SCRIPT + "print chinchilla_L", 7, 18)).contains("chinchilla_L", "chinchilla_L_opt");
    assertThat(complete(SCRIPT + "data d = csv \"ru", 7, 16)).containsExactly("runs.csv\"");
  }

  private List<? extends Location> definition(int line, int character) throws Exception {
    return server.getTextDocumentService().definition(new DefinitionParams(new TextDocumentIdentifier(uri), new Position(line, character)))
        .get(20, TimeUnit.SECONDS).getLeft();
  }

  @Test
  void definitionGoesToALocalDeclarationAndIntoAStandardLibraryModule() throws Exception {
    open(SCRIPT);
    nextDiagnostics();
    List<? extends Location> local = definition(6, 7);
    assertThat(local).hasSize(1);
    assertThat(local.get(0).getUri()).isEqualTo(uri);
    assertThat(local.get(0).getRange()).isEqualTo(new Range(new Position(1, 4), new Position(1, 5)));

    List<? extends Location> stdlib = definition(6, 32);
    assertThat(stdlib).hasSize(1);
    Path file = Path.of(java.net.URI.create(stdlib.get(0).getUri()));
    assertThat(file.getFileName().toString()).isEqualTo("hoffmann2022.law");
    String module = Files.readString(Path.of(System.getProperty("law.repo"), "stdlib", "hoffmann2022.law"));
    assertThat(Files.readString(file)).isEqualTo(module);
    int line = module.lines().toList().indexOf(module.lines().filter(l -> l.startsWith("law chinchilla_L(")).findFirst().orElseThrow());
    assertThat(stdlib.get(0).getRange()).isEqualTo(new Range(new Position(line, 4), new Position(line, 16)));
  }

  @Test
  void definitionGoesIntoAnImportedFileThroughItsAlias() throws Exception {
    Files.writeString(dir.resolve("lib.law"), "# a library\n\nlaw K(N) = 2 * N\n");
    open("import \"lib.law\" as lib\nprint lib.K(3)\n");
    nextDiagnostics();
    List<? extends Location> l = definition(1, 10);
    assertThat(l).hasSize(1);
    assertThat(l.get(0).getUri()).isEqualTo(dir.resolve("lib.law").toUri().toString());
    assertThat(l.get(0).getRange().getStart()).isEqualTo(new Position(2, 4));
  }

  @Test
  void documentSymbolsListTheDeclarations() throws Exception {
    open(SCRIPT + "proc twice(x) {\n    let y = 2 * x\n    return y\n}\n");
    nextDiagnostics();
    var symbols = server.getTextDocumentService().documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(uri)))
        .get(20, TimeUnit.SECONDS).stream().map(Either::getRight).toList();
    assertThat(symbols).extracting(DocumentSymbol::getName).containsExactly("hoffmann2022", "L", "runs", "budget", "twice");
    assertThat(symbols).extracting(DocumentSymbol::getKind)
        .containsExactly(SymbolKind.Module, SymbolKind.Function, SymbolKind.Struct, SymbolKind.Variable, SymbolKind.Method);
    assertThat(symbols.get(4).getChildren()).extracting(DocumentSymbol::getName).containsExactly("y");
  }

  @Test
  void renameChangesTheDeclarationAndItsUsesButNotALawsParameterOfTheSameName() throws Exception {
    String text = "let A = 2\nlaw K(N) = A * N\nprint A, K(A)\nproc p(A) {\n    return A\n}\nlaw J(N) = c * N where c = A\n";
    open(text);
    nextDiagnostics();
    WorkspaceEdit edit = server.getTextDocumentService().rename(new RenameParams(new TextDocumentIdentifier(uri), new Position(2, 6), "scale"))
        .get(20, TimeUnit.SECONDS);
    List<TextEdit> edits = edit.getChanges().get(uri);
    assertThat(edits).extracting(e -> e.getRange().getStart())
        .containsExactly(new Position(0, 4), new Position(2, 6), new Position(2, 11), new Position(6, 27));
    assertThatThrownBy(() -> server.getTextDocumentService()
        .rename(new RenameParams(new TextDocumentIdentifier(uri), new Position(2, 10), "let")).get(20, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).hasMessageContaining("not a name");
  }

  @Test
  void formattingReturnsTheFormattedText() throws Exception {
    String text = "let   x=1   # one\nlaw K(N) = x * N where x = 2\n";
    open(text);
    nextDiagnostics();
    List<? extends TextEdit> edits = server.getTextDocumentService()
        .formatting(new DocumentFormattingParams(new TextDocumentIdentifier(uri), new FormattingOptions(4, true))).get(20, TimeUnit.SECONDS);
    assertThat(edits).hasSize(1);
    assertThat(edits.get(0).getNewText()).isEqualTo(org.lawlang.syntax.Formatter.format("a.law", text))
        .isEqualTo("let x = 1   # one\nlaw K(N) = x * N\n    where x = 2\n");
    assertThat(edits.get(0).getRange()).isEqualTo(new Range(new Position(0, 0), new Position(2, 0)));
  }
}
