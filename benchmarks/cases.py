"""The benchmark cases; `python benchmarks/cases.py CASE program|baseline` runs one in this process
and prints {"seconds": …, "peak_mb": …, "extra": …} as its last line."""

from __future__ import annotations

import itertools
import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

T0 = time.perf_counter()
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


@dataclass(frozen=True)
class Case:
    title: str
    program: Callable[[], float | tuple[float, float]]
    baseline: Callable[[], float] | None
    target: str

    @property
    def has_baseline(self) -> bool:
        return self.baseline is not None


CPU_SECONDS: list[float] = []  # CPU time of the timed part, for the cases that measure it


def _start() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def _stop(start: tuple[float, float]) -> float:
    """Wall seconds since `start`; the CPU seconds are kept in CPU_SECONDS (a shared machine
    slows the wall clock far more than the CPU time)."""
    CPU_SECONDS.append(time.process_time() - start[1])
    return time.perf_counter() - start[0]


def data_folder():  # a DataFolder, imported late to time start-up honestly
    from wenming_desktop.config import resolve_data_folder

    return resolve_data_folder()


def _first_paint(window: object, app: object) -> float:
    """Show `window`, run the event loop until its first paint, return seconds since T0."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    painted: list[float] = []

    class Watcher(QObject):
        def eventFilter(self, _obj: object, event: QEvent) -> bool:  # Qt name
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.perf_counter() - T0)
                QTimer.singleShot(0, app.quit)  # type: ignore[attr-defined]
            return False

    watcher = Watcher()
    window.installEventFilter(watcher)  # type: ignore[attr-defined]
    window.show()  # type: ignore[attr-defined]
    app.exec()  # type: ignore[attr-defined]
    return painted[0]


def start_program() -> tuple[float, float]:
    """The real start path (`wenming --data-dir DIR`: entry → run_gui) to the main window's first
    paint; extra = milliseconds from that paint until 首页 shows its data (its figures and lists
    and the 志愿服务概况 box)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    # The window is made inside run_gui: its first paint is seen through its paintEvent (an
    # application-wide event filter would put a Python call on every event of every widget).
    from wenming_desktop.ui.main_window import MainWindow

    painted: list[float] = []
    shown: list[float] = []
    poll = QTimer()
    poll.setInterval(5)
    paint_event = MainWindow.paintEvent

    def first_paint(window: MainWindow, event: object) -> None:
        if not painted:
            painted.append(time.perf_counter() - T0)
            poll.timeout.connect(lambda: check(window))
            poll.start()
        paint_event(window, event)  # type: ignore[arg-type]

    def check(window: MainWindow) -> None:
        if not window.pages.is_built("首页"):
            return
        home = window.pages["首页"]
        roster = getattr(home, "roster", None)  # the 志愿服务概况 box loads on its own
        if getattr(home, "loaded", None) is not None and (
            roster is None or roster.figures["volunteers"].text() != "…"
        ):
            shown.append(time.perf_counter() - T0)
            poll.stop()
            app.quit()

    MainWindow.paintEvent = first_paint  # type: ignore[method-assign]
    from wenming_desktop.entry import main

    main(["--data-dir", str(data_folder().root)])  # returns when 首页 is filled
    assert painted and shown, "the window never showed its data"
    return painted[0], (shown[0] - painted[0]) * 1000


def start_baseline() -> float:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication([])
    window = QMainWindow()
    window.setCentralWidget(QLabel("文明实践工作台"))
    window.resize(1280, 800)
    return _first_paint(window, app)


def _packet_year(cached: bool) -> tuple[float, float]:
    """Seconds for the year's packet, and the longest time (s) the progress did not move.
    `cached`: the activity records' cache is filled first (an unchanged year built again);
    otherwise it is emptied (the first packet of a year)."""
    import shutil

    from wenming_desktop.domain.periods import parse_period
    from wenming_desktop.services.filing.filing import build_packet
    from wenming_desktop.services.filing.record_pool import CACHE_FOLDER
    from wenming_desktop.services.progress import Progress
    from wenming_desktop.services.settings.workspace import open_workspace

    folder = data_folder()
    ws = open_workspace(folder)
    cache = folder.root / CACHE_FOLDER
    shutil.rmtree(cache, ignore_errors=True)
    moves: list[float] = []
    last: list[int] = [-1]

    def moved(done: int, _total: int, _message: str) -> None:
        if done != last[0]:
            last[0] = done
            moves.append(time.perf_counter())

    with tempfile.TemporaryDirectory() as out:
        if cached:
            build_packet(ws, parse_period("2025"), None, Path(out) / "first")
        start = time.perf_counter()
        moves.append(start)
        build_packet(ws, parse_period("2025"), None, Path(out) / "packet", progress=Progress(moved))
        end = time.perf_counter()
    moves.append(end)
    shutil.rmtree(cache, ignore_errors=True)
    return end - start, max(b - a for a, b in itertools.pairwise(moves))


