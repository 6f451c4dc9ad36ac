"""HTML replies as plain text, for front ends that print rather than render (`unrcca-bot ask`)."""

from __future__ import annotations

import html
import re

TAG = re.compile(r"<[^>]+>")


def html_to_text(fragment: str) -> str:
    return html.unescape(TAG.sub("", fragment))
