"""The sign-in sheet of an activity as an editable table: sign-in and sign-out typed in place.

Rows are ParticipationRow tuples in sheet order; only the two time columns are editable. An
edit is written through `save_times` at once (one transaction each) and the rows reloaded.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.hours import format_hours, minutes_between
from wenming_desktop.services.activities.activity_volunteers import ParticipationRow, parse_clock
from wenming_desktop.ui.table_model import Column, Index, RowTableModel

F = ParticipationRow._fields


def _clock(value: datetime | None) -> str:
    return value.strftime("%H:%M") if value else ""


def _hours(value: int | None) -> str:
    return "" if value is None else format_hours(value)


def _registered(value: bool) -> str:
    return "已注册" if value else "未注册"


SEQ, NAME, DEPARTMENT, REGISTERED, SIGN_IN, SIGN_OUT, RECORDED, CORRECTED, REASON = range(9)
COLUMNS = [
    Column("序号", F.index("seq"), width=45),
    Column("姓名", F.index("name"), width=80),
    Column("科室", F.index("department"), width=90),
    Column("注册", F.index("registered"), _registered, width=60),
    Column("签到", F.index("sign_in"), _clock, width=65),
    Column("签退", F.index("sign_out"), _clock, width=65),
    Column("记录时长(小时)", F.index("recorded_minutes"), _hours, align_right=True, width=105),
    Column("修正时长(小时)", F.index("corrected_minutes"), _hours, align_right=True, width=105),
    Column("修正原因", F.index("correction_reason")),
]


class SheetModel(RowTableModel):
    """`save_times(participation_id, sign_in, sign_out)` writes; `on_error` shows a UserError."""

    def __init__(
        self,
        save_times: Callable[[int, datetime | None, datetime | None], None],
        on_error: Callable[[UserError], None],
        parent: Any = None,
    ) -> None:
        super().__init__(COLUMNS, parent)
        self._save_times = save_times
        self._on_error = on_error
        self.day: date = date.today()
        self.last_edit_ok = True  # whether the last typed time was saved (keying moves on)

    def rows(self) -> list[ParticipationRow]:
        return [self.row_at(i) for i in range(self.rowCount())]  # type: ignore[misc]  # tuples

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() in (SIGN_IN, SIGN_OUT):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole and index.isValid():
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if index.column() not in (SIGN_IN, SIGN_OUT):
            return False
        # row_at returns a plain tuple; this model holds ParticipationRow rows only.
        row: ParticipationRow = self.row_at(index.row())  # type: ignore[assignment]
        try:
            moment = parse_clock(str(value), self.day)
            sign_in = moment if index.column() == SIGN_IN else row.sign_in
            sign_out = moment if index.column() == SIGN_OUT else row.sign_out
            if sign_in is not None and sign_out is not None and sign_out < sign_in:
                raise UserError(
                    f"{row.name}：签退时间 {sign_out:%H:%M} 早于签到时间 {sign_in:%H:%M}"
                )
            self._save_times(row.id, sign_in, sign_out)
        except UserError as exc:
            self.last_edit_ok = False
            self._on_error(exc)
            return False
        self.last_edit_ok = True
        minutes = minutes_between(sign_in, sign_out) if sign_in and sign_out else None
        self._replace(
            index.row(), row._replace(sign_in=sign_in, sign_out=sign_out, recorded_minutes=minutes)
        )
        return True

    def _replace(self, position: int, row: ParticipationRow) -> None:
        self._rows[position] = row
        self.dataChanged.emit(self.index(position, 0), self.index(position, self.columnCount() - 1))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The sheet keeps its paper order; sorting is not offered."""


def next_cell(index: QModelIndex) -> tuple[int, int] | None:
    """Where keying goes after a time is entered: 签到 → 签退 → next row's 签到."""
    if index.column() == SIGN_IN:
        return index.row(), SIGN_OUT
    if index.column() == SIGN_OUT and index.row() + 1 < index.model().rowCount():
        return index.row() + 1, SIGN_IN
    return None
