"""Run a reader in a child process with a time and memory limit.

A hostile file (a zip bomb whose sizes lie, a PDF whose content streams take minutes) must not hang
or exhaust the machine — least of all behind the web page, where strangers upload. The child is forked,
so it starts in milliseconds with what the parent has imported (translate forks it before loading the
rest of the program, and the child imports its reader library itself); it sends back the lines or the
error through a pipe. A bare os.fork and a pipe, not multiprocessing: importing and starting that took ~9 ms
of a ~0.4 s translate, the plain fork ~3 ms.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, NoReturn, TypeVar

from translator.errors import InputFileError, TranslatorError

T = TypeVar("T")

READ_SECONDS = 20.0
READ_MEMORY_BYTES = 768 * 1024 * 1024  # on top of what the process already maps


def _virtual_size() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _child(write_fd: int, function: Callable[..., Any], args: tuple[Any, ...], memory: int) -> NoReturn:
    """In the forked child: run, send (status, payload) pickled, and leave without the parent's exit work."""
    try:
        try:
            import resource

            limit = _virtual_size() + memory
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        except (ImportError, ValueError, OSError):
            pass
        try:
            message = pickle.dumps(("ok", function(*args)))
        except TranslatorError as exc:
            message = pickle.dumps(("error", exc))
        except MemoryError:
            message = pickle.dumps(("memory", None))
        except Exception:  # a bug: the parent raises it with the child's traceback
            import traceback  # only then: the parent imports this module at start-up

            message = pickle.dumps(("bug", traceback.format_exc()))
        with os.fdopen(write_fd, "wb") as pipe:
            pipe.write(message)
    finally:
        os._exit(0)  # no atexit handlers, no flushing of the parent's buffered output


def _receive(read_fd: int, name: str) -> tuple[str, Any]:
    deadline = time.monotonic() + READ_SECONDS
    poller = select.poll()  # not select.select: a busy server's descriptors can be numbered over 1024
    poller.register(read_fd, select.POLLIN)
    chunks = []
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not poller.poll(remaining * 1000):
            raise InputFileError(f"{name}: reading took longer than {READ_SECONDS:.0f} s; the file is not a normal CV")
        chunk = os.read(read_fd, 1 << 20)
        if not chunk:
            break
        chunks.append(chunk)
    try:
        received: tuple[str, Any] = pickle.loads(b"".join(chunks))
    except Exception:  # nothing, or half a message: the child died (out of memory, a crash in C)
        raise InputFileError(f"{name}: the reader stopped (out of memory or a damaged file)") from None
    return received


class Bounded(Generic[T]):
    """function(*args) started now in a forked child under READ_SECONDS and READ_MEMORY_BYTES.

    result() collects it (one clear InputFileError when a limit is exceeded); close() stops and reaps the
    child if its result will not be collected. As a context manager, leaving the block closes it, so an
    error between the start and the result leaves no child behind. Without os.fork (Windows), the function
    runs in this process when the result is asked for.
    """

    def __init__(self, function: Callable[..., T], *args: Any, name: str) -> None:
        self.name = name
        self._call = (function, args)
        self._pid: int | None = None
        self._read_fd = -1
        self._forked = hasattr(os, "fork")
        if not self._forked:
            return
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_fd)
            _child(write_fd, function, args, READ_MEMORY_BYTES)
        os.close(write_fd)
        self._pid, self._read_fd = pid, read_fd

    def result(self, meanwhile: Callable[[], object] | None = None) -> T:
        """The child's result; `meanwhile` runs in this process first, while the child is still reading."""
        if self._forked and self._pid is None:
            raise RuntimeError("the reading child was already collected or stopped")
        if not self._forked:
            function, args = self._call
            value = function(*args)
            if meanwhile is not None:
                meanwhile()
            return value
        try:
            if meanwhile is not None:
                meanwhile()
            status, payload = _receive(self._read_fd, self.name)
        finally:
            self.close()
        if status == "ok":
            return payload  # type: ignore[no-any-return]
        if status == "error":
            raise payload
        if status == "memory":
            raise InputFileError(
                f"{self.name}: reading needed more than {READ_MEMORY_BYTES >> 20} MB; the file is not a normal CV"
            )
        raise RuntimeError(f"reader failed in the child process:\n{payload}")

    def close(self) -> None:
        """Stop the child if it still runs, and reap it; nothing to do the second time."""
        if self._pid is None:
            return
        pid, self._pid = self._pid, None
        os.close(self._read_fd)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)  # still running after a timeout; harmless once it has exited
        os.waitpid(pid, 0)

    def __enter__(self) -> Bounded[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
