"""A document's text read in a process of its own, within a wall-time and a memory budget.

A PDF can be built to take minutes or gigabytes to read, like a calendar file
(bot.services.calendars.worker, whose budget this shares): the child reads the file on stdin and
writes its outcome, pickled, on stdout, its address space limited with setrlimit.
"""

from __future__ import annotations

import pickle
import resource
import sys

from bot.services.calendars.worker import MEGABYTE, Budget, child_output
from bot.services.documents.extraction import Extracted, Unreadable, extract


async def extract_within_budget(
    content: bytes, file_name: str, mime_type: str | None, budget: Budget | None = None
) -> Extracted:
    """The text of the file; Unreadable (with "time" or "memory" for a budget) else."""
    budget = budget or Budget()
    try:
        output = await child_output(__name__, [file_name, mime_type or ""], content, budget)
    except TimeoutError:
        raise Unreadable("time") from None
    if not output:
        raise Unreadable("memory")
    outcome = pickle.loads(output)
    if isinstance(outcome, Extracted):
        return outcome
    raise Unreadable(str(outcome))


def _outcome(content: bytes, file_name: str, mime_type: str | None) -> Extracted | str:
    try:
        return extract(content, file_name, mime_type)
    except Unreadable as refused:
        return refused.problem
    except MemoryError:
        return "memory"
    except Exception:  # a library's own failure on a hostile file: unreadable, not a crash
        return "broken"


def _main(megabytes: int, file_name: str, mime_type: str) -> None:
    limit = megabytes * MEGABYTE
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    outcome = _outcome(sys.stdin.buffer.read(), file_name, mime_type or None)
    sys.stdout.buffer.write(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))


if __name__ == "__main__":
    _main(int(sys.argv[1]), sys.argv[2], sys.argv[3])
