"""Library services (reference data the team annotates) and offer areas."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from brokerdesk.core.errors import ValidationError
from brokerdesk.core.models import NATIONS, LibraryService, OfferArea
from brokerdesk.core.services.fields import Field
from brokerdesk.core.services.records import RecordService
from brokerdesk.core.tagging import set_tags, tag_names


class LibraryServiceService(RecordService[LibraryService]):
    """Library services come from the reference data; the team edits contact details and notes.

    The GSS code is the identity every import joins on, so it is set once and never edited.
    """

    model = LibraryService
    label = "library service"
    fields = (
        Field("gss_code", "GSS code", required=True, max_length=9),
        Field("name", "Official name", required=True, max_length=200),
        Field("nice_name", "Name", required=True, max_length=200),
        Field("nation", "Nation", "choice", required=True, choices={n: n for n in NATIONS}),
        Field("region", "Region", required=True, max_length=60),
        Field("is_member", "Member", "bool"),
        Field("website", "Website", "url", max_length=300),
        Field("email", "Email", "email", max_length=200),
        Field("phone", "Phone", max_length=60),
        Field("notes", "Notes", "longtext"),
    )
    extra_fields: ClassVar[frozenset[str]] = frozenset({"tags"})

    def apply_extra(self, session: Session, obj: Any, extra: Mapping[str, Any]) -> None:
        super().apply_extra(session, obj, {k: v for k, v in extra.items() if k != "tags"})
        if "tags" in extra:
            set_tags(session, obj, extra["tags"])

    def extra_values(self, session: Session, obj: Any) -> dict[str, Any]:
        return {"tags": tag_names(obj)}

    def check(self, session: Session, values: Mapping[str, Any], record_id: int | None) -> None:
        code = str(values["gss_code"]).upper()
        if len(code) != 9:
            raise ValidationError({"gss_code": "A GSS code has 9 characters, like E06000023."})
        if record_id is not None:
            current = session.get(LibraryService, record_id)
            if current is not None and current.gss_code != code:
                raise ValidationError({"gss_code": "The GSS code of a service cannot change."})

    def by_code(self, gss_code: str) -> dict[str, Any] | None:
        with self.db.read() as session:
            obj = session.scalar(
                select(LibraryService).where(LibraryService.gss_code == gss_code.upper())
            )
            return None if obj is None else self.values_of(session, obj)


class OfferAreaService(RecordService[OfferArea]):
    model = OfferArea
    label = "offer area"
    fields = (
        Field("code", "Code", required=True, max_length=40),
        Field("name", "Name", required=True, max_length=120),
        Field("kind", "Kind", "choice", choices={"offer": "Offer", "promise": "Promise"}),
        Field("sort_order", "Order", "int"),
    )

    def all(self) -> list[dict[str, Any]]:
        """Every offer area in the order the team lists them."""
        with self.db.read() as session:
            areas = session.scalars(select(OfferArea).order_by(OfferArea.sort_order, OfferArea.id))
            return [self.values_of(session, a) for a in areas]
