"""Partners, their offer areas and tags (their agreements: ``services.agreements``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from brokerdesk.core import vocabulary as v
from brokerdesk.core.errors import ValidationError
from brokerdesk.core.models import OfferArea, Partner
from brokerdesk.core.services.fields import Field
from brokerdesk.core.services.records import RecordService
from brokerdesk.core.tagging import set_tags, tag_names


class PartnerService(RecordService[Partner]):
    model = Partner
    label = "partner"
    fields = (
        Field("name", "Name", required=True, max_length=200),
        Field("partner_type", "Type", "choice", required=True, choices=v.PARTNER_TYPE_LABELS),
        Field("status", "Status", "choice", required=True, choices=v.PARTNER_STATUS_LABELS),
        Field("owner", "Relationship owner", max_length=120),
        Field("website", "Website", "url", max_length=300),
        Field("notes", "Notes", "longtext"),
        Field("contact_limit_days", "Contact every (days)", "int", minimum=1),
    )
    defaults: ClassVar[Mapping[str, Any]] = {"partner_type": "charity", "status": "prospect"}
    extra_fields: ClassVar[frozenset[str]] = frozenset({"offer_area_ids", "tags"})

    def check(self, session: Session, values: Mapping[str, Any], record_id: int | None) -> None:
        name = values.get("name")
        if not name:
            return
        query = select(Partner.id).where(func.lower(Partner.name) == name.lower())
        if record_id is not None:
            query = query.where(Partner.id != record_id)
        if session.scalar(query) is not None:
            raise ValidationError({"name": f"A partner called '{name}' already exists."})

    def apply_extra(self, session: Session, obj: Any, extra: Mapping[str, Any]) -> None:
        if "offer_area_ids" in extra:
            ids = list(extra["offer_area_ids"] or [])
            areas = list(session.scalars(select(OfferArea).where(OfferArea.id.in_(ids))))
            if len(areas) != len(set(ids)):
                raise ValidationError({"offer_area_ids": "An offer area no longer exists."})
            obj.offer_areas = sorted(areas, key=lambda a: a.sort_order)
        if "tags" in extra:
            set_tags(session, obj, extra["tags"])

    def extra_values(self, session: Session, obj: Any) -> dict[str, Any]:
        return {
            "offer_area_ids": [a.id for a in obj.offer_areas],
            "tags": tag_names(obj),
        }
