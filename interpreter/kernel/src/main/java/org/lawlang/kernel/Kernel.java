package org.lawlang.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.lawlang.diag.Diagnostic;
import org.lawlang.eval.Services;
import org.lawlang.eval.Value;
import org.lawlang.plot.ChartPlotService;
import org.lawlang.plot.Figure;
import org.lawlang.repl.CellSession;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The kernel: binds the five channels of a connection file and serves the Jupyter messaging
 * protocol over them. Shell requests (execute, complete, inspect, is_complete, history,
 * kernel_info) run one at a time on the shell thread, against one {@link CellSession}; the
 * control thread answers interrupt (which cancels the running cell), shutdown and kernel_info
 * even while a cell runs; the heartbeat echoes. Every request is framed by `status` busy and
 * idle on iopub, and everything a cell produces is published there with the request as parent.
 */
public final class Kernel {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final Connection connection;
  private final String version;
  private final Signer signer;
  private final String session = UUID.randomUUID().toString();
  private final ZContext context = new ZContext();
  private final CellSession cells;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final List<String> history = new ArrayList<>();
  private ZMQ.Socket iopub;
  private int executionCount;
  private volatile boolean running = true;
  /** The execute request whose output is being published (figures arrive through the plot service). */
  private volatile Cell current;

  public Kernel(Connection connection, Path workDir, String version) {
    this.connection = connection;
    this.version = version;
    this.signer = new Signer(connection.key(), connection.signatureScheme());
    this.cells = new CellSession(workDir, () -> Services.standard().plot(new ChartPlotService(this::figure)));
  }

  /** Serves until a shutdown request; returns whether the front end asked for a restart. */
  public boolean serve() throws InterruptedException {
    ZMQ.Socket shell = bind(SocketType.ROUTER, connection.shellPort());
    ZMQ.Socket control = bind(SocketType.ROUTER, connection.controlPort());
    ZMQ.Socket stdin = bind(SocketType.ROUTER, connection.stdinPort());
    ZMQ.Socket heartbeat = bind(SocketType.REP, connection.hbPort());
    iopub = bind(SocketType.PUB, connection.iopubPort());
    boolean[] restart = {false};
    publish(Message.of("status", session, null, NODES.objectNode().put("execution_state", "starting")));
    // Ctrl-C at a console that shares the kernel's terminal interrupts the cell, as it does in the REPL
    try {
      org.jline.utils.Signals.register("INT", cells::cancel);
    } catch (RuntimeException | LinkageError e) {
      // no signal handling on this JVM: interrupt by message still works
    }
    Thread hb = daemon("law-kernel-heartbeat", 0, () -> {
      while (running) {
        byte[] ping = heartbeat.recv();
        if (ping != null) {
          heartbeat.send(ping);
        }
      }
    });
    // the interpreter recurses on deep expressions: the shell thread gets the REPL's large stack
    Thread shellLoop = daemon("law-kernel-shell", 64L << 20, () -> loop(shell, false, restart));
    Thread controlLoop = daemon("law-kernel-control", 0, () -> loop(control, true, restart));
    watchParent();
    stopped.await();
    running = false;
    shellLoop.join(2000);
    controlLoop.join(2000);
    hb.join(200);
    stdin.close();
    context.close();
    return restart[0];
  }

  /** Stops when the process that started the kernel is gone (Jupyter names it in JPY_PARENT_PID), as ipykernel does. */
  private void watchParent() {
    String parent = System.getenv("JPY_PARENT_PID");
    if (parent == null || !parent.matches("\\d+")) {
      return;
    }
    ProcessHandle.of(Long.parseLong(parent)).ifPresent(p -> p.onExit().thenRun(stopped::countDown));
  }

  private ZMQ.Socket bind(SocketType type, int port) {
    ZMQ.Socket socket = context.createSocket(type);
    socket.setLinger(1000);
    socket.setReceiveTimeOut(200);
    socket.bind(connection.address(port));
    return socket;
  }

