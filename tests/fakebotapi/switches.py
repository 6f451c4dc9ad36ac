"""FaultSwitches: what a scenario turns on while a real bot process talks to the fake server
(`api.faults.unreachable(30)`, `api.faults.storm(60)`, ...); each returns at once."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from tests.fakebotapi.peers import PeerFinder
from tests.fakebotapi.server import BotApiServer
from tests.fakebotapi.state import BotApiState
from tests.fakebotapi.store import ApiError

CHAT_NOT_FOUND = ApiError(400, "Bad Request: chat not found")
BLOCKED = ApiError(403, "Forbidden: bot was blocked by the user")


class FaultSwitches:
    def __init__(self, state: BotApiState, server: BotApiServer) -> None:
        self._state = state
        self._server = server

    def latency(self, low: float, high: float) -> None:
        """Every send is answered `low` to `high` seconds (uniformly) after it arrives."""
        self._state.send_faults.latency = (low, high)

    async def unreachable(self, seconds: float) -> None:
        """Connections refused and open ones closed for `seconds` (polling too), then back."""
        await self._server.go_dark(seconds)

    def resetting(self, seconds: float) -> None:
        """Every request's connection reset (RST) unread for `seconds`; nothing is delivered."""
        self._state.resetting.open_for(seconds)

    def server_errors(self, seconds: float, code: int = 502) -> None:
        """Every send answered `code` (502 Bad Gateway) for `seconds`; nothing is delivered."""
        self._state.send_faults.server_error_code = code
        self._state.send_faults.server_errors.open_for(seconds)

    def storm(self, seconds: float, retry_after: int = 1) -> None:
        """Every send answered 429 with `retry_after` for `seconds`: a flood-control storm."""
        self._state.send_faults.storm_retry_after = retry_after
        self._state.send_faults.storm.open_for(seconds)

    def refuse_chats(self, chat_ids: Iterable[int], error: ApiError = BLOCKED) -> None:
        """Every later call to these chats fails with `error` (blocked, or CHAT_NOT_FOUND)."""
        for chat_id in chat_ids:
            self._state.chat_faults[chat_id] = error

    def end(self) -> None:
        """Every fault window ends now (latency and refused chats stay)."""
        self._server.come_back()
        self._state.resetting.close()
        self._state.send_faults.server_errors.close()
        self._state.send_faults.storm.close()

    def identify_senders(self, pids: Callable[[], list[int]]) -> None:
        """Record in each call and sent message which of `pids()` made it (Linux /proc)."""
        self._state.identify_peer = PeerFinder(lambda: self._server.port, pids)

    @property
    def refused(self) -> dict[int, int]:
        """Sends answered with an injected error, by status code."""
        return dict(self._state.send_faults.refused)

    @property
    def in_flight(self) -> int:
        """Sends received and not answered yet."""
        return self._state.in_flight

    @property
    def most_in_flight(self) -> int:
        return self._state.most_in_flight
