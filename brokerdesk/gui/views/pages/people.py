"""Contact and interaction pages: who a person is and what a conversation was about, with
links to the partner, library service and programme they belong to."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from brokerdesk.core import clock
from brokerdesk.core import vocabulary as v
from brokerdesk.core.errors import NotFoundError
from brokerdesk.core.models import Contact, Interaction, LibraryService, Partner, Programme
from brokerdesk.gui.models.rows import RowColumn
from brokerdesk.gui.views.pages import columns
from brokerdesk.gui.views.pages.base import RecordPage

LINK_COLUMNS = (RowColumn("kind", "Kind"), RowColumn("name", "Name"))
KINDS = {
    "partner": "Partner",
    "library_service": "Library service",
    "programme": "Programme",
    "contact": "Contact",
}


def _links(session: Any, values: dict[str, Any]) -> list[dict[str, Any]]:
    """The records a contact or interaction points at, as rows of the Links table."""
    rows = []
    for key, entity, model, name in (
        ("partner_id", "partner", Partner, Partner.name),
        ("service_id", "library_service", LibraryService, LibraryService.nice_name),
        ("programme_id", "programme", Programme, Programme.name),
        ("contact_id", "contact", Contact, Contact.full_name),
    ):
        ref = values.get(key)
        if ref is not None:
            label = session.scalar(select(name).where(model.id == ref))
            rows.append({"kind": KINDS[entity], "name": label, "entity": entity, "id": ref})
    return rows


class LinksPage(RecordPage):
    """A page whose Links table opens records of several kinds."""

    def open_link(self, entity: str, row_id: int) -> None:
        for row in self.links.rows_model.rows:
            if row["id"] == row_id:
                self.open_requested.emit(str(row["entity"]), row_id)
                return

    def add_links_table(self) -> None:
        self.links = self.add_table("Links", LINK_COLUMNS, "link")
        self.links.opened.disconnect()
        self.links.opened.connect(lambda _e, _i: self._open_current_link())

    def _open_current_link(self) -> None:
        index = self.links.currentIndex()
        if index.isValid():
            row = self.links.rows_model.row_at(index.row())
            self.open_requested.emit(str(row["entity"]), int(row["id"]))


class ContactPage(LinksPage):
    entity = "contact"
    watches = frozenset({"partner", "library_service", "interaction"})

    def build(self) -> None:
        self.add_button("&Log interaction…", self._log, shortcut="Ctrl+I")
        self.add_links_table()
        self.interactions = self.add_table("Interactions", columns.INTERACTIONS, "interaction")

    def fetch(self) -> dict[str, Any]:
        with self.ctx.db.read() as session:
            contact = session.get(Contact, self.record_id)
            if contact is None:
                raise NotFoundError("The contact no longer exists.")
            values = self.ctx.services.contacts.values_of(session, contact)
            links = _links(session, values)
            interactions = [
                {
                    "id": i.id,
                    "occurred_on": i.occurred_on,
                    "kind": i.kind,
                    "subject": i.subject,
                    "by_whom": i.by_whom,
                    "follow_up_on": i.follow_up_on,
                }
                for i in session.scalars(
                    select(Interaction)
                    .where(Interaction.contact_id == self.record_id)
                    .order_by(Interaction.occurred_on.desc())
                    .limit(50)
                )
            ]
        return {"values": values, "links": links, "interactions": interactions}

    def fill(self, data: dict[str, Any]) -> None:
        c = data["values"]
        self.heading.setText(c["full_name"])
        self.heading.setAccessibleName(self.tr("Contact: {0}").format(c["full_name"]))
        self.subtitle.setText(c.get("role") or "")
        self.set_details(
            [("Email", c.get("email")), ("Phone", c.get("phone")), ("Notes", c.get("notes"))]
        )
        self.set_table_rows(self.links, data["links"])
        self.set_table_rows(self.interactions, data["interactions"])
        self._values = c

    def _log(self) -> None:
        from brokerdesk.gui.dialogs.record_form import open_record_form

        initial: dict[str, Any] = {"contact_id": self.record_id, "occurred_on": clock.today()}
        for key in ("partner_id", "service_id"):
            if self._values.get(key) is not None:
                initial[key] = self._values[key]
        open_record_form(self.ctx, "interaction", None, self, initial)


class InteractionPage(LinksPage):
    entity = "interaction"
    watches = frozenset({"partner", "library_service", "programme", "contact"})

    def build(self) -> None:
        self.add_links_table()

    def fetch(self) -> dict[str, Any]:
        with self.ctx.db.read() as session:
            interaction = session.get(Interaction, self.record_id)
            if interaction is None:
                raise NotFoundError("The interaction no longer exists.")
            values = self.ctx.services.interactions.values_of(session, interaction)
            return {"values": values, "links": _links(session, values)}

    def fill(self, data: dict[str, Any]) -> None:
        i = data["values"]
        self.heading.setText(i["subject"])
        self.heading.setAccessibleName(self.tr("Interaction: {0}").format(i["subject"]))
        kind = v.INTERACTION_KIND_LABELS.get(i["kind"], i["kind"])
        self.subtitle.setText(f"{kind} · {i['occurred_on']:%d %b %Y}")
        follow = i.get("follow_up_on")
        follow_text = (
            f"{follow:%d %b %Y}" + (" (done)" if i.get("follow_up_done") else " (not done yet)")
            if follow
            else ""
        )
        self.set_details(
            [
                ("Logged by", i.get("by_whom")),
                ("Follow up on", follow_text),
                ("Notes", i.get("notes")),
            ]
        )
        self.set_table_rows(self.links, data["links"])
