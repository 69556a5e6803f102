"""`cv-translator serve`: the real uvicorn server, its URL, its warning, Ctrl-C, and the lazy imports."""

from __future__ import annotations

import http.client
import signal
import subprocess
import sys
import urllib.request
from urllib.parse import urlsplit

import pytest

from tests.conftest import CVS
from tests.web.server import running_server
from translator.web.server import _is_loopback


def test_serve_prints_the_url_serves_the_page_and_stops_on_ctrl_c() -> None:
    with running_server() as server:
        assert server.url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(server.url, timeout=10) as response:
            assert response.status == 200
            assert "Translate your clinical CV" in response.read().decode()
            assert response.headers["x-content-type-options"] == "nosniff"
            assert response.headers["server"] is None
        server.process.send_signal(signal.SIGINT)
        out, err = server.process.communicate(timeout=10)
    assert server.process.returncode == 0
    assert "stopped" in out
    assert "Traceback" not in err and "warning" not in err


def test_the_real_server_refuses_a_declared_oversize_upload_at_once() -> None:
    with running_server() as server:
        parts = urlsplit(server.url)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        connection.putrequest("POST", "/api/translate")
        connection.putheader("Content-Type", "multipart/form-data; boundary=x")
        connection.putheader("Content-Length", str(50 * 1024 * 1024))
        connection.endheaders()
        connection.send(b"--x\r\n")  # 5 bytes of the promised 50 MB
        response = connection.getresponse()
        assert response.status == 413
        assert b"10 MB" in response.read()


def test_serve_warns_when_bound_beyond_loopback() -> None:
    with running_server("--host", "0.0.0.0") as server:
        server.process.send_signal(signal.SIGINT)
        _, err = server.process.communicate(timeout=10)
    assert "warning: listening on 0.0.0.0" in err


def test_serve_reports_a_port_in_use_in_one_line() -> None:
    with running_server() as server:
        port = str(urlsplit(server.url).port)
        taken = subprocess.run(
            [sys.executable, "-m", "translator", "serve", "--port", port], capture_output=True, text=True, timeout=30
        )
    assert taken.returncode == 2
    assert taken.stderr.strip().startswith("cv-translator: error: cannot listen on 127.0.0.1:" + port)
    assert len(taken.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("127.0.0.2", True),
        ("0.0.0.0", False),
        ("192.168.1.5", False),
        ("::", False),
        ("example.org", False),
    ],
)
def test_loopback_hosts(host: str, loopback: bool) -> None:
    assert _is_loopback(host) is loopback


def test_translate_does_not_import_the_web_stack(tmp_path) -> None:  # type: ignore[no-untyped-def]
    probe = (
        "import sys; from translator.cli import main\n"
        f"sys.argv=['cv-translator','translate',{str(CVS / 'pediatrician.txt')!r},'-o',{str(tmp_path)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('fastapi', 'starlette', 'uvicorn', 'python_multipart') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"
