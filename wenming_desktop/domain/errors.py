"""The error a user can understand and act on, kept apart from bugs (docs/architecture.md,
"Errors")."""


class UserError(Exception):
    """A problem with the user's input, file or data; its message is Chinese and shown as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class Cancelled(Exception):
    """Raised inside long work when the user pressed cancel; not an error to report."""


def os_reason(exc: OSError) -> str:
    """Why a file operation failed, in the clerk's words (never the system's English text).

    Keyed by errno (POSIX) and, on Windows, winerror; an unlisted error names its code.
    """
    import errno

    winerror = getattr(exc, "winerror", None)
    if winerror in (32, 33):  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
        return "文件被占用（可能正在 Excel 或其他程序中打开）"
    if winerror in (112, 39):  # ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL
        return "磁盘空间不足"
    if winerror == 123:  # ERROR_INVALID_NAME
        return "文件名或路径不合规定"
    reasons = {
        errno.ENOSPC: "磁盘空间不足",
        errno.EDQUOT: "磁盘配额已用完",
        errno.EROFS: "所在位置是只读的",
        errno.EACCES: "没有写入权限，或文件被占用（可能正在 Excel 或其他程序中打开）",
        errno.EPERM: "没有写入权限，或文件被占用（可能正在 Excel 或其他程序中打开）",
        errno.ENAMETOOLONG: "文件名或路径太长",
        errno.EISDIR: "这是一个文件夹，不是文件",
        errno.ENOTDIR: "路径中有一部分不是文件夹",
        errno.ENOENT: "文件或文件夹不存在",
        errno.EEXIST: "已存在同名文件",
        errno.EINVAL: "文件名或路径不合规定",
        errno.EIO: "磁盘读写出错（设备可能已拔出或损坏）",
        errno.EBUSY: "文件被占用",
    }
    return reasons.get(exc.errno or -1, f"系统错误（代码 {exc.errno or winerror or '未知'}）")
