"""`python -m bot.probe`: exit 0 when this container's bot is ready (GET /readyz answers 200).

For a container HEALTHCHECK, where the slim image has no curl: it asks the port the bot
serves on in its mode (BOT_WEBHOOK_PORT with a webhook, else BOT_FEED_PORT), on 127.0.0.1.
"""

from __future__ import annotations

import sys
import urllib.error
import urllib.request

from config.settings import SettingsError, load_settings

# Under the HEALTHCHECK's own timeout (5 s): a hung bot is a failed probe, not a hung probe.
TIMEOUT_SECONDS = 4
NOT_READY = 1


def main() -> int:
    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"probe: {error}", file=sys.stderr)
        return NOT_READY
    port = settings.webhook_port if settings.uses_webhook else settings.feed_port
    if port is None:
        print("probe: BOT_FEED_PORT is not set: nothing serves /readyz", file=sys.stderr)
        return NOT_READY
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=TIMEOUT_SECONDS):
            return 0
    except (urllib.error.URLError, OSError) as error:
        print(f"probe: not ready: {error}", file=sys.stderr)
        return NOT_READY


if __name__ == "__main__":
    raise SystemExit(main())
