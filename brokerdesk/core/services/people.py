"""Contacts (people at partners and library services) and interactions with them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from sqlalchemy.orm import Session

from brokerdesk.core import vocabulary as v
from brokerdesk.core.errors import ValidationError
from brokerdesk.core.models import Contact, Interaction, LibraryService, Partner, Programme
from brokerdesk.core.services.fields import Field, check_date_order
from brokerdesk.core.services.records import RecordService
from brokerdesk.core.tagging import set_tags, tag_names


def _check_refs(session: Session, values: Mapping[str, Any]) -> None:
    """Links must point at records that exist: a message beats a foreign-key failure."""
    for key, model, what in (
        ("partner_id", Partner, "partner"),
        ("service_id", LibraryService, "library service"),
        ("programme_id", Programme, "programme"),
        ("contact_id", Contact, "contact"),
    ):
        ref = values.get(key)
        if ref is not None and session.get(model, ref) is None:
            raise ValidationError({key: f"Choose a {what} that exists."})


class ContactService(RecordService[Contact]):
    model = Contact
    label = "contact"
    fields = (
        Field("full_name", "Name", required=True, max_length=200),
        Field("role", "Role", max_length=200),
        Field("email", "Email", "email", max_length=254),
        Field("phone", "Phone", max_length=60),
        Field("notes", "Notes", "longtext"),
        Field("partner_id", "Partner", "int"),
        Field("service_id", "Library service", "int"),
    )
    extra_fields: ClassVar[frozenset[str]] = frozenset({"tags"})

    def apply_extra(self, session: Session, obj: Any, extra: Mapping[str, Any]) -> None:
        super().apply_extra(session, obj, {k: v for k, v in extra.items() if k != "tags"})
        if "tags" in extra:
            set_tags(session, obj, extra["tags"])

    def extra_values(self, session: Session, obj: Any) -> dict[str, Any]:
        return {"tags": tag_names(obj)}

    def check(self, session: Session, values: Mapping[str, Any], record_id: int | None) -> None:
        _check_refs(session, values)


class InteractionService(RecordService[Interaction]):
    model = Interaction
    label = "interaction"
    fields = (
        Field("kind", "Kind", "choice", required=True, choices=v.INTERACTION_KIND_LABELS),
        Field("occurred_on", "Date", "date", required=True),
        Field("subject", "Subject", required=True, max_length=200),
        Field("notes", "Notes", "longtext"),
        Field("by_whom", "Logged by", max_length=120),
        Field("partner_id", "Partner", "int"),
        Field("service_id", "Library service", "int"),
        Field("programme_id", "Programme", "int"),
        Field("contact_id", "Contact", "int"),
        Field("follow_up_on", "Follow up on", "date"),
        Field("follow_up_done", "Follow-up done", "bool"),
    )
    defaults: ClassVar[Mapping[str, Any]] = {"kind": "meeting", "follow_up_done": False}
    extra_fields: ClassVar[frozenset[str]] = frozenset({"tags"})

    def apply_extra(self, session: Session, obj: Any, extra: Mapping[str, Any]) -> None:
        super().apply_extra(session, obj, {k: v for k, v in extra.items() if k != "tags"})
        if "tags" in extra:
            set_tags(session, obj, extra["tags"])

    def extra_values(self, session: Session, obj: Any) -> dict[str, Any]:
        return {"tags": tag_names(obj)}

    def check(self, session: Session, values: Mapping[str, Any], record_id: int | None) -> None:
        check_date_order(
            values,
            "occurred_on",
            "follow_up_on",
            "The follow-up date is before the interaction.",
        )
        if not any(values.get(k) for k in ("partner_id", "service_id", "programme_id")):
            raise ValidationError(
                {"partner_id": "Say which partner, library service or programme it was with."}
            )
        _check_refs(session, values)
