"""`wenming export <ledger>`: one sub-command per entry of the ledger registry.

Nothing here names a ledger: the sub-commands, their options and their messages all follow
services/filing/ledgers.py (a YEAR ledger takes `--year`, a PERIOD one `--period` or `--year`,
a village-scoped one `--village`, a maskable one `--unmasked`/`--unmask`, plus the entry's own
yes/no options). Documents of one item (record, signin, certificate) have their own commands.
"""

from __future__ import annotations

import argparse
from functools import partial
from typing import Any

from wenming_desktop.cli.common import add_output_option, command_group, output_path, workspace
from wenming_desktop.config import DataFolder
from wenming_desktop.domain.periods import Period, parse_period
from wenming_desktop.services.filing.ledgers import (
    LEDGERS,
    LedgerRequest,
    LedgerSpec,
    PeriodRule,
    this_year,
    year_period,
)
from wenming_desktop.services.villages.villages import find_village

PERIOD_HELP = "2026、2026-H1、2026-Q3 或 2026-07"


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    exports = command_group(subparsers, common, "export", "导出台账、表格和PDF")
    for spec in LEDGERS:
        parser = exports.add_parser(
            spec.cli_name, parents=[common], help=f"{spec.title}（{spec.format_label}）"
        )
        if spec.period_rule is PeriodRule.YEAR:
            parser.add_argument("--year", type=int, help="年度，默认今年")
        elif spec.period_rule is PeriodRule.PERIOD:
            when = parser.add_mutually_exclusive_group()
            when.add_argument("--period", help=f"{PERIOD_HELP}，默认今年")
            when.add_argument("--year", type=int, help="整年度，与 --period 二选一")
        if spec.by_village:
            parser.add_argument("--village", help="只导出一个结对村（村名的任一唯一部分）")
        if spec.maskable:
            parser.add_argument(
                "--unmasked",
                "--unmask",
                dest="unmasked",
                action="store_true",
                help="身份证号、电话等完整导出（记入操作日志）",
            )
        for option in spec.options:
            parser.add_argument(option.flag, dest=option.key, action="store_true", help=option.help)
        add_output_option(parser)
        parser.set_defaults(handler=partial(_export, spec))


def _period(args: argparse.Namespace) -> Period:
    text = getattr(args, "period", None)
    if text:
        return parse_period(text)
    year = getattr(args, "year", None)
    return year_period(year) if year is not None else this_year()


def _export(spec: LedgerSpec, args: argparse.Namespace, folder: DataFolder) -> int:
    period = _period(args)
    with workspace(folder) as ws:
        village_id, village = (None, None)
        if getattr(args, "village", None):
            village_id, village = find_village(ws.db, args.village)
        request = LedgerRequest(
            period,
            village_id,
            village,
            unmasked=bool(getattr(args, "unmasked", False)),
            options=frozenset(o.key for o in spec.options if getattr(args, o.key)),
        )
        path = output_path(folder, args.output, spec.file_name(request))
        count = spec.write(ws, request, path)
    print(spec.done_message(count, path, request))
    return 0
