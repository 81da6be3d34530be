"""High-DPI rounding and the preferred Chinese UI font (Microsoft YaHei on Windows)."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from wenming_desktop.ui.app import UI_FONTS, high_dpi_policy


def test_fractional_scaling_is_not_rounded(qapp) -> None:
    high_dpi_policy()  # a no-op once the application exists; Qt 6's default is the same
    policy = QGuiApplication.highDpiScaleFactorRoundingPolicy()
    assert policy == Qt.HighDpiScaleFactorRoundingPolicy.PassThrough


def test_system_chinese_font_preferred_over_bundled(prepared_app) -> None:
    families = prepared_app.font().families()
    assert UI_FONTS[0] == "Microsoft YaHei UI"
    assert families.index("Microsoft YaHei UI") < families.index("WenQuanYi Micro Hei")
