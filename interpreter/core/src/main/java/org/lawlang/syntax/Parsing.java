package org.lawlang.syntax;

import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.lawlang.diag.Diagnostic;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Source;
import org.lawlang.diag.Span;
import org.lawlang.syntax.antlr.LawLexer;
import org.lawlang.syntax.antlr.LawParser;

/**
 * The syntax stage's entry point: source text in, an immutable {@link Program} out, or a
 * {@link LawException} holding every syntax error found (a program with errors never runs).
 */
public final class Parsing {
  private Parsing() {}

  /** The deepest bracket nesting a script may have. */
  public static final int MAX_DEPTH = NewlineFilter.MAX_DEPTH;

  public static Program parse(Source source) {
    SyntaxErrors errors = new SyntaxErrors(source);
    LawLexer lexer = new LawLexer(CharStreams.fromString(source.text(), source.name()));
    lexer.removeErrorListeners();
    lexer.addErrorListener(errors);
    NewlineFilter filter = new NewlineFilter(lexer);
    CommonTokenStream tokens = new CommonTokenStream(filter);
    tokens.fill();
    Token deep = filter.tooDeepAt();
    if (deep != null) {
      throw LawException.of(Msg.TOO_DEEP, new Span(source, deep.getStartIndex(), deep.getStopIndex() + 1), NewlineFilter.MAX_DEPTH)
          .hint("split the expression with 'let' bindings");
    }
    Token longAt = filter.tooLongAt();
    if (longAt != null) {
      throw LawException.of(Msg.TOO_LONG, new Span(source, longAt.getStartIndex(), longAt.getStopIndex() + 1),
          NewlineFilter.MAX_OPERATORS).hint("build it in steps with 'let', or use sum() over a list");
    }
    LawParser parser = new LawParser(tokens);
    parser.removeErrorListeners();
    parser.addErrorListener(errors);
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    LawParser.ProgramContext tree;
    try {
      tree = parser.program();
      if (!errors.diagnostics().isEmpty()) {
        // SLL may fail where full LL succeeds; retry before reporting
        SyntaxErrors retry = new SyntaxErrors(source);
        tokens.seek(0);
        parser.reset();
        parser.removeErrorListeners();
        parser.addErrorListener(retry);
        parser.getInterpreter().setPredictionMode(PredictionMode.LL);
        tree = parser.program();
        errors = retry;
      }
    } catch (StackOverflowError e) {
      throw LawException.of(Msg.TOO_DEEP, new Span(source, 0, 0), NewlineFilter.MAX_DEPTH)
          .hint("split the expression with 'let' bindings");
    }
    List<Diagnostic> found = errors.diagnostics();
    if (!found.isEmpty()) {
      throw new LawException(found);
    }
    try {
      return new Program(source, new AstBuilder(source).program(tree));
    } catch (StackOverflowError e) {
      throw LawException.of(Msg.TOO_DEEP, new Span(source, 0, 0), NewlineFilter.MAX_DEPTH)
          .hint("split the expression with 'let' bindings");
    }
  }
}
