"""An agreement's page: its dates and what is due, its parties, its terms; Renew and End."""

from __future__ import annotations

from typing import Any

from brokerdesk.core import vocabulary as v
from brokerdesk.core.money import format_money
from brokerdesk.gui import kind_words
from brokerdesk.gui.models.rows import RowColumn
from brokerdesk.gui.views.pages.base import RecordPage


def _day(value: Any) -> str:
    return f"{value:%d %b %Y}" if value else ""


class AgreementPage(RecordPage):
    entity = "agreement"
    watches = frozenset({"partner", "programme", "library_service", "agreement_term"})

    def build(self) -> None:
        self.renew_button = self.add_button(
            "&Renew…", self.renew, "Start a new term of this agreement"
        )
        self.renew_button.setObjectName("renew-agreement")
        self.end_button = self.add_button("E&nd…", self.end, "End this agreement")
        self.end_button.setObjectName("end-agreement")
        self.parties = self.add_table(
            "Parties", (RowColumn("kind", "Kind"), RowColumn("name", "Name")), "party"
        )
        self.parties.opened.disconnect()
        self.parties.opened.connect(lambda _e, _i: self._open_party())
        self.terms = self.add_table(
            "Terms",
            (
                RowColumn("start", "Starts"),
                RowColumn("end", "Ends"),
                RowColumn("value", "Value"),
                RowColumn("renewed_on", "Renewed on"),
                RowColumn("renewed_by", "Renewed by"),
            ),
            None,
        )

    def fetch(self) -> dict[str, Any]:
        return self.ctx.services.agreements.page(self.record_id)

    def fill(self, data: dict[str, Any]) -> None:
        self.values = data
        self.heading.setText(data["title"])
        self.heading.setAccessibleName(self.tr("Agreement: {0}").format(data["title"]))
        kind = self.tr(v.AGREEMENT_KIND_LABELS.get(data["kind"], data["kind"]))
        state = self.tr(v.AGREEMENT_STATE_LABELS.get(data["state"], data["state"]))
        self.subtitle.setText(f"{kind} · {state} · {data['partner']}")
        ended = data["status"] == "ended"
        self.set_details(
            [
                ("Partner", data["partner"]),
                ("Value", format_money(data["value"], data["currency"])),
                ("Starts", _day(data["start_date"])),
                ("Ends", _day(data["end_date"])),
                ("Renewal due", _day(data["renewal_date"])),
                ("Notice by", _day(data["notice_date"])),
                ("Due", "; ".join(data["due"])),
                ("Owner", data["owner"]),
                *([("Why it ended", data["end_reason"])] if ended else []),
                ("Notes", data["notes"]),
            ]
        )
        self.renew_button.setEnabled(not ended and not self.deleted)
        self.end_button.setEnabled(not ended and not self.deleted)
        parties = [
            {
                **p,
                "kind": kind_words.title(p["entity"], plural=False),
                "id": f"{p['entity']}:{p['id']}",
            }
            for p in data["parties"]
        ]
        self.set_table_rows(self.parties, parties)
        terms = data["terms"] or [
            {
                "id": 0,
                "start_date": data["start_date"],
                "end_date": data["end_date"],
                "value": data["value"],
                "renewed_on": None,
                "renewed_by": None,
            }
        ]
        self.set_table_rows(
            self.terms,
            [
                {
                    "id": t["id"],
                    "start": _day(t["start_date"]),
                    "end": _day(t["end_date"]),
                    "value": format_money(t["value"], data["currency"]),
                    "renewed_on": _day(t["renewed_on"]),
                    "renewed_by": t["renewed_by"] or "",
                }
                for t in terms
            ],
        )

    def _open_party(self) -> None:
        index = self.parties.currentIndex()
        if index.isValid():
            entity, _colon, record_id = str(
                self.parties.rows_model.row_at(index.row())["id"]
            ).partition(":")
            self.open_requested.emit(entity, int(record_id))

    def renew(self) -> None:
        from brokerdesk.gui.dialogs.agreement_actions import RenewDialog

        dialog = RenewDialog(self.ctx, self.record_id, self.values, self)
        dialog.exec()
        dialog.deleteLater()

    def end(self) -> None:
        from brokerdesk.gui.dialogs.agreement_actions import EndDialog

        dialog = EndDialog(self.ctx, self.record_id, self.values, self)
        dialog.exec()
        dialog.deleteLater()
