"""The layer rule (docs/architecture.md, "Layers and arrows"): only ui/ may import Qt, checked
with Qt made unimportable."""

import pkgutil
import subprocess
import sys
import textwrap

import wenming_desktop
from tests.helpers import ROOT


def test_every_subpackage_but_ui_imports_without_qt() -> None:
    script = textwrap.dedent(
        """
        import importlib, pkgutil, sys

        class NoQt:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"):
                    raise ImportError("Qt is not allowed below ui/: " + name)
                return None

        sys.meta_path.insert(0, NoQt())
        import wenming_desktop
        names = [m.name for m in pkgutil.walk_packages(wenming_desktop.__path__, "wenming_desktop.")
                 if not m.name.startswith("wenming_desktop.ui") and ".migrations" not in m.name
                 and not m.name.endswith("__main__")]
        for name in names:
            importlib.import_module(name)
        print(len(names))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= 30


def test_the_walk_sees_the_ui_package_too() -> None:
    names = {m.name for m in pkgutil.walk_packages(wenming_desktop.__path__, "wenming_desktop.")}
    assert "wenming_desktop.ui.main_window" in names
    assert "wenming_desktop.services.villages.villages" in names
