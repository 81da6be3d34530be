"""Take-home 中医体质辨识结果与保健指导 sheets: one checkup's, or a whole checkup day's in one
PDF (a page per person who has a constitution recorded), with the guidance text read from the
doctor-reviewed resource file at run time."""

from __future__ import annotations

from pathlib import Path

from wenming_desktop.domain.checkup_row import CheckupRow
from wenming_desktop.domain.constitution import judge_text
from wenming_desktop.domain.constitution_guidance import (
    GUIDANCE_ASPECTS,
    Guidance,
    parse_guidance,
)
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.residents import age_on
from wenming_desktop.exports.files import safe_filename
from wenming_desktop.exports.pdf.constitution_guidance import GuidancePage, write_guidance
from wenming_desktop.resources import guidance_path
from wenming_desktop.services.settings.settings import get_setting
from wenming_desktop.storage import audit
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.models import Checkup
from wenming_desktop.storage.queries.checkups import activity_day, checkup_rows


def load_guidance(path: Path | None = None) -> Guidance:
    """The guidance file (default: the shipped resources/constitution_guidance.md)."""
    source = path or guidance_path()
    try:
        text = source.read_text(encoding="utf-8")
    except OSError as exc:
        raise UserError(f"读不到保健指导文件 {source}：{exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise UserError(f"保健指导文件 {source} 不是 UTF-8 文本，请用记事本另存为 UTF-8") from exc
    return parse_guidance(text, f"保健指导文件 {source.name}")


def _page(row: CheckupRow, place: str, hospital: str, guidance: Guidance) -> GuidancePage:
    judgement = judge_text(row.tcm_answers)
    return GuidancePage(
        name=row.name,
        gender=row.gender,
        age=age_on(row.birth_date, row.checkup_date),
        checkup_date=row.checkup_date,
        place=place or row.village,
        doctor=row.doctor or "",
        constitution=row.constitution,
        judgement=judgement.summary if judgement else "",
        aspects=tuple((a, guidance[row.constitution][a]) for a in GUIDANCE_ASPECTS),
        hospital=hospital,
    )


def guidance_file_name(name_or_day: str) -> str:
    return safe_filename(f"中医体质保健指导_{name_or_day}.pdf")


def export_day_guidance(
    db: Database, activity_id: int, path: Path, guidance_file: Path | None = None
) -> int:
    """The sheets of everyone checked on a checkup day who has a constitution, in entry order;
    returns how many. UserError when the day is unknown or nobody has a constitution."""
    guidance = load_guidance(guidance_file)
    hospital = get_setting(db, "hospital_name")
    with db.read() as session:
        day = activity_day(session, activity_id)
        if day is None:
            raise UserError(f"活动（编号 {activity_id}）不存在，可能已被删除")
        rows = checkup_rows(session, activity_id=activity_id, newest_first=False)
    chosen = [r for r in rows if r.constitution]
    if not chosen:
        raise UserError(f"“{day.title}”（{day.start_at:%Y-%m-%d}）还没有记录中医体质的体检")
    write_guidance(path, [_page(r, day.place, hospital, guidance) for r in chosen])
    with db.write() as session:
        audit.record(session, "export", "constitution_guidance", activity_id, None,
                     {"rows": len(chosen)})  # fmt: skip
    return len(chosen)


def export_checkup_guidance(
    db: Database, checkup_id: int, path: Path, guidance_file: Path | None = None
) -> str:
    """One person's sheet; returns the person's name. UserError when the checkup is unknown or
    has no constitution."""
    guidance = load_guidance(guidance_file)
    hospital = get_setting(db, "hospital_name")
    with db.read() as session:
        checkup = session.get(Checkup, checkup_id)
        if checkup is None:
            raise UserError(f"体检记录（编号 {checkup_id}）不存在，可能已被删除")
        rows = checkup_rows(session, resident_id=checkup.resident_id)
        day = activity_day(session, checkup.activity_id) if checkup.activity_id else None
    row = next(r for r in rows if r.id == checkup_id)
    if not row.constitution:
        raise UserError(
            f"{row.name} {row.checkup_date:%Y-%m-%d} 的体检未记录中医体质，不能打印保健指导"
        )
    write_guidance(path, [_page(row, day.place if day else "", hospital, guidance)])
    with db.write() as session:
        audit.record(session, "export", "constitution_guidance", checkup_id, None, {"rows": 1})
    return row.name
