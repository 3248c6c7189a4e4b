package org.lawlang.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One message of the Jupyter protocol (version 5.3) and its wire form: the routing identities,
 * the {@code <IDS|MSG>} delimiter, the signature, then header, parent header, metadata and
 * content as JSON frames, then any binary buffers.
 */
record Message(List<byte[]> identities, ObjectNode header, ObjectNode parent, ObjectNode metadata, ObjectNode content) {
  static final String PROTOCOL = "5.3";
  static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);

  String type() {
    return header.path("msg_type").asText();
  }

  /** A message that answers or follows {@code parent} (its reply, or output published while it runs). */
  static Message of(String type, String session, Message parent, ObjectNode content) {
    ObjectNode header = JsonNodeFactory.instance.objectNode()
        .put("msg_id", UUID.randomUUID().toString())
        .put("session", session)
        .put("username", "law")
        .put("date", Instant.now().toString())
        .put("msg_type", type)
        .put("version", PROTOCOL);
    ObjectNode parentHeader = parent == null ? JsonNodeFactory.instance.objectNode() : parent.header().deepCopy();
    return new Message(parent == null ? List.of() : parent.identities(), header, parentHeader, JsonNodeFactory.instance.objectNode(), content);
  }

  /** The frames to send, signed. */
  List<byte[]> encode(Signer signer) {
    List<byte[]> signed = List.of(bytes(header), bytes(parent), bytes(metadata), bytes(content));
    List<byte[]> frames = new ArrayList<>(identities);
    frames.add(DELIMITER);
    frames.add(signer.sign(signed).getBytes(StandardCharsets.US_ASCII));
    frames.addAll(signed);
    return frames;
  }

  /** The message in a multipart frame list; a bad signature or shape is a {@link Rejected}. */
  static Message decode(List<byte[]> frames, Signer signer) throws Rejected {
    int delimiter = -1;
    for (int i = 0; i < frames.size(); i++) {
      if (java.util.Arrays.equals(frames.get(i), DELIMITER)) {
        delimiter = i;
        break;
      }
    }
    if (delimiter < 0 || frames.size() < delimiter + 6) {
      throw new Rejected("a message without the <IDS|MSG> delimiter and its five frames");
    }
    List<byte[]> signed = frames.subList(delimiter + 2, delimiter + 6);
    String signature = new String(frames.get(delimiter + 1), StandardCharsets.US_ASCII);
    if (!signer.verify(signature, signed)) {
      throw new Rejected("a message with an invalid signature (not signed with this kernel's key)");
    }
    try {
      return new Message(List.copyOf(frames.subList(0, delimiter)), object(signed.get(0)), object(signed.get(1)),
          object(signed.get(2)), object(signed.get(3)));
    } catch (IOException e) {
      throw new Rejected("a message whose frames are not JSON objects: " + e.getMessage());
    }
  }

  private static ObjectNode object(byte[] frame) throws IOException {
    var node = JSON.readTree(frame);
    if (node == null || node.isNull() || node.isMissingNode()) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (!(node instanceof ObjectNode o)) {
      throw new IOException("expected an object, got " + node.getNodeType());
    }
    return o;
  }

  private static byte[] bytes(ObjectNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A message the kernel drops, and why. */
  static final class Rejected extends Exception {
    Rejected(String why) {
      super(why);
    }
  }
}
