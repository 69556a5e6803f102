"""Start the real `cv-translator serve` in a child process on a free port, and stop it with Ctrl-C."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass
class Server:
    url: str
    process: subprocess.Popen[str]


@contextmanager
def running_server(*options: str, env: dict[str, str] | None = None) -> Iterator[Server]:
    process = subprocess.Popen(
        [sys.executable, "-m", "translator", "serve", "--port", "0", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=(os.environ | (env or {})),
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        match = re.search(r"http://\S+/", line)
        assert match, f"no URL printed: {line!r} {process.stderr.read() if process.poll() is not None else ''}"
        yield Server(url=match.group(0), process=process)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            deadline = time.monotonic() + 10
            while process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.05)
            if process.poll() is None:
                process.kill()
        process.wait()
