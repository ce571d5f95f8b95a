"""The one small-table model, as a user meets it: readable cells, sorting, what a row opens."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from brokerdesk.gui.models.rows import CellsRow, RowColumn, RowsModel, columns_from

ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole


def _texts(model: RowsModel, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_mapping_rows_read_like_the_rest_of_the_app_and_sort_with_empties_last(
    qtmodeltester,  # type: ignore[no-untyped-def]
) -> None:
    model = RowsModel(
        [
            RowColumn("name", "Name"),
            RowColumn("stage", "Stage", {"signed_up": "Signed up", "invited": "Invited"}),
            RowColumn("budget", "Budget"),
            RowColumn("start", "Starts"),
        ]
    )
    model.set_rows(
        [
            {"id": 1, "name": "bolton", "stage": "signed_up", "budget": Decimal("1000")},
            {"id": 2, "name": "Aston", "stage": "invited", "start": dt.date(2026, 3, 5)},
            {"id": 3, "name": "Crewe", "stage": None, "budget": Decimal("25.5")},
        ]
    )
    qtmodeltester.check(model)
    assert model.headers == ["Name", "Stage", "Budget", "Starts"]
    assert _texts(model, 1) == ["Signed up", "Invited", ""]
    assert _texts(model, 2) == ["£1,000.00", "", "£25.50"]
    assert _texts(model, 3) == ["", "05 Mar 2026", ""]
    assert model.index(1, 1).data(ACCESSIBLE) == "Stage: Invited"
    assert model.index(1, 2).data(ACCESSIBLE) == "Budget: empty"
    model.sort(0)
    assert _texts(model, 0) == ["Aston", "bolton", "Crewe"]  # case does not matter
    model.sort(2, Qt.SortOrder.DescendingOrder)
    assert _texts(model, 2) == ["£1,000.00", "£25.50", ""]  # the empty budget stays last
    model.set_rows([{"id": 9, "budget": Decimal("5")}, {"id": 8, "budget": Decimal("50")}])
    assert [model.row_at(r)["id"] for r in range(2)] == [8, 9]  # new rows keep the order
    assert model.row_of("id", 9) == 1


def test_cells_rows_open_their_record_warn_in_bold_and_explain_on_hover(
    qtmodeltester,  # type: ignore[no-untyped-def]
) -> None:
    model = RowsModel(columns_from(["Ends", "Days left", "Name"]))
    model.set_rows(
        [
            CellsRow(["2026-07-01", 16, "Reading Friends"], ("programme", 4), warn=True),
            CellsRow(["2026-09-01", 78, "Sight Loss Week"], None, tooltip="Ends with the grant"),
        ]
    )
    qtmodeltester.check(model)
    assert model.index(0, 1).data() == "16"
    assert model.index(0, 2).data(ACCESSIBLE) == "Name: Reading Friends"
    assert model.record_at(0) == ("programme", 4) and model.record_at(1) is None
    bold = model.index(0, 0).data(Qt.ItemDataRole.FontRole)
    assert isinstance(bold, QFont) and bold.bold()
    assert model.index(1, 0).data(Qt.ItemDataRole.FontRole) is None
    assert model.index(1, 2).data(Qt.ItemDataRole.ToolTipRole) == "Ends with the grant"
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert _texts(model, 2) == ["Sight Loss Week", "Reading Friends"]
    assert model.record_at(1) == ("programme", 4)  # the record moves with its row
    model.set_columns(columns_from(["Ends", "Days"]))
    assert model.columnCount() == 2 and model.headers == ["Ends", "Days"]
    qtmodeltester.check(model)


def test_a_formatted_column_can_sort_by_its_value_and_align_right(
    qtmodeltester,  # type: ignore[no-untyped-def]
) -> None:
    """A backup list's sizes read "1.2 MB" but sort by bytes, aligned like numbers."""

    def size(row: dict[str, int]) -> str:
        return f"{row['size'] / 1_000_000:.1f} MB" if row["size"] >= 1_000_000 else "900 KB"

    model = RowsModel(
        [RowColumn("size", "Size", text=size, order_by=lambda r: r["size"], right=True)]
    )
    model.set_rows([{"size": 12_000_000}, {"size": 900_000}, {"size": 2_500_000}])
    qtmodeltester.check(model)
    model.sort(0)
    assert _texts(model, 0) == ["900 KB", "2.5 MB", "12.0 MB"]  # not "12.0" before "2.5"
    align = model.index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole)
    assert Qt.AlignmentFlag(align) & Qt.AlignmentFlag.AlignRight
