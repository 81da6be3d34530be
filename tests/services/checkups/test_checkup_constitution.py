"""The questionnaire stored with a checkup: judged on save, re-scored on edit, overridden with a
reason only."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from tests.checkup_support import id_number, make_world
from wenming_desktop.domain.checkups import CheckupData
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.residents import ResidentData
from wenming_desktop.services.checkups import checkups, residents
from wenming_desktop.storage.models import AuditEntry

ALL_NEVER = "1" * 33  # 平和质 21, others 4 → 是平和质
QI_DEFICIENT = "1" + "55" + "1" * 10 + "5" + "1" * 19  # q2, q3, q14=5: 气虚质 5+5+1+5 = 16


@pytest.fixture
def base(workspace) -> CheckupData:
    world = make_world(workspace.db)
    rid = residents.add_resident(
        workspace.db, ResidentData(world.village_id, "王秀英", id_number(date(1950, 3, 4)))
    )
    return CheckupData(rid, world.day, world.day_id)


def _save(workspace, base: CheckupData, answers: str, **kw: str) -> int:
    data = replace(base, tcm_answers=answers, **kw)
    return checkups.save_checkup(workspace.db, data)


def test_answers_are_stored_and_judge_the_constitution(workspace, base) -> None:
    spaced = " ".join(QI_DEFICIENT)
    cid = _save(workspace, base, spaced)
    back = checkups.get_checkup(workspace.db, cid)
    assert back.tcm_answers == QI_DEFICIENT
    assert back.constitution == "气虚质"
    [row] = checkups.list_checkups(workspace.db)
    assert row.tcm_answers == QI_DEFICIENT and row.constitution == "气虚质"


def test_a_later_edit_of_the_answers_rescores(workspace, base) -> None:
    cid = _save(workspace, base, QI_DEFICIENT)
    edited = replace(checkups.get_checkup(workspace.db, cid), tcm_answers=ALL_NEVER)
    edited = replace(edited, constitution="")  # the form clears or re-fills it; both re-score
    checkups.save_checkup(workspace.db, edited, cid)
    assert checkups.get_checkup(workspace.db, cid).constitution == "平和质"
    with workspace.db.read() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert entry is not None and "tcm_answers" in entry.new_values


def test_another_constitution_needs_a_reason_and_keeps_it(workspace, base) -> None:
    with pytest.raises(UserError, match="与问卷判定（气虚质）不一致：改判请填写理由"):
        _save(workspace, base, QI_DEFICIENT, constitution="阳虚质")
    cid = _save(
        workspace,
        base,
        QI_DEFICIENT,
        constitution="阳虚质",
        constitution_override_reason=" 舌脉所见 ",
    )
    back = checkups.get_checkup(workspace.db, cid)
    assert (back.constitution, back.constitution_override_reason) == ("阳虚质", "舌脉所见")
    # the override survives an edit of the answers: the doctor's word stands, with its reason
    checkups.save_checkup(workspace.db, replace(back, tcm_answers=ALL_NEVER), cid)
    assert checkups.get_checkup(workspace.db, cid).constitution == "阳虚质"


def test_a_reason_for_the_judged_constitution_is_dropped(workspace, base) -> None:
    cid = _save(
        workspace, base, QI_DEFICIENT, constitution="气虚质", constitution_override_reason="同意"
    )
    assert checkups.get_checkup(workspace.db, cid).constitution_override_reason == ""


def test_without_answers_the_picked_constitution_is_kept(workspace, base) -> None:
    cid = _save(workspace, base, "", constitution="痰湿质", constitution_override_reason="x")
    back = checkups.get_checkup(workspace.db, cid)
    assert (back.constitution, back.tcm_answers, back.constitution_override_reason) == (
        "痰湿质",
        "",
        "",
    )


@pytest.mark.parametrize(
    ("answers", "message"),
    [("1" * 20, "现有 20 个"), ("1" * 32 + "9", "第 33 个答案“9”")],
)
def test_incomplete_or_wrong_answers_are_refused(
    workspace, base, answers: str, message: str
) -> None:
    with pytest.raises(UserError, match=message):
        _save(workspace, base, answers)
