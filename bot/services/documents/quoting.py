"""Questions about what a meeting said, agreed, decided or discussed, answered by quoting its
documents: the best one to three passages, each with its document, page and a button for the
file; in the reader's language where that version exists, said so where only another does.
Nothing is summarised or made up: no passage found, the reply says so.
"""

from __future__ import annotations

import re
from dataclasses import replace

from sqlalchemy.ext.asyncio import AsyncSession

from bot.languages import reading_order
from bot.services import callbacks
from bot.services.documents.words import index_form, is_function_word, stems, tokens
from bot.services.meetings import lookup
from bot.services.meetings.answered import Answered
from bot.services.meetings.unread import with_unread
from bot.services.reply import Button, Reply
from bot.services.request import Request
from bot.texts import Html, join, t
from bot.understanding import Intent, Question
from storage.models import Meeting
from storage.repositories import documents, meetings
from storage.repositories.documents import Found

QUOTES = 3
CANDIDATES = 40
# The question asks what a document says: said, agreed, decided, discussed, stated...
_CUE = re.compile(
    r"\b(?:say|says|said|agree\w*|decid\w*|decision\w*|discuss\w*|statement\w*|communiqu\w*|"
    r"declaration\w*|outcome\w*|conclu\w*|adopt\w*|resolv\w*|говор\w*|сказа\w*|заявлен\w*|"
    r"договор\w*|договорил\w*|реши\w*|решени\w*|обсужд\w*|обсуди\w*|коммюнике|декларац\w*|"
    r"итог\w*|согласова\w*|принял\w*|принят\w*)\b",
    re.IGNORECASE,
)
# What the documents say was discussed, agreed or decided, when a question names no subject.
CUE_WORDS = ("discuss", "agree", "decide", "обсуждать", "договориться", "решить")
# Words that ask, link or name the meeting, not what a passage is about (dictionary forms).
_FILLER = frozenset(
    (
     "what", "which", "who", "whom", "how", "why", "where", "when", "did", "does", "do", "done",
     "is", "are", "was", "were", "be", "been", "the", "a", "an", "of", "on", "in", "at", "to",
     "for", "about", "from", "by", "with", "and", "or", "any", "there", "their", "they", "it",
     "its", "this", "that", "these", "those", "meeting", "meetings", "annual", "sixth", "fifth",
     "fourth", "third", "second", "first", "seventh", "eighth", "ninth", "tenth", "last", "next",
     "document", "documents", "text", "say", "says", "said", "что", "какой", "какая", "какие",
     "кто", "как", "почему", "где", "когда", "о", "об", "в", "во", "на", "по", "с", "со", "и",
     "или", "а", "же", "ли", "быть", "этот", "тот", "они", "их", "его", "ее", "это", "встреча",
     "совещание", "ежегодный", "первый", "второй", "третий", "четвертый", "пятый", "шестой",
     "седьмой", "восьмой", "девятый", "десятый", "последний", "документ", "текст", "говориться",
     "will", "would", "should", "can", "could", "may",
    )
)  # fmt: skip


async def with_quotes(
    session: AsyncSession, question: Question, request: Request, answered: Answered
) -> Reply:
    """The meetings' own answer with what the documents say under it: the passages quoted, or
    that none answers; the answer alone when the question is not for the documents (a yes/no
    question, no cue such as "agreed", no document where it looks). Quoted, the words the
    answer left unread are not named (the quotes read them), and an answer that only said it
    did not understand is left out."""
    reply = Reply(with_unread(answered, request.language))
    quoted = await _quoted(session, question, request)
    if quoted is None:
        return reply
    text, buttons = quoted
    if not buttons:
        return replace(reply, text=join([reply.text, text], "\n\n"))
    if question.intent == Intent.UNCLEAR or not answered.meetings:
        return Reply(text, buttons=buttons)
    return Reply(join([answered.text, text], "\n\n"), buttons=buttons)


