package org.lawlang.syntax;

import static org.lawlang.syntax.antlr.LawLexer.*;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;

/**
 * Decides which newlines end a statement, so that the grammar can stay free of layout rules.
 * A newline is dropped (the statement goes on) when it is inside ( ) or [ ], when the line
 * ended with an operator, comma or a word that needs more, or when the next line starts with
 * a clause word such as {@code where}, {@code with}, {@code using} or {@code subject}.
 * Runs of newlines collapse to one. Also tracks bracket depth so that absurd nesting is
 * reported instead of overflowing the parser's stack.
 */
final class NewlineFilter implements TokenSource {
  /** Deeper nesting is an error: ANTLR's prediction costs grow with the square of the depth (1.5 s at 100 levels on some inputs). */
  static final int MAX_DEPTH = 64;
  /**
   * More operators in one statement are an error: a chain like 1 + 1 + … is as deep a tree as
   * it is long, and every later stage walks it recursively, on whatever stack an embedding
   * application's thread has.
   */
  static final int MAX_OPERATORS = 1000;

  /** Tokens after which a line cannot end. */
  private static final Set<Integer> CONTINUES_AFTER = Set.of(
      PLUS, MINUS, STAR, SLASH, CARET, TILDE, COMMA, ASSIGN, COLON, DOTDOT, DOT,
      LT, LE, GT, GE, EQEQ, NEQ, AND, OR, NOT,
      LET, LAW, WHERE, WITH, IMPORT, AS, IN, FIT, TO, SUBJECT, SOLVE, ROOTS, PLOT, PRINT, ROW,
      MINIMIZE, MAXIMIZE, USING, STARTS, BOOTSTRAP, SEED, LEVEL, WEIGHTS, OVER, VS, FROM, BY,
      CITE, DOC, UNIT, FITTED, INPUTS, START, AT, COMPARE);

  /** Tokens that, at the start of a line, continue the statement above. */
  private static final Set<Integer> CONTINUES_BEFORE = Set.of(
      WHERE, WITH, USING, ON, STARTS, BOOTSTRAP, SEED, LEVEL, WEIGHTS, SUBJECT, OVER,
      CITE, DOC, UNIT, FITTED, INPUTS, TO, VS, FROM, BY, AT, AND, OR,
      STAR, SLASH, CARET, TILDE, DOTDOT);

  private final TokenSource lexer;
  private final Deque<Token> pending = new ArrayDeque<>();
  private int depth;
  private int lastType = NL;
  /** The token before {@link #lastType}: after `help` or a dot (`f.law`), a statement word may end the line. */
  private int beforeLastType = NL;
  private int maxDepthSeen;
  private Token tooDeepAt;
  private int operators;
  private Token tooLongAt;

  NewlineFilter(TokenSource lexer) {
    this.lexer = lexer;
  }

  /** The first operator past {@link #MAX_OPERATORS} in one statement, or null. */
  Token tooLongAt() {
    return tooLongAt;
  }

  /** The first bracket that went past {@link #MAX_DEPTH}, or null. */
  Token tooDeepAt() {
    return tooDeepAt;
  }

  @Override
  public Token nextToken() {
    while (true) {
      Token t = pending.isEmpty() ? lexer.nextToken() : pending.poll();
      if (t.getType() != NL) {
        track(t);
        beforeLastType = lastType;
        lastType = t.getType();
        return t;
      }
      Token next = lexer.nextToken();
      while (next.getType() == NL) {
        next = lexer.nextToken();
      }
      pending.add(next);
      boolean drop = depth > 0
          || (CONTINUES_AFTER.contains(lastType) && beforeLastType != HELP && beforeLastType != DOT
              && !(lastType == IN && beforeLastType == SIZE)) // `size 6x4 in` may end a line
          || CONTINUES_BEFORE.contains(next.getType())
          || lastType == NL;
      if (!drop) {
        operators = 0;
        beforeLastType = lastType;
        lastType = NL;
        return t;
      }
    }
  }

  private void track(Token t) {
    switch (t.getType()) {
      case LPAREN, LBRACK, LBRACE -> {
        if (t.getType() != LBRACE) {
          depth++;
        }
        maxDepthSeen++;
        if (maxDepthSeen > MAX_DEPTH && tooDeepAt == null) {
          tooDeepAt = t;
        }
      }
      case RPAREN, RBRACK, RBRACE -> {
        if (t.getType() != RBRACE) {
          depth = Math.max(0, depth - 1);
        }
        maxDepthSeen = Math.max(0, maxDepthSeen - 1);
      }
      case PLUS, MINUS, STAR, SLASH, CARET, LT, LE, GT, GE, EQEQ, NEQ, AND, OR, NOT -> {
        if (++operators > MAX_OPERATORS && tooLongAt == null) {
          tooLongAt = t;
        }
      }
      case SEMI -> operators = 0;
      default -> {}
    }
  }

  @Override
  public int getLine() {
    return lexer.getLine();
  }

  @Override
  public int getCharPositionInLine() {
    return lexer.getCharPositionInLine();
  }

  @Override
  public CharStream getInputStream() {
    return lexer.getInputStream();
  }

  @Override
  public String getSourceName() {
    return lexer.getSourceName();
  }

  @Override
  public void setTokenFactory(TokenFactory<?> factory) {
    lexer.setTokenFactory(factory);
  }

  @Override
  public TokenFactory<?> getTokenFactory() {
    return lexer.getTokenFactory();
  }
}
