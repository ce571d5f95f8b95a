"""Importers keyed on library services: service details, branches and participations."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

import brokerdesk.core.importing.row_contacts as row_contacts
import brokerdesk.core.services.measures as measures
from brokerdesk.core.errors import ValidationError
from brokerdesk.core.importing.base import Importer, ImportOptions, RowPlan
from brokerdesk.core.importing.folding import match_key
from brokerdesk.core.importing.kinds_people import SERVICE_TARGETS, resolve_service
from brokerdesk.core.importing.mapping import Target
from brokerdesk.core.importing.matching import ContactMatcher, ServiceMatcher
from brokerdesk.core.importing.row_contacts import draft_contact
from brokerdesk.core.models import Branch, LibraryService, Participation, Programme
from brokerdesk.core.services.fields import Field, validate
from brokerdesk.core.services.library_services import LibraryServiceService
from brokerdesk.core.services.programmes import ParticipationService


def _postcode(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "").upper()


# Every library in the UK lies inside this box (Scilly to Unst, Fermanagh to Lowestoft), so a
# coordinate outside it is a typo, a swapped pair or another grid (eastings), never a library.
UK_BOUNDS = {"latitude": (49.8, 60.9), "longitude": (-8.2, 1.8)}
_MARGIN = 0.2


def coordinate_problem(name: str, text: str) -> str | None:
    """Why ``text`` cannot be a UK library's latitude or longitude, or None when it can."""
    label = name.title()
    try:
        number = float(text)
    except ValueError:
        return f"{label}: '{text}' is not a number."
    if not math.isfinite(number):
        return f"{label}: '{text}' is not a number (give degrees, such as 51.45 or -2.58)."
    low, high = UK_BOUNDS[name]
    if not low - _MARGIN <= number <= high + _MARGIN:
        return (
            f"{label}: {text} is outside the UK ({name}s {low:g} to {high:g}); check that "
            "latitude and longitude are not swapped and are in degrees"
        )
    return None


class LibraryServiceImporter(Importer):
    """Contact details and membership of existing services; never creates or re-codes one.

    Library services come from the shipped reference data. A row that names no known service
    is refused rather than creating a new authority from a typo.
    """

    kind = "library_services"
    noun = "library services"
    model = LibraryService
    fields = tuple(
        f
        for f in LibraryServiceService.fields
        if f.name in ("website", "email", "phone", "notes", "is_member")
    )
    lookups = frozenset({"service", "service_code"})
    one_of = (("service", "service_code"),)
    default_on_match = "update"
    targets = (
        *SERVICE_TARGETS,
        Target("website", "Website", ("Service URL", "Web site", "URL", "Web address")),
        Target("email", "Email", ("Email address", "E-mail", "Contact email")),
        Target("phone", "Phone", ("Telephone", "Tel", "Phone number")),
        Target("notes", "Notes", ("Comments",)),
        Target("is_member", "Member", ("Is member", "Membership", "Member service")),
    )

    def __init__(self, session: Session, options: ImportOptions) -> None:
        super().__init__(session, options)
        self.services = ServiceMatcher(session)

    def resolve(self, plan: RowPlan, source: dict[str, str], values: dict[str, Any]) -> Any:
        if "service" not in source and "service_code" not in source:
            return plan.refuse("The row names no library service (GSS code or name).")
        plan.record_id = resolve_service(self, plan, source)
        return plan.record_id

    def validated(self, plan: RowPlan, values: dict[str, Any]) -> dict[str, Any]:
        try:
            return validate(self.fields, values, partial=True)
        except ValidationError as exc:
            for message in exc.field_errors.values():
                plan.refuse(message)
            return {}

    def decide(self, plan: RowPlan) -> RowPlan:
        if self.on_match == "create":
            return plan.refuse("Library services are never created by an import.")
        plan.action = "update" if self.on_match == "update" and plan.values else "skip"
        if self.on_match == "update" and not plan.values:
            plan.warnings.append("Nothing to change in this library service; skipped.")
        return plan


