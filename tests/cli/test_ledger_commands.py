"""`wenming export <ledger>` built from the ledger registry: options follow each entry."""

from __future__ import annotations

import openpyxl
import pytest

from wenming_desktop.cli import main
from wenming_desktop.services.filing.ledgers import LEDGERS, PeriodRule


def _options(name: str, capsys) -> str:
    with pytest.raises(SystemExit):
        main(["export", name, "--help"])
    return capsys.readouterr().out


def test_each_ledger_s_options_follow_its_entry(capsys) -> None:
    for spec in LEDGERS:
        text = _options(spec.cli_name, capsys)
        assert ("--year" in text) == (spec.period_rule is not PeriodRule.NONE), spec.cli_name
        assert ("--period" in text) == (spec.period_rule is PeriodRule.PERIOD), spec.cli_name
        assert ("--village" in text) == spec.by_village, spec.cli_name
        assert ("--unmasked" in text) == spec.maskable, spec.cli_name
        assert all(option.flag in text for option in spec.options)


def test_a_period_ledger_takes_a_month(demo_workspace, tmp_path, capsys) -> None:
    root = demo_workspace.folder.root
    demo_workspace.close()
    target = tmp_path / "三月.xlsx"
    args = ["--data-dir", str(root), "export", "activities", "--period", "2026-03"]
    assert main([*args, "-o", str(target)]) == 0
    assert "已导出文明实践活动台账（" in capsys.readouterr().out
    subtitle = openpyxl.load_workbook(target).active["A2"].value
    assert subtitle.startswith("2026年3月 · 全部结对村")  # then: only held activities are listed
    with pytest.raises(SystemExit) as both:
        main([*args, "--year", "2026"])
    assert both.value.code == 2
    assert main(["--data-dir", str(root), "export", "hours", "--year", "1999"]) == 1
    assert "年度 1999 不合理" in capsys.readouterr().err
