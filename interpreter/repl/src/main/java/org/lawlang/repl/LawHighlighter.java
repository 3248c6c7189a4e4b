package org.lawlang.repl;

import java.util.regex.Pattern;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.lawlang.diag.Diagnostic;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Source;
import org.lawlang.syntax.Parsing;
import org.lawlang.syntax.antlr.LawLexer;

/**
 * Colours the line as it is typed, with the language's own lexer: keywords, numbers,
 * strings, comments, and in red what cannot be right — a bad character, an open string, or
 * the token where the real parser finds a syntax error (not counting "end of input", which
 * only means the statement is not finished). `:commands` are shown in bold.
 */
final class LawHighlighter implements Highlighter {
  static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
  static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
  static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
  static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT).italic();
  static final AttributedStyle ERROR = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).underline();

  @Override
  public AttributedString highlight(LineReader reader, String buffer) {
    if (buffer.stripLeading().startsWith(":")) {
      return new AttributedStringBuilder().styled(AttributedStyle.BOLD, buffer).toAttributedString();
    }
    AttributedStyle[] styles = styles(buffer);
    AttributedStringBuilder out = new AttributedStringBuilder(buffer.length());
    for (int i = 0; i < buffer.length(); i++) {
      out.styled(styles[i], String.valueOf(buffer.charAt(i)));
    }
    return out.toAttributedString();
  }

  /** The style of each character of the text. */
  static AttributedStyle[] styles(String text) {
    AttributedStyle[] styles = new AttributedStyle[text.length()];
    java.util.Arrays.fill(styles, AttributedStyle.DEFAULT);
    LawLexer lexer = new LawLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    int end = 0;
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      comments(text, end, t.getStartIndex(), styles);
      end = t.getStopIndex() + 1;
      AttributedStyle style = style(t);
      if (style != null) {
        fill(styles, t.getStartIndex(), end, style);
      }
    }
    comments(text, end, text.length(), styles);
    try {
      Parsing.parse(new Source("<repl>", text));
    } catch (LawException e) {
      for (Diagnostic d : e.diagnostics()) {
        if (!d.message().equals("unexpected end of input") && d.span().end() <= text.length()) {
          fill(styles, d.span().start(), Math.max(d.span().end(), d.span().start() + 1), ERROR);
        }
      }
    }
    return styles;
  }

  private static AttributedStyle style(Token t) {
    int type = t.getType();
    if (type == LawLexer.NUMBER) {
      return NUMBER;
    } else if (type == LawLexer.STRING) {
      return STRING;
    } else if (type == LawLexer.UNTERMINATED_STRING || type == LawLexer.BAD_CHAR) {
      return ERROR;
    } else if (Keywords.isKeyword(type)) {
      return KEYWORD;
    }
    return null;
  }

  /** Skipped text between tokens: whitespace, line continuations and `#` comments. */
  private static void comments(String text, int from, int to, AttributedStyle[] styles) {
    int hash = text.indexOf('#', from);
    if (hash >= 0 && hash < to) {
      fill(styles, hash, to, COMMENT);
    }
  }

  private static void fill(AttributedStyle[] styles, int from, int to, AttributedStyle style) {
    for (int i = Math.max(0, from); i < Math.min(styles.length, to); i++) {
      styles[i] = style;
    }
  }

  @Override
  public void setErrorPattern(Pattern errorPattern) {}

  @Override
  public void setErrorIndex(int errorIndex) {}
}