  private static Thread daemon(String name, long stack, Runnable body) {
    Thread t = new Thread(null, body, name, stack);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private void loop(ZMQ.Socket socket, boolean control, boolean[] restart) {
    while (running) {
      List<byte[]> frames = receive(socket);
      if (frames == null) {
        continue;
      }
      Message request;
      try {
        request = Message.decode(frames, signer);
      } catch (Message.Rejected e) {
        System.err.println("law kernel: dropped " + e.getMessage());
        continue;
      }
      publishStatus("busy", request);
      try {
        handle(socket, control, request, restart);
      } catch (RuntimeException | StackOverflowError e) {
        System.err.println("law kernel: internal error on " + request.type() + ": " + e);
        e.printStackTrace();
      } finally {
        publishStatus("idle", request);
      }
    }
  }

  private static List<byte[]> receive(ZMQ.Socket socket) {
    byte[] first = socket.recv();
    if (first == null) {
      return null;
    }
    List<byte[]> frames = new ArrayList<>();
    frames.add(first);
    while (socket.hasReceiveMore()) {
      frames.add(socket.recv());
    }
    return frames;
  }

  private void handle(ZMQ.Socket socket, boolean control, Message request, boolean[] restart) {
    JsonNode c = request.content();
    switch (request.type()) {
      case "kernel_info_request" -> reply(socket, request, "kernel_info_reply", kernelInfo());
      case "execute_request" -> reply(socket, request, "execute_reply", execute(request));
      case "complete_request" -> reply(socket, request, "complete_reply", complete(c.path("code").asText(), c.path("cursor_pos").asInt(-1)));
      case "inspect_request" -> reply(socket, request, "inspect_reply", inspect(c.path("code").asText(), c.path("cursor_pos").asInt(-1)));
      case "is_complete_request" -> {
        String status = cells.completeness(c.path("code").asText());
        ObjectNode r = NODES.objectNode().put("status", status);
        if (status.equals("incomplete")) {
          r.put("indent", indent(c.path("code").asText()));
        }
        reply(socket, request, "is_complete_reply", r);
      }
      case "history_request" -> reply(socket, request, "history_reply", history(c));
      case "comm_info_request" -> reply(socket, request, "comm_info_reply", ok().set("comms", NODES.objectNode()));
      case "interrupt_request" -> {
        cells.cancel();
        reply(socket, request, "interrupt_reply", ok());
      }
      case "shutdown_request" -> {
        boolean again = c.path("restart").asBoolean(false);
        cells.cancel();
        reply(socket, request, "shutdown_reply", ok().put("restart", again));
        restart[0] = again;
        stopped.countDown();
      }
      default -> System.err.println("law kernel: ignored a " + request.type() + (control ? " on control" : " on shell"));
    }
  }

  private static ObjectNode ok() {
    return NODES.objectNode().put("status", "ok");
  }

  private void reply(ZMQ.Socket socket, Message request, String type, ObjectNode content) {
    send(socket, Message.of(type, session, request, content));
  }

  private void send(ZMQ.Socket socket, Message m) {
    List<byte[]> frames = m.encode(signer);
    for (int i = 0; i < frames.size(); i++) {
      socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
    }
  }

  /** Publishes on iopub; the shell and control threads both publish, one message at a time. */
  private void publish(Message m) {
    synchronized (this) {
      send(iopub, new Message(List.of(("kernel." + session + "." + m.type()).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
          m.header(), m.parent(), m.metadata(), m.content()));
    }
  }

  private void publishStatus(String state, Message parent) {
    publish(Message.of("status", session, parent, NODES.objectNode().put("execution_state", state)));
  }

  private ObjectNode kernelInfo() {
    ObjectNode info = ok().put("protocol_version", Message.PROTOCOL).put("implementation", "law").put("implementation_version", version);
    info.putObject("language_info").put("name", "law").put("version", version).put("mimetype", "text/x-law")
        .put("file_extension", ".law").put("codemirror_mode", "text/x-law");
    info.put("banner", "law " + version + ": scaling laws, in a notebook. `help` lists the statements; :help the REPL's commands.");
    info.putArray("help_links");
    return info;
  }

  private ObjectNode execute(Message request) {
    JsonNode c = request.content();
    String code = c.path("code").asText();
    boolean silent = c.path("silent").asBoolean(false);
    boolean store = c.path("store_history").asBoolean(true) && !silent;
    if (store) {
      executionCount++;
      history.add(code);
    }
    int count = executionCount;
    if (!silent) {
      publish(Message.of("execute_input", session, request, NODES.objectNode().put("code", code).put("execution_count", count)));
    }
    Cell cell = new Cell(request, count, silent);
    current = cell;
    boolean ok;
    try {
      ok = cells.run(code, "In[" + count + "]", cell);
    } finally {
      current = null;
    }
    if (ok) {
      ObjectNode r = ok().put("execution_count", count);
      ArrayNode payload = r.putArray("payload");
      if (cells.quitRequested()) {
        // what IPython answers to `exit`: jupyter console leaves, and keeps the kernel only if asked to
        payload.addObject().put("source", "ask_exit").put("keepkernel", false);
      }
      r.putObject("user_expressions");
      return r;
    }
    ObjectNode r = NODES.objectNode().put("status", "error").put("execution_count", count);
    r.put("ename", cell.ename).put("evalue", cell.evalue);
    r.set("traceback", cell.traceback);
    return r;
  }

  /** A figure drawn by `plot` while a cell runs: shown inline under it. */
  private void figure(List<Figure> panels) {
    Cell cell = current;
    if (cell != null && !cell.silent) {
      cell.display(Rich.figure(panels));
    }
  }

  private ObjectNode complete(String code, int cursorPos) {
    int cursor = offset(code, cursorPos);
    CellSession.Completions found = cells.complete(code, cursor);
    ObjectNode r = ok().put("cursor_start", codePoints(code, found.start())).put("cursor_end", codePoints(code, found.end()));
    ArrayNode matches = r.putArray("matches");
    ArrayNode types = r.putObject("metadata").putArray("_jupyter_types_experimental");
    for (CellSession.Match m : found.matches()) {
      matches.add(m.text());
      types.addObject().put("start", codePoints(code, found.start())).put("end", codePoints(code, found.end())).put("text", m.text())
          .put("type", m.kind() == null ? "" : m.kind());
    }
    return r;
  }

  private ObjectNode inspect(String code, int cursorPos) {
    String doc = cells.inspect(code, offset(code, cursorPos));
    ObjectNode r = ok().put("found", doc != null);
    ObjectNode data = r.putObject("data");
    if (doc != null) {
      data.put("text/plain", doc);
    }
    r.putObject("metadata");
    return r;
  }

  /** The indent for the next line of an unfinished input: inside braces or after the first line, four spaces more than a top-level line. */
  static String indent(String code) {
    String[] lines = code.split("\n", -1);
    String last = lines[lines.length - 1];
    String lead = last.substring(0, last.length() - last.stripLeading().length());
    return last.strip().endsWith("{") || (lines.length == 1 && lead.isEmpty()) ? lead + "    " : lead;
  }

  private ObjectNode history(JsonNode c) {
    ObjectNode r = ok();
    ArrayNode items = r.putArray("history");
    int from = 0;
    if (c.path("hist_access_type").asText("tail").equals("tail")) {
      from = Math.max(0, history.size() - c.path("n").asInt(history.size()));
    }
    for (int i = from; i < history.size(); i++) {
      items.addArray().add(1).add(i + 1).add(history.get(i));
    }
    return r;
  }

  /** A cursor position in code points (the protocol's unit since 5.2) as a Java string index. */
  static int offset(String code, int codePoints) {
    if (codePoints < 0) {
      return code.length();
    }
    int n = Math.min(codePoints, code.codePointCount(0, code.length()));
    return code.offsetByCodePoints(0, n);
  }

  static int codePoints(String code, int index) {
    return code.codePointCount(0, Math.min(index, code.length()));
  }

  /** The output of one execute request, published as it comes. */
  private final class Cell implements CellSession.Sink {
    private final Message request;
    private final int count;
    private final boolean silent;
    String ename = "";
    String evalue = "";
    ArrayNode traceback = NODES.arrayNode();

    Cell(Message request, int count, boolean silent) {
      this.request = request;
      this.count = count;
      this.silent = silent;
    }

    @Override
    public void stdout(String text) {
      stream("stdout", text);
    }

    @Override
    public void stderr(String text) {
      stream("stderr", text);
    }

    private void stream(String name, String text) {
      if (!silent && !text.isEmpty()) {
        publish(Message.of("stream", session, request, NODES.objectNode().put("name", name).put("text", text)));
      }
    }

    @Override
    public void printed(String text, List<Value> values) {
      if (Rich.displayed(values)) {
        display(Rich.bundle(values.get(0)));
      } else {
        stdout(text + "\n");
      }
    }

    void display(ObjectNode data) {
      ObjectNode content = NODES.objectNode();
      content.set("data", data);
      content.putObject("metadata");
      content.putObject("transient");
      publish(Message.of("display_data", session, request, content));
    }

    @Override
    public void result(Value value) {
      if (silent) {
        return;
      }
      ObjectNode content = NODES.objectNode().put("execution_count", count);
      content.set("data", Rich.bundle(value));
      content.putObject("metadata");
      publish(Message.of("execute_result", session, request, content));
    }

    @Override
    public void failed(List<Diagnostic> diagnostics) {
      Diagnostic first = diagnostics.isEmpty() ? null : diagnostics.get(0);
      ename = first == null ? "error" : first.code();
      evalue = first == null ? "" : first.message();
      traceback = NODES.arrayNode();
      for (Diagnostic d : diagnostics) {
        for (String line : d.toString().stripTrailing().split("\n")) {
          traceback.add(line);
        }
      }
      if (!silent) {
        ObjectNode content = NODES.objectNode().put("ename", ename).put("evalue", evalue);
        content.set("traceback", traceback);
        publish(Message.of("error", session, request, content));
      }
    }
  }
}
