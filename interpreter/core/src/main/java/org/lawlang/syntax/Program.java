package org.lawlang.syntax;

import java.util.List;
import org.lawlang.diag.Source;

/** A parsed unit of source: a file, a REPL line or an API string. */
public record Program(Source source, List<Stmt> statements) {}
