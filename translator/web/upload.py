"""Read a multipart form as it streams in, in memory, refusing it the moment it is too large.

Starlette's own form parser spools files over 1 MB to a temporary file and reads the whole body before
anyone can look at its size; a CV must never reach the disk and a 2 GB upload must be refused after the
first 10 MB, not after the last byte. python-multipart's streaming parser does the parsing; this module
only counts and keeps the parts in memory.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header

from translator.parse import MAX_BYTES

MAX_FILE_BYTES = MAX_BYTES  # the CLI's limit for a CV file
MAX_FIELD_BYTES = 2 * 1024 * 1024  # a text field: the answers TOML, the page's state (the parsed CV as JSON)
MAX_BODY_BYTES = MAX_FILE_BYTES + 2 * MAX_FIELD_BYTES + 64 * 1024  # one file, a few fields, the boundaries
MAX_PARTS = 2000  # one checkbox per offered addition, one figure field per bullet


class FormError(Exception):
    """A request the page or the API refuses, with the HTTP status to refuse it with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Part:
    name: str
    filename: str | None = None
    data: bytearray = field(default_factory=bytearray)

    @property
    def text(self) -> str:
        return self.data.decode("utf-8", errors="replace")


@dataclass
class Form:
    parts: list[Part] = field(default_factory=list)

    def get(self, name: str) -> Part | None:
        return next((p for p in self.parts if p.name == name), None)

    def text(self, name: str) -> str | None:
        part = self.get(name)
        return part.text if part is not None and part.filename is None else None

    def texts(self, prefix: str) -> list[tuple[str, str]]:
        """(name, value) of the text fields whose name starts with prefix, in order."""
        return [(p.name, p.text) for p in self.parts if p.name.startswith(prefix) and p.filename is None]


def _too_large() -> FormError:
    return FormError(413, f"the upload is over the {MAX_FILE_BYTES // (1024 * 1024)} MB limit for a CV")


async def read_form(content_type: str, content_length: str | None, stream: AsyncIterator[bytes]) -> Form:
    """Parse the body chunk by chunk; FormError(413) as soon as the declared or the counted size is over."""
    kind, params = parse_options_header(content_type)
    if kind != b"multipart/form-data":
        raise FormError(415, "send the CV as multipart/form-data, in a field named 'file'")
    boundary = params.get(b"boundary")
    if not boundary:
        raise FormError(400, "the multipart form has no boundary")
    if content_length is not None:
        try:
            declared = int(content_length)
        except ValueError:
            raise FormError(400, "the Content-Length header is not a number") from None
        if declared > MAX_BODY_BYTES:
            raise _too_large()

    form = Form()
    header: dict[str, bytearray] = {"field": bytearray(), "value": bytearray()}
    headers: dict[bytes, bytes] = {}

    def on_part_begin() -> None:
        if len(form.parts) >= MAX_PARTS:
            raise FormError(400, f"the form has more than {MAX_PARTS} fields")
        headers.clear()

    def on_header_field(data: bytes, start: int, end: int) -> None:
        header["field"] += data[start:end]

    def on_header_value(data: bytes, start: int, end: int) -> None:
        header["value"] += data[start:end]

    def on_header_end() -> None:
        headers[bytes(header["field"]).lower()] = bytes(header["value"])
        header["field"].clear()
        header["value"].clear()

    def on_headers_finished() -> None:
        _, disposition = parse_options_header(headers.get(b"content-disposition", b""))
        name = disposition.get(b"name", b"").decode("utf-8", errors="replace")
        filename = disposition.get(b"filename")
        form.parts.append(Part(name=name, filename=None if filename is None else filename.decode("utf-8", "replace")))

    def on_part_data(data: bytes, start: int, end: int) -> None:
        part = form.parts[-1]
        part.data += data[start:end]
        if len(part.data) > (MAX_FILE_BYTES if part.filename is not None else MAX_FIELD_BYTES):
            raise _too_large()

    parser = MultipartParser(
        boundary,
        {
            "on_part_begin": on_part_begin,
            "on_header_field": on_header_field,
            "on_header_value": on_header_value,
            "on_header_end": on_header_end,
            "on_headers_finished": on_headers_finished,
            "on_part_data": on_part_data,
        },
    )
    received = 0
    try:
        async for chunk in stream:
            received += len(chunk)
            if received > MAX_BODY_BYTES:
                raise _too_large()
            parser.write(chunk)
        parser.finalize()
    except FormError:
        raise
    except FormParserError as exc:  # a malformed body
        raise FormError(400, f"the multipart form is malformed ({type(exc).__name__})") from None
    return form
