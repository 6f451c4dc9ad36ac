"""meetings.translations: a meeting's fields in languages beyond its `_en`/`_ru` columns, as JSON
({"kk": {"title": ...}}), so that a new language needs no migration of its own

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Not batch mode: on SQLite a batch rebuilds `meetings` and drops its full-text triggers (0014).
# SQLite adds and (3.35 and later) drops a column in place.
def upgrade() -> None:
    op.add_column("meetings", sa.Column("translations", sa.JSON(), nullable=True))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE meetings DROP COLUMN translations")
    else:
        op.drop_column("meetings", "translations")
