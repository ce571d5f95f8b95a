"""The whole database to one workbook and back into an empty database, table for table."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from brokerdesk.core.db import Database, open_database
from brokerdesk.core.errors import BrokerDeskError, Cancelled
from brokerdesk.core.exporting import (
    WorkbookImportError,
    export_database_workbook,
    import_database_workbook,
)
from brokerdesk.core.exporting.database import tables_in_order
from brokerdesk.core.models import Partner
from brokerdesk.core.services import Services
from tests.core.exporting.data import FORMULA_NAME, ExportWorld, export_world

__all__ = ["export_world"]


def _dump(db: Database) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, in key order, as the database returns it."""
    with db.engine.connect() as conn:
        return {
            t.name: [tuple(r) for r in conn.execute(select(t).order_by(*t.primary_key.columns))]
            for t in tables_in_order()
        }


@pytest.fixture
def empty_db(tmp_path: Path):  # type: ignore[no-untyped-def]
    database = open_database(tmp_path / "restored.sqlite3", user_name="tester")
    yield database
    database.dispose()


def test_round_trip_gives_back_every_table_exactly(
    db: Database, export_world: ExportWorld, empty_db: Database, tmp_path: Path
) -> None:
    services = Services(db)
    services.programmes.update(
        export_world.programmes["audio"], {"budget": "12500.50", "description": "''quoted"}
    )
    services.partners.delete(export_world.formula_partner)  # a trash item with JSON in it
    before = _dump(db)
    assert before["participation"] and before["audit_event"] and before["trash_item"]

    path = export_database_workbook(db, tmp_path / "everything.xlsx")
    counts = import_database_workbook(empty_db, path)

    assert counts == {name: len(rows) for name, rows in before.items()}
    assert _dump(empty_db) == before
    # The restored database works: ids carry on after the imported ones.
    new = Services(empty_db).partners.create({"name": "After restore", "status": "active"})
    with db.read() as session:
        assert new.id > (session.scalar(select(func.max(Partner.id))) or 0)


def test_workbook_has_one_sheet_per_table_with_real_types_and_inert_text(
    db: Database, export_world: ExportWorld, tmp_path: Path
) -> None:
    Services(db).partners.update(export_world.formula_partner, {"notes": "fine"})
    path = export_database_workbook(db, tmp_path / "everything.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["About"] + [t.name for t in tables_in_order()]
    partner_rows = list(book["partner"].iter_rows(values_only=True))
    assert FORMULA_NAME in [row[partner_rows[0].index("name")] for row in partner_rows]
    services = list(book["library_service"].iter_rows(values_only=True))
    assert services[1][services[0].index("is_member")] is True
    assert isinstance(services[1][services[0].index("id")], int)
    for sheet in book.worksheets:
        assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


def test_import_refuses_a_database_that_holds_data(
    db: Database, export_world: ExportWorld, tmp_path: Path
) -> None:
    path = export_database_workbook(db, tmp_path / "everything.xlsx")
    before = _dump(db)
    with pytest.raises(BrokerDeskError, match="only be imported into an empty database"):
        import_database_workbook(db, path)
    assert _dump(db) == before


def test_a_broken_workbook_imports_nothing(
    db: Database, export_world: ExportWorld, empty_db: Database, tmp_path: Path
) -> None:
    path = export_database_workbook(db, tmp_path / "everything.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["participation"]
    header = [c.value for c in sheet[1]]
    sheet.cell(row=3, column=header.index("service_id") + 1, value=99999)  # no such service
    broken = tmp_path / "broken.xlsx"
    book.save(broken)
    with pytest.raises(WorkbookImportError, match="nothing was imported"):
        import_database_workbook(empty_db, broken)
    with empty_db.read() as session:
        assert session.scalar(select(func.count()).select_from(Partner)) == 0

    not_ours = tmp_path / "other.xlsx"
    openpyxl.Workbook().save(not_ours)
    with pytest.raises(WorkbookImportError, match="not a BrokerDesk database workbook"):
        import_database_workbook(empty_db, not_ours)


def test_cancel_leaves_no_file_and_no_rows(
    db: Database, export_world: ExportWorld, empty_db: Database, tmp_path: Path
) -> None:
    target = tmp_path / "everything.xlsx"
    with pytest.raises(Cancelled):
        export_database_workbook(db, target, progress=lambda done, total: done < 3)
    assert list(tmp_path.glob("*.xlsx")) == [] and list(tmp_path.glob(".*part")) == []

    path = export_database_workbook(db, target)
    with pytest.raises(Cancelled):
        import_database_workbook(empty_db, path, cancelled=lambda: True)
    assert all(not rows for rows in _dump(empty_db).values())


def test_documents_are_left_out_of_the_workbook_and_it_says_so(
    db: Database, export_world: ExportWorld, empty_db: Database, tmp_path: Path
) -> None:
    from brokerdesk.core.services.documents import NewDocument

    services = Services(db)
    services.documents.add(
        "partner", export_world.formula_partner, [NewDocument("scan.pdf", bytes(40_000))]
    )
    path = export_database_workbook(db, tmp_path / "everything.xlsx")
    book = openpyxl.load_workbook(path)
    assert "document" not in book.sheetnames and "document_content" not in book.sheetnames
    about = dict(book["About"].iter_rows(values_only=True))
    assert about["left_out"] == "documents (their files stay in the database and its backups)"
    import_database_workbook(empty_db, path)
    assert Services(empty_db).documents.count() == 0
