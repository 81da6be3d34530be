"""Opening the data folder: the database, its migrations and the default lists."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.exc import DatabaseError

from wenming_desktop.config import DataFolder
from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.safety import backups
from wenming_desktop.services.safety.leftovers import remove_leftovers
from wenming_desktop.storage import schema
from wenming_desktop.storage.database import (
    Database,
    busy_message,
    failure_message,
    is_busy,
    make_engine,
)
from wenming_desktop.storage.seed import seed_defaults


@dataclass
class Workspace:
    """What every use case needs: the folder and the database in it."""

    folder: DataFolder
    db: Database

    def close(self) -> None:
        self.db.dispose()


def open_workspace(folder: DataFolder, migrate: bool = True) -> Workspace:
    """Open (creating if needed) the database of a data folder, migrated to this version."""
    folder.ensure()
    remove_leftovers(folder)  # a killed export's or backup's temporary files
    url = folder.database_url()
    db = Database(make_engine(url)) if url else Database.open_sqlite(folder.database)
    try:
        if migrate:
            bring_up_to_date(folder, db)
        else:
            schema.needs_upgrade(db.engine)  # refuses a database from a newer program
    except (DatabaseError, UnicodeDecodeError) as exc:
        db.dispose()
        message = (
            busy_message(db.busy_timeout) if is_busy(exc) else failure_message(exc, db.describe())
        )
        if message is not None:  # the place refuses; the file itself is not damaged
            raise UserError(message) from None
        raise UserError(
            f"无法打开数据库“{db.describe()}”：文件已损坏或不是本程序的数据库"
            f"（{getattr(exc, 'orig', exc)}）"
        ) from None
    except BaseException:
        db.dispose()
        raise
    return Workspace(folder, db)


def bring_up_to_date(folder: DataFolder, db: Database) -> None:
    """Migrate (after a backup) and seed the default lists; also used after a restore."""
    schema.upgrade(db.engine, before=lambda current: _backup_before_migration(folder, db, current))
    with db.write() as session:
        seed_defaults(session)


def _backup_before_migration(folder: DataFolder, db: Database, current: str | None) -> None:
    """An existing database is backed up before any migration touches it."""
    if current is not None and db.is_sqlite:
        backups.create_backup(folder, db, "migration")