class BranchImporter(Importer):
    kind = "branches"
    noun = "branches"
    model = Branch
    fields = (
        Field("service_id", "Library service", "int", required=True),
        Field("name", "Name", required=True, max_length=200),
        Field("branch_type", "Type", max_length=60),
        Field("address", "Address", max_length=300),
        Field("postcode", "Postcode", max_length=10),
        Field("uprn", "UPRN", max_length=20),
        Field("latitude", "Latitude", "text", max_length=30),
        Field("longitude", "Longitude", "text", max_length=30),
        Field("statutory", "Statutory", "bool"),
        Field("year_opened", "Year opened", "int", minimum=1000),
        Field("year_closed", "Year closed", "int", minimum=1000),
        Field("source_key", "Source key", max_length=400),
    )
    lookups = frozenset({"service", "service_code"})
    targets = (
        *SERVICE_TARGETS,
        Target("name", "Name", ("Library name", "Branch", "Branch name", "Library"), required=True),
        Target("branch_type", "Type", ("Type of library", "Branch type", "Library type")),
        Target("address", "Address", ("Address 1", "Address line 1", "Street")),
        Target("postcode", "Postcode", ("Post code", "Postal code")),
        Target("uprn", "UPRN", ("Unique property reference number",)),
        Target("latitude", "Latitude", ("Lat",)),
        Target("longitude", "Longitude", ("Long", "Lon", "Lng")),
        Target("statutory", "Statutory", ("Statutory in 2023",)),
        Target("year_opened", "Year opened", ("Opened",)),
        Target("year_closed", "Year closed", ("Closed",)),
        Target("source_key", "Source key", ("Source ID", "Branch ID")),
    )

    def __init__(self, session: Session, options: ImportOptions) -> None:
        super().__init__(session, options)
        self.services = ServiceMatcher(session)
        self.existing: dict[Any, int] = {}
        for bid, sid, name, postcode, address, uprn, key in session.execute(
            select(
                Branch.id,
                Branch.service_id,
                Branch.name,
                Branch.postcode,
                Branch.address,
                Branch.uprn,
                Branch.source_key,
            )
        ):
            self.existing[("key", key)] = bid
            place = (match_key(name), _postcode(postcode), match_key(address or ""), uprn or "")
            self.existing[(sid, *place)] = bid

    def resolve(self, plan: RowPlan, source: dict[str, str], values: dict[str, Any]) -> Any:
        sid = resolve_service(self, plan, source)
        if sid is None:
            if plan.action not in ("refuse", "review"):
                plan.refuse("The row names no library service.")
            return None
        values["service_id"] = sid
        for name in ("latitude", "longitude"):
            if name in values:
                problem = coordinate_problem(name, values[name])
                if problem:
                    plan.refuse(problem)
                    continue
                values[name] = str(float(values[name]))
        key = (
            sid,
            match_key(source.get("name", "")),
            _postcode(source.get("postcode")),
            match_key(source.get("address", "")),
            source.get("uprn", ""),
        )
        gss = self.services.labels[sid].rsplit("(", 1)[-1].rstrip(")")
        values.setdefault("source_key", f"import:{gss}:{'|'.join(key[1:])}"[:400])
        plan.record_id = self.existing.get(("key", values["source_key"])) or self.existing.get(key)
        return key

    def validated(self, plan: RowPlan, values: dict[str, Any]) -> dict[str, Any]:
        cleaned = super().validated(plan, values)
        for name in ("latitude", "longitude"):
            if cleaned.get(name) is not None:
                cleaned[name] = float(cleaned[name])
        return cleaned


