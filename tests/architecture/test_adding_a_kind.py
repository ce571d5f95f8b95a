"""A new kind of record is five files: its model, a migration, one registration, its service
module and its page module (README, "Adding a record kind").

The test copies the package, adds an "award" kind the way a developer would (those five files
and nothing else), and runs the copy in a subprocess: the Services bundle, the list, saved
views, history, delete messages, the Trash, the navigation, the record page, the form and
the translation catalogue must all know awards. A table of kinds kept anywhere else (a dict
of pages, of services, of words) would leave awards out of it and fail here.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOOLS = Path(sys.executable).parent

MODEL = '''

class Award(Editable, Base):
    """A library award the team follows (added by tests/architecture/test_adding_a_kind.py)."""

    __tablename__ = "award"
    __table_args__ = (CheckConstraint(_not_blank("name"), name="name_not_blank"),)

    name: Mapped[str] = mapped_column(String(200))
    year: Mapped[int | None] = mapped_column(Integer)
'''

MIGRATION = '''
"""Awards

Revision ID: award
Revises: {head}
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "award"
down_revision: str | None = "{head}"


def upgrade() -> None:
    op.create_table(
        "award",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("year", sa.Integer()),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now()),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now()),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("length(trim(name)) > 0", name="ck_award_name_not_blank"),
    )


def downgrade() -> None:
    op.drop_table("award")
'''

REGISTRATION = """\
    RecordKind(
        "award",
        QT_TRANSLATE_NOOP("RecordKinds", "award"),
        QT_TRANSLATE_NOOP("RecordKinds", "awards"),
        service=_SERVICES + "awards.AwardService",
        records=_SERVICES + "awards.award_list",
        page=_PAGES + "award.AwardPage",
    ),
"""

SERVICE = '''
"""Awards: the library awards the team follows, and their list."""

from __future__ import annotations

from sqlalchemy import select

from brokerdesk.core.kinds import KINDS
from brokerdesk.core.lists import Column, RecordList
from brokerdesk.core.models import Award
from brokerdesk.core.services.fields import Field
from brokerdesk.core.services.records import RecordService


class AwardService(RecordService[Award]):
    model = Award
    label = "award"
    fields = (Field("name", "Name", required=True, max_length=200), Field("year", "Year", "int"))


def award_list() -> RecordList:
    return RecordList(
        entity="award",
        title=KINDS["award"].title,
        id_column=Award.id,
        columns=(Column("name", "Name", Award.name), Column("year", "Year", Award.year, "int")),
        filters=(),
        source=lambda: select(Award.id),
        default_sort="name",
    )
'''

PAGE = '''
"""An award's page: its name and year."""

from __future__ import annotations

from typing import Any

from brokerdesk.gui.views.pages.base import RecordPage


class AwardPage(RecordPage):
    entity = "award"

    def fetch(self) -> dict[str, Any]:
        return self.ctx.services.for_entity("award").get(self.record_id)

    def fill(self, data: dict[str, Any]) -> None:
        self.heading.setText(data["name"])
        self.heading.setAccessibleName(self.tr("Award: {0}").format(data["name"]))
        self.set_details([("Year", str(data["year"]))])
