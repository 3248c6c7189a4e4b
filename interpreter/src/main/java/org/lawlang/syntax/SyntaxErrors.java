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
          .withHint("remove it; law uses ASCII operators + - * / ^ and # for comments"));
      case LawLexer.UNTERMINATED_STRING -> add(Diagnostic.error(Msg.UNTERMINATED_STRING, span)
          .withHint("close the string with \" on the same line"));
      default -> {
        IntervalSet expected = recognizer instanceof Parser p ? safeExpected(p, e) : null;
        add(Diagnostic.error(Msg.SYNTAX, span, "unexpected " + describe(token)).withHint(expectedHint(recognizer, expected)));
      }
    }
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
}
