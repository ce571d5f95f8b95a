"""The one declaration of the menu bar and the main toolbar, by action id.

Every menu (File, Edit, Go, View, Export, Tools, Help) and the toolbar is an ordered list of
action ids and separators (``SEPARATOR``). The window makes its own actions and each feature
package's ``install(window)`` makes its own; each registers them under their id with
:meth:`MainWindow.register_action <brokerdesk.gui.main_window.MainWindow.register_action>`
and never places them. Once every feature is installed, :func:`apply_layout` fills the menus
and the toolbar from this module, once, so their order never depends on which feature was
installed first.

Adding an action to the menus is two lines: its id in the right place below, and
``window.register_action("menu.thing", action)`` in the feature's ``install``.
``tests/gui/test_menus.py`` fails when an id here has no action, when an action is
registered but placed nowhere, when two items of a menu (or two menus) share a mnemonic,
and when two actions share a shortcut.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QProxyStyle, QStyle, QStyleHintReturn, QStyleOption, QWidget

from brokerdesk.core.kinds import LISTED

if TYPE_CHECKING:
    from brokerdesk.gui.main_window import MainWindow

SEPARATOR = "-"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for the catalogue under ``context`` (lupdate reads calls by this name);
    :func:`build_menus` translates it."""
    return text


@dataclass(frozen=True)
class MenuLayout:
    """One menu of the menu bar.

    Attributes:
        key: the menu's key in ``window.menus``.
        title: its English title with its mnemonic (translated in context MainWindow).
        items: action ids and separators, in the order the menu shows them.
        object_name: the menu's object name, for tests and style sheets.
        tool_tips: show the items' tool tips (why an item is disabled, say).
    """

    key: str
    title: str
    items: tuple[str, ...]
    object_name: str = ""
    tool_tips: bool = False


# Actions that only the launcher makes (they open another database, which only the
# launcher can): a window built by ``create_main_window`` has File without them.
LAUNCHER_ONLY: frozenset[str] = frozenset(
    {
        "file.new_database",
        "file.open_database",
        "file.team_server",
        "file.move_to_server",
        "file.open_recent",
    }
)

MENU_BAR: tuple[MenuLayout, ...] = (
    MenuLayout(
        "file",
        QT_TRANSLATE_NOOP("MainWindow", "&File"),
        (
            "file.new_database",
            "file.open_database",
            "file.team_server",
            "file.open_recent",
            SEPARATOR,
            "file.move_to_server",
            SEPARATOR,
            "file.import",
            "file.log_email",
            "file.import_emails",
            SEPARATOR,
            "file.print",
            "file.print_preview",
            SEPARATOR,
            "file.back_up",
            "file.restore",
            SEPARATOR,
            "file.quit",
        ),
        "file-menu",
        tool_tips=True,  # Restore from backup says why it is disabled on a team server
    ),
    MenuLayout(
        "edit",
        QT_TRANSLATE_NOOP("MainWindow", "&Edit"),
        (
            "edit.undo",
            "edit.redo",
            SEPARATOR,
            "edit.new",
            "edit.edit",
            "edit.delete",
            SEPARATOR,
            "edit.bulk_edit",
            "edit.add_to_list",
            "edit.remove_from_list",
            SEPARATOR,
            "edit.find",
            SEPARATOR,
            "edit.history",
        ),
        "edit-menu",
    ),
    MenuLayout(
        "go",
        QT_TRANSLATE_NOOP("MainWindow", "&Go"),
        (
            "go.back",
            "go.forward",
            SEPARATOR,
            *(f"go.{kind.key}" for kind in LISTED),  # Ctrl+1… in the navigation's order
            SEPARATOR,
            "go.search_everything",
        ),
        "go-menu",
    ),
    MenuLayout(
        "view",
        QT_TRANSLATE_NOOP("MainWindow", "&View"),
        ("view.refresh", "view.save_view", SEPARATOR, "view.theme"),
        "view-menu",
    ),
    MenuLayout(
        "export",
        QT_TRANSLATE_NOOP("MainWindow", "E&xport"),
        (
            "export.partner_summary",
            "export.selected_summaries",
            "export.all_summaries",
            SEPARATOR,
            "export.record_report",
            "export.region_report",
            "export.board_pack",
            SEPARATOR,
            "export.matrix",
            "export.database",
            SEPARATOR,
            "export.view",
            SEPARATOR,
            "export.calendar",
            "export.keep_calendar",
        ),
        "export-menu",
    ),
    MenuLayout(
        "tools",
        QT_TRANSLATE_NOOP("MainWindow", "&Tools"),
        ("tools.find_duplicates", "tools.tags", "tools.custom_fields", "tools.team"),
        "tools-menu",
        tool_tips=True,  # why Tools ▸ Team… is off (a file, or not an admin)
    ),
    MenuLayout(
        "help",
        QT_TRANSLATE_NOOP("MainWindow", "&Help"),
        ("help.user_guide", "help.whats_this", SEPARATOR, "help.about"),
        "help-menu",
    ),
)

