"""Contact and interaction pages: who a person is and what a conversation was about, with
links to the partner, library service and programme they belong to."""

from __future__ import annotations

from typing import Any

from brokerdesk.core import clock
from brokerdesk.core import vocabulary as v
from brokerdesk.core.services.people_pages import PeoplePages, PersonPage
from brokerdesk.gui import kind_words
from brokerdesk.gui.models.rows import RowColumn
from brokerdesk.gui.views.pages import columns
from brokerdesk.gui.views.pages.base import RecordPage
from brokerdesk.gui.views.pages.timeline import add_timeline

LINK_COLUMNS = (RowColumn("kind", "Kind"), RowColumn("name", "Name"))


def _links(page: PersonPage) -> list[dict[str, Any]]:
    """The records a contact or interaction points at, as rows of the Links table."""
    return [{"kind": kind_words.title(link["entity"], plural=False), **link} for link in page.links]


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
    finds_duplicates = True
    watches = frozenset({"partner", "library_service", "interaction"})

    def build(self) -> None:
        self.add_button("&Log interaction…", self._log, shortcut="Ctrl+I")
        erase = self.add_button(
            "E&rase personal data…", self._erase, "Erase this person's data everywhere (UK GDPR)"
        )
        erase.setObjectName("erase-personal-data")
        export = self.add_button(
            "Export &personal data…",
            self._export,
            "Everything held about this person, as a workbook or JSON (UK GDPR)",
        )
        export.setObjectName("export-personal-data")
        self.add_links_table()
        self.interactions = self.add_table("Interactions", columns.INTERACTIONS, "interaction")
        self.timeline = add_timeline(self)

    def fetch(self) -> dict[str, Any]:
        page = PeoplePages(self.ctx.db).contact(self.record_id)
        return {"values": page.values, "links": _links(page), "interactions": page.interactions}

    def fill(self, data: dict[str, Any]) -> None:
        c = data["values"]
        self.heading.setText(c["full_name"])
        self.heading.setAccessibleName(self.tr("Contact: {0}").format(c["full_name"]))
        self.subtitle.setText(c.get("role") or "")
        self.set_details(
            [
                ("Email", c.get("email")),
                ("Phone", c.get("phone")),
                ("Tags", ", ".join(c.get("tags") or [])),
                ("Notes", c.get("notes")),
            ]
        )
        self.set_table_rows(self.links, data["links"])
        self.set_table_rows(self.interactions, data["interactions"])
        self._values = c

    def _erase(self) -> None:
        from brokerdesk.gui.views.pages.erasure import erase_contact

        erase_contact(self)

    def _export(self) -> None:
        from brokerdesk.gui.views.pages.subject_access import export_personal_data

        export_personal_data(self)

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
        page = PeoplePages(self.ctx.db).interaction(self.record_id)
        return {"values": page.values, "links": _links(page)}

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
                ("Tags", ", ".join(i.get("tags") or [])),
                ("Notes", i.get("notes")),
            ]
        )
        self.set_table_rows(self.links, data["links"])