class ParticipationImporter(Importer):
    """A sign-up sheet: one row per library service (or branch) taking part in a programme."""

    kind = "participations"
    noun = "participations"
    model = Participation
    fields = ParticipationService.fields
    defaults = ParticipationService.defaults
    lookups = frozenset(
        {"service", "service_code", "programme", "branch", "local_contact", *row_contacts.FIELDS}
    )
    one_of = (("service", "service_code"), ("programme",))  # or options.programme_id
    contact_link = "local_contact_id"
    targets = (
        *SERVICE_TARGETS,
        Target("programme", "Programme", ("Programme name", "Project")),
        Target("branch", "Branch", ("Branch name", "Library name")),
        Target("stage", "Stage", ("Status", "Participation stage")),
        Target("start_date", "Starts", ("Start", "Start date", "From")),
        Target("end_date", "Ends", ("End", "End date", "To", "Until")),
        Target(
            "local_contact",
            "Local contact email",
            ("Contact email", "Email", "Email address", "Local contact"),
        ),
        row_contacts.NAME,
        row_contacts.PHONE,
        Target("reach", "People reached", ("Reach", "Participants", "Attendance")),
        Target("sessions", "Sessions", ("Number of sessions", "Events")),
        Target("notes", "Notes", ("Comments", "Comment")),
    )

    def __init__(self, session: Session, options: ImportOptions) -> None:
        super().__init__(session, options)
        self.services = ServiceMatcher(session)
        self.contacts = ContactMatcher(session)
        self.programmes = {
            key: pid
            for pid, name in session.execute(select(Programme.id, Programme.name))
            if (key := match_key(name))
        }
        if options.programme_id is not None:
            found = session.scalar(select(func.count()).where(Programme.id == options.programme_id))
            if not found:
                raise ValidationError({"programme": "The chosen programme no longer exists."})
        self.existing: dict[tuple[int, int, int], int] = {
            (pr, sv, br or 0): pid
            for pid, pr, sv, br in session.execute(
                select(
                    Participation.id,
                    Participation.programme_id,
                    Participation.service_id,
                    Participation.branch_id,
                )
            )
        }
        self._branches: dict[int, dict[str, int]] = {}
        self._programme_names: dict[str, int | None] = {}

    def write(self, creates: Sequence[dict[str, Any]], updates: Sequence[RowPlan]) -> Sequence[int]:
        """Write as every importer does, then bring the reach and sessions written into their
        measures (``core.services.measures``)."""
        created = super().write(creates, updates)
        programmes = {int(row["programme_id"]) for row in creates if row.get("programme_id")}
        changed = [p.record_id for p in updates if p.record_id is not None]
        if changed:
            programmes |= set(
                self.session.scalars(
                    select(Participation.programme_id).where(Participation.id.in_(changed))
                )
            )
        if programmes:
            measures.adopt_column_figures(self.session, sorted(programmes))
        return created

    def resolve(self, plan: RowPlan, source: dict[str, str], values: dict[str, Any]) -> Any:
        programme_id = self.options.programme_id
        if "programme" in source:
            text = source["programme"]
            if text not in self._programme_names:
                self._programme_names[text] = self.programmes.get(match_key(text))
            programme_id = self._programme_names[text]
            if programme_id is None and text.isdigit():
                programme_id = int(text) if int(text) in self.programmes.values() else None
            if programme_id is None:  # the service is still checked: every reason at once
                plan.refuse(f"Programme: there is no programme called '{text}'.")
        elif programme_id is None:
            plan.refuse("Say which programme: map a Programme column or choose one.")
        values["programme_id"] = programme_id
        if "stage" not in values and self.options.stage:
            values["stage"] = self.options.stage
        sid = resolve_service(self, plan, source)
        if sid is None:
            if plan.action not in ("refuse", "review"):
                plan.refuse("The row names no library service.")
            return None
        values["service_id"] = sid
        if programme_id is None:
            return None
        branch_id = None
        if "branch" in source:
            branch_id = self._branch(sid, source["branch"])
            if branch_id is None:
                plan.refuse(
                    f"Branch: {self.services.labels[sid]} has no branch called "
                    f"'{source['branch']}'."
                )
            values["branch_id"] = branch_id
        contact = draft_contact(self, plan, source, "local_contact")
        if contact is not None:
            values["local_contact_id"] = contact
        key = (programme_id, sid, branch_id or 0)
        plan.record_id = self.existing.get(key)
        return key

    def _branch(self, service_id: int, name: str) -> int | None:
        if service_id not in self._branches:
            self._branches[service_id] = {
                key: bid
                for bid, n in self.session.execute(
                    select(Branch.id, Branch.name).where(Branch.service_id == service_id)
                )
                if (key := match_key(n))
            }
        return self._branches[service_id].get(match_key(name))


IMPORTERS: dict[str, type[Importer]] = {}


def _register() -> None:
    from brokerdesk.core.importing.kinds_agreements import AgreementImporter
    from brokerdesk.core.importing.kinds_grants import GrantImporter
    from brokerdesk.core.importing.kinds_people import (
        ContactImporter,
        InteractionImporter,
        PartnerImporter,
        ProgrammeImporter,
    )

    for cls in (
        PartnerImporter,
        ContactImporter,
        LibraryServiceImporter,
        BranchImporter,
        ProgrammeImporter,
        ParticipationImporter,
        InteractionImporter,
        AgreementImporter,
        GrantImporter,
    ):
        IMPORTERS[cls.kind] = cls


_register()
KINDS: tuple[str, ...] = tuple(IMPORTERS)
