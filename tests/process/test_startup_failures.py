"""`unrcca-bot run` failing at start: one line naming the real cause, exit 2, no traceback.

Issue 11, items 1 (webhook without a secret), 5 (the token in every encoding), 6 (misleading
start-up errors) and 11 (a webhook path that is the feed's). The servers here answer as a
gateway, a web page or a Bot API that refuses the token would.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.process.test_cli import run_cli

TOKEN = "123456789:AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"
ENCODED = quote(TOKEN, safe="")
Answer = tuple[int, str, bytes]
UNAUTHORIZED = b'{"ok": false, "error_code": 401, "description": "Unauthorized"}'


class Canned(BaseHTTPRequestHandler):
    """Answers every request with the server's one canned answer; the path may be echoed."""

    def do_POST(self) -> None:
        status, content_type, body = self.server.answer  # type: ignore[attr-defined]
        body = body.replace(b"{path}", quote(self.path, safe="/").encode())
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server(request: pytest.FixtureRequest) -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Canned)
    httpd.answer = request.param  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/bot"
    httpd.shutdown()
    httpd.server_close()


def one_line(tmp_path: Path, **env: str) -> str:
    result = run_cli("run", cwd=tmp_path, BOT_TOKEN=TOKEN, **env)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for secret in (TOKEN, ENCODED, ENCODED.lower(), TOKEN.split(":")[1]):
        assert secret not in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    return lines[0]


@pytest.mark.parametrize(
    ("server", "cause"),
    [
        ((200, "text/html", b"<html>hello</html>"), "is not a Telegram Bot API"),
        ((404, "text/html", b"<html>Not Found</html>"), "is not a Telegram Bot API"),
        ((200, "application/json", b'{"ok": true}'), "is not a Telegram Bot API"),
        (
            (
                401,
                "application/json",
                b'{"ok":false,"error_code":401,"description":"Unauthorized"}',
            ),
            "BOT_TOKEN was rejected by the Bot API",
        ),
        (
            (502, "text/plain", b"upstream failed for {path}"),
            "cannot reach the Bot API at 127.0.0.1",
        ),
    ],
    indirect=["server"],
    ids=["200-html", "404-html", "200-no-result", "401-json", "502-echoing-the-path"],
)
def test_a_server_that_fails_is_named_for_what_it_is(
    tmp_path: Path, server: str, cause: str
) -> None:
    line = one_line(tmp_path, BOT_API_BASE_URL=server)
    assert line.startswith("unrcca-bot: ") and cause in line
    if "rejected" not in cause:
        assert "BOT_API_BASE_URL" in line


def test_a_name_that_does_not_resolve_says_so(tmp_path: Path) -> None:
    line = one_line(tmp_path, BOT_API_BASE_URL="http://bot-api.invalid/bot")
    assert "the name bot-api.invalid does not resolve (no network or DNS?)" in line


@pytest.mark.parametrize(
    "server", [(502, "text/plain", b"upstream failed for {path}")], indirect=True
)
def test_a_password_in_the_bot_api_url_is_not_printed(tmp_path: Path, server: str) -> None:
    """Issue 20: the start-up failure line printed BOT_API_BASE_URL's password."""
    with_password = server.replace("http://", "http://bot:Hunter2-pass@")
    line = one_line(tmp_path, BOT_API_BASE_URL=with_password)
    assert "cannot reach the Bot API at 127.0.0.1" in line
    assert "Hunter2-pass" not in line


def test_a_short_webhook_secret_does_not_start(tmp_path: Path) -> None:
    line = one_line(
        tmp_path, BOT_WEBHOOK_URL="https://bot.example.org/hook", BOT_WEBHOOK_SECRET="abc123"
    )
    assert line.startswith("unrcca-bot: BOT_WEBHOOK_SECRET is invalid: must be 16-256")
    assert "abc123" not in line


def test_webhook_mode_without_a_secret_does_not_start(tmp_path: Path) -> None:
    line = one_line(tmp_path, BOT_WEBHOOK_URL="https://bot.example.org/hook")
    assert line.startswith("unrcca-bot: BOT_WEBHOOK_SECRET is not set")


@pytest.mark.parametrize("path", ["/calendar.ics", "/calendar.ics/"])
def test_a_webhook_at_the_feed_path_does_not_start(tmp_path: Path, path: str) -> None:
    line = one_line(
        tmp_path,
        BOT_WEBHOOK_URL=f"https://bot.example.org{path}",
        BOT_WEBHOOK_SECRET="a-secret-of-16-chars",
    )
    assert line.startswith("unrcca-bot: BOT_WEBHOOK_URL is invalid") and "calendar feed" in line
