"""Temporary files a killed export, backup, restore or attachment copy leaves in the data folder,
removed when the program next opens the folder.

They can hold unmasked data (an unmasked export's `.part` file, a backup's copy of the
database), so they do not wait for the day-old rule of the backups folder. A file is left alone
while younger than MIN_AGE: it may belong to another program running right now (the command line
and the window may work on the same folder).
"""

from __future__ import annotations

import logging
import re
import shutil
import time
from pathlib import Path

from wenming_desktop.config import DataFolder

log = logging.getLogger(__name__)

MIN_AGE = 10 * 60  # seconds
# exports.files.atomic_output: ".<stem>.<random>.part<suffix>"; attachments: ".part-<random>";
# backups.snapshot: ".backup-<random>.tmp"; backups.copy_new_file: ".<name>.part".
_PART_FILE = re.compile(r"^\..*\.part(\.[^.]*)?$|^\.part-|^\.backup-.*\.tmp$")
_WORK_FOLDERS = (".export-", ".restore-")  # backups/: an export's or restore's scratch folder


def _old(path: Path, cutoff: float) -> bool:
    try:
        return path.lstat().st_mtime <= cutoff
    except OSError:
        return False


def remove_leftovers(folder: DataFolder, now: float | None = None) -> list[Path]:
    """Delete the leftovers older than MIN_AGE; returns what was removed. Never raises: a
    read-only or missing folder simply keeps them."""
    cutoff = (now if now is not None else time.time()) - MIN_AGE
    removed: list[Path] = []
    places = [folder.exports, folder.attachments, folder.backups]
    try:
        for place in places:
            if not place.is_dir():
                continue
            for path in place.rglob(".*"):
                if path.is_file() and _PART_FILE.search(path.name) and _old(path, cutoff):
                    path.unlink(missing_ok=True)
                    removed.append(path)
        for path in folder.backups.glob(".*") if folder.backups.is_dir() else []:
            if path.is_dir() and path.name.startswith(_WORK_FOLDERS) and _old(path, cutoff):
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path)
        for path in folder.root.glob(".wenming-restore-*"):
            if _old(path, cutoff):
                path.unlink(missing_ok=True)
                removed.append(path)
    except OSError:
        log.warning("leftovers in %s could not all be removed", folder.root, exc_info=True)
    if removed:
        log.info("removed %d leftovers of interrupted work", len(removed))
    return removed
