"""meetings of an ordinal (and those with none), newest first, read in index order
(ordinal, starts_at, id) instead of sorting every meeting of that ordinal

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 20:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_meetings_ordinal_starts_at", "meetings", ["ordinal", "starts_at", "id"])
    # Its first column serves every query the single-column index served.
    op.drop_index("ix_meetings_ordinal", table_name="meetings")


def downgrade() -> None:
    op.create_index("ix_meetings_ordinal", "meetings", ["ordinal"])
    op.drop_index("ix_meetings_ordinal_starts_at", table_name="meetings")
