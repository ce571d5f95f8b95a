"""Never losing data, in the window: History, Restore from backup, the checks, live refresh.

:func:`install` gives a main window Edit ▸ Show history… (Ctrl+H), File ▸ Restore from
backup… and live refresh (other people's saves appear in open views), and returns them in
:class:`SafetyActions`; the window keeps that object. Live refresh starts with
:meth:`SafetyActions.start` once the window shows (the launcher calls
:func:`brokerdesk.gui.safety.integrity.after_open`, which also runs the integrity check and
the daily backup off the GUI thread). The Trash page (``trash_page``) is here too; the
window's navigation builds it on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from brokerdesk.gui.safety.history_panel import install_history_action
from brokerdesk.gui.safety.live_refresh import LiveRefresh
from brokerdesk.gui.safety.restore_backup import (
    ask_and_restore,
    install_restore_action,
    restore_in_place,
)

if TYPE_CHECKING:
    from brokerdesk.core.integrity import CheckResult
    from brokerdesk.gui.main_window import MainWindow

LIVE_INTERVAL_MS = 3000


@dataclass
class SafetyActions:
    """The safety features of one main window.

    Attributes:
        show_history: Edit ▸ Show history… for the record on screen.
        restore_from_backup: File ▸ Restore from backup… (disabled on a team server).
        live_refresh: polls for other people's changes once started.
        reopen: puts a chosen backup in place, ``reopen(database, backup) -> restored``:
            in place under the open window, unless the launcher reopens the window on it.
        integrity_result: the check run after opening, once it has finished.
    """

    show_history: QAction
    restore_from_backup: QAction
    live_refresh: LiveRefresh
    reopen: Callable[[Path, Path], bool]
    integrity_result: CheckResult | None = None

    def start(self) -> None:
        """Start live refresh (once the window shows)."""
        self.live_refresh.start()


def install(window: MainWindow) -> SafetyActions:
    """Add History, Restore from backup and live refresh (not yet started) to ``window``."""
    # install_history_action still puts History in the Edit menu itself; the layout puts
    # it back in its place when it is applied.
    show_history = install_history_action(window)
    window.register_action("edit.history", show_history)
    actions = SafetyActions(
        show_history=show_history,
        restore_from_backup=install_restore_action(window),
        live_refresh=LiveRefresh(window.ctx, LIVE_INTERVAL_MS, parent=window),
        reopen=partial(restore_in_place, window),
    )
    actions.restore_from_backup.triggered.connect(
        lambda _checked=False: ask_and_restore(window, actions.reopen)
    )
    return actions
