"""`cv-translator serve`: run the page on uvicorn, on the loopback address unless told otherwise."""

from __future__ import annotations

import ipaddress
import logging
import signal
import socket

import click

from translator.errors import TranslatorError
from translator.web.state import WebSettings


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _warm_up() -> None:
    """Import the readers before the first request: a reader runs in a forked child, and a fork while
    another request's thread holds the import lock would leave the child waiting for it."""
    import docx  # noqa: F401  # the .docx reader's library, imported by the child otherwise
    import pypdfium2  # noqa: F401  # the PDF reader's

    import translator.parse.docx
    import translator.parse.pdf
    import translator.render.resume  # noqa: F401


def _bind(host: str, port: int) -> socket.socket:
    """Bind before starting, so that the printed URL has the real port (also with --port 0)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise TranslatorError(f"cannot listen on {host!r}: {exc.strerror}") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        raise TranslatorError(f"cannot listen on {host}:{port} ({exc.strerror}); try another --port") from None
    sock.listen(128)  # connections wait in the backlog until uvicorn accepts them: none is refused at start
    return sock


def serve(host: str, port: int, settings: WebSettings) -> None:
    # A Ctrl-C from now until uvicorn takes the signal over stops the server cleanly instead of raising in
    # the middle of start-up (the page's URL is printed before the app is built).
    stop: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, _frame: stop.append(number))
    try:
        _serve(host, port, settings, stop)
    finally:
        signal.signal(signal.SIGINT, previous)
    click.echo("cv-translator stopped.")


def _serve(host: str, port: int, settings: WebSettings, stop: list[int]) -> None:
    import uvicorn

    from translator.web.app import create_app

    sock = _bind(host, port)
    _warm_up()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", datefmt="%H:%M:%S")
    if not _is_loopback(host):
        click.echo(
            f"warning: listening on {host}: other computers can reach this page and upload CVs to it. "
            "Use --host 127.0.0.1 to keep it on this computer.",
            err=True,
        )
    bound_host, bound_port = sock.getsockname()[:2]
    shown = f"[{bound_host}]" if ":" in bound_host else bound_host
    click.echo(f"cv-translator is running at http://{shown}:{bound_port}/  (press Ctrl-C to stop)")
    if settings.llm_available:
        click.echo("The page offers the language model (a key or base URL is configured).")

    class Server(uvicorn.Server):
        async def on_tick(self, counter: int) -> bool:
            # A Ctrl-C that came before uvicorn took the signal over (it starts slowly on a busy machine) was
            # caught by our handler: stop at the first tick instead of serving until a second one.
            if stop:
                self.should_exit = True
            return await super().on_tick(counter)

    try:
        config = uvicorn.Config(create_app(settings), access_log=False, log_level="warning", server_header=False)
        if not stop:  # stopped while starting: nothing to shut down
            Server(config).run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn shuts down gracefully, then raises the Ctrl-C again: the normal way out
        pass
    finally:
        sock.close()
