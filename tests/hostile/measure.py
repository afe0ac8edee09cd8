#!/usr/bin/env python3
"""Runs a command and prints, as JSON, its exit code, wall time (s), peak resident
memory as the OS counts it (getrusage of the child, KiB) and the last line of its
standard error. Usage: python3 measure.py TIMEOUT_S CMD ARGS..."""
import json
import resource
import subprocess
import sys
import time

timeout = float(sys.argv[1])
start = time.monotonic()
try:
    p = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout)
    code, err = p.returncode, p.stderr.decode("utf-8", "replace")
except subprocess.TimeoutExpired as e:
    code, err = None, (e.stderr or b"").decode("utf-8", "replace")
seconds = time.monotonic() - start
lines = [l for l in err.splitlines() if l.strip()]
print(json.dumps({
    "code": code,
    "seconds": round(seconds, 3),
    "max_rss_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    "stderr": lines[-1] if lines else "",
}))
