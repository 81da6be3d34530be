"""The service certificate: text extracted from the PDF, the number recorded and checkable."""

from __future__ import annotations

from datetime import date

import pytest

from tests.pdf_helpers import flat, pdf_text, render_pages
from tests.roster_samples import small_roster
from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.roster.certificates import find_certificate, issue_certificate


def test_certificate_pdf_and_record(workspace, tmp_path) -> None:
    ids = small_roster(workspace.db)
    path = tmp_path / "证明.pdf"
    issued = issue_certificate(
        workspace.db, ids["张三丰"], date(2025, 1, 1), date(2025, 12, 31), path,
        issued_on=date(2026, 1, 5),
    )  # fmt: skip
    assert issued.number == "ZYZM202600001"
    assert issued.total_minutes == 3000 and issued.activity_count == 2
    text = flat(pdf_text(path))
    assert len(render_pages(path, tmp_path)) == 1
    for expected in ("志愿服务记录证明", "ZYZM202600001", "张三丰", "230402********0016",
                     "50.0 小时", "一月义诊", "三月义诊", "测试中医院", "（盖章）",
                     "2026年1月5日", "第 1 页 共 1 页"):  # fmt: skip
        assert expected in text, expected
    assert "去年活动" not in text
    found = find_certificate(workspace.db, "zyzm202600001")
    assert (found.volunteer, found.total_minutes, found.date_to) == (
        "张三丰",
        3000,
        date(2025, 12, 31),
    )
    second = issue_certificate(
        workspace.db, ids["张三丰"], date(2024, 1, 1), date(2024, 12, 31), tmp_path / "2.pdf",
        issued_on=date(2026, 1, 6),
    )  # fmt: skip
    assert second.number == "ZYZM202600002"


def test_no_service_no_certificate(workspace, tmp_path) -> None:
    ids = small_roster(workspace.db)
    with pytest.raises(UserError, match="没有志愿服务记录"):
        issue_certificate(workspace.db, ids["王五"], date(2025, 1, 1), date(2025, 12, 31),
                          tmp_path / "x.pdf")  # fmt: skip
    assert not (tmp_path / "x.pdf").exists()
    with pytest.raises(UserError, match="没有编号"):
        find_certificate(workspace.db, "ZYZM202600001")
