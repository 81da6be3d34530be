"""The program's entry point: `wenming`, `python -m wenming_desktop` and the bundle's launcher.

Without a command (at most `--data-dir DIR`) it opens the window straight away and imports none of
the command-line modules: they import SQLAlchemy and the export libraries, which the window's
shell must not wait for (docs/architecture.md, "Start-up"). Anything else — a command, `--help`,
`--version` — is handed to `wenming_desktop.cli.main`, which knows every option.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from wenming_desktop.config import resolve_data_folder

DATA_DIR = "--data-dir"


def window_data_dir(argv: Sequence[str]) -> tuple[bool, str | None]:
    """(True, the --data-dir value or None) when `argv` asks for the window, else (False, None)."""
    args = list(argv)
    if not args:
        return True, None
    if len(args) == 2 and args[0] == DATA_DIR and not args[1].startswith("-"):
        return True, args[1]
    if len(args) == 1 and args[0].startswith(f"{DATA_DIR}=") and len(args[0]) > len(DATA_DIR) + 1:
        return True, args[0].split("=", 1)[1]
    return False, None


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    window, data_dir = window_data_dir(args)
    if not window:
        from wenming_desktop.cli import main as command_line

        return command_line(args)
    from wenming_desktop.ui.app import run_gui  # Qt only when the window is wanted

    return run_gui(resolve_data_folder(data_dir))
