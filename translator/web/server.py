"""`cv-translator serve`: run the page on uvicorn, on the loopback address unless told otherwise."""

from __future__ import annotations

import ipaddress
import logging

import click

from translator.web.review import WebSettings


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
    import translator.parse.docx
    import translator.parse.pdf
    import translator.render.resume  # noqa: F401


def serve(host: str, port: int, settings: WebSettings) -> None:
    import uvicorn

    from translator.web.app import create_app

    _warm_up()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", datefmt="%H:%M:%S")
    if not _is_loopback(host):
        click.echo(
            f"warning: listening on {host}: other computers can reach this page and upload CVs to it. "
            "Use --host 127.0.0.1 to keep it on this computer.",
            err=True,
        )
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"cv-translator is running at http://{shown}:{port}/  (press Ctrl-C to stop)")
    if settings.llm_available:
        click.echo("The page offers the language model (a key or base URL is configured).")
    config = uvicorn.Config(
        create_app(settings), host=host, port=port, access_log=False, log_level="warning", server_header=False
    )
    uvicorn.Server(config).run()
    click.echo("cv-translator stopped.")
