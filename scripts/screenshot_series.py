"""The pictures of "Programmes over the years" (``screenshots.py`` calls it on the demo).

The demo's Summer Reading Challenge: its rounds side by side, a round's figures at every
level, and the Roll over dialog that makes next year's round.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.series.roll_over_dialog import RollOverDialog
from brokerdesk.gui.views.pages.programme import ProgrammePage
from brokerdesk.gui.views.pages.series import SeriesPage

Save = Callable[[QWidget, str], None]
Settle = Callable[[Callable[[], bool] | None], None]
SERIES = "Summer Reading Challenge"


def series_pictures(window: MainWindow, save: Save, settle: Settle) -> None:
    """series-compare.png, series-figures.png, round-figures.png and roll-over.png."""
    series = window.ctx.services.series
    [series_id] = series.ids_named(SERIES)  # the demo has one
    window.open_record("series", series_id)
    page = window.record_page
    assert isinstance(page, SeriesPage)
    page.tabs.setCurrentIndex(0)  # Side by side
    settle(None)
    save(window, "series-compare")
    page.tabs.setCurrentWidget(page.figures.parentWidget())
    settle(None)
    save(window, "series-figures")
    assert page.latest is not None
    window.open_record("programme", page.latest.programme_id)
    programme = window.record_page
    assert isinstance(programme, ProgrammePage)
    programme.tabs.setCurrentWidget(programme.figures.parentWidget())
    settle(None)
    save(window, "round-figures")

    def picture() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, RollOverDialog):
            save(dialog, "roll-over")
            dialog.reject()
        else:
            QTimer.singleShot(50, picture)

    QTimer.singleShot(50, picture)
    programme.roll_over()
