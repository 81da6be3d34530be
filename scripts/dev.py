"""Set up and run the program or its tests on a fresh machine: `python3 scripts/dev.py start|test`.

Creates `.venv` beside the checkout, installs the project into it, and on Debian/Ubuntu installs
the system libraries Qt needs (with sudo when not root). Works the same on Windows
(`py -3.11 scripts\\dev.py start`), where no system packages are needed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
# What Qt needs on a bare Debian to run (docs/architecture.md, "Libraries: what was measured"),
# plus tools the tests use:
# nsis compiles the installer script, poppler-utils renders PDFs for a look by eye,
# LibreOffice prints the ledgers as a printer would (Carlito: Calibri's widths, as Excel measures).
DEBIAN_PACKAGES = [
    "libegl1", "libgl1", "libxkbcommon0", "libxkbcommon-x11-0", "libfontconfig1",
    "libdbus-1-3", "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-shape0",
    "libxcb-randr0", "libxcb-render-util0", "libxcb-xinerama0", "libxcb-image0",
]  # fmt: skip
# postgresql: the tests start a throw-away server of their own (tests/pg_server.py); the
# system service the package sets up is not used. libreoffice-calc-nogui prints the ledgers as a
# printer would (tests/exports/test_ledgers_on_paper.py); Carlito gives Excel's column widths.
DEBIAN_TEST_PACKAGES = [
    "nsis", "poppler-utils", "binutils", "postgresql", "libreoffice-calc-nogui",
    "fonts-crosextra-carlito",
]  # fmt: skip
# What the PostgreSQL run covers: the storage tests and the services tests (see docs/postgres.md).
POSTGRES_TEST_PATHS = ["tests/storage", "tests/services"]


def run(cmd: list[str], **kwargs: object) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, **kwargs)  # type: ignore[call-overload]  # kwargs pass-through


def apt_install(packages: list[str]) -> None:
    if not sys.platform.startswith("linux") or shutil.which("apt-get") is None:
        return
    missing = [
        p for p in packages
        if subprocess.run(["dpkg", "-s", p], capture_output=True).returncode != 0
    ]  # fmt: skip
    if not missing:
        return
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run([*sudo, "apt-get", "update", "-qq"], env=env)
    run([*sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], env=env)


def venv_python() -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    return VENV / scripts / ("python.exe" if os.name == "nt" else "python")


def ensure_venv(extras: str) -> Path:
    if not venv_python().exists():
        try:
            run([sys.executable, "-m", "venv", str(VENV)])
        except subprocess.CalledProcessError:
            apt_install([f"python3.{sys.version_info.minor}-venv"])
            shutil.rmtree(VENV, ignore_errors=True)
            run([sys.executable, "-m", "venv", str(VENV)])
    python = str(venv_python())
    run([python, "-m", "pip", "install", "-q", "--upgrade", "pip"])
    run([python, "-m", "pip", "install", "-q", "-e", f"{ROOT}{extras}"])
    return venv_python()


def find_pg_ctl() -> bool:
    """PostgreSQL's server programs: on PATH, or where Debian's package puts them."""
    import glob

    return shutil.which("pg_ctl") is not None or bool(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))


def start(args: list[str]) -> int:
    apt_install(DEBIAN_PACKAGES)
    python = ensure_venv("")
    return subprocess.call([str(python), "-m", "wenming_desktop", *args])


def test(args: list[str]) -> int:
    apt_install(DEBIAN_PACKAGES + DEBIAN_TEST_PACKAGES)
    python = str(ensure_venv("[test,build,postgres]"))
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    lint = subprocess.call([python, "-m", "ruff", "check", str(ROOT)], cwd=ROOT)
    if lint:
        print("LINT FAILED: ruff found problems (listed above)", flush=True)
    # The type checker, configured in pyproject.toml ([tool.mypy]): strict below ui/ and cli/.
    types = subprocess.call([python, "-m", "mypy"], cwd=ROOT)
    if types:
        print("TYPE CHECK FAILED: mypy found errors (listed above)", flush=True)
    tests = subprocess.call([python, "-m", "pytest", *args], cwd=ROOT, env=env)
    on_server = 0
    chose_tests = any(not a.startswith("-") for a in args) or "--db=postgres" in args
    if not chose_tests and find_pg_ctl():
        # The storage and services tests again, against a throw-away PostgreSQL server.
        on_server = subprocess.call(
            [python, "-m", "pytest", "--db=postgres", "-m", "not slow", *POSTGRES_TEST_PATHS],
            cwd=ROOT, env=env,
        )  # fmt: skip
    return tests or on_server or lint or types


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in ("start", "test"):
        print(__doc__)
        return 2
    command, rest = sys.argv[1], sys.argv[2:]
    return start(rest) if command == "start" else test(rest)


if __name__ == "__main__":
    sys.exit(main())
