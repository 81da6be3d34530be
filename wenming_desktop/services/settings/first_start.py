"""The first start on an empty data folder: the hospital, the office and the paired villages.

"Load the demo data to look around" writes them into a separate folder beside the data folder
(`<data folder>-演示数据`), so the clerk's own folder stays empty and ready for real records.
"""

from __future__ import annotations

import dataclasses
import re

from sqlalchemy import func, select

from wenming_desktop.config import DataFolder
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.identity import normalize_text
from wenming_desktop.domain.villages import VillageData, validate_village
from wenming_desktop.services.settings.demo import load_demo
from wenming_desktop.services.settings.workspace import Workspace, open_workspace
from wenming_desktop.storage import audit
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.models import Setting, Village, Volunteer

_SEPARATORS = re.compile(r"[\n\r、，,；;]+")


def needs_first_start(db: Database) -> bool:
    """True while the folder holds no villages, no volunteers and no hospital name."""
    with db.read() as session:
        villages = session.scalar(select(func.count()).select_from(Village)) or 0
        volunteers = session.scalar(select(func.count()).select_from(Volunteer)) or 0
        hospital = session.get(Setting, "hospital_name")
    return not villages and not volunteers and not (hospital and hospital.value.strip())


def demo_folder(folder: DataFolder) -> DataFolder:
    return DataFolder(folder.root.with_name(f"{folder.root.name}-演示数据"))


def open_demo(folder: DataFolder) -> Workspace:
    """The demo folder beside `folder`, with the demo data written on first use.

    Always a local SQLite file, even when `folder` uses the office server.
    """
    workspace = open_workspace(demo_folder(folder), local_only=True)
    try:
        if needs_first_start(workspace.db):
            load_demo(workspace.db)
    except BaseException:
        workspace.close()
        raise
    return workspace


def split_village_names(text: str) -> list[str]:
    """One name per line (or separated by 、，；), blanks and repeats dropped, order kept."""
    names: list[str] = []
    for part in _SEPARATORS.split(text):
        name = normalize_text(part)
        if name and name not in names:
            names.append(name)
    return names


def set_up(db: Database, hospital: str, office: str, village_names: list[str]) -> None:
    """Save the unit's names and add the villages: one transaction, every change audited."""
    hospital = normalize_text(hospital)
    office = normalize_text(office)
    if not hospital:
        raise UserError("请填写医院名称")
    villages = []
    for line, name in enumerate(village_names, start=1):
        try:
            villages.append(validate_village(VillageData(name=name)))
        except UserError as exc:
            raise UserError(f"结对村第 {line} 个“{name}”：{exc.message}") from None
    with db.write() as session:
        for key, value in (("hospital_name", hospital), ("office_name", office)):
            row = session.get(Setting, key)
            old = row.value if row is not None else None
            if row is None:
                session.add(Setting(key=key, value=value))
            else:
                row.value = value
            audit.record(session, "update", "setting", None, {key: old}, {key: value})
        existing = set(session.scalars(select(Village.name)))
        for data in villages:
            if data.name in existing:
                continue
            village = Village(**dataclasses.asdict(data))
            session.add(village)
            session.flush()
            audit.record(session, "create", "village", village.id, None, dataclasses.asdict(data))