def packet_year() -> tuple[float, float]:
    return _packet_year(cached=False)


def packet_year_cached() -> tuple[float, float]:
    return _packet_year(cached=True)


def _packet_lateness(idle_first: bool) -> tuple[float, float]:
    """Seconds for a quarter's packet built from 台账与归档, and the worst lateness (ms) of a
    10 ms timer meanwhile. `idle_first`: the window is shown and its first data (首页) loaded
    before the packet starts; otherwise the packet starts at once, with 首页 still loading."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from wenming_desktop.services.settings.workspace import open_workspace
    from wenming_desktop.ui.app import build_window, prepare_application

    app = QApplication([])
    prepare_application(app)
    window = build_window(open_workspace(data_folder()))
    window.show()
    if idle_first:
        home = window.show_page("首页")
        deadline = time.perf_counter() + 120
        while getattr(home, "loaded", None) is None and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.005)
        window.context.runner.wait(120_000)
        for _ in range(20):
            app.processEvents()
    page = window.show_page("台账与归档")
    page.year.setValue(2025)
    page.kind.setCurrentIndex(page.kind.findData("Q3"))
    worst = [0.0]
    clock = QElapsedTimer()
    tick = QTimer()
    tick.setInterval(10)

    def on_tick() -> None:
        late = clock.restart() - 10
        worst[0] = max(worst[0], float(late))

    tick.timeout.connect(on_tick)
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        page.build_packet(Path(out) / "packet")
        clock.start()
        tick.start()
        while not page.packet_button.isEnabled():
            app.processEvents()
            time.sleep(0.001)
        seconds = time.perf_counter() - start
    tick.stop()
    return seconds, worst[0]


def event_loop_during_packet() -> tuple[float, float]:
    return _packet_lateness(idle_first=False)


def event_loop_from_idle() -> tuple[float, float]:
    return _packet_lateness(idle_first=True)


KEYSTROKES = ("z", "zh", "zha", "1", "13", "139", "王", "王芳", "")


def _wait_for_rows(app: object, page: object, timeout: float = 60.0) -> None:
    deadline = time.perf_counter() + timeout
    while page.model.rowCount() == 0 and time.perf_counter() < deadline:  # type: ignore[attr-defined]
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.005)


def filter_volunteers() -> float:
    """Median seconds per keystroke in the 志愿者 search box, 3,000 volunteers loaded."""
    from PySide6.QtWidgets import QApplication

    from wenming_desktop.services.settings.workspace import open_workspace
    from wenming_desktop.ui.app import build_window, prepare_application

    app = QApplication([])
    prepare_application(app)
    window = build_window(open_workspace(data_folder()))
    page = window.show_page("志愿者")
    _wait_for_rows(app, page)
    times = []
    for text in KEYSTROKES:
        start = time.perf_counter()
        page.search.setText(text)
        app.processEvents()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def filter_volunteers_sql() -> float:
    """The bare query returning the matching volunteers, per keystroke."""
    import sqlite3

    conn = sqlite3.connect(data_folder().database)
    times = []
    for text in KEYSTROKES:
        start = time.perf_counter()
        conn.execute(
            "SELECT v.id, v.staff_no, v.name, v.phone, d.name FROM volunteer v "
            "LEFT JOIN department d ON d.id = v.department_id WHERE v.name LIKE ? "
            "OR v.pinyin_initials LIKE ? OR v.staff_no LIKE ? OR v.phone LIKE ?",
            (f"%{text}%", f"{text}%", f"{text}%", f"%{text}"),
        ).fetchall()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def _keystroke_seconds(app: object, edit: object, model: object, keys: tuple[str, ...]) -> float:
    """Median seconds from setting each text to the list's rows being replaced and the event
    loop idle again (a load on the runner is waited for, so it is included)."""
    from PySide6.QtCore import QCoreApplication

    resets = [0]
    model.modelReset.connect(lambda: resets.__setitem__(0, resets[0] + 1))  # type: ignore[attr-defined]
    times = []
    for text in keys:
        before = resets[0]
        start = time.perf_counter()
        edit.setText(text)  # type: ignore[attr-defined]
        while resets[0] == before and time.perf_counter() - start < 30:
            QCoreApplication.processEvents()
        app.processEvents()  # type: ignore[attr-defined]
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


ACTIVITY_KEYS = ("义", "义诊", "村", "村委", "健康", "健康体检", "z", "3", "")


def _open_window() -> tuple[object, object]:
    from PySide6.QtWidgets import QApplication

    from wenming_desktop.services.settings.workspace import open_workspace
    from wenming_desktop.ui.app import build_window, prepare_application

    app = QApplication([])
    prepare_application(app)
    return app, build_window(open_workspace(data_folder()))


def filter_activities() -> float:
    """Median seconds per keystroke in the 活动 查找 box, all 5,000 activities in the range."""
    from PySide6.QtCore import QDate

    app, window = _open_window()
    page = window.show_page("活动")  # type: ignore[attr-defined]
    page.date_from.setDate(QDate(2000, 1, 1))
    page.date_to.setDate(QDate(2100, 12, 31))
    _wait_for_rows(app, page)
    return _keystroke_seconds(app, page.text, page.model, ACTIVITY_KEYS)


def filter_activities_sql() -> float:
    """The bare query returning the matching activities with their volunteer figures."""
    import sqlite3

    conn = sqlite3.connect(data_folder().database)
    times = []
    for text in ACTIVITY_KEYS:
        like = f"%{text}%"
        start = time.perf_counter()
        conn.execute(
            "SELECT a.id, a.start_at, v.name, c.name, a.title, a.place, a.status, "
            "count(p.id), coalesce(sum(coalesce(p.corrected_minutes, p.recorded_minutes, 0)), 0), "
            "a.actual_attendance FROM activity a JOIN village v ON v.id = a.village_id "
            "JOIN category c ON c.id = a.category_id "
            "LEFT JOIN participation p ON p.activity_id = a.id "
            "WHERE a.start_at >= '2000-01-01' AND a.start_at < '2101-01-01' AND (a.title LIKE ? "
            "OR a.place LIKE ? OR a.summary LIKE ? OR a.person_in_charge LIKE ?) "
            "GROUP BY a.id ORDER BY a.start_at DESC, a.id DESC",
            (like, like, like, like),
        ).fetchall()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def filter_checkups() -> float:
    """Median seconds per keystroke in 体检记录与历史, all villages, 2025 (~48,000 checkups)."""
    app, window = _open_window()
    page = window.show_page("健康体检")  # type: ignore[attr-defined]
    records = page.records
    page.tabs.setCurrentWidget(records)
    records.year.setValue(2025)
    _wait_for_rows(app, records)
    window.context.runner.wait(60_000)  # type: ignore[attr-defined]
    app.processEvents()  # type: ignore[attr-defined]
    return _keystroke_seconds(app, records.search, records.model, KEYSTROKES)


def filter_checkups_sql() -> float:
    """The bare query returning the matching checkups of 2025 with their residents."""
    import sqlite3

    conn = sqlite3.connect(data_folder().database)
    times = []
    for text in KEYSTROKES:
        start = time.perf_counter()
        conn.execute(
            "SELECT c.*, r.name, r.gender, r.birth_date, r.id_number, r.phone, r.group_name, "
            "v.name FROM checkup c JOIN resident r ON r.id = c.resident_id "
            "JOIN village v ON v.id = r.village_id "
            "WHERE c.checkup_date >= '2025-01-01' AND c.checkup_date < '2026-01-01' AND "
            "(r.name LIKE ? OR r.pinyin_initials LIKE ? OR r.id_number LIKE ? OR r.phone LIKE ?) "
            "ORDER BY c.checkup_date DESC, c.id DESC",
            (f"%{text}%", f"{text}%", f"%{text}", f"%{text}"),
        ).fetchall()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def _hr_sheet(path: Path, rows: int = 3000) -> Path:
    from openpyxl import Workbook

    from wenming_desktop.domain.identity import id_check_char

    book = Workbook(write_only=True)
    sheet = book.create_sheet("花名册")
    sheet.append(["鹤岗市中医院职工花名册"])
    sheet.append(["姓名", "性别", "职工号", "部门", "职称", "政治面貌", "联系电话", "身份证号"])
    for i in range(rows):
        first17 = f"23040219{80 + i % 20:02d}{1 + i % 12:02d}{1 + i % 28:02d}{i % 1000:03d}"
        sheet.append(
            [f"职工{i:04d}", "男" if i % 2 else "女", f"HR{i:05d}", "内科", "医师", "群众",
             f"139{i:08d}", first17 + id_check_char(first17)]
        )  # fmt: skip
    book.save(path)
    return path


def import_hr() -> float:
    from wenming_desktop.config import DataFolder
    from wenming_desktop.services.roster.roster_import import apply_import, plan_import
    from wenming_desktop.services.settings.workspace import open_workspace

    with tempfile.TemporaryDirectory() as tmp:
        sheet = _hr_sheet(Path(tmp) / "hr.xlsx")
        ws = open_workspace(DataFolder(Path(tmp) / "data"))
        start = time.perf_counter()
        apply_import(ws.db, plan_import(ws.db, sheet))
        seconds = time.perf_counter() - start
        ws.close()
        return seconds


def import_hr_bare() -> float:
    """openpyxl read-only reading the sheet plus one executemany into a plain table."""
    import sqlite3

    from openpyxl import load_workbook

    with tempfile.TemporaryDirectory() as tmp:
        sheet = _hr_sheet(Path(tmp) / "hr.xlsx")
        conn = sqlite3.connect(Path(tmp) / "bare.db")
        conn.execute("CREATE TABLE v (name, gender, staff_no, dept, title, status, phone, id)")
        start = time.perf_counter()
        book = load_workbook(sheet, read_only=True)
        rows = [r for r in book.active.iter_rows(min_row=3, values_only=True)]
        conn.executemany("INSERT INTO v VALUES (?,?,?,?,?,?,?,?)", rows)
        conn.commit()
        return time.perf_counter() - start


def _checkup_ledger(year: int | None) -> float:
    from wenming_desktop.services.checkups.checkup_exports import export_checkup_ledger
    from wenming_desktop.services.settings.workspace import open_workspace

    ws = open_workspace(data_folder())
    with tempfile.TemporaryDirectory() as out:
        start = _start()
        export_checkup_ledger(ws.db, Path(out) / "ledger.xlsx", year)  # type: ignore[arg-type]
        return _stop(start)


def _bare_ledger_rows(conn, year: int | None):  # sqlite3: a cursor of tuples, one per checkup
    """The cells of the default (masked) ledger, each worked out in SQL by sqlite3: 序号, the
    date as a date, village … gender, the birth date as text, the age as a number, ID and phone
    masked, each health value "***" where one exists (异常提示 by the thresholds' limits), the
    doctor, the follow-up with its note masked. 26 cells a row of the same types as the
    program's; no domain code."""
    import sqlite3
    from datetime import date

    sqlite3.register_converter("day", lambda b: date.fromisoformat(b.decode()))
    conn = sqlite3.connect(data_folder().database, detect_types=sqlite3.PARSE_COLNAMES)

    def masked(expression: str) -> str:
        return f"CASE WHEN {expression} IS NULL OR {expression} = '' THEN NULL ELSE '***' END"

    where = "WHERE c.checkup_date >= ? AND c.checkup_date < ?" if year else ""
    return conn.execute(
        "SELECT row_number() OVER (ORDER BY c.checkup_date, v.id, r.group_name, c.id), "
        'c.checkup_date AS "d [day]", v.name, r.group_name, r.name, r.gender, '
        "CASE WHEN r.birth_date IS NULL THEN '' WHEN r.birth_precision = 'month' "
        "THEN substr(r.birth_date, 1, 7) ELSE r.birth_date END, "
        "CAST(strftime('%Y', c.checkup_date) AS INTEGER) "
        "- CAST(strftime('%Y', r.birth_date) AS INTEGER) "
        "- (strftime('%m-%d', c.checkup_date) < strftime('%m-%d', r.birth_date)), "
        "substr(r.id_number, 1, 6) || '********' || substr(r.id_number, -4), "
        "CASE WHEN r.phone = '' THEN NULL "
        "ELSE substr(r.phone, 1, 3) || '****' || substr(r.phone, 8) END, "
        f"{masked('c.height_cm')}, {masked('c.weight_kg')}, "
        f"{masked('c.height_cm * c.weight_kg')}, {masked('c.waist_cm')}, "
        f"{masked('c.systolic * c.diastolic')}, {masked('c.heart_rate')}, "
        f"{masked('c.fasting_glucose')}, {masked('c.chronic_conditions')}, "
        f"{masked('c.constitution')}, {masked('c.tcm_answers')}, "
        f"{masked('c.self_care_eating + c.self_care_grooming + c.self_care_dressing')}, "
        "CASE WHEN c.systolic >= 140 OR c.diastolic >= 90 OR c.fasting_glucose >= 6.1 "
        "OR c.weight_kg * 10000 / (c.height_cm * c.height_cm) NOT BETWEEN 18.5 AND 27.999 "
        "THEN '***' ELSE '' END, "
        f"{masked('c.conclusion')}, {masked('c.advice')}, coalesce(d.name, ''), "
        "CASE WHEN c.followed_up_on IS NULL THEN '' ELSE c.followed_up_on || ' ' || "
        f"c.followed_up_by || '：' || coalesce({masked('c.follow_up_note')}, '') END "
        "FROM checkup c JOIN resident r ON r.id = c.resident_id "
        "JOIN village v ON v.id = r.village_id "
        f"LEFT JOIN volunteer d ON d.id = c.doctor_id {where} "
        "ORDER BY c.checkup_date, v.id, r.group_name, c.id",
        (f"{year}-01-01", f"{year + 1}-01-01") if year else (),
    )


def _bare_connection():  # sqlite3.Connection reading checkup dates as dates
    import sqlite3
    from datetime import date

    sqlite3.register_converter("day", lambda b: date.fromisoformat(b.decode()))
    return sqlite3.connect(data_folder().database, detect_types=sqlite3.PARSE_COLNAMES)


def _bare_ledger_write(conn, year: int | None, path: Path) -> None:
    """Bare XlsxWriter (constant memory, one format per cell as the ledger has) writing the
    rows of `_bare_ledger_rows` from the fourth row on (where the ledger's body starts); no
    row heights, column widths or print setup."""
    from xlsxwriter import Workbook

    rows = _bare_ledger_rows(conn, year).fetchall()
    book = Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False})
    cell = book.add_format({"font_name": "宋体", "border": 1, "text_wrap": True})
    sheet = book.add_worksheet("健康体检台账")
    for number, row in enumerate(rows, start=3):
        sheet.write_row(number, 0, row, cell)
    book.close()


