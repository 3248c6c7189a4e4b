package org.lawlang.lsp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Severity;
import org.lawlang.diag.Span;
import org.lawlang.repl.CodeCompletion;
import org.lawlang.semantics.Builtin;
import org.lawlang.syntax.Formatter;
import org.lawlang.syntax.Program;
import org.lawlang.syntax.Stmt;

/**
 * The open documents and every request about them: diagnostics as the user types (checked
 * {@link #DEBOUNCE_MS} after the last edit, by the same checker as `law check`), hover (what
 * `help NAME` says: a law's formula, parameters, citation, unit and fitted range; a dataset's
 * columns and rows; a builtin's or a statement word's doc), completion (the REPL's), go to
 * definition (into imported files and the standard library), document symbols, rename of a
 * name declared in the file, and formatting (`law fmt`).
 */
final class LawTextDocuments implements TextDocumentService {
  static final long DEBOUNCE_MS = 250;
  private static final Pattern NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{Nd}_]*");

  private final long debounceMs;
  private final Map<String, Analysis> open = new ConcurrentHashMap<>();
  /** Per document, the last version that parsed: its values serve hover and completion while the text has a syntax error. */
  private final Map<String, Analysis> lastParsed = new ConcurrentHashMap<>();
  private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
  private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "law-lsp-check");
    t.setDaemon(true);
    return t;
  });
  private volatile LanguageClient client;

  LawTextDocuments(long debounceMs) {
    this.debounceMs = debounceMs;
  }

  void connect(LanguageClient client) {
    this.client = client;
  }

  void close() {
    pending.values().forEach(f -> f.cancel(false));
    checker.shutdown();
  }

  // --- document sync and diagnostics

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    track(uri, new Analysis(uri, params.getTextDocument().getText()));
    schedule(uri, params.getTextDocument().getVersion(), 0);
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    if (params.getContentChanges().isEmpty()) {
      return;
    }
    // full sync: the last change holds the whole text
    String text = params.getContentChanges().get(params.getContentChanges().size() - 1).getText();
    track(uri, new Analysis(uri, text));
    schedule(uri, params.getTextDocument().getVersion(), debounceMs);
  }

  private void track(String uri, Analysis a) {
    open.put(uri, a);
    if (a.program != null) {
      lastParsed.put(uri, a);
    }
  }

  /** The analysis whose values answer for a document: this version's, or while it does not parse, the last that did. */
  private Analysis values(String uri, Analysis a) {
    return a.program != null ? a : lastParsed.getOrDefault(uri, a);
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    open.remove(uri);
    lastParsed.remove(uri);
    ScheduledFuture<?> old = pending.remove(uri);
    if (old != null) {
      old.cancel(false);
    }
    if (client != null) {
      client.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
    }
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    // an imported file that changed on disk is read again
    open.keySet().forEach(uri -> schedule(uri, null, 0));
  }

  private void schedule(String uri, Integer version, long delay) {
    ScheduledFuture<?> old = pending.put(uri, checker.schedule(() -> publish(uri, version), delay, TimeUnit.MILLISECONDS));
    if (old != null) {
      old.cancel(false);
    }
  }

  private void publish(String uri, Integer version) {
    Analysis a = open.get(uri);
    LanguageClient c = client;
    if (a == null || c == null) {
      return;
    }
    List<Diagnostic> out = new ArrayList<>();
    for (org.lawlang.diag.Diagnostic d : a.diagnostics()) {
      out.add(toLsp(d, a));
    }
    if (open.get(uri) == a) {
      PublishDiagnosticsParams p = new PublishDiagnosticsParams(uri, out);
      p.setVersion(version);
      c.publishDiagnostics(p);
    }
  }

  private static Diagnostic toLsp(org.lawlang.diag.Diagnostic d, Analysis a) {
    Span span = d.span();
    String message = d.message() + (d.hint() == null ? "" : "\nhint: " + d.hint());
    Range range;
    if (span != null && span.source().name().equals(a.source.name()) && span.source().text().equals(a.source.text())) {
      range = Analysis.range(span);
    } else {
      // in an imported file: shown at the top, saying where
      range = new Range(new Position(0, 0), new Position(0, 0));
      if (span != null && span.source() != Span.NOWHERE_SOURCE) {
        message = span.location() + ": " + message;
      }
    }
    Diagnostic out = new Diagnostic(range, message,
        d.severity() == Severity.ERROR ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, "law", d.code());
    return out;
  }

  // --- hover

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    return CompletableFuture.supplyAsync(() -> {
      Analysis a = open.get(params.getTextDocument().getUri());
      if (a == null) {
        return null;
      }
      Analysis.NameAt at = a.nameAt(a.offset(params.getPosition()));
      if (at == null || Character.isDigit(at.dotted().charAt(0))) {
        return null;
      }
      String text = hoverText(a, values(params.getTextDocument().getUri(), a), at);
      if (text == null || text.isBlank()) {
        return null;
      }
      Range range = new Range(Analysis.position(a.source, at.dottedStart()), Analysis.position(a.source, at.end()));
      return new Hover(new MarkupContent(MarkupKind.MARKDOWN, text), range);
    });
  }

  private static String hoverText(Analysis here, Analysis a, Analysis.NameAt at) {
    String name = at.dotted();
    Names.Declaration local = here.program == null || at.qualified() ? null : Names.resolve(here.program, name, at.start());
    if (local != null && local.scope() != null) {
      // a proc's parameter or local, or a loop variable: its declaration
      return "```law\n" + local.statement().span().text().lines().findFirst().orElse("") + "\n```";
    }
    boolean word = CodeCompletion.keywords().contains(name);
    String help = a.values().lookup(name) != null || at.qualified() && CodeCompletion.resolve(a.values(), name) != null
        || Builtin.named(name).isPresent() || word ? a.help(name) : null;
    if (help != null && !help.isBlank() && !(word && help.contains("is a statement word; 'help' alone"))) {
      String heading = word ? "" : describe(a, name);
      return heading + "```\n" + help + "\n```";
    }
    if (local != null) {
      // declared here but not evaluated while editing (a fit, an optimisation, a root): its text,
      // and what is known of the law it fits
      StringBuilder out = new StringBuilder("```law\n" + local.statement().span().text().strip() + "\n```");
      if (local.statement() instanceof Stmt.Let l && l.value() instanceof org.lawlang.syntax.Expr.Fit f
          && f.model() instanceof org.lawlang.syntax.Expr.Call call) {
        String law = call.callee().span().text();
        String lawHelp = a.values().lookup(law) != null ? a.help(law) : null;
        if (lawHelp != null) {
          out.append("\n\nfits the free parameters of:\n```\n").append(lawHelp).append("\n```");
        }
      }
      return out.toString();
    }
    return null;
  }

  private static String describe(Analysis a, String name) {
    String kind = CodeCompletion.describe(CodeCompletion.resolve(a.values(), name));
    if (kind == null) {
      kind = Builtin.named(name).map(b -> "builtin").orElse(null);
    }
    return kind == null ? "" : "**" + name + "**: " + kind + "\n\n";
  }

  // --- completion

  @Override
  public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
    return CompletableFuture.supplyAsync(() -> {
      Analysis a = open.get(params.getTextDocument().getUri());
      if (a == null) {
        return Either.forLeft(List.of());
      }
      Position p = params.getPosition();
      String line = a.source.line(p.getLine() + 1);
      int cursor = Math.min(p.getCharacter(), line.length());
      int start = CodeCompletion.wordStart(line, cursor);
      String word = line.substring(start, cursor);
      Range replace = new Range(new Position(p.getLine(), start), new Position(p.getLine(), cursor));
      List<CompletionItem> items = new ArrayList<>();
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (CodeCompletion.Suggestion s : CodeCompletion.at(line, cursor, values(params.getTextDocument().getUri(), a).values(), a.dir)) {
        if (!s.value().startsWith(word) || !seen.add(s.value())) {
          continue;
        }
        CompletionItem item = new CompletionItem(s.display());
        item.setDetail(s.description());
        item.setTextEdit(Either.forLeft(new TextEdit(replace, s.value())));
        item.setFilterText(s.value());
        item.setKind(kind(s.description()));
        items.add(item);
      }
      return Either.forRight(new CompletionList(false, items));
    });
  }

  private static CompletionItemKind kind(String description) {
    if (description == null) {
      return CompletionItemKind.File;
    }
    if (description.startsWith("law ")) {
      return CompletionItemKind.Function;
    }
    return switch (description) {
      case "keyword" -> CompletionItemKind.Keyword;
      case "builtin" -> CompletionItemKind.Function;
      case "module" -> CompletionItemKind.Module;
      case "column" -> CompletionItemKind.Field;
      default -> description.endsWith(" field") ? CompletionItemKind.Field : CompletionItemKind.Variable;
    };
  }

  // --- definition

  @Override
  public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
    return CompletableFuture.supplyAsync(() -> {
      Analysis a = open.get(params.getTextDocument().getUri());
      List<Location> out = new ArrayList<>();
      if (a == null || a.program == null) {
        return Either.forLeft(out);
      }
      Analysis.NameAt at = a.nameAt(a.offset(params.getPosition()));
      if (at == null) {
        return Either.forLeft(out);
      }
      if (at.qualified()) {
        // alias.name or module.name: into that module
        for (Stmt.Import i : a.imports()) {
          String bound = i.alias() != null ? i.alias().name() : i.module() != null ? i.module().name() : null;
          if (at.qualifier().equals(bound)) {
            inModule(i, at.last(), a, out);
          }
        }
        return Either.forLeft(out);
      }
      Names.Declaration local = Names.resolve(a.program, at.last(), at.start());
      if (local != null) {
        out.add(new Location(a.uri, Analysis.range(local.nameSpan())));
        return Either.forLeft(out);
      }
      for (Stmt.Import i : a.imports()) {
        if (i.alias() == null) {
          inModule(i, at.last(), a, out);
        }
      }
      if (out.isEmpty()) {
        // an import's module name itself
        for (Stmt.Import i : a.imports()) {
          if (i.module() != null && i.module().name().equals(at.last())) {
            Path file = ModuleFiles.of(i, a.dir);
            if (file != null) {
              out.add(new Location(file.toUri().toString(), new Range(new Position(0, 0), new Position(0, 0))));
            }
          }
        }
      }
      return Either.forLeft(out);
    });
  }

  private static void inModule(Stmt.Import i, String name, Analysis a, List<Location> out) {
    Path file = ModuleFiles.of(i, a.dir);
    Program module = file == null ? null : ModuleFiles.parse(file);
    if (module == null) {
      return;
    }
    for (Names.Declaration d : Names.declarations(module)) {
      if (d.scope() == null && d.name().equals(name)) {
        out.add(new Location(file.toUri().toString(), Analysis.range(d.nameSpan())));
        return;
      }
    }
  }

  // --- document symbols

  @Override
  public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
    return CompletableFuture.supplyAsync(() -> {
      Analysis a = open.get(params.getTextDocument().getUri());
      List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
      if (a != null && a.program != null) {
        symbols(a.program.statements()).forEach(s -> out.add(Either.forRight(s)));
      }
      return out;
    });
  }

  private static List<DocumentSymbol> symbols(List<Stmt> statements) {
    List<DocumentSymbol> out = new ArrayList<>();
    for (Stmt s : statements) {
      String name = Stmt.declaredName(s);
      Span nameSpan = null;
      SymbolKind kind = null;
      String detail = null;
      List<DocumentSymbol> children = null;
      if (s instanceof Stmt.LawDecl l) {
        nameSpan = l.name().span();
        kind = SymbolKind.Function;
        detail = "law " + name + "(" + String.join(", ", l.inputs().stream().map(org.lawlang.syntax.Expr.Ident::name).toList()) + ")";
      } else if (s instanceof Stmt.Data d) {
        nameSpan = d.name().span();
        kind = SymbolKind.Struct;
        detail = "data";
      } else if (s instanceof Stmt.Let l) {
        nameSpan = l.name().span();
        kind = SymbolKind.Variable;
        detail = "let";
      } else if (s instanceof Stmt.Proc p) {
        nameSpan = p.name().span();
        kind = SymbolKind.Method;
        detail = "proc";
        children = symbols(p.body());
      } else if (s instanceof Stmt.Import i) {
        name = i.module() != null ? i.module().name() : i.path();
        nameSpan = i.module() != null ? i.module().span() : s.span();
        kind = SymbolKind.Module;
        detail = "import";
      }
      if (kind != null) {
        DocumentSymbol sym = new DocumentSymbol(name, kind, Analysis.range(s.span()), Analysis.range(nameSpan), detail);
        if (children != null && !children.isEmpty()) {
          sym.setChildren(children);
        }
        out.add(sym);
      }
    }
    return out;
  }

  // --- rename

  @Override
  public CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(PrepareRenameParams params) {
    return CompletableFuture.supplyAsync(() -> {
      Analysis a = open.get(params.getTextDocument().getUri());
      Names.Declaration d = renamable(a, params.getPosition());
      Analysis.NameAt at = a.nameAt(a.offset(params.getPosition()));
      return Either3.forFirst(new Range(Analysis.position(a.source, at.start()), Analysis.position(a.source, at.end())));
    });
  }

  @Override
  public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
    return CompletableFuture.supplyAsync(() -> {
      Analysis a = open.get(params.getTextDocument().getUri());
      Names.Declaration d = renamable(a, params.getPosition());
      String to = params.getNewName();
      if (!NAME.matcher(to).matches() || CodeCompletion.keywords().contains(to)) {
        throw failure("'" + to + "' is not a name law accepts (letters, digits and _, not a keyword)");
      }
      List<TextEdit> edits = Names.occurrences(a.program, d).stream().map(s -> new TextEdit(Analysis.range(s), to)).toList();
      return new WorkspaceEdit(Map.of(a.uri, edits));
    });
  }

  private static Names.Declaration renamable(Analysis a, Position position) {
    if (a == null || a.program == null) {
      throw failure("the file has syntax errors; fix them to rename");
    }
    Analysis.NameAt at = a.nameAt(a.offset(position));
    if (at == null || at.qualified()) {
      throw failure("no name here that this file declares");
    }
    Names.Declaration d = Names.resolve(a.program, at.last(), at.start());
    if (d == null) {
      throw failure("'" + at.last() + "' is not declared in this file (only names a file declares can be renamed in it)");
    }
    return d;
  }

  private static ResponseErrorException failure(String message) {
    return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidRequest, message, null));
  }

  // --- formatting

  @Override
  public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
    return CompletableFuture.supplyAsync(() -> {
      Analysis a = open.get(params.getTextDocument().getUri());
      if (a == null) {
        return List.of();
      }
      String formatted;
      try {
        formatted = Formatter.format(a.source.name(), a.source.text());
      } catch (LawException e) {
        throw new ResponseErrorException(new ResponseError(ResponseErrorCode.RequestFailed,
            "law fmt: the file has syntax errors (" + e.diagnostics().get(0).span().location() + ": " + e.diagnostics().get(0).message() + ")", null));
      }
      if (formatted.equals(a.source.text())) {
        return List.of();
      }
      Range all = new Range(new Position(0, 0), Analysis.position(a.source, a.source.text().length()));
      return List.of(new TextEdit(all, formatted));
    });
  }
}
