"""What follows /attach ID, read strictly, and the document button's data."""

from __future__ import annotations

import pytest

from bot.services import callbacks
from bot.services.documents.arguments import Attaching, BadArguments, read_arguments


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("outcome", Attaching("outcome", None, None)),
        ("Statement ru", Attaching("outcome", "ru", None)),
        ("коммюнике kk", Attaching("outcome", "kk", None)),
        ("agenda https://un.org/a.pdf", Attaching("agenda", None, "https://un.org/a.pdf")),
        ("press en HTTP://un.org/p", Attaching("press", "en", "HTTP://un.org/p")),
        ("participants", Attaching("participants", None, None)),
    ],
)
def test_kinds_languages_and_links_are_read(typed: str, read: Attaching) -> None:
    assert read_arguments(typed) == read


@pytest.mark.parametrize(
    ("typed", "problem", "value"),
    [
        ("", "no_kind", ""),
        ("minutes", "kind", "minutes"),
        ("agenda fr", "word", "fr"),
        ("agenda ftp://un.org/a.pdf", "scheme", "ftp"),
        ("agenda javascript:alert(1)", "scheme", "javascript"),
        ("agenda file:///etc/passwd", "scheme", "file"),
        ("agenda https://", "link", "https://"),
    ],
)
def test_each_mistake_is_named(typed: str, problem: str, value: str) -> None:
    with pytest.raises(BadArguments) as bad:
        read_arguments(typed)
    assert (bad.value.problem, bad.value.value) == (problem, value)


def test_the_document_button_round_trips_and_refuses_what_is_not_it() -> None:
    assert callbacks.decode(callbacks.encode(callbacks.Fetch(12))) == callbacks.Fetch(12)
    for forged in ("doc:0", "doc:-1", "doc:99999999999", "doc:x", "doc:12:3"):
        assert callbacks.decode(forged) is None
