/*
 * Syntax of the law language. No actions or predicates: the AST is built by
 * org.lawlang.syntax.AstBuilder, one visitor over these labelled alternatives.
 */
parser grammar LawParser;

options { tokenVocab = LawLexer; }

program : sep* (statement (sep+ statement)*)? sep* EOF;

// One line of REPL input may hold several statements.
replInput : program;

sep : NL | SEMI;

block : LBRACE sep* (statement (sep+ statement)*)? sep* RBRACE;

statement
    : IMPORT (module=ident | path=STRING) (AS alias=ident)?                    # ImportStmt
    | LET name=ident ASSIGN value=expr                                          # LetStmt
    | LAW name=ident LPAREN params=identList? RPAREN ASSIGN body=arith lawClause*   # LawStmt
    | PROC name=ident LPAREN params=identList? RPAREN body=block               # ProcStmt
    | RETURN value=expr?                                                        # ReturnStmt
    | DATA name=ident ASSIGN source=dataSource (WHERE filter=expr)?             # DataStmt
    | PRINT expr (COMMA expr)*                                                  # PrintStmt
    | FOR var=ident IN iter=expr body=block (TO path=STRING)?                   # ForStmt
    | ROW rowItem (COMMA rowItem)*                                              # RowStmt
    | PLOT plotSeries (COMMA plotSeries)* plotOption*                           # PlotStmt
    | HELP (topic=helpTopic | target=arith)?                                    # HelpStmt
    | COMPARE laws+=arith (COMMA laws+=arith)* AT LPAREN args? RPAREN           # CompareStmt
    | expr                                                                      # ExprStmt
    ;

// ---- laws -----------------------------------------------------------------------

lawClause
    : WHERE binding (COMMA binding)*                  # WhereClause
    | WITH paramSpec (COMMA paramSpec)*               # WithClause
    | CITE text=STRING                                # CiteClause
    | DOC text=STRING                                 # DocClause
    | UNIT text=STRING                                # UnitClause
    | FITTED rangeSpec (COMMA rangeSpec)*             # FittedClause
    | INPUTS inputDoc (COMMA inputDoc)*               # InputsClause
    ;

binding   : name=ident ASSIGN value=expr;
paramSpec : name=ident (op=(GT | GE | LT | LE) bound=arith | IN interval)? (START init=arith)?;
rangeSpec : name=ident IN interval;
inputDoc  : name=ident ASSIGN text=STRING;
interval  : LBRACK lo=arith COMMA hi=arith RBRACK;

// ---- data -----------------------------------------------------------------------

dataSource
    : CSV path=STRING columnBlock?                                              # CsvSource
    | TABLE LPAREN cols=identList RPAREN LBRACE sep* (tableRow (sep+ tableRow)*)? sep* RBRACE  # TableSource
    | arith                                                                     # DerivedSource
    ;

columnBlock : LBRACE sep* (columnDef ((sep+ | COMMA sep*) columnDef)*)? sep* RBRACE;
// `source = text "source"`: a column read as the kind named (number, text, bool)
columnDef   : name=ident ASSIGN (kind=ID header=STRING | value=expr);
tableRow    : signedNumber (COMMA? signedNumber)*;
signedNumber: sign=(MINUS | PLUS)? NUMBER;

// ---- fitting, optimisation, solving ----------------------------------------------

fitOption
    : USING objective=arith                            # UsingOption
    | ON scale=ident                                   # OnOption
    | STARTS arith (COMMA arith)*                      # StartsOption
    | BOOTSTRAP count=arith                            # BootstrapOption
    | SEED value=arith                                 # SeedOption
    | LEVEL value=arith                                # LevelOption
    | WEIGHTS value=arith                              # WeightsOption
    | BY key=ident                                     # ByOption
    | SHARED names=identList                           # SharedOption
    ;

