"""健康体检汇总: read back from the workbook and checked against the database on the demo data."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import text

from wenming_desktop.domain.periods import parse_period
from wenming_desktop.domain.thresholds import (
    BMI_OBESE,
    DIASTOLIC_HIGH,
    GLUCOSE_HIGH,
    GLUCOSE_IMPAIRED,
    SYSTOLIC_HIGH,
)
from wenming_desktop.domain.villages import short_village_names
from wenming_desktop.domain.vocabulary import FocusGroup
from wenming_desktop.services.checkups.checkup_summary import export_checkup_summary
from wenming_desktop.services.filing.ledgers import ledger
from wenming_desktop.services.settings.workspace import Workspace

YEAR = date.today().year - 1


def _expected(ws: Workspace) -> dict[tuple[date, str], dict[str, object]]:
    """Per (day, village), straight from the tables: people, shares, focus groups, follow-ups."""
    flags = ", ".join(f"r.{g.value}" for g in FocusGroup)
    sql = text(
        "SELECT c.checkup_date, v.name, c.systolic, c.diastolic, c.fasting_glucose, c.height_cm,"
        f" c.weight_kg, c.followed_up_on, {flags} FROM checkup c"
        " JOIN resident r ON r.id = c.resident_id JOIN village v ON v.id = r.village_id"
        " WHERE c.checkup_date >= :a AND c.checkup_date <= :b"
    )
    groups: dict[tuple[date, str], list[tuple[object, ...]]] = defaultdict(list)
    with ws.db.read() as session:
        for row in session.execute(sql, {"a": date(YEAR, 1, 1), "b": date(YEAR, 12, 31)}):
            day = row[0] if isinstance(row[0], date) else date.fromisoformat(str(row[0]))
            groups[(day, row[1])].append(tuple(row))
    out: dict[tuple[date, str], dict[str, object]] = {}
    for key, rows in groups.items():
        pressure = [r for r in rows if r[2] is not None or r[3] is not None]
        high = [
            r for r in pressure if (r[2] or 0) >= SYSTOLIC_HIGH or (r[3] or 0) >= DIASTOLIC_HIGH
        ]
        glucose = [r for r in rows if r[4] is not None]
        weighed = [r for r in rows if r[5] and r[6]]
        obese = [r for r in weighed if r[6] / (r[5] / 100) ** 2 >= BMI_OBESE]
        follow = [
            r
            for r in rows
            if (r[2] or 0) >= SYSTOLIC_HIGH
            or (r[3] or 0) >= DIASTOLIC_HIGH
            or (r[4] or 0) >= GLUCOSE_IMPAIRED
        ]
        focus = {g.label: sum(1 for r in rows if r[8 + i]) for i, g in enumerate(FocusGroup)}
        out[key] = {
            "people": len(rows),
            "血压偏高": round(100 * len(high) / len(pressure)) if pressure else None,
            "血糖偏高": round(100 * sum(1 for r in glucose if r[4] >= GLUCOSE_HIGH) / len(glucose))
            if glucose
            else None,
            "BMI肥胖": round(100 * len(obese) / len(weighed)) if weighed else None,
            "focus": focus,
            "需随访": len(follow),
            "已随访": sum(1 for r in follow if r[7] is not None),
        }
    return out


def test_the_summary_reads_back_as_the_database_says(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "汇总.xlsx"
    total = export_checkup_summary(demo_workspace.db, path, parse_period(str(YEAR)))
    expected = _expected(demo_workspace)
    book = load_workbook(path)
    sheet = book["体检汇总"]
    header = [c.value for c in sheet[3]]
    rows = [r for r in sheet.iter_rows(min_row=4, values_only=True) if isinstance(r[0], int)]
    assert len(rows) == len(expected) > 5
    # Villages by their short names (the county and town they share left out).
    short = {v: full for full, v in short_village_names(sorted({k[1] for k in expected})).items()}
    col = {title: header.index(title) for title in header}
    for row in rows:
        day = row[1].date() if isinstance(row[1], datetime) else row[1]
        want = expected[(day, short[row[2]])]
        assert row[col["体检人数"]] == want["people"]
        for title in ("血压偏高", "血糖偏高", "BMI肥胖"):
            assert row[col[title]] == want[title], (day, row[2], title)
        assert {g.label: row[col[g.label]] for g in FocusGroup} == want["focus"]
        assert row[col["需随访"]] == want["需随访"]
        assert row[col["已随访"]] == want["已随访"]
        # The normal bands are the rest of each measure (their columns left out for width).
        assert "血压正常" not in col
        shares = [row[col[t]] for t in ("BMI偏瘦", "BMI超重", "BMI肥胖") if row[col[t]] is not None]
        assert sum(shares) <= 101
    totals = next(r for r in sheet.iter_rows(min_row=4, values_only=True) if r[0] == "合计")
    assert totals[col["体检人数"]] == total == sum(w["people"] for w in expected.values())  # type: ignore[misc]
    assert any(w["已随访"] for w in expected.values()) and any(
        w["focus"] for w in expected.values()
    )

    # The list of who was checked: names by group, no ID number, phone or health value.
    names = book["体检人员名单"]
    listed = [r for r in names.iter_rows(min_row=4, values_only=True) if isinstance(r[0], int)]
    assert [r[3] for r in listed] == [r[col["体检人数"]] for r in rows]
    with demo_workspace.db.read() as session:
        ids = [
            n
            for (n,) in session.execute(text("SELECT id_number FROM resident"))
            if n and len(n) > 6
        ]
    flat = "".join(str(c) for r in listed for c in r)
    assert not any(n in flat or n[-4:] + "（" in flat for n in ids[:200])
    assert "***" not in flat and "mmHg" not in flat


def test_the_summary_is_a_ledger_of_the_registry(demo_workspace: Workspace, tmp_path: Path) -> None:
    from wenming_desktop.services.filing.ledgers import LedgerRequest

    spec = ledger("checkup-summary")
    assert spec.in_packet and not spec.maskable
    assert ledger("checkups").packet_option is not None and not ledger("checkups").in_packet
    path = tmp_path / "x.xlsx"
    count = spec.write(demo_workspace, LedgerRequest(parse_period(f"{YEAR}-Q2")), path)
    sheet = load_workbook(path)["体检汇总"]
    days = [r[1] for r in sheet.iter_rows(min_row=4, values_only=True) if isinstance(r[0], int)]
    assert count > 0 and all(4 <= d.month <= 6 for d in days)
