"""结对村名册: written through the shared ledger, read back cell by cell; phones masked."""

from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import select

from tests.helpers import run_cli
from wenming_desktop.services.settings.workspace import Workspace
from wenming_desktop.services.villages.village_ledger import default_villages_name, export_villages
from wenming_desktop.storage.models import AuditEntry


def read(path: Path) -> list[tuple]:
    book = load_workbook(path, read_only=True)
    try:
        return list(book.worksheets[0].iter_rows(values_only=True))
    finally:
        book.close()


def test_ledger_rows_and_masking(demo_workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "导出 文件夹" / default_villages_name()
    assert export_villages(demo_workspace.db, path) == 4
    rows = read(path)
    assert rows[0][0] == "鹤岗市中医院结对村名册"
    assert rows[1][0].startswith("共 4 个结对村")
    assert rows[2][:5] == ("序号", "结对村", "新时代文明实践站", "联系人", "联系电话")
    assert rows[3][:5] == (
        1,
        "萝北县肇兴镇东兴村",
        "东兴村新时代文明实践站",
        "刘德胜",
        "139****1234",
    )
    assert [r[0] for r in rows[3:]] == [1, 2, 3, 4]
    assert all(r[7] > 0 for r in rows[3:])  # activity counts
    with demo_workspace.db.read() as session:
        assert session.scalar(select(AuditEntry).where(AuditEntry.action == "unmask")) is None


def test_unmasked_export_is_audited(demo_workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "名册.xlsx"
    export_villages(demo_workspace.db, path, unmask=True)
    assert read(path)[3][4] == "13904681234"
    with demo_workspace.db.read() as session:
        entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "unmask"))
    assert entry is not None and "结对村名册" in entry.new_values


def test_windows_valid_default_name() -> None:
    name = default_villages_name()
    assert name.startswith("结对村名册_") and name.endswith(".xlsx")
    assert not set(name) & set('<>:"/\\|?*')


def test_export_villages_command(tmp_path: Path) -> None:
    folder = tmp_path / "数据 文件夹"
    assert run_cli("demo", "--data-dir", str(folder)).returncode == 0
    result = run_cli("export", "villages", "--data-dir", str(folder))
    assert result.returncode == 0, result.stderr
    written = list((folder / "exports").glob("结对村名册_*.xlsx"))
    assert len(written) == 1 and str(written[0]) in result.stdout
    assert len(read(written[0])) == 3 + 4
