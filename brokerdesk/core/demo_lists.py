"""The demo's tags beyond partners, and its static lists (issue #20).

Picked in a fixed order (no random draws, so the rest of the demo is as it was): the pilot
programmes and the services taking part in them, the people invited to the board, the
meetings kept as evidence for funders.
"""

from __future__ import annotations

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from brokerdesk.core.models import (
    Contact,
    ContactTag,
    Interaction,
    InteractionTag,
    LibraryServiceTag,
    Participation,
    Partner,
    Programme,
    ProgrammeTag,
    StaticList,
    StaticListMember,
    Tag,
)


def _tag(session: Session, name: str) -> int:
    found = session.scalar(select(Tag.id).where(Tag.name == name))
    if found is not None:
        return found
    return int(session.scalars(insert(Tag).returning(Tag.id), [{"name": name}]).one())


def _static_list(session: Session, entity: str, name: str, ids: list[int]) -> None:
    list_id = session.scalars(
        insert(StaticList).returning(StaticList.id),
        [{"entity": entity, "name": name, "version_id": 1}],
    ).one()
    if ids:
        session.execute(
            insert(StaticListMember), [{"list_id": list_id, "record_id": i} for i in ids]
        )


def tags_and_lists(session: Session) -> None:
    """Tag a few programmes, services, contacts and interactions; make one list per kind."""
    pilot, board, evidence = (
        _tag(session, "pilot"),
        _tag(session, "board"),
        _tag(session, "evidence"),
    )
    live = list(
        session.scalars(
            select(Programme.id).where(Programme.status == "live").order_by(Programme.id).limit(3)
        )
    )
    if live:
        session.execute(insert(ProgrammeTag), [{"programme_id": p, "tag_id": pilot} for p in live])
    services = list(
        session.scalars(
            select(Participation.service_id)
            .where(Participation.programme_id.in_(live))
            .distinct()
            .order_by(Participation.service_id)
            .limit(12)
        )
    )
    if services:
        session.execute(
            insert(LibraryServiceTag),
            [{"library_service_id": s, "tag_id": pilot} for s in services],
        )
    partners = list(
        session.scalars(
            select(Partner.id).where(Partner.status == "active").order_by(Partner.id).limit(6)
        )
    )
    invitees = list(
        session.scalars(
            select(Contact.id).where(Contact.partner_id.in_(partners)).order_by(Contact.id).limit(8)
        )
    )
    if invitees:
        session.execute(insert(ContactTag), [{"contact_id": c, "tag_id": board} for c in invitees])
    meetings = list(
        session.scalars(
            select(Interaction.id)
            .where(Interaction.kind == "meeting")
            .order_by(Interaction.occurred_on.desc(), Interaction.id)
            .limit(10)
        )
    )
    if meetings:
        session.execute(
            insert(InteractionTag), [{"interaction_id": i, "tag_id": evidence} for i in meetings]
        )
    _static_list(session, "partner", "Board invitees 2026", partners)
    _static_list(session, "contact", "Board invitees 2026", invitees)
    _static_list(session, "library_service", "Pilot services", services)
    _static_list(session, "programme", "Annual report 2026", live)
    _static_list(session, "interaction", "Evidence for funders", meetings[:6])
