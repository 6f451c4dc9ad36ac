"""FakeBotApi: what a test holds: the server's lifecycle, what users do, and what the bot did."""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from types import TracebackType

from tests.fakebotapi import actions
from tests.fakebotapi.methods import METHODS, commands_key
from tests.fakebotapi.server import HOST, BotApiServer
from tests.fakebotapi.state import BotApiState, SendLimiter
from tests.fakebotapi.store import ApiCall, ApiError, Json
from tests.fakebotapi.switches import FaultSwitches
from tests.fakebotapi.updates import FakeChat, FakeUser

# Shaped like a real token (bot id, colon, 35 characters) so PTB's checks accept it.
TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_"
# Seconds a test waits for the bot's next message or request. Generous: on a machine loaded
# seven runnable processes per core a starved bot took over 5 s to answer, and waiting costs
# nothing when the answer comes. No test uses the timeout to show that something is not sent.
PATIENCE = 30.0
DEFAULT_DESCRIPTIONS = {
    400: "Bad Request: chat not found",
    403: "Forbidden: bot was blocked by the user",
    429: "Too Many Requests: retry after {retry_after}",
}


def bot_user(token: str, username: str, first_name: str) -> Json:
    return {
        "id": int(token.split(":")[0]),
        "is_bot": True,
        "first_name": first_name,
        "username": username,
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
    }


