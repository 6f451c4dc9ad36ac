"""PostgreSQL: finer statistics of the full-text index's words, so that a query for a rare word
reads the index rather than every meeting

The planner estimates how many meetings hold a word from the most common words ANALYZE keeps
of the index's expression; with fewer than 100 of them it assumes 2% of all rows
(`tsquery_opr_selec`: DEFAULT_TS_MATCH_SEL * 4). With 2%, "the newest 20 meetings holding
'безопасн'" reads meetings in date order and tests each: for a word that few or none hold, that
is every row (70 ms at 10,000 meetings; `benchmarks/per_kind.py`). With the statistics target at
1,000, ANALYZE keeps up to 10,000 words, and the planner takes the GIN index for rare words
(2 ms) and the date order for common ones. SQLite's FTS5 table is keyed by date and needs none.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-05 22:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# ANALYZE samples 300 rows per unit of the target; the default target is 100.
WORDS_STATISTICS = 1_000


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            f"ALTER INDEX ix_meetings_words ALTER COLUMN 1 SET STATISTICS {WORDS_STATISTICS}"
        )
        op.execute("ANALYZE meetings")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER INDEX ix_meetings_words ALTER COLUMN 1 SET STATISTICS -1")
