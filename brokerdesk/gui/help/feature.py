"""Help ▸ User guide (F1), Help ▸ What's This? (Shift+F1) and the window's What's This texts.

The main window calls :func:`install` once, after the other features, so the What's This
texts reach the actions and list pages those features made; it returns the
:class:`HelpActions` the window keeps. The guide window module is loaded when F1 is first
pressed, not at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction, QIcon, QKeySequence, QTextDocumentFragment
from PySide6.QtWidgets import QApplication, QStyle, QWhatsThis, QWidget

from brokerdesk.gui.announce import announce

if TYPE_CHECKING:
    from brokerdesk.gui.dialogs.user_guide import UserGuideWindow
    from brokerdesk.gui.main_window import MainWindow
    from brokerdesk.gui.views.list_page import ListPage

translate = QCoreApplication.translate  # lupdate reads translate("Help", "…") calls


@dataclass
class HelpActions:
    """The Help menu's own actions on one main window, and its guide window.

    Attributes:
        user_guide: Help ▸ User guide (F1), ``help.user_guide``.
        whats_this: Help ▸ What's This? (Shift+F1), ``help.whats_this``.
        guide: the guide window, once F1 has opened it (F1 again raises the same one).
    """

    user_guide: QAction
    whats_this: QAction
    guide: UserGuideWindow | None = None

    def open_guide(self, parent: QWidget, anchor: str | None = None) -> UserGuideWindow:
        """Show the guide beside ``parent`` (at ``anchor`` if given) and return it."""
        from brokerdesk.gui.dialogs.user_guide import open_user_guide

        self.guide = open_user_guide(parent, self.guide, anchor)
        return self.guide


def install(window: MainWindow) -> HelpActions:
    """Make Help ▸ User guide and Help ▸ What's This? (registered as ``help.…``) and give the
    window's controls their What's This texts."""
    icon = QIcon.fromTheme(
        "help-contents", window.style().standardIcon(QStyle.StandardPixmap.SP_DialogHelpButton)
    )
    guide = QAction(icon, translate("Help", "&User guide"), window)
    guide.setObjectName("help-user-guide")
    guide.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    tip = translate("Help", "How to do the team's everyday tasks in BrokerDesk (F1)")
    guide.setToolTip(tip)
    guide.setStatusTip(tip)
    window.register_action("help.user_guide", guide)

    whats_this = QAction(window)
    whats_this.setObjectName("help-whats-this")
    whats_this.setText(translate("Help", "What's &This?"))
    whats_this.setShortcut(QKeySequence(QKeySequence.StandardKey.WhatsThis))
    tip = translate("Help", "Click any control to read what it does (Shift+F1)")
    whats_this.setToolTip(tip)
    whats_this.setStatusTip(tip)
    window.register_action("help.whats_this", whats_this)

    actions = HelpActions(guide, whats_this)
    guide.triggered.connect(lambda _checked=False: actions.open_guide(window))
    # From the Help menu (a mouse) it is Qt's What's This mode: the next click is explained.
    # From Shift+F1 (a keyboard) it explains the control that has the focus: the mode can
    # only be left by a click or Escape, so a keyboard user could never use it.
    from_menu = [False]
    help_menu = window.menus["help"]
    help_menu.aboutToShow.connect(lambda: from_menu.__setitem__(0, True))
    help_menu.aboutToHide.connect(
        lambda: QTimer.singleShot(0, lambda: from_menu.__setitem__(0, False))
    )
    whats_this.triggered.connect(lambda _checked=False: explain(window, from_menu[0]))
    describe_main_controls(window)
    return actions


def describe_main_controls(window: MainWindow) -> None:
    """What's This texts for the navigation, the toolbar actions and each list's controls."""
    window.navigation.setWhatsThis(
        translate(
            "Help",
            "<b>Navigation</b><p>The lists of partners, library services, programmes, contacts "
            "and interactions, the dashboard, your saved views and the Trash. Ctrl+1 to Ctrl+5 "
            "open the lists from anywhere.</p>",
        )
    )
    texts = {
        "go.back": translate(
            "Help", "<b>Back</b><p>Return to the list or record you saw before (Alt+Left).</p>"
        ),
        "go.forward": translate(
            "Help", "<b>Forward</b><p>Go forward again after going back (Alt+Right).</p>"
        ),
        "edit.new": translate(
            "Help",
            "<b>New</b><p>Record a new partner, programme, contact or interaction, whichever "
            "list you are in (Ctrl+N). Library services are already all there.</p>",
        ),
        "edit.edit": translate(
            "Help", "<b>Edit</b><p>Change the selected record or the one on screen (Ctrl+E).</p>"
        ),
        "edit.delete": translate(
            "Help",
            "<b>Delete</b><p>Move the selected records to the Trash. BrokerDesk first says "
            "what else goes with them; Ctrl+Z or the Trash brings them back.</p>",
        ),
        "edit.undo": translate(
            "Help", "<b>Undo</b><p>Take back your last change, however big (Ctrl+Z).</p>"
        ),
        "edit.redo": translate(
            "Help", "<b>Redo</b><p>Do again what you just undid (Ctrl+Shift+Z).</p>"
        ),
        "view.refresh": translate(
            "Help",
            "<b>Refresh</b><p>Read the lists again from the database (F5). Colleagues' "
            "changes normally appear by themselves within seconds.</p>",
        ),
        "edit.find": translate(
            "Help", "<b>Find</b><p>Jump to the search field of the list on screen (Ctrl+F).</p>"
        ),
        "export.view": translate(
            "Help",
            "<b>Export view</b><p>Save exactly the rows and columns on screen to an "
            "Excel workbook or a CSV file (Ctrl+Shift+E).</p>",
        ),
    }
    for action_id, text in texts.items():
        window.registered_actions[action_id].setWhatsThis(text)
    for page in window.lists.values():
        describe_list_page(page)
    window.list_page_replaced.connect(describe_list_page)


def explain(window: MainWindow, pointing: bool) -> None:
    """What's This?: the focused control's text read out beside it, or (from the menu, or
    when nothing focused has one) the mode in which the next click is explained."""
    widget = QApplication.focusWidget()
    while widget is not None and not widget.whatsThis() and widget is not window:
        widget = widget.parentWidget()
    if pointing or widget is None or not widget.whatsThis():
        QWhatsThis.enterWhatsThisMode()
        return
    QWhatsThis.showText(widget.mapToGlobal(widget.rect().center()), widget.whatsThis(), widget)
    announce(widget, QTextDocumentFragment.fromHtml(widget.whatsThis()).toPlainText())


def describe_list_page(page: ListPage) -> None:
    """What's This texts for one list's search field, filters, columns button and table."""
    page.search.setWhatsThis(
        translate(
            "Help",
            "<b>Search</b><p>Type part of a name, a place, a postcode or a GSS code. Case, "
            "accents and small typos do not matter. The list narrows as you type; Ctrl+F "
            "comes back here.</p>",
        )
    )
    filters: dict[str, QWidget] = getattr(page, "_filter_widgets", {})
    for flt in page.record_list.filters:
        widget = filters.get(flt.key)
        if widget is not None:
            widget.setWhatsThis(
                translate(
                    "Help",
                    "<b>{0}</b><p>A filter: the list shows only the records that match it, "
                    "together with the search and the other filters. Save the combination "
                    "with View ▸ Save view… (Ctrl+Shift+S).</p>",
                ).format(widget.toolTip() or flt.label)
            )
    page.columns_button.setWhatsThis(
        translate(
            "Help",
            "<b>Columns</b><p>Choose which columns the list shows. The choice, the order and "
            "the widths are remembered.</p>",
        )
    )
    page.table.setWhatsThis(
        translate(
            "Help",
            "<b>The list</b><p>Enter or a double-click opens the record; click a column "
            "heading to sort by it; Shift or Ctrl with a click selects several rows for Edit, "
            "Delete or an export.</p>",
        )
    )
