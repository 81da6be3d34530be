"""Checks on a file before a reader opens it as a workbook: wrong kind, damaged, locked, bombs.

`check_workbook(path)` looks at the first bytes and the zip directory only (never inflating a
member) and says which kind of workbook it is: "xlsx" (Office Open XML, transitional or strict),
"xls" (Excel 97-2003 or WPS .et: an OLE2 container with a Workbook stream), "xlsb" or "ods".
A PDF, Word file, text, a password-protected workbook (an OLE2 container with EncryptionInfo /
EncryptedPackage streams), a truncated zip, or a zip whose declared sizes or compression ratios
are those of a zip bomb are refused with a Chinese UserError saying what the file is and what
to do. `translate(path, exc)` turns what a reader raises on a file that passed (a damaged
member, a bad CRC, an XML entity bomb stopped by defusedxml) into such a UserError.
No Qt here.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path
from xml.etree.ElementTree import ParseError

import openpyxl
from defusedxml.common import DefusedXmlException
from openpyxl.utils.exceptions import InvalidFileException

from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.workbooks.cfb import CFB_SIGNATURE, cfb_entry_names

MAX_FILE_BYTES = 200 * 1024 * 1024
# .xls / .et are read whole into memory by their reader: 65,536 rows fit in far less.
MAX_LEGACY_BYTES = 60 * 1024 * 1024
MAX_MEMBERS = 10_000
# A sheet is streamed; 100,000 rows of 30 filled columns are about 150 MB of XML.
MAX_SHEET_BYTES = 400 * 1024 * 1024
# Other XML parts (shared strings, styles, the workbook) are parsed whole, in memory.
MAX_PART_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
# Real sheets compress 5–30×; a zip bomb reaches 1000×. Only members over 1 MB are judged.
MAX_RATIO = 150
RATIO_FLOOR = 1024 * 1024


CONVERT = "请在 Excel 中打开它，另存为“Excel 工作簿（*.xlsx）”后再导入"


def _refuse(path: Path, what: str, advice: str = CONVERT) -> UserError:
    joint = "" if advice.startswith("（") else "。"
    return UserError(f"无法导入“{path.name}”：{what}{joint}{advice}")


def check_workbook(path: Path) -> str:
    """The kind of workbook `path` is ("xlsx", "xls", "xlsb", "ods"); UserError unless it looks
    like a workbook that is safe to open."""
    if not openpyxl.DEFUSEDXML:  # set at openpyxl's import; our dependency makes it True
        raise UserError("程序安装不完整：缺少 defusedxml 组件，无法安全读取 Excel 文件，请重新安装")
    if not path.exists():
        raise UserError(f"找不到文件“{path}”")
    if path.is_dir():
        raise UserError(f"“{path}”是文件夹，不是 Excel 文件")
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(8)
            if head.startswith(CFB_SIGNATURE):
                names = cfb_entry_names(handle)
                if names & {"Workbook", "Book"} and not names & {"EncryptionInfo"}:
                    kind = "xls"
                else:
                    raise _refuse(path, *_ole_kind(names))
    except OSError as exc:
        raise UserError(f"无法读取“{path}”：{exc.strerror or exc}") from None
    if size == 0:
        raise _refuse(
            path, "文件是空的（0 字节），可能没有保存或复制完整", "请找到完整的文件再导入"
        )
    if size > MAX_FILE_BYTES:
        raise _refuse(
            path,
            f"文件有 {size / 1048576:.0f} MB，超过了导入上限 {MAX_FILE_BYTES // 1048576} MB",
            "请只保留需要导入的工作表，或分成几个文件导入",
        )
    if head.startswith(CFB_SIGNATURE):
        if size > MAX_LEGACY_BYTES:
            raise _refuse(
                path,
                f"旧版表格文件有 {size / 1048576:.0f} MB，超过了导入上限 "
                f"{MAX_LEGACY_BYTES // 1048576} MB",
                "请只保留需要导入的工作表，或另存为 .xlsx 后再导入",
            )
        return kind
    if not head.startswith(b"PK"):
        raise _refuse(path, _sniff(path))
    return _check_zip(path)


def _sniff(path: Path) -> str:
    """What a file that is neither a zip nor an OLE2 container probably is."""
    with open(path, "rb") as handle:
        head = handle.read(4096)
    lower = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lower.startswith(b"%pdf"):
        return "这是 PDF 文件，不是 Excel 工作簿"
    if lower.startswith((b"<html", b"<!doctype html", b"<?xml", b"<table", b"mime-version")):
        return "这是网页或 XML 格式的文件（有些系统导出的“Excel”其实是网页），不是 Excel 工作簿"
    if lower.startswith(b"{\\rtf"):
        return "这是 RTF 文档，不是 Excel 工作簿"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM")):
        return "这是图片，不是 Excel 工作簿"
    if _looks_like_text(head):
        return "这是文本文件（例如 CSV 或记事本文件），不是 Excel 工作簿"
    return "文件已损坏，或者不是 Excel 工作簿（.xlsx）"


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            head.decode(encoding)
            return True
        except UnicodeDecodeError as exc:
            if exc.start >= len(head) - 4:  # a character cut at the end of the sample
                return True
    return False


def _ole_kind(names: set[str]) -> tuple[str, str]:
    """(what the OLE2 file is, what to do) from its stream names."""
    if {"EncryptionInfo", "EncryptedPackage"} <= names:
        return (
            "文件设有打开密码，请在Excel中取消密码后另存为.xlsx再导入",
            "（在 Excel 中：文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码后确定并保存）",
        )
    if names & {"Workbook", "Book"}:
        return "这是旧版 Excel 文件（.xls，Excel 97-2003 格式）", CONVERT
    if "WordDocument" in names:
        return "这是 Word 文档（.doc），不是 Excel 工作簿", CONVERT
    if "PowerPoint Document" in names:
        return "这是 PowerPoint 演示文稿（.ppt），不是 Excel 工作簿", CONVERT
    return "这是旧版 Office 格式的文件，不是 Excel 工作簿（.xlsx）", CONVERT


def declared_members(path: Path) -> int | None:
    """The member count in the zip's end record (zip64 too), read before zipfile builds one
    object per member; None when there is no end record (a damaged zip)."""
    with open(path, "rb") as handle:
        size = handle.seek(0, 2)
        handle.seek(max(0, size - 65_557))  # the end record (22 bytes) and a comment (< 64 KB)
        tail = handle.read()
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or at + 22 > len(tail):
            return None
        count = struct.unpack_from("<H", tail, at + 10)[0]
        locator = at - 20
        if count == 0xFFFF and locator >= 0 and tail[locator : locator + 4] == b"PK\x06\x07":
            handle.seek(struct.unpack_from("<Q", tail, locator + 8)[0])
            record = handle.read(40)
            if len(record) == 40 and record[:4] == b"PK\x06\x06":
                count = struct.unpack_from("<Q", record, 32)[0]
        return int(count)


def _check_zip(path: Path) -> str:
    count = declared_members(path)
    if count is not None and count > MAX_MEMBERS:
        raise _refuse(path, f"文件内部有 {count} 个部件，不像正常的 Excel 工作簿", CONVERT)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise _refuse(
            path,
            f"文件已损坏或不完整（可能是下载、复制或保存没有完成；{exc}）",
            "请重新获取完整的文件；若它能在 Excel 中打开，请另存为 .xlsx 后再导入",
        ) from None
    # Part names are case-insensitive; some writers use backslashes (see ooxml_package).
    names = {m.filename.replace("\\", "/").lstrip("/").lower() for m in members}
    if "word/document.xml" in names:
        raise _refuse(path, "这是 Word 文档（.docx），不是 Excel 工作簿", "请选择 Excel 工作簿")
    if "ppt/presentation.xml" in names:
        raise _refuse(
            path, "这是 PowerPoint 演示文稿（.pptx），不是 Excel 工作簿", "请选择 Excel 工作簿"
        )
    if "xl/workbook.bin" in names:
        kind = "xlsb"
    elif "content.xml" in names and "mimetype" in names:
        kind = "ods"
    elif "[content_types].xml" in names and any(n.startswith("xl/") for n in names):
        kind = "xlsx"
    else:
        raise _refuse(
            path, "这是一个 zip 压缩包，不是 Excel 工作簿", "请解压后选择其中的 .xlsx 文件"
        )
    if len(members) > MAX_MEMBERS:
        raise _refuse(path, f"文件内部有 {len(members)} 个部件，不像正常的 Excel 工作簿", CONVERT)
    if any(m.flag_bits & 0x1 for m in members):
        raise _refuse(path, "文件内部的部件已加密", "请在Excel中取消密码后另存为.xlsx再导入")
    total = 0
    for member in members:
        total += member.file_size
        limit = MAX_SHEET_BYTES if _is_sheet(member.filename, kind) else MAX_PART_BYTES
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > limit or (member.file_size > RATIO_FLOOR and ratio > MAX_RATIO):
            raise bomb(path, member.filename, member.file_size, ratio)
    if total > MAX_TOTAL_BYTES:
        raise bomb(path, "全部内容", total, None)
    return kind


def _is_sheet(name: str, kind: str) -> bool:
    name = name.replace("\\", "/").lower()
    if kind == "ods":
        return name == "content.xml"
    return name.startswith("xl/worksheets/") and name.endswith((".xml", ".bin"))


def bomb(path: Path, member: str, size: int, ratio: float | None) -> UserError:
    """The refusal of a member that would inflate beyond what any real workbook holds."""
    detail = f"解压后达 {size / 1048576:,.0f} MB"
    if ratio is not None:
        detail += f"（压缩比 {ratio:,.0f} 倍）"
    return _refuse(
        path,
        f"文件内部的“{member}”{detail}，远超正常工作簿，可能是恶意构造的“压缩炸弹”，已拒绝读取",
        "请向文件的提供者索取正常的 Excel 工作簿",
    )


def entity_declarations(path: Path) -> UserError:
    """The refusal of XML with DTD / entity declarations (an entity bomb, or worse)."""
    return _refuse(
        path,
        "文件中含有 XML 实体定义（正常的 Excel 工作簿不会有），可能是恶意构造的文件，已拒绝读取",
        "请向文件的提供者索取正常的 Excel 工作簿",
    )


# What openpyxl raises on a damaged file that passed the checks above.
BROKEN: tuple[type[BaseException], ...] = (
    InvalidFileException,
    zipfile.BadZipFile,
    zlib.error,
    ParseError,
    KeyError,
    IndexError,
    TypeError,
    ValueError,
    EOFError,
    OSError,
    MemoryError,
)


def translate(path: Path, exc: BaseException) -> UserError:
    """The Chinese UserError for an exception openpyxl raised while reading `path`."""
    if isinstance(exc, UserError):
        return exc
    cause: BaseException | None = exc
    while cause is not None:  # openpyxl re-raises what it met while loading as a ValueError
        if isinstance(cause, DefusedXmlException):
            return entity_declarations(path)
        cause = cause.__cause__ or cause.__context__
    if isinstance(exc, MemoryError):
        return _refuse(path, "文件内容太多，读取时内存不足", "请只保留需要导入的行和工作表后再试")
    return _refuse(
        path,
        f"文件已损坏，无法读取（{type(exc).__name__}：{exc}）",
        "若它能在 Excel 中打开，请另存为 .xlsx 后再导入；否则请重新获取文件",
    )
