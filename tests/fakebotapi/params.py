"""Reads a Bot API call's parameters from a JSON, form-encoded or multipart body."""

from __future__ import annotations

import json
from typing import Any

from tornado.httputil import HTTPServerRequest

from tests.fakebotapi.store import Json, UploadedFile

# In forms every value is a string, and PTB JSON-encodes everything but strings, so a value is
# decoded as JSON unless it is one of these free-text fields ("123" as a text must stay a str).
_TEXT_FIELDS = frozenset(
    {
        "text",
        "caption",
        "parse_mode",
        "callback_query_id",
        "inline_message_id",
        "file_id",
        "document",
        "language_code",
        "url",
        "secret_token",
        "action",
        "title",
        "description",
        "short_description",
        "name",
    }
)


def read_params(request: HTTPServerRequest) -> tuple[Json, dict[str, UploadedFile]]:
    if request.headers.get("Content-Type", "").startswith("application/json"):
        params = json.loads(request.body) if request.body else {}
    else:
        fields = {**request.query_arguments, **request.body_arguments}
        params = {name: _decode(name, values[-1]) for name, values in fields.items()}
    return params, _read_files(request)


def _decode(name: str, raw: bytes) -> Any:
    value = raw.decode()
    if name in _TEXT_FIELDS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


def _read_files(request: HTTPServerRequest) -> dict[str, UploadedFile]:
    return {
        name: UploadedFile(parts[0].filename, parts[0].body, parts[0].content_type)
        for name, parts in request.files.items()
    }
