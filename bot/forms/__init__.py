"""Forms admins type in one message (`key: value` a line), read without Telegram or a database."""

from bot.forms.errors import FieldError, render_error, render_errors
from bot.forms.meeting_form import MeetingDraft, parse_meeting_form

__all__ = ["FieldError", "MeetingDraft", "parse_meeting_form", "render_error", "render_errors"]
