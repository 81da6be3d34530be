"""No personal data in the log: failed writes are logged with their traceback, but SQLAlchemy
never puts statement parameters (ID numbers, mobiles) into the message (`hide_parameters`)."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from wenming_desktop.logs import setup_logging
from wenming_desktop.services.settings.workspace import Workspace
from wenming_desktop.storage.models import Volunteer

FULL_ID = "23040319800101123X"
MOBILE = "13904681234"
PERSONAL = re.compile(r"\d{17}[\dXx]|1[3-9]\d{9}")


@pytest.fixture
def logged(workspace: Workspace) -> Iterator[Path]:
    setup_logging(workspace.folder.log_file)
    yield workspace.folder.logs
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler.get_name() == "wenming-file":
            root.removeHandler(handler)
            handler.close()


def fail_and_log(block) -> None:  # type: ignore[no-untyped-def]
    try:
        block()
    except SQLAlchemyError:
        logging.getLogger("wenming_desktop.cli").exception("unexpected error in command")
    else:
        raise AssertionError("the write was meant to fail")


def test_failed_writes_leave_no_id_number_or_mobile_in_the_log(
    workspace: Workspace, logged: Path
) -> None:
    db = workspace.db

    def bad_department() -> None:
        with db.write() as session:
            session.add(Volunteer(name="张三", id_number=FULL_ID, phone=MOBILE, department_id=9999))

    def duplicate_id() -> None:
        for _ in range(2):
            with db.write() as session:
                session.add(Volunteer(name="李四", id_number=FULL_ID, phone=MOBILE))

    def no_such_table() -> None:
        with db.read() as session:
            session.execute(text("SELECT * FROM nowhere WHERE x = :v"), {"v": FULL_ID + MOBILE})

    for block in (bad_department, duplicate_id, no_such_table):
        fail_and_log(block)
    written = "".join(p.read_text(encoding="utf-8") for p in logged.glob("*.log*"))
    assert "Traceback" in written and "IntegrityError" in written  # the failures are there
    assert "parameters hidden" in written
    assert PERSONAL.findall(written) == []
