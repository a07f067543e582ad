#!/usr/bin/env python3
"""Interactive latencies of evalsh in a pseudo-terminal, as a person at the keyboard sees them.

    python3 bench/interactive.py EVALSH GT DT [--interrupt-after 1.0] [--runs 3]

  * start to prompt: from spawning `evalsh` (no files) to its first `evalsh> ` prompt;
  * Ctrl-C during a load: types `load GT DT`, waits --interrupt-after seconds (the load must still
    be running), sends Ctrl-C and measures until the prompt is back; checks that nothing was
    loaded (the prompt names no evaluation).
Medians of --runs. Use the 10x set (bench/benchmark.py --ten-times generates it) for the load.
"""
import argparse
import os
import pty
import select
import statistics
import sys
import time


def read_until(fd, needle, timeout):
    """Reads from fd until `needle` appears in the output; returns (seconds, text)."""
    start = time.perf_counter()
    text = b""
    while needle not in text:
        left = timeout - (time.perf_counter() - start)
        if left <= 0:
            raise TimeoutError(f"no {needle!r} after {timeout} s; got {text[-300:]!r}")
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            text += chunk
    return time.perf_counter() - start, text


def spawn(evalsh):
    pid, fd = pty.fork()
    if pid == 0:
        home = "/tmp/evalsh-interactive-home"  # history and journal of these runs stay out of $HOME
        os.makedirs(home, exist_ok=True)
        env = dict(os.environ, TERM="dumb", HOME=home)
        os.execve(evalsh, [evalsh], env)
    return pid, fd


def finish(pid, fd):
    try:
        os.write(fd, b"quit\n")
        read_until(fd, b"\n", 2)
    except (OSError, TimeoutError):
        pass
    try:
        os.kill(pid, 9)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("evalsh")
    ap.add_argument("gt")
    ap.add_argument("dt")
    ap.add_argument("--interrupt-after", type=float, default=1.0)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()

    starts, interrupts = [], []
    for _ in range(a.runs):
        begin = time.perf_counter()
        pid, fd = spawn(a.evalsh)
        read_until(fd, b"evalsh> ", 10)
        starts.append(time.perf_counter() - begin)
        os.write(fd, f"load {a.gt} {a.dt}\n".encode())
        read_until(fd, b"\n", 5)
        time.sleep(a.interrupt_after)
        sent = time.perf_counter()
        os.write(fd, b"\x03")
        _, text = read_until(fd, b"> ", 30)
        interrupts.append(time.perf_counter() - sent)
        loaded = b"evalsh> " not in text[-40:]
        finish(pid, fd)
        print(f"  start to prompt {starts[-1] * 1000:6.1f} ms, Ctrl-C to prompt {interrupts[-1] * 1000:6.1f} ms"
              + ("  (the load had finished: raise the file size or lower --interrupt-after)" if loaded else ""),
              flush=True)
    print(f"median start to prompt {statistics.median(starts) * 1000:.1f} ms; "
          f"median Ctrl-C during a load to prompt {statistics.median(interrupts) * 1000:.1f} ms")


if __name__ == "__main__":
    sys.exit(main())
