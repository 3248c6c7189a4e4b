package org.lawlang.syntax;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.lawlang.diag.Diagnostic;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Source;
import org.lawlang.diag.Span;
import org.lawlang.syntax.antlr.LawLexer;

/**
 * Replaces ANTLR's console listeners: turns each syntax error into a {@link Diagnostic} in
 * the project's one shape, in words a user reads (no token type names), keeping the first
 * error of each line so that one mistake does not cascade into a page of them.
 */
final class SyntaxErrors extends BaseErrorListener {
  private static final int MAX_ERRORS = 20;
  private final Source source;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final java.util.Set<Integer> linesWithErrors = new java.util.HashSet<>();

  SyntaxErrors(Source source) {
    this.source = source;
  }

  List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  void add(Diagnostic d) {
    int line = d.span().line();
    if (diagnostics.size() < MAX_ERRORS && linesWithErrors.add(line)) {
      diagnostics.add(d);
    }
  }

  @Override
  public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int col, String msg, RecognitionException e) {
    if (!(offending instanceof Token token)) {
      int offset = offsetOf(line, col);
      add(Diagnostic.error(Msg.SYNTAX, new Span(source, offset, offset + 1), msg));
      return;
    }
    Span span = spanOf(token);
    switch (token.getType()) {
      case LawLexer.BAD_CHAR -> add(Diagnostic.error(Msg.BAD_CHARACTER, span, token.getText())
          .withHint(token.getText().equals("\u00f7") ? "write / for division"
              : superscript(token.getText()) >= 0 ? "a superscript is not a power here: write ^" + superscript(token.getText())
                  + " (x^" + superscript(token.getText()) + ")"
              : "remove it; the operators are + - * / ^ (also − × · ≤ ≥ ≠), and # starts a comment"));
      case LawLexer.UNTERMINATED_STRING -> add(Diagnostic.error(Msg.UNTERMINATED_STRING, span)
          .withHint("close the string with \" on the same line"));
      default -> {
        IntervalSet expected = recognizer instanceof Parser p ? safeExpected(p, e) : null;
        Token misspelt = recognizer instanceof Parser p ? misspeltStatementWord(p, token) : null;
        if (misspelt != null) {
          add(Diagnostic.error(Msg.SYNTAX, spanOf(misspelt), "'" + misspelt.getText() + "' is not a statement word")
              .withHint("did you mean '" + org.lawlang.diag.Suggest.closest(misspelt.getText(), STATEMENT_WORDS).orElseThrow() + "'?"));
          return;
        }
        Token option = recognizer instanceof Parser p ? plotOptionWithValue(p, token) : null;
        if (option != null) {
          String name = option.getText();
          add(PlotWords.takesText(name)
              ? Diagnostic.error(Msg.PLOT_OPTION_TEXT, spanOf(option), name, "needs a string").withHint("write it as " + name + " \"...\"")
              : Diagnostic.error(Msg.PLOT_UNKNOWN_OPTION, spanOf(option), name).withHint(PlotWords.unknownOptionHint(name)));
          return;
        }
        String hint = recognizer instanceof Parser p ? unclosedHint(p, token) : null;
        add(Diagnostic.error(Msg.SYNTAX, span, "unexpected " + describe(token))
            .withHint(hint != null ? hint : expectedHint(recognizer, expected)));
      }
    }
  }

  /** Statement words, for "did you mean" when a statement starts with a misspelt one. */
  private static final List<String> STATEMENT_WORDS = List.of("let", "law", "proc", "return", "data", "print", "import",
      "for", "row", "plot", "help", "compare", "fit", "minimize", "maximize", "solve", "roots");

  /**
   * At an end of input inside a bracket, or at a statement word that starts a later line than
   * the bracket (`let x = (1 +` then `print y`): which bracket is never closed.
   */
  private static String unclosedHint(Parser p, Token token) {
    if (!(p.getInputStream() instanceof org.antlr.v4.runtime.BufferedTokenStream ts)) {
      return null;
    }
    boolean statementOnNewLine = token.getType() != Token.EOF && STATEMENT_WORDS.contains(token.getText())
        && token.getTokenIndex() > 0 && ts.get(token.getTokenIndex() - 1).getLine() < token.getLine();
    if (token.getType() != Token.EOF && !statementOnNewLine) {
      return null;
    }
    java.util.Deque<Token> open = new java.util.ArrayDeque<>();
    for (int i = 0; i < token.getTokenIndex() && i < ts.size(); i++) {
      Token t = ts.get(i);
      switch (t.getType()) {
        case LawLexer.LPAREN, LawLexer.LBRACK, LawLexer.LBRACE -> open.push(t);
        case LawLexer.RPAREN, LawLexer.RBRACK, LawLexer.RBRACE -> {
          if (!open.isEmpty()) {
            open.pop();
          }
        }
        default -> { }
      }
    }
    if (open.isEmpty()) {
      return null;
    }
    Token t = open.peek();
    if (statementOnNewLine && t.getLine() >= token.getLine()) {
      return null;
    }
    String close = t.getType() == LawLexer.LPAREN ? ")" : t.getType() == LawLexer.LBRACK ? "]" : "}";
    return "the '" + t.getText() + "' at line " + t.getLine() + ", column " + (t.getCharPositionInLine() + 1)
        + " is never closed: add '" + close + "'";
  }

  /**
   * The name that starts the statement in error, when it is a near-miss of a statement word
   * (`lett x = 3`): the error is that word, not the token after it where the parser stopped.
   */
  private static Token misspeltStatementWord(Parser p, Token token) {
    if (!(p.getInputStream() instanceof org.antlr.v4.runtime.BufferedTokenStream ts)) {
      return null;
    }
    int at = token.getTokenIndex();
    if (at < 1 || token.getType() == Token.EOF && at > ts.size()) {
      return null;
    }
    Token first = ts.get(at - 1);
    boolean startsStatement = at == 1 || switch (ts.get(at - 2).getType()) {
      case LawLexer.NL, LawLexer.SEMI, LawLexer.LBRACE -> true;
      default -> false;
    };
    if (first.getType() != LawLexer.ID || !startsStatement
        || org.lawlang.diag.Suggest.closest(first.getText(), STATEMENT_WORDS).isEmpty()) {
      return null;
    }
    return first;
  }

  /**
   * In a `plot` statement, the option name before a value that is not a string (`width 1200`):
   * the error is the option, which the parser took for a name, not the value after it.
   */
  private static Token plotOptionWithValue(Parser p, Token token) {
    if (!(p.getInputStream() instanceof org.antlr.v4.runtime.BufferedTokenStream ts) || token.getType() == Token.EOF) {
      return null;
    }
    int at = token.getTokenIndex();
    if (at < 2 || ts.get(at - 1).getType() != LawLexer.ID || ts.get(at - 1).getLine() != token.getLine()) {
      return null;
    }
    // the name must follow a whole series or option, not be one (`from runs 5`, `vs N 5`)
    switch (ts.get(at - 2).getType()) {
      case LawLexer.RPAREN, LawLexer.RBRACK, LawLexer.ID, LawLexer.STRING, LawLexer.NUMBER -> { }
      default -> {
        return null;
      }
    }
    for (int i = at - 2; i >= 0; i--) {
      int type = ts.get(i).getType();
      if (type == LawLexer.NL || type == LawLexer.SEMI || type == LawLexer.LBRACE || type == LawLexer.RBRACE) {
        return null;
      }
      if (type == LawLexer.PLOT) {
        return i == 0 || switch (ts.get(i - 1).getType()) {
          case LawLexer.NL, LawLexer.SEMI, LawLexer.LBRACE -> true;
          default -> false;
        } ? ts.get(at - 1) : null;
      }
    }
    return null;
  }

  private static IntervalSet safeExpected(Parser p, RecognitionException e) {
    try {
      return e != null && e.getExpectedTokens() != null ? e.getExpectedTokens() : p.getExpectedTokens();
    } catch (RuntimeException ignored) {
      return null;
    }
  }

  private Span spanOf(Token token) {
    int start = Math.max(0, Math.min(token.getStartIndex(), source.text().length()));
    int end = token.getType() == Token.EOF ? start : Math.max(start + 1, token.getStopIndex() + 1);
    if (token.getType() == Token.EOF && start > 0) {
      // point just past the last character, on the last non-empty line
      int s = start;
      while (s > 0 && Character.isWhitespace(source.text().charAt(s - 1))) {
        s--;
      }
      return new Span(source, s, s);
    }
    return new Span(source, start, end);
  }

  private int offsetOf(int line, int col) {
    int offset = 0;
    for (int l = 1; l < line; l++) {
      offset += source.line(l).length() + 1;
    }
    return Math.min(offset + col, source.text().length());
  }

  static String describe(Token token) {
    return switch (token.getType()) {
      case Token.EOF -> "end of input";
      case LawLexer.NL -> "end of line";
      case LawLexer.NUMBER -> "number " + token.getText();
      case LawLexer.STRING -> "string " + token.getText();
      case LawLexer.ID -> "name '" + token.getText() + "'";
      default -> "'" + token.getText() + "'";
    };
  }

  private static String expectedHint(Recognizer<?, ?> recognizer, IntervalSet expected) {
    if (expected == null || expected.isNil()) {
      return null;
    }
    List<String> words = new ArrayList<>();
    for (int type : expected.toList()) {
      String name = recognizer.getVocabulary().getLiteralName(type);
      if (type == LawLexer.ID) {
        name = "a name";
      } else if (type == LawLexer.NUMBER) {
        name = "a number";
      } else if (type == LawLexer.STRING) {
        name = "a string";
      } else if (type == LawLexer.NL) {
        name = "end of line";
      } else if (type == Token.EOF) {
        name = "end of input";
      }
      if (name != null && !words.contains(name)) {
        words.add(name);
      }
    }
    if (words.isEmpty() || words.size() > 8) {
      return null;
    }
    return "expected " + (words.size() == 1 ? words.get(0) : "one of " + String.join(", ", words));
  }

  /** The digit a superscript character stands for (² is 2), or -1. */
  static int superscript(String text) {
    return text.length() != 1 ? -1 : "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079".indexOf(text.charAt(0));
  }
}
