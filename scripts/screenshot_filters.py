"""The user guide's "Filter by a field's value" picture (``screenshots.py`` calls
:func:`value_filter_pictures` after the own fields' pictures; run this file alone to remake
just this one on a fresh demo).

Plays the task on the demo: "Budget" (money) and "Next review" (date) added to partners and
filled in on some, then the Partners list filtered from its boxes to "Budget at least
£10,000" and "Next review before 1 Sep 2026", beside the "Charity number" and "Tier" fields
the own fields' pictures made.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QWidget  # noqa: E402

from brokerdesk.core.lists import ListState  # noqa: E402
from brokerdesk.core.services.field_settings import FieldSpec  # noqa: E402
from brokerdesk.gui.main_window import MainWindow  # noqa: E402
from brokerdesk.gui.views.value_filter import ValueFilter  # noqa: E402

Save = Callable[[QWidget, str], None]
Settle = Callable[[Callable[[], bool] | None], None]


def value_filter_pictures(window: MainWindow, shot: Save, wait: Settle) -> None:
    """own-fields-value-filter: Partners by budget and review date."""
    fields = window.ctx.services.custom_fields
    budget = fields.add("partner", FieldSpec("Budget", "money"))
    review = fields.add("partner", FieldSpec("Next review", "date"))
    window.open_list("partner")
    ids = window.lists["partner"].model.listing.ids(ListState(sort_key="name"))
    for n, partner in enumerate(ids[:24]):
        fields.set_on_many(budget.id, [partner], str(2_500 * (n % 9)))
        fields.set_on_many(review.id, [partner], f"2026-{7 + n % 4:02}-{1 + (n * 5) % 28:02}")
    for change in (budget, review):  # as the dialog's Save does: the list is made again
        window.ctx.changes.broadcast(change)
    wait(None)
    page = window.lists["partner"]
    for col, column in enumerate(page.model.columns):  # the Columns button's choice
        shown = column.key in (
            "name",
            "partner_type",
            "status",
            f"cf_{budget.id}",
            f"cf_{review.id}",
        )
        page.table.setColumnHidden(col, not shown)
    for key, op, typed in (
        (f"cf_{budget.id}", "at_least", "£10,000"),
        (f"cf_{review.id}", "before", "1/9/2026"),
    ):
        box = page._filter_widgets[key]
        assert isinstance(box, ValueFilter)
        box.op.setCurrentIndex(box.op.findData(op))
        box.first.setText(typed)
        box._finished()  # Enter in the box
    wait(lambda: not page.model.busy)
    shot(window, "own-fields-value-filter")


def main() -> int:
    import screenshots
    from PySide6.QtCore import QSettings
    from screenshot_own_fields import own_fields_pictures

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

        def wait(until: Callable[[], bool] | None) -> None:
            screenshots.settle(app, until)

        # The fields the own fields' pictures leave on partners, as in the full run.
        own_fields_pictures(window, lambda _widget, _name: None, wait)
        value_filter_pictures(
            window, lambda widget, name: screenshots.save(widget, out, name, app), wait
        )
        window.close()
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
