"""The sheet readers side by side on one large generated HR sheet (run by hand, never in CI).

`python benchmarks/sheet_readers.py [--rows 50000] [--repeat 3]` writes the sheet once as .xlsx
(openpyxl write-only) and .xls (xlwt, at most 65,535 rows) in benchmarks/.data/, then times, each
in a fresh subprocess (median seconds, peak RSS in MB):

- `read_sheet xlsx`: the import's reader on .xlsx (guard, scan, openpyxl read-only)
- `openpyxl bare`: openpyxl read-only iterating the same sheet's values
- `calamine xlsx`: python-calamine reading the same .xlsx whole
- `read_sheet xls`: the import's reader on .xls (guard, calamine)
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / ".data"
HEADER = ["序号", "工号", "姓名", "性别", "科室", "职称", "职务", "政治面貌", "手机号码",
          "身份证号", "出生年月", "备注"]  # fmt: skip


def make_files(rows: int) -> tuple[Path, Path]:
    import xlwt
    from openpyxl import Workbook

    DATA.mkdir(parents=True, exist_ok=True)
    xlsx, xls = DATA / f"hr_{rows}.xlsx", DATA / f"hr_{rows}.xls"
    if xlsx.exists() and xls.exists():
        return xlsx, xls
    values = [
        [i, f"T{i:06d}", f"测试{i}", "男" if i % 2 else "女", "内科", "主治医师", "", "群众",
         f"139{i:08d}", "", f"1985.{i % 12 + 1:02d}", ""]
        for i in range(1, rows + 1)
    ]  # fmt: skip
    book = Workbook(write_only=True)
    sheet = book.create_sheet("花名册")
    sheet.append(["职工花名册"])
    sheet.append(HEADER)
    for row in values:
        sheet.append(row)
    book.save(xlsx)
    old = xlwt.Workbook(encoding="utf-8")
    ws = old.add_sheet("花名册")
    ws.write(0, 0, "职工花名册")
    for c, text in enumerate(HEADER):
        ws.write(1, c, text)
    for r, row in enumerate(values[:65_000], start=2):
        for c, value in enumerate(row):
            ws.write(r, c, value)
    old.save(str(xls))
    return xlsx, xls


CASES = {
    "read_sheet xlsx": ("reader", 0),
    "openpyxl bare": ("openpyxl", 0),
    "calamine xlsx": ("calamine", 0),
    "read_sheet xls": ("reader", 1),
}


def child(kind: str, path: Path) -> None:
    start = time.perf_counter()
    if kind == "reader":
        from wenming_desktop.services.roster.roster_import import HR_FIELDS
        from wenming_desktop.services.workbooks.sheet_reader import read_sheet

        count = len(read_sheet(path, HR_FIELDS).rows)
    elif kind == "openpyxl":
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True)
        count = sum(1 for _ in book.active.iter_rows(values_only=True))
    else:
        from python_calamine import CalamineWorkbook

        book = CalamineWorkbook.from_path(str(path))
        count = len(book.get_sheet_by_index(0).to_python())
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "mb": peak, "rows": count}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", nargs=2)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return
    files = make_files(args.rows)
    print(f"| case ({args.rows} rows × {len(HEADER)} columns) | seconds | peak MB | rows |")
    print("|---|---:|---:|---:|")
    for name, (kind, which) in CASES.items():
        runs = []
        for _ in range(args.repeat):
            out = subprocess.run(
                [sys.executable, __file__, "--child", kind, str(files[which])],
                capture_output=True, text=True, check=True, cwd=ROOT,
            )  # fmt: skip
            runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
        seconds = statistics.median(r["seconds"] for r in runs)
        mb = max(r["mb"] for r in runs)
        print(f"| {name} | {seconds:.2f} | {mb:.0f} | {runs[0]['rows']} |")


if __name__ == "__main__":
    main()
