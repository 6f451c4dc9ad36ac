"""An uploaded calendar parsed in a process of its own, within a wall-time and a memory budget.

Parsing is pure CPU on a stranger's bytes: a file can be built to take minutes or gigabytes
(issue 20: 42 s and 600 MB for 508 bytes). In a thread it would hold the interpreter and could
take the bot down with it; in a child process it is stopped when it runs out of its time
(killed) or of its memory (its address space is limited with setrlimit, so an allocation fails
inside the child and never reaches the bot or the kernel's out-of-memory killer). Either way the
admin is told which budget the file went over. The child runs `python -m` this module: it reads
the file on stdin and writes its outcome, pickled, on stdout; a fresh process per import also
gives icalendar's process-wide zone cache to this one file only.
"""

from __future__ import annotations

import asyncio
import pickle
import resource
import sys
from dataclasses import dataclass

from bot.services.calendars.encoding import UnknownEncoding
from bot.services.calendars.parsing import ParsedCalendar, parse_calendar
from bot.services.calendars.reading import BrokenCalendar, NotACalendar

MEGABYTE = 1024 * 1024


@dataclass(frozen=True)
class Budget:
    """What one import may cost: wall time in seconds (the child's start, about 2 s on a busy
    machine, included) and address space in MB (the interpreter and its libraries take about
    80; 6,000 events about 110)."""

    seconds: float = 60.0
    megabytes: int = 512


class OverBudget(NotACalendar):
    """Reading the file went over `budget` ("time" or "memory")."""

    def __init__(self, budget: str, limit: float) -> None:
        super().__init__(f"over the {budget} budget of {limit}")
        self.budget = budget
        self.limit = limit


async def parse_within_budget(content: bytes, budget: Budget | None = None) -> ParsedCalendar:
    """The parsed calendar; NotACalendar (BrokenCalendar, UnknownEncoding, OverBudget) else."""
    budget = budget or Budget()
    try:
        output = await child_output(__name__, [], content, budget)
    except TimeoutError:
        raise OverBudget("time", budget.seconds) from None
    if not output:
        # The child died without answering: its allocations outgrew the address space.
        raise OverBudget("memory", budget.megabytes)
    return _outcome(pickle.loads(output), budget)


async def child_output(module: str, arguments: list[str], content: bytes, budget: Budget) -> bytes:
    """What `python -m module MEGABYTES *arguments` writes, given `content` on its stdin, within
    `budget`: TimeoutError (the child killed) past its time, b"" when it died (its memory)."""
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-m", module, str(budget.megabytes), *arguments,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    try:
        output, _ = await asyncio.wait_for(child.communicate(content), budget.seconds)
    except TimeoutError:
        child.kill()
        await child.wait()
        raise
    return output if child.returncode == 0 else b""


def _outcome(outcome: tuple[object, ...], budget: Budget) -> ParsedCalendar:
    kind, *details = outcome
    if kind == "parsed" and isinstance(details[0], ParsedCalendar):
        return details[0]
    if kind == "broken":
        line, content, problem = details
        raise BrokenCalendar(int(str(line)), str(content), str(problem))
    if kind == "encoding":
        raise UnknownEncoding(str(details[0]))
    if kind == "memory":
        raise OverBudget("memory", budget.megabytes)
    raise NotACalendar(str(details[0]) if details else "not a calendar")


def _parsed(content: bytes) -> tuple[object, ...]:
    """What the child answers: plain values, since these exceptions do not pickle."""
    try:
        return ("parsed", parse_calendar(content))
    except BrokenCalendar as broken:
        return ("broken", broken.line, broken.content, broken.problem)
    except UnknownEncoding as unknown:
        return ("encoding", unknown.encoding)
    except NotACalendar as refused:
        return ("refused", str(refused))
    except MemoryError:
        return ("memory",)


def _main(megabytes: int) -> None:
    limit = megabytes * MEGABYTE
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    content = sys.stdin.buffer.read()
    outcome = _parsed(content)
    sys.stdout.buffer.write(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))


if __name__ == "__main__":
    _main(int(sys.argv[1]))
