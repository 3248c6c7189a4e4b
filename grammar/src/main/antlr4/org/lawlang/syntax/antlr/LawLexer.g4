/*
 * Tokens of the law language. Hard keywords cannot be names; the clause words listed
 * under "soft keywords" are tokens too, but the parser's `ident` rule accepts them as
 * names, so `data`, `seed` or `level` stay usable as variable names.
 * Newlines are tokens: the NewlineFilter in org.lawlang.syntax decides which of them end
 * a statement (see the README's "Statements and lines").
 */
lexer grammar LawLexer;

// hard keywords
LET      : 'let';
LAW      : 'law';
PROC     : 'proc';
RETURN   : 'return';
WHERE    : 'where';
WITH     : 'with';
PRINT    : 'print';
IMPORT   : 'import';
AS       : 'as';
FOR      : 'for';
IN       : 'in';
FIT      : 'fit';
TO       : 'to';
MINIMIZE : 'minimize';
MAXIMIZE : 'maximize';
SUBJECT  : 'subject';
SOLVE    : 'solve';
ROOTS    : 'roots';
PLOT     : 'plot';
ROW      : 'row';
AND      : 'and';
OR       : 'or';
NOT      : 'not';
TRUE     : 'true';
FALSE    : 'false';

// soft keywords (also names; see LawParser.ident)
DATA      : 'data';
CSV       : 'csv';
TABLE     : 'table';
USING     : 'using';
ON        : 'on';
STARTS    : 'starts';
BOOTSTRAP : 'bootstrap';
SEED      : 'seed';
LEVEL     : 'level';
WEIGHTS   : 'weights';
CITE      : 'cite';
DOC       : 'doc';
UNIT      : 'unit';
FITTED    : 'fitted';
INPUTS    : 'inputs';
START     : 'start';
OVER      : 'over';
VS        : 'vs';
FROM      : 'from';
BY        : 'by';
SHARED    : 'shared';
HELP      : 'help';
COMPARE   : 'compare';
AT        : 'at';

// A number: digits, an optional fraction, an optional exponent, and an optional
// magnitude suffix K M B T (1e3 1e6 1e9 1e12). `0..2` lexes as 0, .., 2.
NUMBER
    : DIGITS ('.' DIGITS)? EXPONENT? SUFFIX?
    | '.' DIGITS EXPONENT? SUFFIX?
    ;
// A figure size for `plot ... size 6x4 in`: width x height (longest match: `6x4` is not 6, x4).
SIZE : DIGITS ('.' DIGITS)? 'x' DIGITS ('.' DIGITS)?;
fragment DIGITS   : [0-9] ('_'? [0-9])*;
fragment EXPONENT : [eE] [+-]? [0-9]+;
fragment SUFFIX   : [KMBT];

STRING : '"' (~["\\\r\n] | '\\' .)* '"';
// A string with no closing quote on its line; the parser reports it (longest match prefers STRING).
UNTERMINATED_STRING : '"' (~["\\\r\n] | '\\' .)*;

// Letters of any script (so α, β, λ pasted from a paper work), decimal digits, underscore. Not
// superscripts: x² is the name x and a bad character (the error says to write x^2), never a
// parameter named x².
ID : [\p{L}_] [\p{L}\p{Nd}_]*;

DOTDOT : '..';
DOT    : '.';
COMMA  : ',';
SEMI   : ';';
COLON  : ':';
LPAREN : '(';
RPAREN : ')';
LBRACK : '[';
RBRACK : ']';
LBRACE : '{';
RBRACE : '}';
PLUS   : '+';
MINUS  : '-' | '\u2212';
STAR   : '*' | '\u00d7' | '\u00b7';
SLASH  : '/';
CARET  : '^';
TILDE  : '~';
LE     : '<=' | '\u2264';
GE     : '>=' | '\u2265';
EQEQ   : '==';
NEQ    : '!=' | '\u2260';
LT     : '<';
GT     : '>';
ASSIGN : '=';

NL      : '\r'? '\n' | '\r';
COMMENT : '#' ~[\r\n]* -> skip;
WS      : [ \t\f\u00a0]+ -> skip;
LINE_CONTINUATION : '\\' [ \t]* ('\r'? '\n' | '\r') -> skip;

// Anything else is one bad character; the parser reports it with its position.
BAD_CHAR : . ;
