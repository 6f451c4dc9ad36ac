"""The text of an .ics file that may not be UTF-8: detected by charset-normalizer, or refused.

RFC 5545 says UTF-8, and most apps write it; older Windows and Outlook exports come in the
machine's code page (Windows-1251 in Central Asia, Windows-1252 or Latin-1 in the West). Read as
UTF-8 they became `������` and were announced to subscribers so. A file that is not UTF-8 is
decoded with the encoding charset-normalizer finds among those calendar files come in; where
two of them read the file equally well (Windows-1250 and -1252 share most letters), the one
first in LIKELY wins. A file none of them reads cleanly is refused, naming the encoding it
appears to be, so that the admin can save it as UTF-8.
"""

from __future__ import annotations

from charset_normalizer import CharsetMatch, from_bytes

from bot.services.calendars.reading import FOLD, NotACalendar

# The encodings calendar files reach this bot in, most likely first (Russian, then Western).
LIKELY = (
    "utf_16", "utf_32", "cp1251", "koi8_r", "cp1252", "latin_1", "iso8859_15", "cp1250",
)  # fmt: skip
# charset-normalizer's "chaos" (0 to 1): above this the text is not one a calendar app wrote.
MOST_CHAOS = 0.1
# Candidates this close to the best read the file equally well: LIKELY decides between them.
TIE = 0.01


class UnknownEncoding(NotACalendar):
    """The file is not UTF-8, and no likely encoding reads it cleanly."""

    def __init__(self, encoding: str) -> None:
        super().__init__(f"not UTF-8; it looks like {encoding}")
        self.encoding = encoding


def as_utf8(content: bytes) -> bytes:
    """The file in UTF-8; UnknownEncoding when it is neither UTF-8 nor clearly another."""
    try:
        # Unfolded first: an app may fold a line inside a UTF-8 character (reading.py).
        FOLD.sub(b"", content).decode("utf-8")
        return content
    except UnicodeDecodeError:
        pass
    match = _likely(content)
    if match is None:
        raise UnknownEncoding(_appearance(content))
    return str(match).encode()


def _likely(content: bytes) -> CharsetMatch | None:
    matches = list(from_bytes(content, cp_isolation=list(LIKELY)))
    if not matches:
        return None
    least = min(match.chaos for match in matches)
    if least > MOST_CHAOS:
        return None
    tied = [match for match in matches if match.chaos <= least + TIE]
    return min(tied, key=lambda match: _rank(match.encoding))


def _rank(encoding: str) -> int:
    return LIKELY.index(encoding) if encoding in LIKELY else len(LIKELY)


def _appearance(content: bytes) -> str:
    best = from_bytes(content).best()
    return best.encoding if best is not None else "binary data, not text"
