"""Test defaults: offscreen Qt, a fresh data folder per test, no leaking of the user's folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from wenming_desktop.config import DataFolder  # after the platform is chosen
from wenming_desktop.services.settings.workspace import Workspace, open_workspace


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Never touch the real per-user data folder or a configured server database."""
    monkeypatch.setenv("WENMING_DATA_DIR", str(tmp_path / "default-data"))
    monkeypatch.delenv("WENMING_DATABASE_URL", raising=False)


@pytest.fixture
def data_folder(tmp_path: Path) -> DataFolder:
    return DataFolder(tmp_path / "数据 文件夹")


@pytest.fixture
def workspace(data_folder: DataFolder) -> Iterator[Workspace]:
    ws = open_workspace(data_folder)
    yield ws
    ws.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo data set, written once per session; copy it with `demo_workspace`."""
    from wenming_desktop.services.settings.demo import load_demo

    folder = DataFolder(tmp_path_factory.mktemp("demo-template"))
    ws = open_workspace(folder)
    load_demo(ws.db)
    ws.close()
    return folder.root


@pytest.fixture
def demo_workspace(demo_template: Path, tmp_path: Path) -> Iterator[Workspace]:
    """A private copy of the demo data folder, so tests may change it."""
    import shutil

    target = tmp_path / "demo 数据"
    shutil.copytree(demo_template, target)
    ws = open_workspace(DataFolder(target))
    yield ws
    ws.close()
