package org.lawlang.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wire format, signing and kernelspec, without Jupyter. */
class WireTest {
  private static List<byte[]> frames(String... texts) {
    List<byte[]> out = new ArrayList<>();
    for (String t : texts) {
      out.add(t.getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }

  @Test
  void signaturesArePythonsHmacSha256() {
    // hmac.new(b'secretkey', b'{"a":1}{}{}{"code":"1"}', hashlib.sha256).hexdigest()
    Signer signer = new Signer("secretkey", "hmac-sha256");
    List<byte[]> signed = frames("{\"a\":1}", "{}", "{}", "{\"code\":\"1\"}");
    assertThat(signer.sign(signed)).isEqualTo("e380f5a334aa31557fa0cb0821400eebb9aca3195f9049fcce3ff00f7e639539");
    assertThat(signer.verify("e380f5a334aa31557fa0cb0821400eebb9aca3195f9049fcce3ff00f7e639539", signed)).isTrue();
    assertThat(new Signer("other", "hmac-sha256").verify("e380f5a334aa31557fa0cb0821400eebb9aca3195f9049fcce3ff00f7e639539", signed)).isFalse();
  }

  @Test
  void aMessageRoundTripsAndATamperedOneIsRejected() throws Exception {
    Signer signer = new Signer("k", "hmac-sha256");
    ObjectNode content = JsonNodeFactory.instance.objectNode().put("code", "1 + 1");
    Message m = new Message(List.of("client-id".getBytes(StandardCharsets.UTF_8)), Message.of("execute_request", "s", null, content).header(),
        JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.objectNode(), content);
    List<byte[]> wire = m.encode(signer);
    Message back = Message.decode(wire, signer);
    assertThat(back.type()).isEqualTo("execute_request");
    assertThat(back.content().path("code").asText()).isEqualTo("1 + 1");
    assertThat(new String(back.identities().get(0), StandardCharsets.UTF_8)).isEqualTo("client-id");

    List<byte[]> tampered = new ArrayList<>(wire);
    tampered.set(tampered.size() - 1, "{\"code\":\"2 + 2\"}".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> Message.decode(tampered, signer)).isInstanceOf(Message.Rejected.class).hasMessageContaining("signature");
    assertThatThrownBy(() -> Message.decode(wire, new Signer("not-k", "hmac-sha256"))).isInstanceOf(Message.Rejected.class);
    assertThatThrownBy(() -> Message.decode(frames("a", "b"), signer)).isInstanceOf(Message.Rejected.class).hasMessageContaining("delimiter");
  }

  @Test
  void aReplyRoutesBackToItsRequestAndNamesItsParent() {
    Message request = new Message(List.of(new byte[] {7}), Message.of("kernel_info_request", "client", null, JsonNodeFactory.instance.objectNode()).header(),
        JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.objectNode());
    Message reply = Message.of("kernel_info_reply", "kernel", request, JsonNodeFactory.instance.objectNode());
    assertThat(reply.identities()).containsExactly(new byte[] {7});
    assertThat(reply.parent().path("msg_id").asText()).isEqualTo(request.header().path("msg_id").asText());
    assertThat(reply.header().path("version").asText()).isEqualTo("5.3");
  }

  @Test
  void cursorsCountCodePoints() {
    String code = "let α = 𝔸"; // 𝔸 is two UTF-16 units
    assertThat(Kernel.offset(code, 9)).isEqualTo(10);
    assertThat(Kernel.codePoints(code, 10)).isEqualTo(9);
  }

  @Test
  void theKernelspecNamesTheCommandLanguageAndLogo(@TempDir Path dir) throws Exception {
    Path spec = KernelSpec.install(KernelSpec.prefixKernels(dir), List.of("java", "-jar", "law.jar", "kernel", "-f", "{connection_file}"));
    assertThat(spec).isEqualTo(dir.resolve("share/jupyter/kernels/law"));
    var json = Message.JSON.readTree(spec.resolve("kernel.json").toFile());
    assertThat(json.path("argv").toString()).isEqualTo("[\"java\",\"-jar\",\"law.jar\",\"kernel\",\"-f\",\"{connection_file}\"]");
    assertThat(json.path("display_name").asText()).isEqualTo("law");
    assertThat(json.path("language").asText()).isEqualTo("law");
    assertThat(json.path("metadata").path("file_extension").asText()).isEqualTo(".law");
    assertThat(ImageIO.read(spec.resolve("logo-64x64.png").toFile()).getWidth()).isEqualTo(64);
    assertThat(ImageIO.read(spec.resolve("logo-32x32.png").toFile()).getHeight()).isEqualTo(32);
    assertThat(Files.exists(spec.resolve("logo-32x32.png"))).isTrue();
  }

  @Test
  void indentContinuesInsideBracesAndAfterAFirstLine() {
    assertThat(Kernel.indent("law L(N) = E +")).isEqualTo("    ");
    assertThat(Kernel.indent("for N in [1, 2] {")).isEqualTo("    ");
    assertThat(Kernel.indent("let f = fit loss ~ L(N) to runs\n    using")).isEqualTo("    ");
  }
}
