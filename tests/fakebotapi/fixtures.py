"""The fake_api fixture; conftest.py imports it so every test can ask for `fake_api`."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.fakebotapi.api import FakeBotApi


# Named apart from the fixture so importing it next to a test using `fake_api` shadows nothing.
@pytest.fixture(name="fake_api")
async def fake_api_fixture() -> AsyncIterator[FakeBotApi]:
    async with FakeBotApi() as api:
        yield api