'''

# What the copy with awards is asked, as a user and the other modules would ask it.
PROBE = """
import json, sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from brokerdesk.core.db import open_database
from brokerdesk.core.lists import ListState, record_list
from brokerdesk.core.services import Services
from brokerdesk.core.services.records import noun
from brokerdesk.core.services.saved_views import VIEW_ENTITIES
from brokerdesk.core.services.history import HistoryService
from brokerdesk.core.services.trash import TrashService

folder = Path(sys.argv[1])
db = open_database(folder / "awards.sqlite3", user_name="tester")
services = Services(db)
awards = services.for_entity("award")
reading = awards.create({"name": "Reading Award", "year": 2026}).id
awards.create({"name": "Digital Skills Prize", "year": 2025})
listed = record_list("award")
with db.read() as session:
    everything = listed.ids(session, listed.initial_state())
    found = listed.ids(session, ListState(search="READING", sort_key="name"))
awards.update(reading, {"year": 2027})
history = HistoryService(db).for_record("award", reading)
doomed = awards.create({"name": "Old Award"}).id
deleted = awards.delete(doomed)
trash = TrashService(db)
restored = trash.restore(next(e.id for e in trash.list() if e.entity == "award")).ids

app = QApplication([])
from brokerdesk.gui.app import create_main_window
from brokerdesk.gui.settings import Settings

settings = Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
window = create_main_window(db, settings)
navigation = [window.navigation.item(i).text() for i in range(window.navigation.count())]
window.open_list("award")
new_enabled = window.new_action.isEnabled()
list_name = window.current_list().accessibleName()
window.open_record("award", reading)
page = window.record_page
from brokerdesk.gui.dialogs.record_form import RecordForm

form = RecordForm(window.ctx, "award", reading, window)
print(json.dumps({
    "service": type(awards).__name__,
    "listed": len(everything),
    "found": found == [reading],
    "saved_views": "award" in VIEW_ENTITIES,
    "noun": noun("award", 2),
    "history": [(e.action, [(c.label, c.old, c.new) for c in e.changes]) for e in history],
    "deleted": deleted.entity,
    "restored": list(restored) == [doomed],
    "navigation": navigation,
    "new_enabled": new_enabled,
    "list_name": list_name,
    "page": type(page).__name__,
    "heading": page.heading.text(),
    "heading_name": page.heading.accessibleName(),
    "form": [form.windowTitle(), list(form.editors)],
}))
form.deleteLater()
window.close()
window.ctx.tasks.wait(5000)
"""


def _head(versions: Path) -> str:
    revisions, revised = set(), set()
    for script in versions.glob("*.py"):
        text = script.read_text("utf-8")
        revisions |= set(re.findall(r'^revision: str = "(\w+)"', text, re.MULTILINE))
        revised |= set(re.findall(r'^down_revision: str \| None = "(\w+)"', text, re.MULTILINE))
    (head,) = revisions - revised
    return head


def _add_award(package: Path) -> None:
    """The five files a developer writes or edits for a new kind."""
    core = package / "core"
    models = core / "models.py"
    models.write_text(models.read_text("utf-8") + MODEL, "utf-8")
    versions = core / "migrations" / "versions"
    head = _head(versions)
    (versions / "9999_awards.py").write_text(MIGRATION.format(head=head).lstrip(), "utf-8")
    kinds = core / "kinds.py"
    text = kinds.read_text("utf-8")
    anchor = "    # A branch is found by search"
    assert text.count(anchor) == 1
    kinds.write_text(text.replace(anchor, REGISTRATION + anchor), "utf-8")
    (core / "services" / "awards.py").write_text(SERVICE.lstrip(), "utf-8")
    (package / "gui" / "views" / "pages" / "award.py").write_text(PAGE.lstrip(), "utf-8")


def _changed(original: Path, copy: Path) -> set[str]:
    def files(folder: Path) -> dict[str, bytes]:
        return {
            str(p.relative_to(folder)): p.read_bytes()
            for p in folder.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts
        }

    before, after = files(original), files(copy)
    return {name for name, data in after.items() if before.get(name) != data}


def test_a_new_kind_is_five_files_and_every_screen_knows_it(tmp_path: Path) -> None:
    checkout = tmp_path / "checkout"
    package = checkout / "brokerdesk"
    shutil.copytree(
        ROOT / "brokerdesk", package, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    (checkout / "resources").symlink_to(ROOT / "resources")
    _add_award(package)

    assert _changed(ROOT / "brokerdesk", package) == {
        "core/models.py",
        "core/migrations/versions/9999_awards.py",
        "core/kinds.py",
        "core/services/awards.py",
        "gui/views/pages/award.py",
    }

    env = {**os.environ, "PYTHONPATH": str(checkout), "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(PROBE), str(tmp_path)],
        cwd=checkout,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    assert seen == {
        "service": "AwardService",
        "listed": 2,
        "found": True,  # a kind without a search type matches its text columns
        "saved_views": True,
        "noun": "2 awards",
        "history": [  # newest first, in the form's labels
            ["update", [["Year", 2026, 2027]]],
            ["create", [["Name", None, "Reading Award"], ["Year", None, 2026], ["Id", None, 1]]],
        ],
        "deleted": "award",
        "restored": True,
        "navigation": [
            "Partners",
            "Library services",
            "Programmes",
            "Contacts",
            "Interactions",
            "Agreements",
            "Series",
            "Grants",
            "Awards",
            "Today",
            "Dashboard",
            "Data quality",
            "Trash",
        ],
        "new_enabled": True,
        "list_name": "Awards list",
        "page": "AwardPage",
        "heading": "Reading Award",
        "heading_name": "Award: Reading Award",
        "form": ["Edit award: Reading Award", ["name", "year"]],
    }

    # `make translations` files the new words with no edit to the GUI's kind_words.
    marked = subprocess.run(
        ["grep", "-rl", "--include=*.py", "QT_TRANSLATE_NOOP", "brokerdesk/core"],
        cwd=checkout,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    catalogue = tmp_path / "kinds.ts"
    subprocess.run(
        [str(TOOLS / "pyside6-lupdate"), "-silent", *marked, "-ts", str(catalogue)],
        cwd=checkout,
        check=True,
        capture_output=True,
    )
    sources = set(re.findall(r"<source>(.*?)</source>", catalogue.read_text("utf-8")))
    assert {"award", "awards", "library services"} <= sources


# Literals that may name every listed kind, and why: search reads one title per indexed kind
# (making a kind searchable adds its reader there, as the README says).
NAMES_EVERY_KIND = {"brokerdesk/core/kinds.py", "brokerdesk/core/search/titles.py"}


def test_no_other_module_keeps_a_table_of_every_kind() -> None:
    """A dict, tuple, list or set literal naming all the listed kinds is a copy of the
    registry that a new kind would have to be added to (as the navigation, the pages, the
    services and the audited tables once were)."""
    import ast

    from brokerdesk.core.kinds import LISTED

    listed = {k.key for k in LISTED}
    copies = []
    for path in sorted((ROOT / "brokerdesk").rglob("*.py")):
        name = str(path.relative_to(ROOT))
        if name in NAMES_EVERY_KIND or "/migrations/" in name:  # migrations are frozen
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Dict):
                items: list[ast.expr | None] = list(node.keys)
            elif isinstance(node, ast.Tuple | ast.List | ast.Set):
                items = list(node.elts)
            else:
                continue
            named = {i.value for i in items if isinstance(i, ast.Constant)}
            if listed <= named:
                copies.append(f"{name}:{node.lineno}")
    assert copies == []
