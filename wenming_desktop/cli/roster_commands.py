"""Roster commands: `import volunteers|registry`, `export certificate`, `certificate NUMBER`.

The roster's ledgers (`export volunteers|hours`) are entries of the ledger registry.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from wenming_desktop.cli.common import (
    add_output_option,
    command_group,
    output_path,
    print_preview,
    workspace,
)
from wenming_desktop.config import DataFolder
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.hours import format_hours
from wenming_desktop.exports.files import safe_filename
from wenming_desktop.services.roster import registry
from wenming_desktop.services.roster.certificates import find_certificate, issue_certificate
from wenming_desktop.services.roster.roster import find_by_staff_no
from wenming_desktop.services.roster.roster_import import apply_import, plan_import
from wenming_desktop.services.settings.settings import get_setting
from wenming_desktop.services.workbooks.sheet_reader import cell_date


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    imports = command_group(subparsers, common, "import", "从 Excel 导入名单")
    volunteers = imports.add_parser(
        "volunteers", parents=[common], help="从人事科的职工花名册导入志愿者（.xlsx/.xls/.et/.ods）"
    )
    volunteers.add_argument("file", metavar="FILE")
    volunteers.add_argument("--dry-run", action="store_true", help="只检查并报告，不写入")
    volunteers.add_argument(
        "--skip-invalid", action="store_true", help="有错误的行跳过，只导入无误的行"
    )
    volunteers.set_defaults(handler=_import_volunteers)
    reg = imports.add_parser(
        "registry", parents=[common], help="导入全国志愿服务信息系统的志愿者名单并核对"
    )
    reg.add_argument("file", metavar="FILE")
    reg.add_argument("--dry-run", action="store_true", help="只核对并报告，不更新注册信息")
    reg.add_argument(
        "-o", "--output", metavar="PATH", help="差异表；默认写入数据文件夹的 exports 目录"
    )
    reg.set_defaults(handler=_import_registry)

    exports = command_group(subparsers, common, "export", "导出台账、表格和PDF")
    cert = exports.add_parser("certificate", parents=[common], help="志愿服务记录证明（PDF）")
    cert.add_argument("staff_no", metavar="STAFF_NO", help="工号")
    cert.add_argument("--from", dest="date_from", required=True, help="开始日期，如 2026-01-01")
    cert.add_argument("--to", dest="date_to", required=True, help="结束日期，如 2026-12-31")
    add_output_option(cert)
    cert.set_defaults(handler=_export_certificate)
    check = subparsers.add_parser(
        "certificate", parents=[common], help="按编号查验已开具的志愿服务记录证明"
    )
    check.add_argument("number", metavar="NUMBER", help="证明编号，如 ZYZM202600001")
    check.set_defaults(handler=_check_certificate)


def _import_volunteers(args: argparse.Namespace, folder: DataFolder) -> int:
    with workspace(folder) as ws:
        plan = plan_import(ws.db, Path(args.file))
        preview = plan.preview
        print(f"文件：“{Path(args.file).name}”")
        print_preview(preview)
        if args.dry_run:
            print("试运行：未写入任何数据")
            return 1 if preview.problems else 0
        if preview.problems and not args.skip_invalid:
            print(
                f"有 {len(preview.problems)} 个问题，未导入任何数据。"
                "请修改表格后重新导入，或加 --skip-invalid 只导入无误的行。"
            )
            return 1
        result = apply_import(ws.db, plan, skip_invalid=args.skip_invalid)
    print(f"已导入：新增 {result.added} 人，更新 {result.updated} 人，拒绝 {result.refused} 行")
    return 1 if result.refused else 0


def _import_registry(args: argparse.Namespace, folder: DataFolder) -> int:
    with workspace(folder) as ws:
        report = registry.plan_registry(ws.db, Path(args.file))
        facts = report.facts
        print(f"文件：“{Path(args.file).name}”")
        print(f"读取工作表：“{facts.sheet}”（表头在第{facts.header_row}行）")
        print(f"读取数据 {report.rows_read} 行")
        if facts.skipped:
            print(f"跳过表尾/说明 {len(facts.skipped)} 行")
        if facts.hidden_rows:
            print(f"隐藏行 {len(facts.hidden_rows)} 行（已读取）")
        for problem in report.problems:
            print(problem.text)
        for item in report.ambiguous:
            print(
                f"待确认：第{item.row}行“{item.name}”（{item.shown}）符合 "
                f"{len(item.candidates)} 名志愿者，未自动匹配"
            )
        print(registry.summary_text(report))
        path = output_path(folder, args.output, "志愿者注册核对差异表.xlsx")
        hospital = get_setting(ws.db, "hospital_name") or "本院"
        registry.export_differences(report, path, hospital)
        print(f"差异表：{path}")
        if args.dry_run:
            print("试运行：未更新注册信息")
        else:
            changed = registry.apply_registry(ws.db, report)
            print(f"已更新 {changed} 名志愿者的注册信息")
    return 1 if report.problems else 0


def _parse_day(text: str, what: str) -> date:
    try:
        day = cell_date(text)
    except UserError as exc:
        raise UserError(f"{what}：{exc.message}") from None
    if day is None:
        raise UserError(f"请给出{what}")
    return day


def _export_certificate(args: argparse.Namespace, folder: DataFolder) -> int:
    date_from = _parse_day(args.date_from, "开始日期")
    date_to = _parse_day(args.date_to, "结束日期")
    with workspace(folder) as ws:
        volunteer_id, name = find_by_staff_no(ws.db, args.staff_no)
        default = safe_filename(f"志愿服务记录证明_{name}_{date_from:%Y%m%d}-{date_to:%Y%m%d}.pdf")
        path = output_path(folder, args.output, default)
        issued = issue_certificate(ws.db, volunteer_id, date_from, date_to, path)
    print(
        f"已开具志愿服务记录证明 {issued.number}：{name}，{issued.activity_count} 次，"
        f"{format_hours(issued.total_minutes)} 小时：{path}"
    )
    return 0


def _check_certificate(args: argparse.Namespace, folder: DataFolder) -> int:
    with workspace(folder) as ws:
        c = find_certificate(ws.db, args.number)
    print(
        f"证明 {c.number}：{c.volunteer}（工号 {c.staff_no or '无'}），"
        f"{c.date_from:%Y-%m-%d} 至 {c.date_to:%Y-%m-%d}，服务 {c.activity_count} 次，"
        f"{format_hours(c.total_minutes)} 小时，开具日期 {c.issued_on:%Y-%m-%d}"
    )
    return 0
