from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest import CVS
from translator.web.app import create_app

HOSPITALIST = CVS / "sample_hospitalist.docx"
ROUNDING = "b-22cfff5c"  # "Rounded on 16-20 pts/day …": offers care-team
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def client() -> Iterator[TestClient]:
    with TestClient(create_app(), raise_server_exceptions=True) as test_client:
        yield test_client


def upload(
    client: TestClient,
    url: str,
    path: Path | None = None,
    filename: str | None = None,
    data: bytes | None = None,
    **fields: Any,
) -> Any:
    """POST a CV as the page or an API client would: multipart, the file in the field 'file', `fields` beside it."""
    if data is None and path is not None:
        data = path.read_bytes()
    files = {"file": (filename or (path.name if path else "cv.txt"), data or b"", "application/octet-stream")}
    return client.post(url, files=files, data=fields)
