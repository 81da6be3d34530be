"""结对村名册: the paired villages as a print-ready ledger (one sheet, one row per village)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from operator import attrgetter
from pathlib import Path

from wenming_desktop.domain.identity import mask_phone
from wenming_desktop.domain.villages import VillageRow
from wenming_desktop.exports.excel.ledger import Ledger, LedgerField

SHEET_NAME = "结对村名册"


def ledger_fields(unmask: bool) -> list[LedgerField[VillageRow]]:
    """The ledger's columns after 序号, each with its cell; phones masked unless `unmask`."""

    def phone(row: VillageRow) -> str:
        return row.contact_phone if unmask else mask_phone(row.contact_phone)

    return [
        LedgerField("结对村", 16, attrgetter("name")),
        LedgerField("新时代文明实践站", 18, attrgetter("station_name")),
        LedgerField("联系人", 10, attrgetter("contact_person")),
        LedgerField("联系电话", 15, phone),
        LedgerField("结对开始", 12, attrgetter("pairing_start")),
        LedgerField("结对结束", 12, attrgetter("pairing_end")),
        LedgerField("活动场次", 9, attrgetter("activity_count")),
        LedgerField("村民人数", 9, attrgetter("resident_count")),
        LedgerField("备注", 18, attrgetter("notes")),
    ]


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
        book.table(SHEET_NAME, (hospital, "结对村名册"), subtitle, ledger_fields(unmask)).add_all(
            rows
        )
    return Path(path)
