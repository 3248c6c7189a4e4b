package org.lawlang.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.DocumentationTool;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API's Javadoc builds with every doclint check on and not one warning (the JDK's own
 * javadoc tool: the Maven javadoc plugin is not in this build's offline repository).
 */
class ApiJavadocTest {
  @Test
  void theApiJavadocHasNoWarnings(@TempDir Path out) throws Exception {
    DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
    Assumptions.assumeTrue(javadoc != null, "a JDK with javadoc");
    Path api = EmbeddingAgainstCoreTest.REPO.resolve("interpreter/core/src/main/java/org/lawlang/api");
    List<String> args = new ArrayList<>(List.of("-Xdoclint:all", "-quiet", "-d", out.toString(), "-cp",
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))));
    try (Stream<Path> files = Files.list(api)) {
      files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> args.add(p.toString()));
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    int rc = javadoc.run(null, bytes, bytes, args.toArray(String[]::new));
    String messages = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(rc).as(messages).isZero();
    assertThat(messages).doesNotContain("warning").doesNotContain("error");
  }
}
