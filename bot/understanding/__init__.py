"""Understanding questions about UNRCCA meetings, in English or Russian, without I/O."""

from bot.understanding.model import Intent, MeetingRef, Question
from bot.understanding.question import detect_language, understand

__all__ = ["Intent", "MeetingRef", "Question", "detect_language", "understand"]
