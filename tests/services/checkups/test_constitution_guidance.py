"""Take-home guidance sheets: one page per person, read back and rendered."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.checkup_support import id_number, make_world
from tests.pdf_helpers import flat, pdf_pages, pdf_text, render_pages
from wenming_desktop.domain.checkups import CheckupData
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.residents import ResidentData
from wenming_desktop.services.checkups import checkups, residents
from wenming_desktop.services.checkups.constitution_guidance import (
    export_checkup_guidance,
    export_day_guidance,
    load_guidance,
)
from wenming_desktop.services.settings.settings import update_settings

QI_DEFICIENT = "1" + "55" + "1" * 10 + "5" + "1" * 19  # 气虚质 16 是
BASIC = "5" + "1" * 8 + "5" + "1" * 10 + "2" + "1" * 12  # 基本是平和质；倾向是阴虚质


@pytest.fixture
def day(workspace):
    world = make_world(workspace.db)
    update_settings(workspace.db, {"hospital_name": "清河县中医院"})
    people = [
        ("王秀英", QI_DEFICIENT, ""),
        ("赵德胜", "", ""),  # no questionnaire, no constitution: no page
        ("刘桂兰", BASIC, ""),
        ("陈志强", "", "痰湿质"),  # picked without a questionnaire
    ]
    ids = []
    for i, (name, answers, picked) in enumerate(people):
        rid = residents.add_resident(
            workspace.db,
            ResidentData(world.village_id, name, id_number(date(1950, 3, 1 + i), 10 + i)),
        )
        ids.append(
            checkups.save_checkup(
                workspace.db,
                CheckupData(rid, world.day, world.day_id, tcm_answers=answers,
                            constitution=picked, doctor_id=world.doctor_id),
            )
        )  # fmt: skip
    return world, ids


def test_a_checkup_day_gives_one_page_per_person_with_a_constitution(
    workspace, day, tmp_path: Path
) -> None:
    world, _ids = day
    path = tmp_path / "指导.pdf"
    assert export_day_guidance(workspace.db, world.day_id, path) == 3
    assert pdf_pages(path) == 3
    text = flat(pdf_text(path))
    guidance = load_guidance()
    for name in ("王秀英", "刘桂兰", "陈志强"):
        assert f"姓名：{name}" in text
    assert "赵德胜" not in text
    assert "您的中医体质：气虚质" in text
    assert "问卷辨识结果：是气虚质" in text
    assert "问卷辨识结果：基本是平和质；倾向是阴虚质" in text
    assert "您的中医体质：痰湿质" in text
    assert flat(guidance["气虚质"]["穴位保健"])[:20] in text
    assert flat(guidance["痰湿质"]["饮食调养"])[:20] in text
    assert f"体检日期：{world.day.year}年{world.day.month}月{world.day.day}日" in text
    assert "体检地点：东兴村村委会" in text and "体检医生：李医生" in text
    assert "清河县中医院" in text
    for png in render_pages(path, tmp_path):
        assert png.stat().st_size > 10_000


def test_one_checkup_alone(workspace, day, tmp_path: Path) -> None:
    _world, ids = day
    path = tmp_path / "one.pdf"
    assert export_checkup_guidance(workspace.db, ids[0], path) == "王秀英"
    assert pdf_pages(path) == 1
    assert "姓名：王秀英" in flat(pdf_text(path))
    with pytest.raises(UserError, match=r"赵德胜 .* 的体检未记录中医体质"):
        export_checkup_guidance(workspace.db, ids[1], tmp_path / "none.pdf")
    assert not (tmp_path / "none.pdf").exists()


def test_a_broken_guidance_file_is_a_clear_error(workspace, day, tmp_path: Path) -> None:
    world, _ids = day
    broken = tmp_path / "g.md"
    broken.write_text("## 平和质\n### 情志调摄\n心情舒畅\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"保健指导文件 g\.md 缺少内容：平和质的饮食调养"):
        export_day_guidance(workspace.db, world.day_id, tmp_path / "x.pdf", broken)
    with pytest.raises(UserError, match="读不到保健指导文件"):
        export_day_guidance(workspace.db, world.day_id, tmp_path / "x.pdf", tmp_path / "no.md")
