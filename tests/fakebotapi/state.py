"""The fake server's state and the dispatch of one call to the method that answers it."""

from __future__ import annotations

import time
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from tests.fakebotapi.faults import SendFaults, Window
from tests.fakebotapi.store import ApiCall, ApiError, ChatLog, FileStore, Json, UploadedFile
from tests.fakebotapi.waiting import Mailbox, UpdateQueue

Method = Callable[["BotApiState", ApiCall], Awaitable[Any]]
SENDING = frozenset({"sendmessage", "senddocument"})


class SendLimiter:
    """Telegram's flood control, roughly: more than `rate` sends in any second is a 429."""

    def __init__(self, rate: float) -> None:
        self.rate = rate
        self.times: deque[float] = deque()
        self.refused = 0

    def check(self) -> None:
        now = time.monotonic()
        while self.times and self.times[0] <= now - 1.0:
            self.times.popleft()
        if len(self.times) >= self.rate:
            self.refused += 1
            raise ApiError(429, "Too Many Requests: retry after 1", {"retry_after": 1})
        self.times.append(now)


@dataclass
class BotApiState:
    token: str
    bot: Json
    methods: dict[str, Method]
    updates: UpdateQueue = field(default_factory=UpdateQueue)
    chats: ChatLog = field(default_factory=ChatLog)
    files: FileStore = field(default_factory=FileStore)
    requests: Mailbox[ApiCall] = field(default_factory=Mailbox)
    sent: Mailbox[Json] = field(default_factory=Mailbox)
    # (scope as canonical JSON, language_code) -> commands, as setMyCommands keys them.
    commands: dict[tuple[str, str], list[Json]] = field(default_factory=dict)
    # language_code ("" for everyone) -> the bot's description and short description.
    descriptions: dict[str, str] = field(default_factory=dict)
    short_descriptions: dict[str, str] = field(default_factory=dict)
    # Inline queries sent and not yet answered, and the answers: query id -> the call's params.
    inline_query_ids: set[str] = field(default_factory=set)
    inline_answers: Mailbox[Json] = field(default_factory=Mailbox)
    webhook_url: str = ""
    callback_query_ids: set[str] = field(default_factory=set)
    faults: defaultdict[str, deque[ApiError]] = field(default_factory=lambda: defaultdict(deque))
    # chat id -> the error every call to that chat gets (a user who blocked the bot: 403).
    chat_faults: dict[int, ApiError] = field(default_factory=dict)
    # chat id -> user ids that administer it (getChatMember).
    chat_admins: dict[int, set[int]] = field(default_factory=dict)
    # channel id -> the bot's rights there (can_post_messages, can_edit_messages); None: not an
    # administrator.
    channel_rights: dict[int, Json | None] = field(default_factory=dict)
    # Messages a second above which sends are answered 429, as Telegram's flood control does.
    send_limiter: SendLimiter | None = None
    send_faults: SendFaults = field(default_factory=SendFaults)
    # While active, every request's connection is reset before it is read.
    resetting: Window = field(default_factory=Window)
    # Sends received and not yet answered: now, and the most there ever were.
    in_flight: int = 0
    most_in_flight: int = 0
    # The client's TCP port -> who holds it (a pid), when a test says how to find out.
    identify_peer: Callable[[int], int | None] | None = None

    async def handle(
        self,
        token: str,
        method: str,
        params: Json,
        files: dict[str, UploadedFile],
        peer_port: int = 0,
    ) -> tuple[int, Json]:
        sender = self.identify_peer(peer_port) if self.identify_peer and peer_port else None
        call = ApiCall(method, params, files, sender=sender)
        # Recorded on arrival so a test can see a long poll still waiting; its response stays
        # empty until answered. Other methods answer before any waiting test wakes.
        self.requests.append(call)
        sending = method.lower() in SENDING
        try:
            if sending:
                call.response = {"ok": True, "result": await self._send(token, call)}
            else:
                call.response = {"ok": True, "result": await self._run(token, call)}
        except ApiError as error:
            call.response = error.to_json()
        return call.error_code or 200, call.response

    async def _send(self, token: str, call: ApiCall) -> Any:
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            await self.send_faults.delay()
            self.send_faults.check()
            return await self._run(token, call)
        finally:
            self.in_flight -= 1

    async def _run(self, token: str, call: ApiCall) -> Any:
        if token != self.token:
            raise ApiError(401, "Unauthorized")
        # Telegram matches method names case-insensitively.
        method = self.methods.get(call.method.lower())
        if method is None:
            raise ApiError(404, "Not Found: method not found")
        faults = self.faults[call.method.lower()]
        if faults:
            raise faults.popleft()
        chat_id = call.params.get("chat_id")
        if chat_id is not None and str(chat_id).lstrip("-").isdigit():
            if int(chat_id) in self.chat_faults:
                raise self.chat_faults[int(chat_id)]
            self._check_channel_rights(int(chat_id), call.method.lower())
            if self.send_limiter is not None and call.method.lower() in SENDING:
                self.send_limiter.check()
        return await method(self, call)

    def _check_channel_rights(self, chat_id: int, method: str) -> None:
        """In a channel the bot posts only as an administrator with the right to (and edits
        only with the right to edit)."""
        if chat_id not in self.channel_rights or method == "getchatmember":
            return
        rights = self.channel_rights[chat_id]
        if rights is None:
            raise ApiError(403, "Forbidden: bot is not a member of the channel chat")
        needed = "can_edit_messages" if method.startswith("edit") else "can_post_messages"
        if (method in SENDING or method.startswith("edit")) and not rights.get(needed):
            raise ApiError(400, "Bad Request: need administrator rights in the channel chat")

    def record_sent(self, call: ApiCall, message: Json, **extra: Any) -> Json:
        self.sent.append(
            {
                "method": call.method,
                "chat_id": message["chat"]["id"],
                "message_id": message["message_id"],
                "text": message.get("text"),
                "caption": message.get("caption"),
                "parse_mode": call.params.get("parse_mode"),
                "reply_markup": call.params.get("reply_markup"),
                "document": None,
                "message": message,
                # When it arrived (time.time()): for rates and lateness.
                "at": time.time(),
                # The pid of the process that sent it, when the test identifies peers.
                "sender": call.sender,
                **extra,
            }
        )
        return message
