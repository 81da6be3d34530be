"""Text that breaks exports never gets in, and text stored before still exports."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import String, Text, inspect, select

from tests.helpers import run_cli
from wenming_desktop.domain.villages import VillageData
from wenming_desktop.services.settings.workspace import Workspace
from wenming_desktop.services.villages import villages
from wenming_desktop.storage.models import Base, Village

YEAR = str(date.today().year)


@pytest.fixture
def demo_folder_copy(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "数据"
    shutil.copytree(demo_template, target)
    return target


def text_columns() -> list[tuple[type, str, bool]]:
    out = []
    for mapper in Base.registry.mappers:
        for prop in mapper.column_attrs:
            kind = prop.columns[0].type
            if isinstance(kind, String):
                out.append((mapper.class_, prop.key, isinstance(kind, Text)))
    return out


def test_every_text_field_is_cleaned_when_written(demo_workspace: Workspace) -> None:
    """A bell and a NUL put into every text column of a demo row are gone once written."""
    db = demo_workspace.db
    touched = 0
    for model, key, _multiline in text_columns():
        with db.write() as session:
            row = session.scalars(select(model).where(getattr(model, key) != "").limit(1)).first()
            if row is None:
                continue
            value = getattr(row, key)
            setattr(row, key, value[:1] + "\x07\x00" + value[1:])
            identity = inspect(row).identity
            touched += 1
        with db.read() as session:
            assert getattr(session.get(model, identity), key) == value, (model, key)
    assert touched > 30


def test_a_pasted_line_break_is_a_space_in_a_name_and_a_line_in_notes(
    workspace: Workspace,
) -> None:
    vid = villages.add_village(
        workspace.db, VillageData(name="东兴\x0b村", notes="第一行\x0b第二行\x07")
    )
    with workspace.db.read() as session:
        village = session.get(Village, vid)
        assert village is not None
        assert (village.name, village.notes) == ("东兴 村", "第一行\n第二行")


def test_text_stored_before_still_exports(demo_folder_copy: Path, tmp_path: Path) -> None:
    root = demo_folder_copy
    conn = sqlite3.connect(root / "wenming.db")
    try:
        conn.execute("UPDATE village SET name = name || char(11) || char(7), notes = char(0)")
        conn.execute("UPDATE activity SET title = title || char(11), summary = char(7) || summary")
        conn.execute("UPDATE volunteer SET name = name || char(27)")
        conn.execute(
            'UPDATE audit_entry SET new_values = \'{"notes": "\\u000b\\u0007"}\' '
            "WHERE seq = (SELECT max(seq) FROM audit_entry)"
        )
        conn.execute(
            "INSERT INTO audit_entry (at, user, action, entity, old_values, new_values) "
            "VALUES (datetime('now'), 'x' || char(7), 'update', 'village', char(11), '{')"
        )
        conn.commit()
    finally:
        conn.close()
    audit = tmp_path / "操作日志.xlsx"
    done = run_cli("export", "audit", "--period", YEAR, "-o", str(audit), "--data-dir", str(root))
    assert done.returncode == 0, done.stderr
    assert load_workbook(audit).active.max_row > 3
    packet = tmp_path / "材料包.zip"
    made = run_cli("packet", "--period", YEAR, "-o", str(packet), "--data-dir", str(root))
    assert made.returncode == 0, made.stderr
    assert packet.is_file()
