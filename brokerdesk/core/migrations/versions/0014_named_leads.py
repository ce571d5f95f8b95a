"""Named leads: a library service's lead contact per offer area; agreements in Ctrl+K

- ``service_lead``: a library service's named lead contact for one offer area (issue #20).
- The search index learns agreements (title, owner, notes; code 9): the triggers are the
  frozen copy in ``sql/0014_named_leads.*.sql``.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from brokerdesk.core.migrations import frozen

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "service_lead",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "service_id",
            sa.Integer(),
            sa.ForeignKey(
                "library_service.id",
                ondelete="CASCADE",
                name="fk_service_lead_service_id_library_service",
            ),
            nullable=False,
        ),
        sa.Column(
            "offer_area_id",
            sa.Integer(),
            sa.ForeignKey(
                "offer_area.id", ondelete="CASCADE", name="fk_service_lead_offer_area_id_offer_area"
            ),
            nullable=False,
        ),
        sa.Column(
            "contact_id",
            sa.Integer(),
            sa.ForeignKey(
                "contact.id", ondelete="CASCADE", name="fk_service_lead_contact_id_contact"
            ),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name="pk_service_lead"),
        sa.UniqueConstraint("service_id", "offer_area_id", name="uq_service_lead_service_area"),
    )
    for column in ("service_id", "offer_area_id", "contact_id"):
        op.create_index(f"ix_service_lead_{column}", "service_lead", [column])
    frozen.run(op.get_bind(), "0014_named_leads", "agreement_search")


def downgrade() -> None:
    frozen.run(op.get_bind(), "0014_named_leads", "agreement_search_down")
    op.drop_table("service_lead")
