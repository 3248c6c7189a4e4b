package org.lawlang.repl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.lawlang.syntax.antlr.LawLexer;

/** The language's words, read from the lexer's vocabulary, for highlighting and completion. */
final class Keywords {
  private static final boolean[] IS_WORD = new boolean[LawLexer.VOCABULARY.getMaxTokenType() + 1];
  private static final List<String> WORDS;

  static {
    List<String> words = new ArrayList<>();
    for (int type = 1; type <= LawLexer.VOCABULARY.getMaxTokenType(); type++) {
      String literal = LawLexer.VOCABULARY.getLiteralName(type);
      if (literal != null && literal.matches("'[a-z]+'")) {
        IS_WORD[type] = true;
        words.add(literal.substring(1, literal.length() - 1));
      }
    }
    Collections.sort(words);
    WORDS = List.copyOf(words);
  }

  private Keywords() {}

  static boolean isKeyword(int tokenType) {
    return tokenType > 0 && tokenType < IS_WORD.length && IS_WORD[tokenType];
  }

  static List<String> all() {
    return WORDS;
  }
}
