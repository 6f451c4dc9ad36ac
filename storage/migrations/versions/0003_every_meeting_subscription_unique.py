"""a chat's "every meeting" subscription is unique too (a partial unique index)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 01:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EVERY_MEETING = sa.text("meeting_id IS NULL")


def upgrade() -> None:
    # Rows written twice before the index existed: the first one stays.
    op.execute(
        "DELETE FROM subscriptions WHERE meeting_id IS NULL AND id NOT IN "
        "(SELECT MIN(id) FROM subscriptions WHERE meeting_id IS NULL GROUP BY chat_id)"
    )
    op.create_index(
        "uq_subscriptions_every_meeting",
        "subscriptions",
        ["chat_id"],
        unique=True,
        postgresql_where=EVERY_MEETING,
        sqlite_where=EVERY_MEETING,
    )


def downgrade() -> None:
    op.drop_index("uq_subscriptions_every_meeting", table_name="subscriptions")
