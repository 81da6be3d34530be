"""PySide6 6.12.0 on Python 3.11 dies with `none_dealloc` after thousands of void
Qt calls. A subprocess makes 100,000 of them and must exit cleanly (docs/architecture.md,
"Libraries: what was measured")."""

import subprocess
import sys
import textwrap


def test_hundred_thousand_void_qt_calls_exit_cleanly() -> None:
    script = textwrap.dedent(
        """
        import os
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtCore import QObject
        from PySide6.QtWidgets import QApplication, QLabel
        app = QApplication([])
        label = QLabel()
        obj = QObject()
        for i in range(50_000):
            label.setText("x")          # returns None
            obj.setObjectName("n")      # returns None
        print("done")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().endswith("done")
    assert "none_dealloc" not in result.stderr