class FakeBotApi:
    def __init__(
        self,
        token: str = TOKEN,
        username: str = "unrcca_test_bot",
        first_name: str = "UNRCCA Test Bot",
        port: int = 0,
    ) -> None:
        """`port` 0: a free one; a given port brings back a server a test stopped."""
        self.token = token
        self._port = port
        self.bot = bot_user(token, username, first_name)
        self._state = BotApiState(token, self.bot, METHODS)
        self._server = BotApiServer(self._state)
        # Faults a scenario switches on while the bot runs (latency, outages, 5xx, 429 storms).
        self.faults = FaultSwitches(self._state, self._server)

    async def start(self) -> FakeBotApi:
        self._server.start(self._port)
        return self

    async def stop(self) -> None:
        await self._server.stop()

    async def __aenter__(self) -> FakeBotApi:
        return await self.start()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self._server.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://{HOST}:{self._server.port}/file/bot"

    @property
    def username(self) -> str:
        return str(self.bot["username"])

    # What the bot did.

    @property
    def requests(self) -> list[ApiCall]:
        return self._state.requests.items

    @property
    def sent(self) -> list[Json]:
        return self._state.sent.items

    def my_commands(self, language_code: str = "", scope: Json | None = None) -> list[Json]:
        return self._state.commands.get(commands_key(scope, language_code), [])

    async def wait_for_message(
        self,
        chat_id: int | None = None,
        timeout: float = PATIENCE,  # noqa: ASYNC109 - a deadline for the test, not for a call
        predicate: Callable[[Json], bool] | None = None,
    ) -> Json:
        def wanted(sent: Json) -> bool:
            in_chat = chat_id is None or sent["chat_id"] == chat_id
            return in_chat and (predicate is None or predicate(sent))

        found = await self._state.sent.take(wanted, timeout)
        if found is None:
            sent = [(s["method"], s["chat_id"], s["text"]) for s in self.sent]
            raise AssertionError(f"no message to chat {chat_id} in {timeout}s; sent: {sent}")
        return found

    async def wait_for_request(
        self,
        method: str,
        timeout: float = PATIENCE,  # noqa: ASYNC109 - a deadline for the test, not for a call
    ) -> ApiCall:
        found = await self._state.requests.take(lambda c: c.method == method, timeout)
        if found is None:
            made = sorted({call.method for call in self.requests})
            raise AssertionError(f"no {method} call in {timeout}s; methods called: {made}")
        return found

    def fail_next(
        self,
        method: str,
        error_code: int = 429,
        description: str | None = None,
        retry_after: int | None = None,
    ) -> None:
        if error_code == 429 and retry_after is None:
            retry_after = 1  # Telegram always says how long to wait.
        text = description or DEFAULT_DESCRIPTIONS.get(error_code, "Bad Request")
        parameters = {"retry_after": retry_after} if retry_after is not None else None
        error = ApiError(error_code, text.format(retry_after=retry_after), parameters)
        self._state.faults[method.lower()].append(error)

    def refuse_chat(
        self, chat_id: int, error_code: int = 403, migrate_to_chat_id: int | None = None
    ) -> None:
        """Every later call to the chat fails: 403 (it blocked the bot), or 400 with
        `migrate_to_chat_id` (a group that became a supergroup)."""
        if migrate_to_chat_id is not None:
            error = ApiError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": migrate_to_chat_id},
            )
        else:
            error = ApiError(error_code, DEFAULT_DESCRIPTIONS.get(error_code, "Bad Request"))
        self._state.chat_faults[chat_id] = error

    def make_admin(self, chat_id: int, user_id: int) -> None:
        self._state.chat_admins.setdefault(chat_id, set()).add(user_id)

    def add_channel(
        self,
        chat_id: int,
        username: str | None = None,
        title: str = "Test channel",
        *,
        can_post: bool = True,
        can_edit: bool = True,
    ) -> Json:
        """A channel the bot administers with these rights (`set_channel_rights` changes them)."""
        chat: Json = {"id": chat_id, "type": "channel", "title": title}
        if username:
            chat["username"] = username
        self._state.chats.remember_chat(chat)
        self.set_channel_rights(chat_id, can_post=can_post, can_edit=can_edit)
        return chat

    def set_channel_rights(
        self, chat_id: int, *, can_post: bool = True, can_edit: bool = True, admin: bool = True
    ) -> None:
        rights = {"can_post_messages": can_post, "can_edit_messages": can_edit}
        self._state.channel_rights[chat_id] = rights if admin else None

    def forward_post(self, user: FakeUser, channel_id: int, text: str) -> Json:
        """A user forwards a channel's post to the bot, in their private chat."""
        return actions.forward_post(self._state, user, channel_id, text)

    def limit_sends(self, rate: float) -> SendLimiter:
        """Answer 429 to sends above `rate` a second; the limiter counts what it refused."""
        self._state.send_limiter = SendLimiter(rate)
        return self._state.send_limiter

    # What users do.

    def add_file(self, content: bytes, file_name: str, mime_type: str | None = None) -> str:
        mime_type = mime_type or mimetypes.guess_type(file_name)[0] or "application/octet-stream"
        return self._state.files.add(content, file_name, mime_type).file_id

    def push_update(self, body: Json) -> Json:
        return self._state.updates.put(body)

    def send_text(self, user: FakeUser, text: str, chat: FakeChat | None = None) -> Json:
        return actions.send_text(self._state, user, text, chat)

    def send_command(
        self,
        user: FakeUser,
        command: str,
        args: str = "",
        chat: FakeChat | None = None,
        mention_bot: bool | None = None,
    ) -> Json:
        # Group members usually pick a command from the menu, which sends /command@bot.
        mention = chat is not None if mention_bot is None else mention_bot
        return actions.send_command(self._state, user, command, args, chat, mention)

    def send_inline_query(self, user: FakeUser, query: str, chat_type: str = "private") -> str:
        """`@bot <query>` typed in a chat of `chat_type`; the query's id."""
        return actions.send_inline_query(self._state, user, query, chat_type)

    async def wait_for_inline_answer(
        self,
        query_id: str,
        timeout: float = PATIENCE,  # noqa: ASYNC109 - a deadline for the test, not for a call
    ) -> Json:
        found = await self._state.inline_answers.take(
            lambda answer: answer["inline_query_id"] == query_id, timeout
        )
        if found is None:
            raise AssertionError(f"inline query {query_id} not answered in {timeout}s")
        return found

    def description(self, language_code: str = "") -> str | None:
        return self._state.descriptions.get(language_code)

    def short_description(self, language_code: str = "") -> str | None:
        return self._state.short_descriptions.get(language_code)

    def press_button(self, user: FakeUser, message: Json, callback_data: str) -> Json:
        return actions.press_button(self._state, user, message, callback_data)

    def send_document(
        self,
        user: FakeUser,
        file_name: str,
        content: bytes,
        caption: str | None = None,
        chat: FakeChat | None = None,
    ) -> Json:
        file_id = self.add_file(content, file_name)
        return actions.send_document(self._state, user, file_id, caption, chat)
