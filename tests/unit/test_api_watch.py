"""When the Bot API counts as having answered recently (readiness asks it again otherwise)."""

from __future__ import annotations

from bot.api_watch import BotApiWatch


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_an_answer_is_recent_for_fresh_seconds_and_a_failure_ends_it() -> None:
    clock = Clock()
    watch = BotApiWatch(fresh=60, clock=clock)
    assert not watch.recent and watch.age() is None  # never answered
    watch.answered()
    clock.now += 60
    assert watch.recent and watch.age() == 60
    clock.now += 1
    assert not watch.recent
    watch.answered()
    assert watch.failed() == 1 and watch.failed() == 2
    assert not watch.recent  # the last call went unanswered, however recent the answer before
    watch.answered()
    assert watch.recent and watch.failures == 0
