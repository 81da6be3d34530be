from pathlib import Path

from tests.pdf_helpers import flat, pdf_text, render_pages
from wenming_desktop.domain.periods import parse_period
from wenming_desktop.services.filing import summary
from wenming_desktop.services.settings.workspace import Workspace
from wenming_desktop.services.villages.villages import find_village


def test_figures_come_from_the_records(demo_workspace: Workspace) -> None:
    from datetime import date

    year = date.today().year - 1
    figures = summary.compute_figures(demo_workspace.db, parse_period(str(year)), None)
    assert figures.activities_done == sum(n for _, n in figures.by_category)
    assert figures.activities_done == sum(n for _, n in figures.by_month)
    assert figures.activities_done == sum(n for _, n in figures.by_village)
    assert len(figures.by_month) == 12
    assert figures.checkups > 0
    assert 0 < figures.bands["血压偏高"] < figures.checkups
    village_id, _ = find_village(demo_workspace.db, "东兴村")
    one = summary.compute_figures(demo_workspace.db, parse_period(str(year)), village_id)
    assert one.activities_done == dict(figures.by_village)["萝北县肇兴镇东兴村"]
    assert one.checkups < figures.checkups


def test_texts_are_stored_per_period_and_scope(demo_workspace: Workspace) -> None:
    db = demo_workspace.db
    h1, q3 = parse_period("2026-H1"), parse_period("2026-Q3")
    summary.save_texts(db, h1, None, {"achievements": "上半年成效", "problems": ""})
    summary.save_texts(db, q3, None, {"achievements": "三季度成效"})
    village_id, _ = find_village(db, "胜利村")
    summary.save_texts(db, h1, village_id, {"achievements": "胜利村成效"})
    assert summary.get_texts(db, h1, None)["achievements"] == "上半年成效"
    assert summary.get_texts(db, q3, None)["achievements"] == "三季度成效"
    assert summary.get_texts(db, h1, village_id) == {"achievements": "胜利村成效"}


def test_summary_pdf_holds_figures_charts_and_text(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    period = parse_period("2026-Q3")
    summary.save_texts(
        demo_workspace.db, period, None, {"next_steps": "继续开展每月集中活动周义诊"}
    )
    path = summary.export_summary(demo_workspace.db, tmp_path / "总结.pdf", period, None)
    text = flat(pdf_text(path))
    figures = summary.compute_figures(demo_workspace.db, period, None)
    assert "鹤岗市中医院2026年第三季度新时代文明实践结对共建工作总结" in text
    assert "按活动类别统计" in text
    assert "按月份统计" in text
    assert (
        f"开展活动（场次）\r\n{figures.activities_done}" in text
        or str(figures.activities_done) in text
    )
    assert "继续开展每月集中活动周义诊" in text
    assert "（未填写）" in text  # the sections left empty say so
    assert "第 1 页 共" in text
    assert render_pages(path, tmp_path)
