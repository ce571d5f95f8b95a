"""The user guide's "Your own fields" pictures (``screenshots.py`` calls
:func:`own_fields_pictures`; run this file alone to remake just these on a fresh demo).

Plays the task of issue #20 on the demo: "Charity number" (required for charities) and "Tier"
(Gold, Silver, Bronze) added to partners in Tools ▸ Custom fields…, a new charity refused
without its number, and the Partners list showing and filtering by Tier.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget  # noqa: E402

from brokerdesk.core.services.field_settings import FieldSpec  # noqa: E402
from brokerdesk.gui.dialogs.record_form import RecordForm  # noqa: E402
from brokerdesk.gui.main_window import MainWindow  # noqa: E402
from brokerdesk.gui.own_fields.dialogs import CustomFieldsDialog  # noqa: E402

Save = Callable[[QWidget, str], None]
Settle = Callable[[Callable[[], bool] | None], None]
TIERS = ("Gold", "Silver", "Bronze")


def own_fields_pictures(window: MainWindow, shot: Save, wait: Settle) -> None:
    """own-fields-settings, own-fields-field, own-fields-form and own-fields-list."""
    fields = window.ctx.services.custom_fields
    number = fields.add(
        "partner",
        FieldSpec(
            "Charity number", "text", required_field="partner_type", required_value="charity"
        ),
    )
    made = fields.add("partner", FieldSpec("Tier", "choice", choices=TIERS))
    tier = made.id
    for change in (number, made):  # as the dialog's Save does: lists and forms follow
        window.ctx.changes.broadcast(change)
    wait(None)
    window.open_list("partner")
    dialog = CustomFieldsDialog(window.ctx, window, "partner")
    dialog.show()
    dialog.fields.setCurrentRow(0)
    shot(dialog, "own-fields-settings")
    field = dialog.field_dialog(fields.fields("partner")[0])
    field.show()
    shot(field, "own-fields-field")
    field.done(0)
    dialog.done(0)

    ids = window.lists["partner"].model.listing.ids(window.lists["partner"].model.state)
    for at, partner in enumerate(ids[:24]):
        window.ctx.changes.broadcast(fields.set_on_many(tier, [partner], TIERS[at % 3]))
        if window.ctx.services.partners.get(partner)["partner_type"] == "charity":
            registered = f"11{partner:05}"
            window.ctx.changes.broadcast(fields.set_on_many(number.id, [partner], registered))
    form = RecordForm(window.ctx, "partner", None, window)
    name = form.editors["name"].focus_widget
    assert isinstance(name, QLineEdit)
    name.setText("Harbour Sight Trust")
    kind = form.editors["partner_type"].focus_widget
    assert isinstance(kind, QComboBox)
    kind.setCurrentIndex(kind.findData("charity"))
    form.show()
    form.save()  # refused: the number is missing, said beside it
    shot(form, "own-fields-form")
    form.done(0)

    wait(None)
    page = window.lists["partner"]
    for col, column in enumerate(page.model.columns):  # the Columns button's choice
        if column.key.startswith("cf_"):
            page.table.setColumnHidden(col, False)
        elif column.key in ("programmes", "agreement_ends", "last_contact"):
            page.table.setColumnHidden(col, True)
    combo = page._filter_widgets[f"cf_{tier}"]
    assert isinstance(combo, QComboBox)
    page._fill_options()  # as showing the list does
    wait(lambda: combo.count() > 1)
    combo.setCurrentIndex(combo.findData("Gold"))
    wait(lambda: not page.model.busy)
    shot(window, "own-fields-list")


def main() -> int:
    import screenshots
    from PySide6.QtCore import QSettings

    from brokerdesk.core.db import open_database
    from brokerdesk.gui.app import build_demo_database, ensure_application
    from brokerdesk.gui.context import AppContext
    from brokerdesk.gui.settings import Settings

    app = ensure_application()
    out = ROOT / "docs" / "screenshots"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.sqlite3"
        build_demo_database(path)
        db = open_database(path)
        settings = Settings(QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat))
        window = MainWindow(AppContext(db, settings))
        window.resize(1280, 800)
        window.show()
        screenshots.settle(app)
        own_fields_pictures(
            window,
            lambda widget, name: screenshots.save(widget, out, name, app),
            lambda until: screenshots.settle(app, until),
        )
        window.close()
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
