"""An index on meetings.updated_at: the feed's version reads the latest change on every request

`storage.repositories.meetings.schedule_version` was a count and a sum over every meeting (1.2 ms
at 5,000 meetings, growing with the archive, on every request of `/calendar.ics`); it is now the
latest meeting id, audit entry and change time, each one index lookup.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-06 01:40:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_meetings_updated_at", "meetings", ["updated_at"])


def downgrade() -> None:
    op.drop_index("ix_meetings_updated_at", table_name="meetings")
