#!/usr/bin/env python3
"""Time from starting `./law` on a terminal (a pseudo-terminal) to its REPL prompt.

Usage: bench/repl_prompt.py [RUNS]   (default 9; prints each time and the median)
Run from the repository root after the jar is built (`./law eval 1` builds it if needed).
"""
import fcntl
import os
import pty
import select
import statistics
import struct
import sys
import termios
import time


def time_to_prompt():
    pid, fd = pty.fork()
    if pid == 0:
        # a terminal of 100 x 30, as a user's window would be (a zero width hides the prompt)
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        os.execvp("./law", ["./law"])
    start = time.monotonic()
    seen = b""
    while b"law> " not in seen:
        ready, _, _ = select.select([fd], [], [], 20)
        if not ready:
            raise SystemExit("no prompt within 20 s; output so far: %r" % seen[-200:])
        seen += os.read(fd, 4096)
    elapsed = time.monotonic() - start
    os.write(fd, b":quit\r")
    os.waitpid(pid, 0)
    return elapsed


runs = int(sys.argv[1]) if len(sys.argv) > 1 else 9
times = [time_to_prompt() * 1000 for _ in range(runs)]
print("times (ms):", " ".join("%.0f" % t for t in times))
print("median to the REPL prompt: %.0f ms over %d runs" % (statistics.median(times), runs))
