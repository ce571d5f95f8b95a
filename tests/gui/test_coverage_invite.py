"""Invite a coverage cell's gap list to a live programme in one undoable step (SCENARIOS task 3).

A small world whose answers are known, the North West's Health & Wellbeing cell:

* Healthy Reading (live, Health & Wellbeing): Manchester active, Liverpool only interested,
  Bristol signed up: 1 service in the North West already, 2 in all.
* Book Bus (live, Reading, also reaching Health & Wellbeing): Bristol, Cardiff and LibrariesNI
  signed up or active: none in the North West, 3 in all.
* Wellbeing Walks (live, Health & Wellbeing): nobody yet.
* Mindful Pages (negotiating, Health & Wellbeing): not live, never offered.

So the cell's gap list is Blackburn with Darwen and Liverpool (Manchester is covered;
Liverpool's interest is not a commitment).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from brokerdesk.core.db import Database
from brokerdesk.core.models import Participation, Programme
from brokerdesk.gui.dialogs.invite_gaps import InviteGapsDialog
from brokerdesk.gui.views.dashboard import DashboardPage
from tests.builders import small_world
from tests.gui.test_coverage_keyboard import _go_to
from tests.gui.test_dashboard import make_page
from tests.gui.test_lists_models_accessibility import unnamed_controls

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def page(
    qtbot: QtBot, db: Database, world: small_world.World, tmp_path: Path
) -> Iterator[DashboardPage]:
    from tests.core.test_coverage import add_programme

    a, s = world.offer_areas, world.services
    health = a["health_wellbeing"]
    add_programme(
        db,
        "Healthy Reading",
        health,
        "live",
        {s["E08000003"]: "active", s["E08000012"]: "interested", s["E06000023"]: "signed_up"},
    )
    add_programme(
        db,
        "Book Bus",
        a["reading"],
        "live",
        {s["E06000023"]: "signed_up", s["W06000015"]: "active", s["N92000002"]: "active"},
        secondary=(health,),
    )
    add_programme(db, "Wellbeing Walks", health, "live", {})
    add_programme(db, "Mindful Pages", health, "negotiating", {s["E06000008"]: "signed_up"})
    shown = make_page(qtbot, db, tmp_path)
    shown.tabs.setCurrentWidget(shown.coverage)
    yield shown
    qtbot.waitUntil(lambda: not shown.ctx.tasks.busy)


def links(db: Database, programme: str) -> dict[str, str]:
    """Service name → stage of every participation in one programme."""
    with db.read() as session:
        found = session.scalars(
            select(Participation).join(Programme).where(Programme.name == programme)
        )
        return {p.service.nice_name: p.stage for p in found}


def gap_names(page: DashboardPage) -> list[str]:
    return [row.cells[0] for row in page.coverage.missing.source.rows]


def open_invitation(qtbot: QtBot, page: DashboardPage, area: str) -> InviteGapsDialog:
    """Choose the cell by keyboard, then press Alt+I."""
    coverage = page.coverage
    _go_to(qtbot, page, area, "North West")
    qtbot.keyClick(coverage.table, Qt.Key.Key_Return)
    assert coverage.invite_button.isEnabled()
    qtbot.keyClick(coverage.table, Qt.Key.Key_I, ALT)  # the button's click is animated
    qtbot.waitUntil(lambda: coverage.invitation is not None and coverage.invitation.isVisible())
    assert coverage.invitation is not None
    return coverage.invitation


def test_the_button_waits_for_a_cell_with_gaps(qtbot: QtBot, page: DashboardPage) -> None:
    coverage = page.coverage
    assert not coverage.invite_button.isEnabled()
    assert coverage.invite_button.accessibleName() == "Invite the missing services…"
    _go_to(qtbot, page, "Health & Wellbeing", "North West")
    qtbot.keyClick(coverage.table, Qt.Key.Key_Return)
    assert coverage.invite_button.isEnabled()
    # Tab goes from the matrix to the button, then to the gap list it acts on.
    qtbot.keyClick(coverage.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is coverage.invite_button
    qtbot.keyClick(coverage.invite_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is coverage.missing


def test_live_programmes_are_offered_best_fit_first(qtbot: QtBot, page: DashboardPage) -> None:
    dialog = open_invitation(qtbot, page, "Health & Wellbeing")
    shown = [dialog.programmes.item(i).text() for i in range(dialog.programmes.count())]
    assert shown == [
        "Healthy Reading — 1 library service in North West already, 2 in all",
        "Book Bus — 0 library services in North West already, 3 in all",
        "Wellbeing Walks — 0 library services in North West already, 0 in all",
    ]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.programmes)
    assert dialog.programmes.currentRow() == 0
    # Liverpool is already linked to Healthy Reading (interested): only Blackburn is new.
    assert dialog.summary.text() == (
        "Invite 1 library service to Healthy Reading as Invited (skipping 1 already linked to it)."
    )
    assert dialog.invite_button is not None
    assert dialog.invite_button.text() == "Invite 1 library service"
    assert "Invited services stay in the gap list until they sign up" in dialog.intro.text()
    qtbot.keyClick(dialog.programmes, Qt.Key.Key_Escape)
    assert page.coverage.invitation is None
    assert "Blackburn with Darwen" not in links(page.ctx.db, "Healthy Reading")


def test_accept_invites_exactly_the_gap_list_and_one_undo_takes_it_back(
    qtbot: QtBot, page: DashboardPage
) -> None:
    ctx, db = page.ctx, page.ctx.db
    said: list[str] = []
    ctx.message.connect(lambda text, _error: said.append(text))
    before_undo = ctx.undo_stack.count()
    dialog = open_invitation(qtbot, page, "Health & Wellbeing")
    assert gap_names(page) == ["Blackburn with Darwen", "Liverpool"]
    qtbot.keyClick(dialog.programmes, Qt.Key.Key_Down)  # Book Bus: nobody linked yet
    assert dialog.summary.text() == "Invite 2 library services to Book Bus as Invited."
    qtbot.keyClick(dialog.programmes, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ctx.undo_stack.count() == before_undo + 1, timeout=10_000)
    qtbot.waitUntil(lambda: page.coverage.invitation is None)

    after = links(db, "Book Bus")
    assert {name: stage for name, stage in after.items() if stage == "invited"} == {
        "Blackburn with Darwen": "invited",
        "Liverpool": "invited",
    }
    assert len(after) == 5  # the three already there, untouched
    assert said[-1] == (
        "Invited 2 library services to Book Bus. They stay in the gap list until they sign up."
    )
    # Invited is not covered: the refreshed cell still lists both as missing.
    assert (
        page.coverage.detail_title.text()
        == "Health & Wellbeing in North West: 1 covered, 2 missing"
    )
    assert gap_names(page) == ["Blackburn with Darwen", "Liverpool"]

    assert ctx.undo_stack.undoText() == "Invite 2 library services to Book Bus"
    ctx.undo_stack.undo()  # what Ctrl+Z does
    assert links(db, "Book Bus") == {
        "City of Bristol": "signed_up",
        "Cardiff": "active",
        "LibrariesNI": "active",
    }


def test_a_signed_up_invitation_shrinks_the_gap_list(qtbot: QtBot, page: DashboardPage) -> None:
    """The change broadcast refreshes the matrix and the chosen cell's lists."""
    dialog = open_invitation(qtbot, page, "Health & Wellbeing")
    qtbot.keyClick(dialog.programmes, Qt.Key.Key_Return)  # Healthy Reading: Blackburn only
    qtbot.waitUntil(lambda: page.coverage.invitation is None, timeout=10_000)
    assert links(page.ctx.db, "Healthy Reading")["Blackburn with Darwen"] == "invited"
    with page.ctx.db.write() as session:
        for p in session.scalars(select(Participation).where(Participation.stage == "invited")):
            p.stage = "signed_up"
    page.ctx.changes.broadcast(tables={"participation"})
    assert gap_names(page) == ["Liverpool"]
    assert (
        page.coverage.detail_title.text()
        == "Health & Wellbeing in North West: 2 covered, 1 missing"
    )


