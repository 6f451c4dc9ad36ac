"""Retrying a database write through an outage, with tenacity (a well-kept library) rather than
a hand loop: exponential backoff with full jitter (AWS's "Exponential Backoff And Jitter"), so
processes cut off together do not come back in step."""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy.exc import SQLAlchemyError
from tenacity import (
    AsyncRetrying,
    before_sleep_log,
    retry_if_exception_type,
    stop_after_delay,
    stop_never,
    wait_random_exponential,
)

log = logging.getLogger(__name__)

# The first retry within 0.2 s; then doubling, never more than 2 s apart: sending waits for the
# write, so it must follow the end of an outage soon (a try against a server that is down costs
# one refused connection).
FIRST_WAIT_SECONDS = 0.2
LONGEST_WAIT_SECONDS = 2.0
# What a database that is down, restarting or unreachable raises (asyncpg's own errors and
# connection refusals are wrapped in SQLAlchemy's, or are OSError and TimeoutError).
OUTAGE = (SQLAlchemyError, OSError, TimeoutError)


def through_outages(within: timedelta | None = None) -> AsyncRetrying:
    """Attempts of one write, retried on an outage with backoff: for ever (`within` None) or for
    `within` at most, after which the last error is raised. Each retry is logged at WARNING."""
    return AsyncRetrying(
        retry=retry_if_exception_type(OUTAGE),
        wait=wait_random_exponential(multiplier=FIRST_WAIT_SECONDS, max=LONGEST_WAIT_SECONDS),
        stop=stop_never if within is None else stop_after_delay(within.total_seconds()),
        before_sleep=before_sleep_log(log, logging.WARNING),
        reraise=True,
    )
