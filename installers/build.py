"""Build the program for delivery: `python installers/build.py [--installer] [--self-test]`.

1. PyInstaller turns `installers/wenming.spec` into a windowed one-folder bundle
   `dist/wenming/` (wenming.exe + _internal/ on Windows; a Linux bundle on Linux, for the smoke
   test — PyInstaller does not cross-build).
2. `--self-test` runs the bundle's `self-test` (offscreen window) and fails the build if it fails.
3. On Windows, or with `--installer`, NSIS's `makensis` compiles `installers/wenming.nsi` around
   the bundle into `dist/文明实践工作台-安装程序-<version>.exe`. On Linux `--installer` only proves
   that the script compiles (`--check-installer` uses a stand-in bundle).

Needs the `build` extra (`pip install -e .[build]`) and, for the installer, NSIS 3
(Windows: `choco install nsis`; Debian: `apt-get install nsis`).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALLERS = ROOT / "installers"
SPEC = INSTALLERS / "wenming.spec"
NSI = INSTALLERS / "wenming.nsi"
EXE_NAME = "wenming.exe" if os.name == "nt" else "wenming"


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from wenming_desktop import __version__

    return __version__


def build_bundle(dist: Path, work: Path) -> Path:
    """Run PyInstaller; returns the bundle folder (dist/wenming)."""
    subprocess.run(
        [
            sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
            "--distpath", str(dist), "--workpath", str(work), str(SPEC),
        ],
        check=True,
        cwd=ROOT,
    )  # fmt: skip
    bundle = dist / "wenming"
    if not (bundle / EXE_NAME).exists():
        raise SystemExit(f"PyInstaller did not produce {bundle / EXE_NAME}")
    return bundle


def run_self_test(bundle: Path, report: Path) -> int:
    """The bundle's own `self-test`; its report is printed (a windowed exe has no console)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WENMING_DATA_DIR": str(report.parent)}
    code = subprocess.run(
        [str(bundle / EXE_NAME), "self-test", "--report", str(report)],
        env=env,
        timeout=600,
    ).returncode
    if report.exists():
        print(report.read_text(encoding="utf-8"))
    return code


def makensis() -> str | None:
    found = shutil.which("makensis")
    if found is None and os.name == "nt":
        for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
            candidate = Path(base or "") / "NSIS" / "makensis.exe"
            if base and candidate.exists():
                return str(candidate)
    return found


def build_installer(bundle: Path, out_file: Path) -> Path:
    """Compile the NSIS script around `bundle` into `out_file` (a Windows .exe)."""
    tool = makensis()
    if tool is None:
        raise SystemExit("makensis (NSIS 3) not found: install NSIS to build the installer")
    out_file.parent.mkdir(parents=True, exist_ok=True)
    # -WX: a warning in the script fails the build, as a broken script must.
    subprocess.run(
        [
            tool, "-V2", "-WX", "-INPUTCHARSET", "UTF8",
            f"-DVERSION={version()}", f"-DBUNDLE_DIR={bundle}", f"-DOUT_FILE={out_file}",
            f"-DROOT={ROOT}", str(NSI),
        ],
        check=True,
        cwd=INSTALLERS,
    )  # fmt: skip
    return out_file


def check_installer_script(out_file: Path) -> Path:
    """Compile the script around a stand-in bundle: proves the script, not the program."""
    with tempfile.TemporaryDirectory(prefix="wenming-nsis-") as temp:
        stand_in = Path(temp) / "wenming"
        (stand_in / "_internal").mkdir(parents=True)
        (stand_in / "wenming.exe").write_bytes(b"MZ stand-in")
        (stand_in / "_internal" / "base_library.zip").write_bytes(b"stand-in")
        return build_installer(stand_in, out_file)


def installer_name() -> str:
    return f"文明实践工作台-安装程序-{version()}.exe"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    parser.add_argument("--self-test", action="store_true", help="run the bundle's self-test")
    parser.add_argument(
        "--installer",
        action="store_true",
        help="also build the NSIS installer (default on Windows)",
    )
    parser.add_argument(
        "--check-installer",
        action="store_true",
        help="only compile the NSIS script around a stand-in bundle (no PyInstaller)",
    )
    args = parser.parse_args(argv)
    dist = args.dist.absolute()
    if args.check_installer:
        out = check_installer_script(dist / installer_name())
        print(f"installer script compiles: {out}")
        return 0
    bundle = build_bundle(dist, args.work.absolute())
    print(f"bundle: {bundle}")
    if args.self_test:
        with tempfile.TemporaryDirectory(prefix="wenming-bundle-test-") as temp:
            if run_self_test(bundle, Path(temp) / "self-test.txt") != 0:
                print("bundle self-test FAILED", file=sys.stderr)
                return 1
    if args.installer or os.name == "nt":
        if os.name != "nt":
            print("note: a Linux bundle inside a Windows installer is for checking the script only")
        out = build_installer(bundle, dist / installer_name())
        print(f"installer: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
