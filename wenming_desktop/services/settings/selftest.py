"""`wenming self-test`: prove that an installation works, end to end, in a throw-away folder.

In a temporary data folder whose path holds Chinese characters and spaces (as on an office PC):
the database is created through the migrations, the demo data written, one workbook and one PDF
produced through the shared export code and read back, and — through a callable the caller
passes in, because only ui/ may touch Qt — the main window opened and closed. Each step is
reported; the run passes only if every step passed.
"""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from wenming_desktop.config import DataFolder
from wenming_desktop.domain.periods import parse_period
from wenming_desktop.services.filing.summary import export_summary
from wenming_desktop.services.settings.demo import load_demo
from wenming_desktop.services.settings.workspace import Workspace, open_workspace
from wenming_desktop.services.villages.village_ledger import default_villages_name, export_villages
from wenming_desktop.storage import schema
from wenming_desktop.storage.queries.villages import village_rows

log = logging.getLogger(__name__)

FOLDER_NAME = "自检 数据 folder"
WindowCheck = Callable[[Workspace], str]


@dataclass(frozen=True)
class StepResult:
    name: str
    ok: bool
    detail: str


class _Failed(Exception):
    """A step's check did not hold; the message says what was found."""


def _database(ws: Workspace) -> str:
    current = schema.current_revision(ws.db.engine)
    head = schema.head_revision()
    if current != head:
        raise _Failed(f"数据库版本为 {current}，应为 {head}")
    return f"已迁移到版本 {head}（{ws.db.describe()}）"


def _demo(ws: Workspace) -> str:
    counts = load_demo(ws.db)
    if not counts.get("village") or not counts.get("volunteer"):
        raise _Failed(f"演示数据不完整：{counts}")
    return (
        f"{counts['village']} 个结对村，{counts['volunteer']} 名志愿者，{counts['activity']} 场活动"
    )


def _server_driver() -> str:
    """The PostgreSQL driver is installed (the bundle carries it for the office server)."""
    import psycopg
    import sqlalchemy.dialects.postgresql.psycopg  # noqa: F401  # the dialect the URL names

    return f"psycopg {psycopg.__version__}（{psycopg.pq.__impl__}）"


def _workbook(ws: Workspace) -> str:
    from openpyxl import load_workbook

    path = ws.folder.exports / default_villages_name()
    count = export_villages(ws.db, path)
    with ws.db.read() as session:
        names = [row.name for row in village_rows(session)]
    book = load_workbook(path, read_only=True)
    try:
        rows = list(book.worksheets[0].iter_rows(values_only=True))
    finally:
        book.close()
    title = str(rows[0][0] or "")
    found = [row[1] for row in rows[3:]]
    if "结对村名册" not in title or found != names or count != len(names):
        raise _Failed(f"工作簿内容不符：标题“{title}”，村名 {found}，应为 {names}")
    return f"{path.name}：{count} 行，读回一致"


def _pdf(ws: Workspace) -> str:
    period = parse_period(str(date.today().year))
    path = ws.folder.exports / f"{period.label}工作总结.pdf"
    export_summary(ws.db, path, period, None)
    data = path.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-64:]:
        raise _Failed(f"{path.name} 不是完整的PDF文件")
    if pages < 1:
        raise _Failed(f"{path.name} 没有页面")
    if b"/FontFile2" not in data:
        raise _Failed(f"{path.name} 没有嵌入中文字体")
    return f"{path.name}：{pages} 页，{len(data) // 1024} KB，字体已嵌入"


def run_selftest(
    window_check: WindowCheck | None,
    report: Callable[[StepResult], None] | None = None,
    keep: Path | None = None,
) -> list[StepResult]:
    """Run every step in a new temporary folder (or under `keep`, left in place afterwards)."""
    base = Path(tempfile.mkdtemp(prefix="wenming-selftest-", dir=keep))
    folder = DataFolder(base / FOLDER_NAME)
    results: list[StepResult] = []

    def step(name: str, action: Callable[[], str]) -> bool:
        try:
            detail = action()
        except Exception as exc:
            if not isinstance(exc, _Failed):
                log.exception("self-test step %s failed", name)
            result = StepResult(name, False, f"{type(exc).__name__}: {exc}")
        else:
            result = StepResult(name, True, detail)
        results.append(result)
        if report is not None:
            report(result)
        return result.ok

    holder: list[Workspace] = []

    def open_folder() -> str:
        holder.append(open_workspace(folder, local_only=True))
        return _database(holder[0])

    try:
        if step("创建数据库", open_folder):
            ws = holder[0]
            if step("写入演示数据", lambda: _demo(ws)):
                step("导出并读回 Excel 台账", lambda: _workbook(ws))
                step("导出并读回 PDF", lambda: _pdf(ws))
            step("PostgreSQL 服务器驱动", _server_driver)
            if window_check is not None:
                step("打开并关闭主窗口", lambda: window_check(ws))
    finally:
        for ws in holder:
            ws.close()
        if keep is None:
            shutil.rmtree(base, ignore_errors=True)
    return results
