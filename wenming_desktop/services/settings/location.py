"""Is the data folder on a network share? SQLite's file locking is not safe there.

Windows: a UNC path (\\\\server\\share) or a drive letter whose type is DRIVE_REMOTE
(GetDriveTypeW). Linux: the file system type of the mount holding the folder (/proc/mounts).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path, PureWindowsPath

NETWORK_FILE_SYSTEMS = {
    "nfs",
    "nfs4",
    "cifs",
    "smb",
    "smb2",
    "smb3",
    "smbfs",
    "ncpfs",
    "afs",
    "ceph",
    "glusterfs",
    "9p",
    "fuse.sshfs",
    "davfs",
    "fuse.davfs2",
}
DRIVE_REMOTE = 4
SETTING_KEY = "network_share_warned"


def is_unc(path: str) -> bool:
    """\\\\server\\share\\… (or //server/share/…), but not the \\\\?\\C:\\ long-path form."""
    text = path.replace("/", "\\")
    if text.startswith("\\\\?\\UNC\\"):
        return True
    return text.startswith("\\\\") and not text.startswith(("\\\\?\\", "\\\\.\\"))


def _unescape_mount(field: str) -> str:
    """/proc/mounts writes spaces and tabs in paths as octal escapes (\\040)."""
    out, i = [], 0
    while i < len(field):
        if field[i] == "\\" and field[i + 1 : i + 4].isdigit():
            out.append(chr(int(field[i + 1 : i + 4], 8)))
            i += 4
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def mount_type(path: Path, mounts_text: str) -> str | None:
    """The file system type of the longest mount point containing `path`."""
    best, best_type = "", None
    target = str(path)
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = _unescape_mount(parts[1])
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, best_type = point, parts[2]
    return best_type


def _windows_drive_is_remote(path: str) -> bool:
    import ctypes

    drive = PureWindowsPath(path).drive
    if not drive:
        return False
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]  # exists on Windows only
    return int(kernel32.GetDriveTypeW(f"{drive}\\")) == DRIVE_REMOTE


def on_network_share(path: Path) -> bool:
    path = Path(os.path.abspath(path))
    if sys.platform == "win32":
        return is_unc(str(path)) or _windows_drive_is_remote(str(path))
    if is_unc(str(path)):
        return True
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return mount_type(path.resolve(), mounts) in NETWORK_FILE_SYSTEMS


def network_share_warning(path: Path) -> str | None:
    """The warning to show when `path` is on a network share, else None."""
    if not on_network_share(path):
        return None
    return (
        f"数据文件夹“{path}”位于网络共享或网络驱动器上。"
        "SQLite 数据库在网络共享上加锁不可靠，多人或断网时可能损坏数据。"
        "建议把数据文件夹放在本机硬盘上，并定期备份；多台电脑共用数据请改用服务器数据库。"
    )