def _checkup_ledger_bare(year: int | None) -> float:
    """The baseline: `_bare_ledger_write`, query included (as the program's is)."""
    conn = _bare_connection()
    with tempfile.TemporaryDirectory() as out:
        start = _start()
        _bare_ledger_write(conn, year, Path(out) / "bare.xlsx")
        return _stop(start)


class Skipped(Exception):
    """A case that cannot run here (an optional benchmark package missing); its message says
    what to install."""


def _checkup_ledger_rust(year: int | None) -> float:
    """The limit to aim at: the same rows as `_checkup_ledger_bare` (cells worked out in SQL)
    written by the Rust-backed rustpy-xlsxwriter (streamed from a generator of dicts, the
    form its API takes; the 26 column titles as the header row, the body from the fourth row
    like the ledger's). A benchmark-only package: `pip install -e ".[bench]"`."""
    try:
        from rustpy_xlsxwriter import write_worksheet
    except ImportError:
        raise Skipped('rustpy-xlsxwriter 未安装（pip install -e ".[bench]"）') from None
    from wenming_desktop.exports.excel.checkups import ledger_fields

    titles = ["序号", *(f.title for f in ledger_fields(False))]
    conn = _bare_connection()
    with tempfile.TemporaryDirectory() as out:
        start = _start()
        rows = _bare_ledger_rows(conn, year)
        write_worksheet(
            (dict(zip(titles, row, strict=True)) for row in rows),
            str(Path(out) / "rust.xlsx"),
            sheet_name="健康体检台账",
            datetime_format="yyyy-mm-dd",
            header_row=2,
        )
        return _stop(start)