overVar    : name=ident (IN interval)?;
constraint : (name=ident COLON)? lhs=arith op=(ASSIGN | LE | GE | LT | GT) rhs=arith;

// ---- rows and plots --------------------------------------------------------------

rowItem : (name=ident COLON)? value=expr;

// a string after a series names it in the legend; an option takes a string, a number (`dpi 300`) or a size (`size 6x4 in`)
plotSeries : y=arith (VS x=ident)? (FROM source=arith)? (FOR var=ident IN values=arith)? (OVER interval)? (label=STRING)?;
plotOption : TO path=STRING | name=ident (text=STRING | number=NUMBER | size=SIZE IN?)?;

// ---- expressions -----------------------------------------------------------------

expr
    : lo=arith DOTDOT hi=arith (BY step=arith)?                       # RangeExpr
    | lhs=arith op=(LT | LE | GT | GE | EQEQ | NEQ) rhs=arith         # CompareExpr
    | NOT operand=expr                                                # NotExpr
    | lhs=expr AND rhs=expr                                           # AndExpr
    | lhs=expr OR rhs=expr                                            # OrExpr
    | arith                                                           # ArithExpr
    // after ArithExpr: where `in` or `by` could close a `minimize … over x in [..]`, a
    // `solve … for x in [..]` or a `fit … by key` inside the arith, that reading wins
    | lhs=arith NOT? IN rhs=arith                                     # InExpr
    | value=arith BY key=ident                                        # ByExpr
    ;

arith
    : target=arith DOT field=fieldName                                # FieldExpr
    | callee=arith LPAREN args? RPAREN                                # CallExpr
    | target=arith LBRACK index=expr RBRACK                           # IndexExpr
    | <assoc=right> base=arith CARET exponent=arith                   # PowerExpr
    | op=(MINUS | PLUS) operand=arith                                 # UnaryExpr
    | lhs=arith op=(STAR | SLASH) rhs=arith                           # MulExpr
    | lhs=arith op=(PLUS | MINUS) rhs=arith                           # AddExpr
    | FIT target=arith TILDE model=arith TO data=arith fitOption*     # FitExpr
    | kind=(MINIMIZE | MAXIMIZE) objective=arith
          (OVER overVar (COMMA overVar)*)?
          (SUBJECT TO constraint (COMMA constraint)*)?
          (OVER overVar (COMMA overVar)*)?                            # OptimizeExpr
    | kind=(SOLVE | ROOTS) lhs=arith ASSIGN rhs=arith FOR var=ident (IN interval)?   # SolveExpr
    | NUMBER                                                          # NumberExpr
    | STRING                                                          # StringExpr
    | (TRUE | FALSE)                                                  # BoolExpr
    | ident                                                           # NameExpr
    | LPAREN inner=expr RPAREN                                        # ParenExpr
    | LBRACK (expr (COMMA expr)*)? RBRACK                             # ListExpr
    ;

args : arg (COMMA arg)*;
arg  : (name=ident ASSIGN)? value=expr;

identList : ident (COMMA ident)*;

// After a dot any name is a field, the statement words too (a fit's `f.law`)
fieldName : ident | LAW | LET | PRINT | IMPORT | FOR | ROW | FIT | MINIMIZE | MAXIMIZE | SOLVE | ROOTS | PLOT | WHERE | WITH;

// `help minimize`: the statement words, explained (a name that is also a word, like `data`, means the word)
helpTopic
    : LET | LAW | PROC | DATA | PRINT | IMPORT | FOR | ROW | FIT | MINIMIZE | MAXIMIZE | SOLVE | ROOTS
    | PLOT | COMPARE | WHERE | WITH
    ;

ident
    : ID
    | DATA | CSV | TABLE | USING | ON | STARTS | BOOTSTRAP | SEED | LEVEL | WEIGHTS
    | CITE | DOC | UNIT | FITTED | INPUTS | START | OVER | VS | FROM | BY | HELP
    | COMPARE | AT | SHARED
    ;
