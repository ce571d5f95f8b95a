"""Programmes, the partners' roles in them, and their participations (links to services).

Participations are where the team spends its day: linking many services at once, moving many
of them to the next stage, and undoing either. The bulk operations here each run in one
transaction and return enough in their :class:`Change` for an exact undo.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, ClassVar

from sqlalchemy import and_, func, insert, select, update
from sqlalchemy.orm import Session

import brokerdesk.core.services.measures as measures
from brokerdesk.core import audit, models
from brokerdesk.core import vocabulary as v
from brokerdesk.core.errors import BrokerDeskError, NotFoundError, ValidationError
from brokerdesk.core.models import (
    Branch,
    Contact,
    LibraryService,
    OfferArea,
    Participation,
    Partner,
    Programme,
    ProgrammePartner,
    Series,
)
from brokerdesk.core.services.fields import Field, check_date_order, validate
from brokerdesk.core.services.records import Change, RecordService
from brokerdesk.core.tagging import set_tags, tag_names


class ProgrammeService(RecordService[Programme]):
    model = Programme
    label = "programme"
    fields = (
        Field("name", "Name", required=True, max_length=200),
        Field("offer_area_id", "Offer area", "int", required=True),
        Field("status", "Status", "choice", required=True, choices=v.PROGRAMME_STATUS_LABELS),
        Field("start_date", "Starts", "date"),
        Field("end_date", "Ends", "date"),
        Field("description", "Description", "longtext"),
        Field("budget", "Budget (£)", "decimal", minimum=0),
        Field("target_services", "Target (library services)", "int", minimum=0),
        Field("series_id", "Series", "int"),
        Field("round_label", "Round", max_length=40),
    )
    defaults: ClassVar[Mapping[str, Any]] = {"status": "idea"}
    extra_fields: ClassVar[frozenset[str]] = frozenset(
        {"secondary_offer_area_ids", "partners", "tags", "measures"}
    )

    def check(self, session: Session, values: Mapping[str, Any], record_id: int | None) -> None:
        check_date_order(values)
        if session.get(OfferArea, values["offer_area_id"]) is None:
            raise ValidationError({"offer_area_id": "Choose an offer area."})
        series_id = values.get("series_id")
        if series_id is not None and session.get(Series, series_id) is None:
            raise ValidationError({"series_id": "Choose a series that exists."})
        if values.get("round_label") and series_id is None:
            raise ValidationError({"round_label": "A round belongs to a series: choose one."})

    def apply_extra(self, session: Session, obj: Any, extra: Mapping[str, Any]) -> None:
        if "secondary_offer_area_ids" in extra:
            ids = set(extra["secondary_offer_area_ids"] or [])
            ids.discard(obj.offer_area_id)
            areas = list(session.scalars(select(OfferArea).where(OfferArea.id.in_(ids))))
            if len(areas) != len(ids):
                raise ValidationError(
                    {"secondary_offer_area_ids": "A secondary offer area no longer exists."}
                )
            obj.secondary_offer_areas = sorted(areas, key=lambda a: a.sort_order)
        if "partners" in extra:
            self._set_partners(session, obj, extra["partners"] or [])
        if "tags" in extra:
            set_tags(session, obj, extra["tags"])
        if "measures" in extra:
            session.flush()
            measures.set_declared(session, obj.id, measures.parse_declarations(extra["measures"]))

    def _set_partners(
        self, session: Session, obj: Programme, pairs: Sequence[tuple[int, str]]
    ) -> None:
        wanted: dict[int, str] = {}
        for partner_id, role in pairs:
            if role not in models.PARTNER_ROLES:
                raise ValidationError({"partners": f"'{role}' is not a partner role."})
            if session.get(Partner, partner_id) is None:
                raise ValidationError({"partners": "A partner no longer exists."})
            wanted[int(partner_id)] = role
        existing = {link.partner_id: link for link in obj.partner_links}
        for partner_id, link in existing.items():
            if partner_id not in wanted:
                obj.partner_links.remove(link)
            elif link.role != wanted[partner_id]:
                link.role = wanted[partner_id]
        for partner_id, role in wanted.items():
            if partner_id not in existing:
                obj.partner_links.append(ProgrammePartner(partner_id=partner_id, role=role))

    def extra_values(self, session: Session, obj: Any) -> dict[str, Any]:
        return {
            "secondary_offer_area_ids": [a.id for a in obj.secondary_offer_areas],
            "partners": sorted((link.partner_id, link.role) for link in obj.partner_links),
            "tags": tag_names(obj),
            "measures": [(m.name, m.unit) for m in measures.declared(session, obj.id)],
        }

    def id_named(self, text: str) -> int:
        """The programme someone means by its id or its name, in any case (as typed at the
        command line); BrokerDeskError in a sentence when none or several are meant."""
        with self.db.read() as session:
            if text.isdigit() and session.get(Programme, int(text)) is not None:
                return int(text)
            found = list(
                session.scalars(select(Programme.id).where(Programme.name.ilike(text.strip())))
            )
        if len(found) == 1:
            return found[0]
        if not found:
            raise BrokerDeskError(f"There is no programme '{text}'.")
        raise BrokerDeskError(f"Several programmes are called '{text}'; give its id instead.")


class ParticipationService(RecordService[Participation]):
    model = Participation
    label = "participation"
    fields = (
        Field("programme_id", "Programme", "int", required=True),
        Field("service_id", "Library service", "int", required=True),
        Field("branch_id", "Branch", "int"),
        Field("stage", "Stage", "choice", required=True, choices=v.STAGE_LABELS),
        Field("start_date", "Starts", "date"),
        Field("end_date", "Ends", "date"),
        Field("local_contact_id", "Local contact", "int"),
        Field("reach", "People reached", "int", minimum=0),
        Field("sessions", "Sessions", "int", minimum=0),
        Field("notes", "Notes", "longtext"),
    )
    defaults: ClassVar[Mapping[str, Any]] = {"stage": "invited"}
    # {measure id: value} for the programme's measures (core.services.measures); reach and
    # sessions above are two of them, kept in step both ways.
    extra_fields: ClassVar[frozenset[str]] = frozenset({"measure_values"})

    def apply_extra(self, session: Session, obj: Any, extra: Mapping[str, Any]) -> None:
        measures.mirror_columns(session, obj)
        if extra.get("measure_values"):
            measures.set_values(session, obj, extra["measure_values"])

    def extra_values(self, session: Session, obj: Any) -> dict[str, Any]:
        """Every declared measure's value (None where none is recorded), so that an undo puts
        back exactly what was there."""
        recorded = measures.values_of(session, obj.id) if obj.id else {}
        return {
            "measure_values": {
                m.id: recorded.get(m.id) for m in measures.declared(session, obj.programme_id)
            }
        }

    def own_measures(self, participation_id: int) -> list[tuple[int, str]]:
        """(id, heading) of the measures its programme declares, but for reach and sessions
        (fields of their own): what the participation form asks figures for."""
        with self.db.read() as session:
            obj = self._load(session, participation_id)
            return [
                (m.id, m.heading)
                for m in measures.declared(session, obj.programme_id)
                if m.name not in measures.MEASURE_COLUMNS
            ]

    def check(self, session: Session, values: Mapping[str, Any], record_id: int | None) -> None:
        check_date_order(values)
        if session.get(Programme, values["programme_id"]) is None:
            raise ValidationError({"programme_id": "Choose a programme that exists."})
        if session.get(LibraryService, values["service_id"]) is None:
            raise ValidationError({"service_id": "Choose a library service that exists."})
        branch_id = values.get("branch_id")
        if branch_id is not None:
            branch = session.get(Branch, branch_id)
            if branch is None or branch.service_id != values["service_id"]:
                raise ValidationError({"branch_id": "Choose a branch of this library service."})
        contact_id = values.get("local_contact_id")
        if contact_id is not None and session.get(Contact, contact_id) is None:
            raise ValidationError({"local_contact_id": "Choose a contact that exists."})
        duplicate = select(Participation.id).where(
            Participation.programme_id == values["programme_id"],
            Participation.service_id == values["service_id"],
            func.coalesce(Participation.branch_id, 0) == (branch_id or 0),
        )
        if record_id is not None:
            duplicate = duplicate.where(Participation.id != record_id)
        if session.scalar(duplicate) is not None:
            raise ValidationError(
                {"service_id": "This library service already takes part in the programme."}
            )

    def link_services(
        self,
        programme_id: int,
        service_ids: Iterable[int],
        stage: str = "invited",
        values: Mapping[str, Any] | None = None,
    ) -> Change:
        """Link many services to a programme at once; those already linked are left alone.

        Returns a Change whose ``ids`` are the new participations (undo deletes exactly them).
        """
        extra = validate(
            [f for f in self.fields if f.name in ("start_date", "end_date", "notes", "stage")],
            {**(values or {}), "stage": stage},
            partial=True,
        )
        check_date_order(extra)
        wanted = sorted(set(service_ids))
        with self.db.write() as session:
            programme = session.get(Programme, programme_id)
            if programme is None:
                raise NotFoundError("The programme no longer exists.")
            known = set(
                session.scalars(select(LibraryService.id).where(LibraryService.id.in_(wanted)))
            )
            if len(known) != len(wanted):
                raise ValidationError({"service_id": "A library service no longer exists."})
            already = set(
                session.scalars(
                    select(Participation.service_id).where(
                        Participation.programme_id == programme_id,
                        Participation.branch_id.is_(None),
                        Participation.service_id.in_(wanted),
                    )
                )
            )
            new = [sid for sid in wanted if sid not in already]
            rows = [
                {"programme_id": programme_id, "service_id": sid, "version_id": 1, **extra}
                for sid in new
            ]
            if rows:
                session.execute(insert(Participation), rows)
            ids = tuple(
                session.scalars(
                    select(Participation.id).where(
                        Participation.programme_id == programme_id,
                        Participation.branch_id.is_(None),
                        Participation.service_id.in_(new),
                    )
                )
            )
            if ids:
                audit.record(
                    session,
                    "create",
                    "participation",
                    f"{len(ids)} library services linked to {programme.name}",
                    None,
                    {
                        "programme_id": programme_id,
                        "participation_ids": list(ids),
                        "service_ids": new,
                        "stage": stage,
                    },
                )
        return Change("participation", "create", ids, after={"stage": stage})

    def set_stage(self, participation_ids: Iterable[int], stage: str) -> Change:
        """Move many participations to one stage; ``before`` keeps each old stage for undo."""
        if stage not in models.PARTICIPATION_STAGES:
            raise ValidationError({"stage": f"'{stage}' is not a stage."})
        return self.set_stages(dict.fromkeys(participation_ids, stage))

    def set_stages(self, stages: Mapping[int, str]) -> Change:
        """Set each participation's own stage (redo and undo of a bulk stage change)."""
        for stage in stages.values():
            if stage not in models.PARTICIPATION_STAGES:
                raise ValidationError({"stage": f"'{stage}' is not a stage."})
        ids = sorted(stages)
        with self.db.write() as session:
            rows = session.execute(
                select(Participation.id, Participation.stage).where(Participation.id.in_(ids))
            ).all()
            if len(rows) != len(ids):
                raise NotFoundError("Some of these participations no longer exist.")
            before = {pid: old for pid, old in rows}
            for target in sorted(set(stages.values())):
                chosen = [pid for pid in ids if stages[pid] == target and before[pid] != target]
                if chosen:
                    session.execute(
                        update(Participation)
                        .where(and_(Participation.id.in_(chosen)))
                        .values(
                            stage=target,
                            version_id=Participation.version_id + 1,
                            updated_at=models.utcnow(),
                        )
                        .execution_options(synchronize_session=False)
                    )
            changed = {pid: stages[pid] for pid in ids if before[pid] != stages[pid]}
            if changed:
                audit.record(
                    session,
                    "update",
                    "participation",
                    f"Stage changed for {len(changed)} participations",
                    None,
                    {str(pid): [before[pid], new] for pid, new in changed.items()},
                )
        return Change(
            "participation",
            "bulk",
            tuple(changed),
            before={str(pid): before[pid] for pid in changed},
            after={str(pid): new for pid, new in changed.items()},
        )

    def unlink(self, participation_ids: Iterable[int]) -> Change:
        """Remove participations (undo of a bulk link); the snapshot can put them back."""
        return self.delete(list(participation_ids))


class ProgrammePartnerService(RecordService[ProgrammePartner]):
    model = ProgrammePartner
    label = "partner role"
    fields = (
        Field("programme_id", "Programme", "int", required=True),
        Field("partner_id", "Partner", "int", required=True),
        Field("role", "Role", "choice", required=True, choices=v.PARTNER_ROLE_LABELS),
    )
    defaults: ClassVar[Mapping[str, Any]] = {"role": "lead"}

    def check(self, session: Session, values: Mapping[str, Any], record_id: int | None) -> None:
        if session.get(Programme, values["programme_id"]) is None:
            raise ValidationError({"programme_id": "Choose a programme that exists."})
        if session.get(Partner, values["partner_id"]) is None:
            raise ValidationError({"partner_id": "Choose a partner that exists."})
        query = select(ProgrammePartner.id).where(
            ProgrammePartner.programme_id == values["programme_id"],
            ProgrammePartner.partner_id == values["partner_id"],
        )
        if record_id is not None:
            query = query.where(ProgrammePartner.id != record_id)
        if session.scalar(query) is not None:
            raise ValidationError({"partner_id": "This partner already has a role here."})
