"""结对村名册: the paired villages as a print-ready ledger (one sheet, one row per village)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from wenming_desktop.domain.identity import mask_phone
from wenming_desktop.exports.excel.ledger import Ledger, LedgerColumn
from wenming_desktop.storage.queries.villages import VillageRow

SHEET_NAME = "结对村名册"
COLUMNS = (
    LedgerColumn("序号", 6),
    LedgerColumn("结对村", 24),
    LedgerColumn("新时代文明实践站", 28),
    LedgerColumn("联系人", 10),
    LedgerColumn("联系电话", 15),
    LedgerColumn("结对开始", 12),
    LedgerColumn("结对结束", 12),
    LedgerColumn("活动场次", 9),
    LedgerColumn("村民人数", 9),
    LedgerColumn("备注", 30),
)


def write_villages_ledger(
    path: Path,
    hospital: str,
    rows: Sequence[VillageRow],
    unmask: bool = False,
    today: date | None = None,
) -> Path:
    """Write the ledger atomically; phones are masked unless `unmask`."""
    day = today or date.today()
    subtitle = f"共 {len(rows)} 个结对村　　导出日期：{day:%Y-%m-%d}"
    with Ledger(path) as book:
        sheet = book.sheet(SHEET_NAME, f"{hospital}结对村名册", subtitle, COLUMNS)
        for number, row in enumerate(rows, start=1):
            phone = row.contact_phone if unmask else mask_phone(row.contact_phone)
            sheet.append(
                (
                    number,
                    row.name,
                    row.station_name,
                    row.contact_person,
                    phone,
                    row.pairing_start,
                    row.pairing_end,
                    row.activity_count,
                    row.resident_count,
                    row.notes,
                )
            )
    return Path(path)
