"""A fake Telegram Bot API server on 127.0.0.1 for end-to-end tests of the real Application."""

from tests.fakebotapi.api import TOKEN, FakeBotApi
from tests.fakebotapi.store import ApiCall, UploadedFile
from tests.fakebotapi.updates import FakeChat, FakeUser

__all__ = ["TOKEN", "ApiCall", "FakeBotApi", "FakeChat", "FakeUser", "UploadedFile"]
