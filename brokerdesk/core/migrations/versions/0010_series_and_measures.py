"""Programme series and rounds; measures a programme counts (issue #19)

- ``series``: programmes that run again and again ("Summer Reading Challenge"). A programme
  may be a round of one: ``programme_round`` (its series and a label: "2026", "Autumn
  2025").
- ``programme_measure``: what a programme counts at each library service (a name and a
  unit); ``measure_value``: what each participation recorded for it.
- The bare numbers a participation held until now become measures, so no figure is lost:
  every programme with a reach figure gets a "People reached" measure (unit "people"), every
  one with a sessions figure a "Sessions" measure (unit "sessions"), holding those values.
  The columns stay, kept in step by the app, for the code that still reads them.

A programme's place in a series is a table of its own (``programme_round``), not two
programme columns: SQLite adds a foreign key to a table only by copying it, and dropping the
old programme table with foreign keys on would cascade to every participation.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (participation column, measure name, unit, order) moved into measures.
FROM_COLUMNS = (("reach", "People reached", "people", 0), ("sessions", "Sessions", "sessions", 1))


def _editable() -> list[sa.Column[object]]:
    return [
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.current_timestamp(),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.current_timestamp(),
            nullable=False,
        ),
        sa.Column("version_id", sa.Integer(), nullable=False),
    ]


def _create_tables() -> None:
    op.create_table(
        "series",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("description", sa.Text()),
        *_editable(),
        sa.CheckConstraint("length(trim(name)) > 0", name="ck_series_name_not_blank"),
        sa.UniqueConstraint("name", name="uq_series_name"),
    )
    op.create_table(
        "programme_round",
        sa.Column(
            "programme_id",
            sa.Integer(),
            sa.ForeignKey(
                "programme.id", ondelete="CASCADE", name="fk_programme_round_programme_id_programme"
            ),
            nullable=False,
        ),
        sa.Column(
            "series_id",
            sa.Integer(),
            sa.ForeignKey(
                "series.id", ondelete="CASCADE", name="fk_programme_round_series_id_series"
            ),
            nullable=False,
        ),
        sa.Column("label", sa.String(40)),
        sa.PrimaryKeyConstraint("programme_id", name="pk_programme_round"),
    )
    op.create_index("ix_programme_round_series_id", "programme_round", ["series_id"])
    op.create_table(
        "programme_measure",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "programme_id",
            sa.Integer(),
            sa.ForeignKey(
                "programme.id",
                ondelete="CASCADE",
                name="fk_programme_measure_programme_id_programme",
            ),
            nullable=False,
        ),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("unit", sa.String(40)),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        *_editable(),
        sa.CheckConstraint("length(trim(name)) > 0", name="ck_programme_measure_name_not_blank"),
        sa.UniqueConstraint("programme_id", "name", name="uq_programme_measure_programme_name"),
    )
    op.create_index("ix_programme_measure_programme_id", "programme_measure", ["programme_id"])
    op.create_table(
        "measure_value",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "participation_id",
            sa.Integer(),
            sa.ForeignKey(
                "participation.id",
                ondelete="CASCADE",
                name="fk_measure_value_participation_id_participation",
            ),
            nullable=False,
        ),
        sa.Column(
            "measure_id",
            sa.Integer(),
            sa.ForeignKey(
                "programme_measure.id",
                ondelete="CASCADE",
                name="fk_measure_value_measure_id_programme_measure",
            ),
            nullable=False,
        ),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.CheckConstraint("value >= 0", name="ck_measure_value_value_not_negative"),
        sa.UniqueConstraint(
            "participation_id", "measure_id", name="uq_measure_value_participation_measure"
        ),
    )
    op.create_index("ix_measure_value_participation_id", "measure_value", ["participation_id"])
    op.create_index("ix_measure_value_measure_id", "measure_value", ["measure_id"])


def _measures_from_columns() -> None:
    """A measure for each bare figure a programme's participations hold, with its values."""
    conn = op.get_bind()
    for column, name, unit, order in FROM_COLUMNS:
        conn.execute(
            sa.text(
                "INSERT INTO programme_measure (programme_id, name, unit, sort_order, version_id)"
                " SELECT DISTINCT programme_id, :name, :unit, :order, 1 FROM participation"
                f" WHERE {column} IS NOT NULL"
            ),
            {"name": name, "unit": unit, "order": order},
        )
        conn.execute(
            sa.text(
                "INSERT INTO measure_value (participation_id, measure_id, value)"
                f" SELECT p.id, m.id, p.{column} FROM participation p"
                " JOIN programme_measure m ON m.programme_id = p.programme_id"
                f" AND m.name = :name WHERE p.{column} IS NOT NULL"
            ),
            {"name": name},
        )


def upgrade() -> None:
    _create_tables()
    _measures_from_columns()


def downgrade() -> None:
    op.drop_table("programme_round")
    op.drop_table("measure_value")
    op.drop_table("programme_measure")
    op.drop_table("series")
