"""Issuing volunteer service certificates; each number is recorded so a copy can be checked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from wenming_desktop.domain.counting import hours_text as format_hours
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.identity import mask_id
from wenming_desktop.exports.pdf.certificate import (
    CertificateContent,
    CertificateLine,
    write_certificate,
)
from wenming_desktop.services.settings.settings import get_settings
from wenming_desktop.storage import audit
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.models import Certificate, Volunteer
from wenming_desktop.storage.queries.hours import service_lines


@dataclass(frozen=True)
class IssuedCertificate:
    number: str
    volunteer: str
    staff_no: str
    date_from: date
    date_to: date
    total_minutes: int
    activity_count: int
    issued_on: date


def _next_number(session: object, issued_on: date) -> str:
    prefix = f"ZYZM{issued_on.year}"
    count = session.scalar(  # type: ignore[attr-defined]  # a Session
        select(func.count()).where(Certificate.number.like(f"{prefix}%"))
    )
    return f"{prefix}{(count or 0) + 1:05d}"


def issue_certificate(
    db: Database,
    volunteer_id: int,
    date_from: date,
    date_to: date,
    path: Path,
    issued_on: date | None = None,
) -> IssuedCertificate:
    """Write the PDF and record the certificate; nothing is recorded if the PDF fails."""
    if date_to < date_from:
        raise UserError("证明的结束日期不能早于开始日期")
    issued_on = issued_on or date.today()
    settings = get_settings(db)
    with db.write() as session:
        volunteer = session.get(Volunteer, volunteer_id)
        if volunteer is None:
            raise UserError("该志愿者不存在，可能已被删除")
        lines = service_lines(session, volunteer_id, date_from, date_to)
        if not lines:
            raise UserError(
                f"{volunteer.name}在{date_from:%Y-%m-%d}至{date_to:%Y-%m-%d}期间没有志愿服务记录，"
                "不能开具证明"
            )
        total = sum(line.minutes for line in lines)
        number = _next_number(session, issued_on)
        certificate = Certificate(
            number=number,
            volunteer_id=volunteer_id,
            date_from=date_from,
            date_to=date_to,
            total_minutes=total,
            activity_count=len(lines),
            issued_on=issued_on,
        )
        session.add(certificate)
        session.flush()
        audit.record(
            session, "create", "certificate", certificate.id, None,
            {"number": number, "volunteer": volunteer.name, "from": date_from, "to": date_to,
             "minutes": total},
        )  # fmt: skip
        content = CertificateContent(
            number=number,
            hospital=settings.get("hospital_name") or "本院",
            office=settings.get("office_name", ""),
            name=volunteer.name,
            gender=volunteer.gender,
            id_masked=mask_id(volunteer.id_number),
            staff_no=volunteer.staff_no or "",
            department=volunteer.department.name if volunteer.department else "",
            registry_no=volunteer.registry_no,
            date_from=date_from,
            date_to=date_to,
            total_hours=format_hours(total),
            lines=tuple(
                CertificateLine(
                    day=line.day,
                    title=line.title,
                    place=line.village,
                    hours=format_hours(line.minutes),
                )
                for line in lines
            ),
            issued_on=issued_on,
        )
        write_certificate(path, content)  # inside the transaction: a failed PDF records nothing
        return IssuedCertificate(
            number=number,
            volunteer=volunteer.name,
            staff_no=volunteer.staff_no or "",
            date_from=date_from,
            date_to=date_to,
            total_minutes=total,
            activity_count=len(lines),
            issued_on=issued_on,
        )


def find_certificate(db: Database, number: str) -> IssuedCertificate:
    """What was issued under `number`, to check a copy shown later."""
    with db.read() as session:
        row = session.execute(
            select(Certificate, Volunteer.name, Volunteer.staff_no)
            .join(Volunteer, Volunteer.id == Certificate.volunteer_id)
            .where(Certificate.number == number.strip().upper())
        ).first()
    if row is None:
        raise UserError(f"没有编号为“{number.strip()}”的志愿服务记录证明")
    c, name, staff_no = row
    return IssuedCertificate(
        number=c.number,
        volunteer=name,
        staff_no=staff_no or "",
        date_from=c.date_from,
        date_to=c.date_to,
        total_minutes=c.total_minutes,
        activity_count=c.activity_count,
        issued_on=c.issued_on,
    )
