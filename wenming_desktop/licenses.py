"""The third-party parts shipped with the program and the licence texts in resources/."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from wenming_desktop.resources import resources_dir


@dataclass(frozen=True)
class BundledPart:
    name: str
    role: str  # what it does for the program, in Chinese
    licence: str
    files: tuple[str, ...]  # licence texts, relative to resources/

    def paths(self) -> list[Path]:
        return [resources_dir() / name for name in self.files]

    def text(self) -> str:
        return "\n\n".join(path.read_text(encoding="utf-8") for path in self.paths())


BUNDLED: tuple[BundledPart, ...] = (
    BundledPart(
        "文泉驿微米黑（字体）",
        "界面与PDF中的中文字体",
        "Apache-2.0",
        ("fonts/LICENSE-wqy-microhei.txt",),
    ),
    BundledPart(
        "花园明朝 Hanazono Mincho（字体子集）",
        "生僻字（扩展A、B区）的显示与打印",
        "Hanazono Font License",
        ("licenses/Hanazono.txt",),
    ),
    BundledPart(
        "Qt 6 / PySide6",
        "窗口界面",
        "LGPL-3.0",
        ("licenses/LGPL-3.0.txt", "licenses/GPL-3.0.txt"),
    ),
    BundledPart("Python", "程序运行环境", "PSF-2.0", ("licenses/Python.txt",)),
    BundledPart("SQLAlchemy", "数据库访问", "MIT", ("licenses/SQLAlchemy.txt",)),
    BundledPart("Alembic", "数据库升级", "MIT", ("licenses/Alembic.txt",)),
    BundledPart("Mako", "数据库升级脚本模板", "MIT", ("licenses/Mako.txt",)),
    BundledPart("openpyxl", "读取 Excel 文件", "MIT", ("licenses/openpyxl.txt",)),
    BundledPart("et_xmlfile", "Excel 文件读取", "MIT", ("licenses/et_xmlfile.txt",)),
    BundledPart("XlsxWriter", "Excel 台账", "BSD-2-Clause", ("licenses/XlsxWriter.txt",)),
    BundledPart("defusedxml", "安全读取 Excel 文件", "PSF-2.0", ("licenses/defusedxml.txt",)),
    BundledPart("ReportLab", "PDF 文件", "BSD-3-Clause", ("licenses/ReportLab.txt",)),
    BundledPart("Pillow", "PDF 中的图片", "MIT-CMU", ("licenses/Pillow.txt",)),
    BundledPart("charset-normalizer", "PDF 文本编码", "MIT", ("licenses/charset-normalizer.txt",)),
    BundledPart("platformdirs", "数据文件夹位置", "MIT", ("licenses/platformdirs.txt",)),
    BundledPart("pypinyin", "拼音首字母查找", "MIT", ("licenses/pypinyin.txt",)),
    BundledPart(
        "pypdfium2 / PDFium", "打印签到表时渲染 PDF", "BSD-3-Clause", ("licenses/pypdfium2.txt",)
    ),
    BundledPart("MarkupSafe", "模板文本转义", "BSD-3-Clause", ("licenses/MarkupSafe.txt",)),
    BundledPart(
        "typing_extensions", "类型标注支持", "PSF-2.0", ("licenses/typing_extensions.txt",)
    ),
)
