"""A server out of file descriptors pauses accepting, logs one line, and serves again once
connections close (bot.accepting; issue 20: a storm of 261 MB of ERROR lines a minute).

The server runs in its own process with a file limit a few descriptors above what it holds,
so that a handful of idle connections fill its table.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

SERVER = """
import asyncio, logging, os, resource, sys
from telegram.ext import ApplicationBuilder
from bot.bot_data import CONTEXT_TYPES
from bot.webhook import WebhookServer

logging.basicConfig(level=logging.INFO, stream=sys.stderr)

async def main():
    app = ApplicationBuilder().token("123456789:" + "A" * 35).context_types(CONTEXT_TYPES).build()
    server = WebhookServer(app, "/hook", "S" * 16, header_timeout=1.0, body_timeout=1.0)
    server.listen("127.0.0.1", 0)
    held = len(os.listdir("/proc/self/fd"))
    hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    resource.setrlimit(resource.RLIMIT_NOFILE, (held + 8, hard))
    print(server.port, flush=True)
    await asyncio.Event().wait()

asyncio.run(main())
"""


@pytest.fixture
def server() -> Iterator[tuple[subprocess.Popen[str], int]]:
    process = subprocess.Popen(
        [sys.executable, "-c", SERVER], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    port = int(process.stdout.readline())
    yield process, port
    process.kill()
    process.wait(timeout=30)
    # Closed whether or not the test read them (an unclosed pipe is a warning, an error here).
    for pipe in (process.stdout, process.stderr):
        if pipe is not None:
            pipe.close()


def get_health(port: int) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: bot\r\nConnection: close\r\n\r\n")
        return connection.recv(100)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/fd")
def test_a_full_file_table_is_logged_once_and_survived(
    server: tuple[subprocess.Popen[str], int],
) -> None:
    process, port = server
    idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(40)]
    # Several header timeouts (1 s each) pass: connections are closed and others accepted.
    time.sleep(3)
    for connection in idle:
        connection.close()
    # The 30 s socket timeout is for a loaded machine; the answer comes within a second.
    assert get_health(port).startswith(b"HTTP/1.1 503")  # no runtime: "starting"
    process.kill()
    _, errors = process.communicate(timeout=30)
    lines = errors.splitlines()
    assert len([line for line in lines if "cannot accept connections" in line]) == 1, errors[
        -2000:
    ]
    assert "Traceback" not in errors and len(lines) < 10, errors[-2000:]
