package org.lawlang.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A Jupyter connection file: where each of the five channels listens and the key that signs
 * every message. Jupyter writes it and starts the kernel with its path.
 */
public record Connection(String transport, String ip, int shellPort, int controlPort, int iopubPort, int stdinPort, int hbPort,
    String key, String signatureScheme) {

  public static Connection read(Path file) throws IOException {
    JsonNode j = new ObjectMapper().readTree(file.toFile());
    return new Connection(j.path("transport").asText("tcp"), j.path("ip").asText("127.0.0.1"), j.path("shell_port").asInt(),
        j.path("control_port").asInt(), j.path("iopub_port").asInt(), j.path("stdin_port").asInt(), j.path("hb_port").asInt(),
        j.path("key").asText(""), j.path("signature_scheme").asText("hmac-sha256"));
  }

  /** The ZeroMQ address of a port: tcp://127.0.0.1:5555 (ipc names a file: ipc://kernel-5555). */
  String address(int port) {
    return transport.equals("ipc") ? "ipc://" + ip + "-" + port : transport + "://" + ip + ":" + port;
  }
}