def ledger_cells_agree(year: int | None = 2025, every: int = 1) -> float:
    """Write the ledger and the baseline, read both back (openpyxl), and compare the body
    cells of every `every`-th row: values and their types (a date read back as a datetime, a
    number as a number, text as text; a blank and an empty string alike). Returns the rows
    compared; raises AssertionError naming the first cell that differs. The baseline's date
    has no date format (one format for every cell), so it reads back as its serial number:
    the ledger's dates are compared as serial numbers."""
    from datetime import datetime

    from openpyxl import load_workbook

    from wenming_desktop.services.checkups.checkup_exports import export_checkup_ledger
    from wenming_desktop.services.settings.workspace import open_workspace

    ws = open_workspace(data_folder())
    with tempfile.TemporaryDirectory() as out:
        ours, bare = Path(out) / "ledger.xlsx", Path(out) / "bare.xlsx"
        export_checkup_ledger(ws.db, ours, year)  # type: ignore[arg-type]
        _bare_ledger_write(_bare_connection(), year, bare)
        books = [load_workbook(p, read_only=True) for p in (ours, bare)]
        sheets = [b.worksheets[0].iter_rows(min_row=4, values_only=True) for b in books]
        compared = 0
        for number, (mine, theirs) in enumerate(itertools.zip_longest(*sheets), start=4):
            if mine is None or theirs is None:
                # the ledger has no footnote row here; a missing row is a difference
                raise AssertionError(f"row {number}: only in {'bare' if mine is None else 'ours'}")
            if (number - 4) % every:
                continue
            mine = tuple(
                (v - datetime(1899, 12, 30)).days
                if isinstance(v, datetime)
                else None
                if v == ""
                else v
                for v in mine
            )
            theirs = tuple(None if v == "" else v for v in theirs)
            theirs += (None,) * (len(mine) - len(theirs))
            for col, (a, b) in enumerate(zip(mine, theirs, strict=True)):
                if a != b or type(a) is not type(b):
                    raise AssertionError(f"row {number} column {col + 1}: {a!r} ≠ {b!r}")
            compared += 1
        for book in books:
            book.close()
        return float(compared)


