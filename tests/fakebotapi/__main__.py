"""`python -m tests.fakebotapi [PORT]`: the fake Bot API on 127.0.0.1 until SIGTERM or Ctrl-C,
for a bot outside the tests (deploy/check-image.sh runs the image against it)."""

from __future__ import annotations

import asyncio
import signal
import sys

from tests.fakebotapi.api import FakeBotApi


async def serve(port: int) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    async with FakeBotApi(port=port) as api:
        print(f"{api.base_url} {api.token}", flush=True)
        await stop.wait()


if __name__ == "__main__":
    asyncio.run(serve(int(sys.argv[1]) if len(sys.argv) > 1 else 0))
