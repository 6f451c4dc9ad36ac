"""A line a stranger can trigger is written at most once a minute (bot.log_throttle; issue 20)."""

from __future__ import annotations

import logging

import pytest

from bot.log_throttle import ThrottledLog


def test_one_line_a_minute_then_how_many_were_skipped(caplog: pytest.LogCaptureFixture) -> None:
    now = [1000.0]
    lines = ThrottledLog(logging.getLogger("throttled"), clock=lambda: now[0])
    with caplog.at_level(logging.WARNING, logger="throttled"):
        for _ in range(500):
            lines.warning("refused a call from %s", "10.0.0.1")
        now[0] += 59.9
        lines.warning("refused a call from %s", "10.0.0.2")
        now[0] += 0.2
        lines.warning("refused a call from %s", "10.0.0.3")
    assert [record.getMessage() for record in caplog.records] == [
        "refused a call from 10.0.0.1",
        "refused a call from 10.0.0.3 (500 more like it since the last such line)",
    ]