def _checkup_ledger_bare_loose(year: int | None) -> float:
    """The baseline of the first writer benchmarks, kept to compare with: 23 columns per
    checkup, raw (health values as numbers, dates as text), by bare XlsxWriter in
    constant-memory mode, one format per cell."""
    import sqlite3

    from xlsxwriter import Workbook

    conn = sqlite3.connect(data_folder().database)
    where = "WHERE strftime('%Y', c.checkup_date) = ?" if year else ""
    with tempfile.TemporaryDirectory() as out:
        start = _start()
        rows = conn.execute(
            "SELECT c.id, c.checkup_date, v.name, r.group_name, r.name, r.gender, r.birth_date, "
            "r.id_number, r.phone, c.height_cm, c.weight_kg, c.weight_kg, c.waist_cm, "
            "c.systolic || '/' || c.diastolic, c.heart_rate, c.fasting_glucose, "
            "c.chronic_conditions, c.constitution, c.self_care_eating, c.conclusion, "
            "c.conclusion, c.advice, c.doctor_id FROM checkup c JOIN resident r ON "
            f"r.id = c.resident_id JOIN village v ON v.id = r.village_id {where} "
            "ORDER BY c.checkup_date",
            (str(year),) if year else (),
        ).fetchall()
        book = Workbook(str(Path(out) / "bare.xlsx"), {"constant_memory": True})
        cell = book.add_format({"font_name": "宋体", "border": 1, "text_wrap": True})
        sheet = book.add_worksheet("健康体检台账")
        for number, row in enumerate(rows, start=3):
            sheet.write_row(number, 0, row, cell)
        book.close()
        return _stop(start)


