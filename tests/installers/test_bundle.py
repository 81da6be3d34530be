"""Build the PyInstaller one-folder bundle on Linux and run its own `self-test`.

A resource left out of the spec or an import PyInstaller cannot see fails here, not on the
office PC. About a minute on a 2-core machine.
"""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT


@pytest.mark.slow
def test_bundle_builds_and_passes_its_self_test(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "installers" / "build.py"), "--self-test",
         "--dist", str(tmp_path / "dist"), "--work", str(tmp_path / "work")],
        capture_output=True, text=True, encoding="utf-8", timeout=900, cwd=ROOT,
    )  # fmt: skip
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    assert "自检通过" in result.stdout
    assert "打开并关闭主窗口" in result.stdout
    internal = tmp_path / "dist" / "wenming" / "_internal"
    assert (internal / "resources" / "fonts" / "wqy-microhei.ttc").exists()
    assert (internal / "resources" / "constitution_guidance.md").exists()
    assert (internal / "wenming_desktop" / "storage" / "migrations" / "versions").is_dir()
    # Qt's own Chinese texts (message-box buttons, dialogs, context menus)
    assert list(internal.rglob("qtbase_zh_CN.qm")), "qtbase_zh_CN.qm missing from the bundle"
    pyside = sorted(p.name for p in (internal / "PySide6").glob("Qt*.abi3.so"))
    # no unneeded Qt (QtNetwork: the local server of one program per data folder;
    # QtPrintSupport: printing sign-in sheets)
    assert pyside == [
        "QtCore.abi3.so",
        "QtGui.abi3.so",
        "QtNetwork.abi3.so",
        "QtPrintSupport.abi3.so",
        "QtWidgets.abi3.so",
    ]
