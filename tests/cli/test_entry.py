"""The entry point: the window without a command (the commands not even loaded), else the CLI."""

from __future__ import annotations

import pytest

from wenming_desktop import entry


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], (True, None)),
        (["--data-dir", "D:/数据"], (True, "D:/数据")),
        (["--data-dir=D:/数据"], (True, "D:/数据")),
        (["--data-dir"], (False, None)),
        (["--data-dir="], (False, None)),
        (["--data-dir", "--help"], (False, None)),
        (["--version"], (False, None)),
        (["--help"], (False, None)),
        (["demo"], (False, None)),
        (["--data-dir", "D:/数据", "demo"], (False, None)),
    ],
)
def test_which_arguments_open_the_window(argv: list[str], expected) -> None:
    assert entry.window_data_dir(argv) == expected


def test_the_window_gets_the_folder_and_commands_go_to_the_cli(monkeypatch, tmp_path) -> None:
    opened = []
    monkeypatch.setattr("wenming_desktop.ui.app.run_gui", lambda folder: opened.append(folder) or 0)
    assert entry.main(["--data-dir", str(tmp_path)]) == 0
    assert [f.root for f in opened] == [tmp_path]
    handed: list[list[str]] = []
    monkeypatch.setattr("wenming_desktop.cli.main", lambda argv: handed.append(argv) or 7)
    assert entry.main(["--data-dir", str(tmp_path), "list-villages"]) == 7
    assert handed == [["--data-dir", str(tmp_path), "list-villages"]]
    assert len(opened) == 1
