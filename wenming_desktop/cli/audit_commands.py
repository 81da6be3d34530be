"""`wenming export audit --period P`: the audit log of a period as a print-ready ledger."""

from __future__ import annotations

import argparse
from typing import Any

from wenming_desktop.cli.common import add_output_option, command_group, output_path, workspace
from wenming_desktop.config import DataFolder
from wenming_desktop.domain.periods import parse_period
from wenming_desktop.exports.files import safe_filename
from wenming_desktop.services.safety.audit_log import export_audit_period


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    exports = command_group(subparsers, common, "export", "导出台账、表格和PDF")
    audit = exports.add_parser("audit", parents=[common], help="操作日志（Excel）")
    audit.add_argument("--period", required=True, help="2026、2026-H1、2026-Q3 或 2026-07")
    add_output_option(audit)
    audit.set_defaults(handler=_audit)


def _audit(args: argparse.Namespace, folder: DataFolder) -> int:
    period = parse_period(args.period)
    with workspace(folder) as ws:
        path = output_path(folder, args.output, safe_filename(f"{period.label}操作日志.xlsx"))
        rows = export_audit_period(ws.db, path, period)
    print(f"已导出操作日志（{rows} 条）：{path}")
    return 0