async def _quoted(
    session: AsyncSession, question: Question, request: Request
) -> tuple[Html, tuple[tuple[Button, ...], ...]] | None:
    """The quotes (with a button for each document), or the line that none answers; None when
    the question is not for the documents."""
    if question.yes_no is not None or not _CUE.search(request.args):
        return None
    asked = [word for word in tokens(request.args) if not is_function_word(word)]
    words = [form for word in asked if (form := index_form(word)) not in _FILLER]
    subject = [word for word in words if not _CUE.fullmatch(word)]
    scope = await _meetings_named(session, question, request)
    if scope is None or (not scope and not subject):
        return None
    ids = [meeting.id for meeting in scope] or None
    if ids is not None and not await _has_documents(session, ids):
        return None
    # "What was discussed?" asks for what the documents say was discussed, in any language.
    wanted = words if subject else [*words, *CUE_WORDS]
    found = _answering(await documents.search(session, wanted, ids, CANDIDATES), subject)
    if not found and (ids is None or not subject):
        return None
    return await _quotes(session, found, scope, request)


async def _meetings_named(
    session: AsyncSession, question: Question, request: Request
) -> list[Meeting] | None:
    """The meetings the question names ([] for none: every document); None when it names one
    that does not exist. A country or subject is what the documents are asked about, not where
    the meeting was."""
    ref = replace(question.meeting, country=None, topic=None)
    if ref.is_empty():
        return []
    found = await lookup.find(session, ref, request.now)
    return found[:QUOTES] or None


async def _has_documents(session: AsyncSession, ids: list[int]) -> bool:
    for meeting_id in ids:
        if await documents.of_meeting(session, meeting_id):
            return True
    return False


def _answering(found: list[Found], subject: list[str]) -> list[Found]:
    """The passages holding the question's subject words: both of two, two thirds of more."""
    wanted = stems(" ".join(subject))
    needed = len(wanted) if len(wanted) <= 2 else -(-2 * len(wanted) // 3)
    return [hit for hit in found if len(wanted & stems(hit.passage.words)) >= needed]


async def _quotes(
    session: AsyncSession, found: list[Found], scope: list[Meeting], request: Request
) -> tuple[Html, tuple[tuple[Button, ...], ...]]:
    language = request.language
    if not found:
        title = _title(scope[0], language)
        return t(language, "document.answer.none", title=title, id=scope[0].id), ()
    # The same text attached to two meetings (the bundled article) is quoted once.
    texts = [hit.passage.text for hit in found]
    found = [hit for n, hit in enumerate(found) if hit.passage.text not in texts[:n]]
    own = [hit for hit in found if hit.document.language == language]
    chosen = (own or found)[:QUOTES]
    named = await meetings.by_ids(session, {hit.document.meeting_id for hit in chosen})
    titles = {meeting.id: _title(meeting, language) for meeting in named}
    lines = [t(language, "document.answer.header")]
    if not own:
        other = t(language, f"document.language.{chosen[0].document.language}")
        lines.append(t(language, "document.answer.other_language", lang=other))
    lines += [_quote(hit, titles, language) for hit in chosen]
    unique = list({hit.document.id: hit.document for hit in chosen}.values())
    buttons = tuple(
        (Button(t(language, "document.answer.button", title=d.title[:40]),
                callbacks.encode(callbacks.Fetch(d.id))),)
        for d in unique
    )  # fmt: skip
    return join(lines, "\n\n"), buttons


def _quote(hit: Found, titles: dict[int, str], language: str) -> Html:
    document, page = hit.document, hit.passage.page
    key = "document.answer.quote_page" if page is not None else "document.answer.quote"
    return t(language, key, text=hit.passage.text, title=document.title, page=page,
             meeting=titles.get(document.meeting_id, ""))  # fmt: skip


def _title(meeting: Meeting, language: str) -> str:
    return meeting.text("title", reading_order(language)) or meeting.title_en
