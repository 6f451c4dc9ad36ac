"""How many sends the bound lets fly: what the rate and the Bot API's answer time need, not what
this process's own busy event loop adds to the answers."""

from __future__ import annotations

import math

import pytest

from bot.outbound.pacing import FASTEST_GAIN, FLOOR, SPREAD, WINDOW, InFlightBound


def bound_after(answers: list[float], rate: float = 1000, ceiling: int = 256) -> InFlightBound:
    bound = InFlightBound(rate, ceiling)
    for seconds in answers:
        bound.observe(seconds)
    return bound


def test_answers_alike_keep_rate_times_latency_and_a_quarter_in_flight() -> None:
    # 30 a second at 2 s: 60 under way, 75 with the spread, and two more.
    assert bound_after([2.0] * 200, rate=30).limit == 77


def test_a_slow_bot_api_is_bounded_by_the_ceiling() -> None:
    assert bound_after([5.0] * 200, rate=1000, ceiling=256).limit == 256


def test_fast_answers_keep_few_in_flight_but_never_fewer_than_the_floor() -> None:
    assert bound_after([0.0005] * 200).limit == FLOOR


def test_answers_slowed_by_a_busy_process_do_not_grow_the_bound_past_the_fastest() -> None:
    # The Bot API answers in 3 ms; a busy event loop makes most answers wait 30 ms more.
    answers = ([0.003] + [0.033] * (WINDOW - 1)) * 20
    bound = bound_after(answers)
    assert bound.latency == pytest.approx(0.033, abs=0.01)
    assert bound.limit == FASTEST_GAIN * 3 + 2  # 1000 a second x 3 ms x the gain, and two more
    # The average alone would have let four times as many fly, each a connection kept open.
    assert math.ceil(1000 * bound.latency * SPREAD) + 2 >= 4 * bound.limit


def test_before_a_window_ends_the_average_alone_decides() -> None:
    bound = bound_after([0.04] * (WINDOW - 1), rate=100)
    assert bound.fastest is None
    assert bound.limit == math.ceil(100 * bound.latency * SPREAD) + 2
