"""Drives the law kernel with jupyter_client's own client and prints what it saw as JSON.

Usage: protocol_check.py WORKDIR. JUPYTER_PATH must name a folder whose kernels/law holds the
kernelspec. The Java test (KernelProtocolTest) asserts on the JSON.
"""
import json
import os
import sys
import time
from queue import Empty

from jupyter_client.manager import start_new_kernel
from jupyter_client.session import Session

out = {}
km, kc = start_new_kernel(kernel_name="law", cwd=sys.argv[1], startup_timeout=60)


def run(code, timeout=60):
    msgs = []
    reply = kc.execute_interactive(code, timeout=timeout, output_hook=msgs.append)
    return {"reply": reply["content"], "iopub": [{"type": m["msg_type"], "content": m["content"]} for m in msgs]}


try:
    out["kernel_info"] = kc.kernel_info(reply=True, timeout=10)["content"]
    out["let"] = run('let x = 42\ndata runs = csv "runs.csv"')
    out["expr"] = run("x + 1")
    out["print"] = run('print "x is", x')
    out["error"] = run("x +* 2")
    out["quit"] = kc.execute(":quit", reply=True, timeout=10)["content"]
    out["warning"] = run("solve (x-1)*(x-2) = 0 for x in [0, 3]")
    out["plot_to_file"] = run('plot n^2 over [1, 10] to "figs/square.svg"')
    out["plot_file_written"] = os.path.exists(os.path.join(sys.argv[1], "figs", "square.svg"))
    out["complete"] = kc.complete("let y = ru", 10, reply=True, timeout=10)["content"]
    out["complete_field"] = kc.complete("runs.lo", 7, reply=True, timeout=10)["content"]
    out["inspect"] = kc.inspect("print sqrt(x)", 8, reply=True, timeout=10)["content"]
    for name, code in [("unfinished", "law L(N) = E +"), ("finished", "let z = 1"), ("invalid", "let z = )")]:
        msg_id = kc.is_complete(code)
        out["is_complete_" + name] = kc._recv_reply(msg_id, timeout=10)["content"] if hasattr(kc, "_recv_reply") else kc.get_shell_msg(timeout=10)["content"]
    out["history"] = kc.history(hist_access_type="tail", n=2, reply=True, timeout=10)["content"]

    # interrupt: a long bootstrap, cancelled after a second; the session keeps x
    long_fit = ('law P(N) = a * N^b with a > 0, b in [-2, 2]\n'
                'let slow = fit loss ~ P(N) to runs bootstrap 1000000 seed 1')
    msg_id = kc.execute(long_fit)
    time.sleep(1.5)
    started = time.time()
    km.interrupt_kernel()
    while True:
        reply = kc.get_shell_msg(timeout=60)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    out["interrupt"] = {"reply": reply["content"], "seconds": time.time() - started}
    out["after_interrupt"] = run("x * 2")

    # a message signed with the wrong key is dropped; the same one signed right is answered
    wrong = Session(key=b"not-the-key", username="intruder")
    wrong.send(kc.shell_channel.socket, wrong.msg("kernel_info_request"))
    try:
        got = kc.get_shell_msg(timeout=3)
        out["wrong_key"] = {"answered": True, "type": got["msg_type"]}
    except Empty:
        out["wrong_key"] = {"answered": False}
    out["right_key_after"] = kc.kernel_info(reply=True, timeout=10)["content"]["status"]

    # restart: a fresh session in a new process
    km.restart_kernel(now=False)
    kc.wait_for_ready(timeout=60)
    out["after_restart"] = run("x")

    # shutdown: the reply, then the process ends
    kc.shutdown()
    reply = kc.get_control_msg(timeout=10) if hasattr(kc, "get_control_msg") else None
    out["shutdown"] = reply["content"] if reply else None
    for _ in range(100):
        if not km.is_alive():
            break
        time.sleep(0.1)
    out["alive_after_shutdown"] = km.is_alive()
finally:
    if km.is_alive():
        km.shutdown_kernel(now=True)
    kc.stop_channels()
print(json.dumps(out))
