"""Run a reader in a child process with a time and memory limit.

A hostile file (a zip bomb whose sizes lie, a PDF whose content streams take minutes) must not hang
or exhaust the machine — least of all behind the web page, where strangers upload. The child is forked,
so it starts in milliseconds with everything already imported; it sends back the lines or the error.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

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


def _child(connection: Any, function: Callable[..., Any], args: tuple[Any, ...], memory: int) -> None:
    try:
        import resource

        limit = _virtual_size() + memory
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):
        pass
    try:
        connection.send(("ok", function(*args)))
    except TranslatorError as exc:
        connection.send(("error", exc))
    except MemoryError:
        connection.send(("memory", None))
    except Exception:  # a bug: the parent raises it with the child's traceback
        connection.send(("bug", traceback.format_exc()))
    finally:
        connection.close()


def run_bounded(function: Callable[..., T], *args: Any, name: str) -> T:
    """function(*args) under READ_SECONDS and READ_MEMORY_BYTES; one clear InputFileError when exceeded."""
    if not hasattr(os, "fork"):
        return function(*args)
    import multiprocessing

    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, function, args, READ_MEMORY_BYTES), daemon=True)
    process.start()
    sender.close()
    try:
        if not receiver.poll(READ_SECONDS):
            raise InputFileError(f"{name}: reading took longer than {READ_SECONDS:.0f} s; the file is not a normal CV")
        try:
            status, payload = receiver.recv()
        except EOFError:
            raise InputFileError(f"{name}: the reader stopped (out of memory or a damaged file)") from None
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        receiver.close()
    if status == "ok":
        return payload  # type: ignore[no-any-return]
    if status == "error":
        raise payload
    if status == "memory":
        raise InputFileError(
            f"{name}: reading needed more than {READ_MEMORY_BYTES >> 20} MB; the file is not a normal CV"
        )
    raise RuntimeError(f"reader failed in the child process:\n{payload}")
