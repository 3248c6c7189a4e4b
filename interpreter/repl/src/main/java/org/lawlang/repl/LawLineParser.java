package org.lawlang.repl;

import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.lawlang.diag.Diagnostic;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Source;
import org.lawlang.syntax.Parsing;

/**
 * JLine's view of a line of law: on Enter, decides with the real parser whether the input is
 * finished (every syntax error at "end of input" — an open bracket or brace, a trailing
 * operator, a `with` or `subject to` waiting for its list — means it is not, and JLine shows
 * the continuation prompt); a blank continuation line submits what there is. For completion,
 * finds the word under the cursor: a name, a `:command`, or the path inside a string.
 */
final class LawLineParser implements Parser {
  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) {
    if (context == ParseContext.ACCEPT_LINE && unfinished(line)) {
      throw new EOFError(-1, -1, "unfinished statement", "");
    }
    return word(line, Math.max(0, Math.min(cursor, line.length())));
  }

  /** True when more lines could complete the input (and the last line typed is not blank). */
  static boolean unfinished(String text) {
    boolean lastLineBlank = text.contains("\n") && text.substring(text.lastIndexOf('\n')).isBlank();
    if (text.isBlank() || text.stripLeading().startsWith(":") || lastLineBlank) {
      return false;
    }
    try {
      Parsing.parse(new Source("<repl>", text));
      return false;
    } catch (LawException e) {
      int lastLine = new Source("<repl>", text).lineCount();
      for (Diagnostic d : e.diagnostics()) {
        boolean atEnd = d.message().equals("unexpected end of input");
        boolean openString = d.code().equals(Msg.UNTERMINATED_STRING.code()) && d.span().line() == lastLine;
        if (!atEnd && !openString) {
          return false;
        }
      }
      return !e.diagnostics().isEmpty();
    }
  }

  /** The word the cursor is in, as completion sees it. */
  static Line word(String line, int cursor) {
    int start = cursor;
    if (insideString(line, cursor)) {
      while (start > 0 && line.charAt(start - 1) != '"') {
        start--;
      }
    } else if (line.stripLeading().startsWith(":") && line.substring(0, cursor).indexOf(' ') >= 0 && !takesCode(line)) {
      // the argument of a command: a file name or a name, up to the last space
      while (start > 0 && line.charAt(start - 1) != ' ') {
        start--;
      }
    } else {
      while (start > 0 && (Character.isLetterOrDigit(line.charAt(start - 1)) || line.charAt(start - 1) == '_')) {
        start--;
      }
      if (start > 0 && line.charAt(start - 1) == ':' && line.substring(0, start - 1).isBlank()) {
        start--;
      }
    }
    return new Line(line, cursor, line.substring(start, cursor), start);
  }

  /** Whether the line is a command whose argument is law code (`:time CODE`), completed as code is. */
  private static boolean takesCode(String line) {
    String name = line.strip().split("\\s+", 2)[0];
    return Commands.find(name).map(c -> c.arg() == Command.Arg.CODE).orElse(false);
  }

  /** Whether an odd number of quotes (not escaped) precede the cursor on its line. */
  static boolean insideString(String line, int cursor) {
    boolean inside = false;
    int lineStart = line.lastIndexOf('\n', Math.max(0, cursor - 1)) + 1;
    for (int i = lineStart; i < cursor; i++) {
      char c = line.charAt(i);
      if (c == '\\' && inside) {
        i++;
      } else if (c == '"') {
        inside = !inside;
      } else if (c == '#' && !inside) {
        return false;
      }
    }
    return inside;
  }

  /** A parsed line: the whole text, and the word that completion replaces. */
  record Line(String line, int cursor, String word, int wordStart) implements CompletingParsedLine {
    @Override
    public int wordCursor() {
      return word.length();
    }

    @Override
    public int wordIndex() {
      return 0;
    }

    @Override
    public List<String> words() {
      return List.of(word);
    }

    /** The text before the word. */
    String before() {
      return line.substring(0, wordStart);
    }

    @Override
    public CharSequence escape(CharSequence candidate, boolean complete) {
      return candidate;
    }

    @Override
    public int rawWordCursor() {
      return word.length();
    }

    @Override
    public int rawWordLength() {
      return word.length();
    }
  }
}