SIGNIN_ROWS = [[f"村民{i:05d}", "男", "72", "第3村民小组", "230421********1234", "139****1234", ""]
               for i in range(5000)]  # fmt: skip


def signin_5000() -> float:
    from wenming_desktop.exports.pdf.signin import SigninColumn, SigninHeading, build_signin_sheet
    from wenming_desktop.services.checkups.checkup_exports import RESIDENT_COLUMNS

    heading = SigninHeading(
        "健康义诊暨老年人健康体检", "村民签到表", "2026年07月15日", "村委会", "本院"
    )
    columns = [SigninColumn(t, w, c) for t, w, c in RESIDENT_COLUMNS]
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        build_signin_sheet(Path(out) / "s.pdf", heading, columns, SIGNIN_ROWS)
        return time.perf_counter() - start


def signin_5000_bare() -> float:
    """reportlab platypus drawing the same table (header repeated) with the same font."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table

    from wenming_desktop.exports.pdf.fonts import register_fonts

    font = register_fonts()
    data = [["序号", "姓名", "性别", "年龄", "村民小组", "身份证号", "联系电话", "本人签名"]]
    data += [[str(i + 1), *r] for i, r in enumerate(SIGNIN_ROWS)]
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        table = Table(data, repeatRows=1)
        table.setStyle(
            [("FONT", (0, 0), (-1, -1), font, 10), ("GRID", (0, 0), (-1, -1), 0.5, "grey")]
        )
        SimpleDocTemplate(str(Path(out) / "b.pdf"), pagesize=A4).build([table])
        return time.perf_counter() - start


CASES: dict[str, Case] = {
    "start": Case(
        "启动到主窗口首次绘制（大数据集；extra 列：首次绘制到首页显示数据，毫秒）",
        start_program,
        start_baseline,
        "≤1.5×",
    ),
    "filter_volunteers": Case(
        "志愿者列表每次按键筛选（3,000人）", filter_volunteers, filter_volunteers_sql, "<50ms"
    ),
    "filter_activities": Case(
        "活动列表每次按键筛选（5,000场）", filter_activities, filter_activities_sql, "<50ms"
    ),
    "filter_checkups": Case(
        "体检记录每次按键筛选（2025年，约4.8万人次）",
        filter_checkups,
        filter_checkups_sql,
        "<50ms",
    ),
    "ledger_year": Case(
        "健康体检台账（一年，约4.8万行）",
        lambda: _checkup_ledger(2025),
        lambda: _checkup_ledger_bare(2025),
        "≤1.2×, <150MB",
    ),
    "ledger_year_rust": Case(
        "健康体检台账（一年），对照Rust写入器（rustpy-xlsxwriter，同样的单元格；比值=本程序/Rust）",
        lambda: _checkup_ledger(2025),
        lambda: _checkup_ledger_rust(2025),
        "—",
    ),
    "ledger_year_loose": Case(
        "健康体检台账（一年），对照旧基线（23列原始值）",
        lambda: _checkup_ledger(2025),
        lambda: _checkup_ledger_bare_loose(2025),
        "—",
    ),
    "ledger_all": Case(
        "健康体检台账（全部，约10万行）",
        lambda: _checkup_ledger(None),
        lambda: _checkup_ledger_bare(None),
        "≤1.5×, <400MB",
    ),
    "signin_5000": Case("5,000行签到表PDF", signin_5000, signin_5000_bare, "≤1.5×"),
    "import_hr": Case("导入3,000行人事表", import_hr, import_hr_bare, "≤2×"),
    "packet": Case(
        "全年归档材料包（全部结对村，首次；extra 列：进度最长停顿，秒）",
        packet_year,
        None,
        "<60s, 停顿<1s, 峰值内存<400MB",
    ),
    "packet_cached": Case(
        "全年归档材料包（活动记录未变，取自缓存；extra 列：进度最长停顿，秒）",
        packet_year_cached,
        None,
        "<60s, 停顿<1s",
    ),
    "eventloop": Case(
        "生成季度材料包时界面最长阻塞(ms, extra 列)", event_loop_during_packet, None, "<100ms"
    ),
    "eventloop_idle": Case(
        "首页加载完后再生成季度材料包，界面最长阻塞(ms, extra 列)",
        event_loop_from_idle,
        None,
        "<100ms",
    ),
}


def main() -> None:
    name, variant = sys.argv[1], sys.argv[2]
    if name == "ledger_cells_agree":  # a check, not a timing: rows compared
        print(json.dumps({"rows_compared": ledger_cells_agree(every=int(variant))}))
        os._exit(0)
    case = CASES[name]
    func = case.program if variant == "program" else case.baseline
    assert func is not None
    try:
        outcome = func()
    except Skipped as skipped:
        print(json.dumps({"skipped": str(skipped)}))
        os._exit(0)
    seconds, extra = outcome if isinstance(outcome, tuple) else (outcome, 0.0)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = {"seconds": seconds, "peak_mb": peak_kb / 1024, "extra": extra}
    if CPU_SECONDS:
        result["cpu"] = CPU_SECONDS[-1]
    print(json.dumps(result))
    os._exit(0)  # skip interpreter teardown: not part of what is measured


if __name__ == "__main__":
    main()