def test_no_live_programme_says_so_and_offers_nothing(qtbot: QtBot, page: DashboardPage) -> None:
    dialog = open_invitation(qtbot, page, "Children's Promise")
    assert dialog.fits == [] and dialog.invite_button is None
    assert not dialog.programmes.isVisible()
    assert dialog.intro.text().startswith(
        "There is no live programme in Children's Promise to invite the 3 library services "
        "missing from North West to."
    )
    visible_labels = [w for w in dialog.findChildren(QLabel) if w.isVisible() and w.text()]
    assert visible_labels == [dialog.intro]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert page.coverage.invitation is None
    assert links(page.ctx.db, "Wellbeing Walks") == {}


def test_every_control_is_named_by_its_label(qtbot: QtBot, page: DashboardPage) -> None:
    dialog = open_invitation(qtbot, page, "Health & Wellbeing")
    assert unnamed_controls(dialog) == []
    assert dialog.programmes.accessibleName() == "Programme to invite them to (best fit first)"
    assert dialog.invite_button is not None
    assert dialog.invite_button.accessibleName() == "Invite 1 library service"
    assert dialog.invite_button.accessibleDescription() == dialog.summary.text()
    qtbot.keyClick(dialog.programmes, Qt.Key.Key_Escape)
    assert page.coverage.invitation is None
