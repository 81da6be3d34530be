"""Test defaults: offscreen Qt, a fresh data folder per test, no leaking of the user's folder.

`--db=postgres` runs the same tests against a throw-away PostgreSQL server (tests/pg_server.py):
each test's data folder then holds a `config.json` naming its own new database on that server,
copied from a migrated template. Tests that read the SQLite file itself carry
`@pytest.mark.sqlite_only` and are skipped there; tests that need a server whichever the run
(`pg_server` fixture) are skipped when PostgreSQL is not installed, except in the PostgreSQL run.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.pg_server import PgServer, find_bin_dir, start_server
from wenming_desktop.config import CONFIG_FILENAME, DataFolder  # after the platform is chosen
from wenming_desktop.services.settings.workspace import Workspace, open_workspace


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--db", choices=("sqlite", "postgres"), default="sqlite",
        help="the database the workspace fixtures use (postgres: a throw-away local server)",
    )  # fmt: skip


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--db") != "postgres":
        return
    skip = pytest.mark.skip(reason="reads or writes the SQLite file itself")
    for item in items:
        if item.get_closest_marker("sqlite_only") is not None:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def on_postgres(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--db") == "postgres")


@pytest.fixture(scope="session")
def pg_server(on_postgres: bool) -> Iterator[PgServer]:
    """One throw-away server for the session, started on first use, stopped at the end."""
    if find_bin_dir() is None and not on_postgres:
        pytest.skip("PostgreSQL is not installed (scripts/dev.py test installs it)")
    server = start_server()
    yield server
    server.stop()


def point_at_server(folder: DataFolder, server: PgServer, database: str) -> None:
    """Make `folder` use `database` on `server`, as an office PC's config.json does."""
    folder.root.mkdir(parents=True, exist_ok=True)
    (folder.root / CONFIG_FILENAME).write_text(
        json.dumps({"database_url": server.url(database)}), encoding="utf-8"
    )


@pytest.fixture(scope="session")
def pg_template(on_postgres: bool, request: pytest.FixtureRequest) -> str | None:
    """A migrated, seeded database new test databases are copied from (PostgreSQL run only)."""
    if not on_postgres:
        return None
    server: PgServer = request.getfixturevalue("pg_server")
    name = server.new_database()
    folder = DataFolder(server.root.parent / f"{name}-folder")
    point_at_server(folder, server, name)
    open_workspace(folder, initialise=True).close()
    return name


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Never touch the real per-user data folder or a configured server database."""
    monkeypatch.setenv("WENMING_DATA_DIR", str(tmp_path / "default-data"))
    monkeypatch.delenv("WENMING_DATABASE_URL", raising=False)


@pytest.fixture
def data_folder(
    tmp_path: Path, pg_template: str | None, request: pytest.FixtureRequest
) -> Iterator[DataFolder]:
    folder = DataFolder(tmp_path / "数据 文件夹")
    if pg_template is None:
        yield folder
        return
    server: PgServer = request.getfixturevalue("pg_server")
    name = server.new_database(template=pg_template)
    point_at_server(folder, server, name)
    yield folder
    server.drop_database(name)


@pytest.fixture
def workspace(data_folder: DataFolder) -> Iterator[Workspace]:
    ws = open_workspace(data_folder)
    yield ws
    ws.close()


@pytest.fixture(scope="session")
def demo_template(
    tmp_path_factory: pytest.TempPathFactory,
    pg_template: str | None,
    request: pytest.FixtureRequest,
) -> Path:
    """The demo data set, written once per session; copy it with `demo_workspace`."""
    from wenming_desktop.services.settings.demo import load_demo

    folder = DataFolder(tmp_path_factory.mktemp("demo-template"))
    if pg_template is not None:
        server: PgServer = request.getfixturevalue("pg_server")
        point_at_server(folder, server, server.new_database(template=pg_template))
    ws = open_workspace(folder)
    load_demo(ws.db, allow_server=True)
    ws.close()
    return folder.root


@pytest.fixture
def demo_workspace(
    demo_template: Path, tmp_path: Path, pg_template: str | None, request: pytest.FixtureRequest
) -> Iterator[Workspace]:
    """A private copy of the demo data folder (and, on PostgreSQL, of its database)."""
    import shutil

    target = tmp_path / "demo 数据"
    shutil.copytree(demo_template, target)
    folder = DataFolder(target)
    name = None
    if pg_template is not None:
        server: PgServer = request.getfixturevalue("pg_server")
        source = json.loads((target / CONFIG_FILENAME).read_text(encoding="utf-8"))
        name = server.new_database(template=source["database_url"].rsplit("/", 1)[1])
        point_at_server(folder, server, name)
    ws = open_workspace(folder)
    yield ws
    ws.close()
    if name is not None:
        request.getfixturevalue("pg_server").drop_database(name)
