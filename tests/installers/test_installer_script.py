"""The NSIS installer script compiles (warnings are errors) and says what the issue requires."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

NSI = ROOT / "installers" / "wenming.nsi"


@pytest.mark.skipif(
    shutil.which("makensis") is None,
    reason="makensis (Debian package nsis) is not installed; scripts/dev.py test installs it",
)
def test_installer_script_compiles(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "installers" / "build.py"), "--check-installer",
         "--dist", str(tmp_path / "安装 程序")],
        capture_output=True, text=True, encoding="utf-8", timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    (installer,) = (tmp_path / "安装 程序").glob("文明实践工作台-安装程序-*.exe")
    data = installer.read_bytes()
    assert data[:2] == b"MZ" and len(data) > 100_000


def test_installer_script_promises() -> None:
    script = NSI.read_text(encoding="utf-8")
    assert "RequestExecutionLevel user" in script
    assert '!insertmacro MUI_LANGUAGE "SimpChinese"' in script
    assert '!define APP_NAME "文明实践工作台"' in script
    assert 'CreateShortCut "$SMPROGRAMS\\${APP_NAME}.lnk"' in script
    assert 'CreateShortCut "$DESKTOP\\${APP_NAME}.lnk"' in script
    uninstall = script.split('Section "Uninstall"', 1)[1]
    assert "WenmingDesktop" in script and "${DATA_DIR}" in uninstall  # says the data stays
    assert 'RMDir /r "$INSTDIR"' not in uninstall  # never wipes the chosen folder
    removals = [line for line in uninstall.splitlines() if "RMDir" in line or "Delete" in line]
    assert not [line for line in removals if "DATA_DIR" in line or 'WenmingDesktop"' in line]
