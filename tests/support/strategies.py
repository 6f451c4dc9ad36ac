"""Hypothesis strategies shared by the property tests of answers."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import strategies as st

# A meeting's start between 2012 and 2030, on the hour (06:00 UTC), aware.
meeting_starts = st.datetimes(datetime(2012, 1, 1), datetime(2030, 12, 1)).map(
    lambda moment: moment.replace(hour=6, minute=0, second=0, microsecond=0, tzinfo=UTC)
)
