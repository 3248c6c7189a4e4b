// Starts law's language server (`law lsp`, over stdio) for .law files.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("law").get("command", ["law", "lsp"]);
  const server = { command: command[0], args: command.slice(1) };
  client = new LanguageClient("law", "law", server, {
    documentSelector: [{ scheme: "file", language: "law" }, { scheme: "untitled", language: "law" }],
  });
  client.start();
  context.subscriptions.push({ dispose: () => client && client.stop() });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