TOOLBAR: tuple[str, ...] = (
    "go.back",
    "go.forward",
    SEPARATOR,
    "edit.new",
    "edit.edit",
    "edit.delete",
    SEPARATOR,
    "edit.undo",
    "edit.redo",
    "view.refresh",
    "export.view",
    SEPARATOR,
    "file.import",
)


def laid_out_ids() -> set[str]:
    """Every action id the menus and the toolbar place."""
    items = [item for menu in MENU_BAR for item in menu.items] + list(TOOLBAR)
    return {item for item in items if item != SEPARATOR}


def missing_ids(registered: Mapping[str, QAction], *, with_launcher: bool) -> list[str]:
    """Ids the layout places that no action was registered under (a window of the launcher
    has its File actions too)."""
    expected = laid_out_ids() if with_launcher else laid_out_ids() - LAUNCHER_ONLY
    return sorted(expected - set(registered))


def unplaced_ids(registered: Mapping[str, QAction]) -> list[str]:
    """Ids registered with an action that no menu and not the toolbar shows."""
    return sorted(set(registered) - laid_out_ids())


class DisabledItemsReachable(QProxyStyle):
    """The window's style, except that the arrow keys stop on a disabled menu item too.

    Skipped, a disabled item is never read by a screen reader, so its user cannot know
    that Edit… is there and waits for a selection (#17).
    """

    def styleHint(
        self,
        hint: QStyle.StyleHint,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        return_data: QStyleHintReturn | None = None,
    ) -> int:
        if hint == QStyle.StyleHint.SH_Menu_AllowActiveAndDisabled:
            return 1
        return super().styleHint(hint, option, widget, return_data)


def build_menus(window: MainWindow) -> dict[str, QMenu]:
    """The menu bar's menus, empty and in their order; :func:`apply_layout` fills them.

    They exist before the features are installed, so a feature can listen to a menu
    (``aboutToShow``) without placing anything in it.
    """
    bar = window.menuBar()
    style = DisabledItemsReachable(window.style().name())
    style.setParent(window)
    menus: dict[str, QMenu] = {}
    for layout in MENU_BAR:
        menu = bar.addMenu(QCoreApplication.translate("MainWindow", layout.title))
        if layout.object_name:
            menu.setObjectName(layout.object_name)
        menu.setToolTipsVisible(layout.tool_tips)
        menu.setStyle(style)
        menus[layout.key] = menu
    return menus


def apply_layout(window: MainWindow) -> None:
    """Fill every menu and the toolbar from the declaration, with the registered actions.

    An id with no action (the launcher's File actions in an embedded window) is left out,
    with the separators it would leave doubled or at an end.
    """
    registered = window.registered_actions
    for layout in MENU_BAR:
        menu = window.menus[layout.key]
        menu.clear()  # the declaration alone decides what each menu holds
        for item in _present(layout.items, registered):
            if item == SEPARATOR:
                menu.addSeparator()
            else:
                menu.addAction(registered[item])
                submenu = registered[item].menu()
                if isinstance(submenu, QMenu):  # Open recent: its disabled items reachable too
                    submenu.setStyle(menu.style())
    toolbar = window.toolbar
    toolbar.clear()
    for item in _present(TOOLBAR, registered):
        if item == SEPARATOR:
            toolbar.addSeparator()
        else:
            toolbar.addAction(registered[item])


def _present(items: Iterable[str], registered: Mapping[str, QAction]) -> Iterator[str]:
    """``items`` without the ids not registered, and no separator first, last or doubled."""
    pending_separator = False
    shown_any = False
    for item in items:
        if item == SEPARATOR:
            pending_separator = shown_any
        elif item in registered:
            if pending_separator:
                yield SEPARATOR
            pending_separator = False
            shown_any = True
            yield item
