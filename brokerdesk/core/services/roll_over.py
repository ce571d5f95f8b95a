"""Roll over: next year's round of a programme, made from this one in one step.

The new round keeps the offer areas, the partners and their roles, the target and the
measures; its name, round label and dates move on a year; it starts as an idea. Library
services come with it at the stage the user chooses, those the user chooses (say, every
service taking part, as "invited"), with their branch and local contact. A programme that is
no round of a series yet becomes the first round of a new series named after it.

It is one transaction; the Change names the new programme (and the series, when one was
made), and undo deletes exactly those (``gui.series.RollOverCommand``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

import brokerdesk.core.services.measures as measures
from brokerdesk.core import audit, clock
from brokerdesk.core import models as m
from brokerdesk.core.db import Database
from brokerdesk.core.errors import NotFoundError, ValidationError
from brokerdesk.core.services.records import Change

_YEAR = re.compile(r"\b((?:19|20)\d\d)(?:([/-])(\d\d))?\b")


@dataclass(frozen=True)
class RollOverPlan:
    """What the user chose.

    Attributes:
        bring: the stages whose library services come along (empty: none come).
        stage: the stage they start at in the new round.
    """

    bring: frozenset[str]
    stage: str = "invited"


def next_year_text(text: str, fallback_year: int) -> str:
    """ "Summer Reading Challenge 2025" -> "… 2026"; "2025/26" -> "2026/27"; a text with no
    year gets ``fallback_year`` added at the end."""

    def bump(match: re.Match[str]) -> str:
        year = int(match[1]) + 1
        if match[2]:
            return f"{year}{match[2]}{(int(match[3]) + 1) % 100:02d}"
        return str(year)

    bumped, count = _YEAR.subn(bump, text)
    return bumped if count else f"{text} {fallback_year}".strip()


def a_year_on(day: dt.date | None) -> dt.date | None:
    if day is None:
        return None
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def series_name(programme_name: str) -> str:
    """The series a programme's name suggests: its name without the year."""
    return re.sub(r"\s{2,}", " ", _YEAR.sub("", programme_name)).strip(" -–:") or programme_name


def _unique_name(session: Session, wanted: str) -> str:
    name, n = wanted, 2
    while session.scalar(select(m.Programme.id).where(m.Programme.name == name)) is not None:
        name, n = f"{wanted} ({n})", n + 1
    return name


def roll_over(db: Database, programme_id: int, plan: RollOverPlan) -> Change:
    """Make next year's round of a programme (see the module's docstring).

    Returns:
        Change("programme", "create") of the new round. ``after["series_made"]`` is the id of
        the series made for it, ``after["joined"]`` the id of the programme rolled over when
        it became a round only now (else None each), so that undo can put both back.
    """
    unknown = set(plan.bring) - set(m.PARTICIPATION_STAGES)
    if unknown or plan.stage not in m.PARTICIPATION_STAGES:
        raise ValidationError({"stage": "Choose stages from the list."})
    with db.write() as session:
        source = session.get(m.Programme, programme_id)
        if source is None:
            raise NotFoundError(f"The programme #{programme_id} no longer exists.")
        series_made = joined = None
        if source.round is None:
            joined = source.id
            wanted = series_name(source.name)
            series = session.scalar(select(m.Series).where(m.Series.name == wanted))
            if series is None:
                series = m.Series(name=wanted)
                session.add(series)
                session.flush()
                series_made = series.id
            source.series_id = series.id
            year = source.start_date.year if source.start_date else clock.today().year
            source.round_label = str(year)
        assert source.round is not None
        start_year = (source.start_date.year if source.start_date else clock.today().year) + 1
        new = m.Programme(
            name=_unique_name(session, next_year_text(source.name, start_year)),
            offer_area_id=source.offer_area_id,
            status="idea",
            start_date=a_year_on(source.start_date),
            end_date=a_year_on(source.end_date),
            description=source.description,
            target_services=source.target_services,
        )
        new.secondary_offer_areas = list(source.secondary_offer_areas)
        new.partner_links = [
            m.ProgrammePartner(partner_id=link.partner_id, role=link.role)
            for link in source.partner_links
        ]
        session.add(new)
        session.flush()
        new.series_id = source.round.series_id
        new.round_label = next_year_text(source.round.label or "", start_year)
        measures.set_declared(
            session, new.id, [(x.name, x.unit) for x in measures.declared(session, source.id)]
        )
        brought = _bring(session, source.id, new.id, plan)
        session.flush()
        if brought:
            audit.record(
                session,
                "create",
                "participation",
                f"{brought} library services brought into {new.name} from {source.name}",
                None,
                {"programme_id": new.id, "rolled_over_from": source.id, "stage": plan.stage},
            )
        new_id = new.id
    return Change(
        "programme",
        "create",
        (new_id,),
        after={"series_made": series_made, "joined": joined, "library_services": brought},
        touched=frozenset({"series", "participation", "programme_partner"}),
    )


def _bring(session: Session, source_id: int, new_id: int, plan: RollOverPlan) -> int:
    if not plan.bring:
        return 0
    rows = session.execute(
        select(
            m.Participation.service_id, m.Participation.branch_id, m.Participation.local_contact_id
        )
        .where(
            m.Participation.programme_id == source_id,
            m.Participation.stage.in_(sorted(plan.bring)),
        )
        .order_by(m.Participation.id)
    ).all()
    values = [
        {
            "programme_id": new_id,
            "service_id": service_id,
            "branch_id": branch_id,
            "local_contact_id": contact_id,
            "stage": plan.stage,
            "version_id": 1,
        }
        for service_id, branch_id, contact_id in rows
    ]
    if values:
        session.execute(insert(m.Participation), values)
    return len({v["service_id"] for v in values})


def stages_taking_part() -> Iterable[str]:
    """Every stage but withdrawn: the usual choice of who comes along."""
    return tuple(s for s in m.PARTICIPATION_STAGES if s != "withdrawn")
