"""设置 → 备份 on a server database: what it says, and the pg_dump export."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from tests.conftest import point_at_server
from tests.pg_server import PASSWORD, PgServer
from wenming_desktop.config import DataFolder
from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.safety import server_backup
from wenming_desktop.services.settings.workspace import Workspace, open_workspace


@pytest.fixture
def server_workspace(pg_server: PgServer, tmp_path: Path) -> Workspace:
    folder = DataFolder(tmp_path / "客户端")
    point_at_server(folder, pg_server, pg_server.new_database())
    ws = open_workspace(folder, initialise=True)
    yield ws
    ws.close()


def test_the_page_promises_no_automatic_backup_on_a_server(server_workspace, pg_server) -> None:
    info = server_backup.server_backup_info(server_workspace.folder, server_workspace.db)
    text = server_backup.describe(info)
    assert f"127.0.0.1:{pg_server.port}" in text
    assert "不会自动备份" in text and "每天第一次启动时自动备份" not in text
    assert "服务器管理员" in text and str(info.attachments) in text
    assert "保存在服务器数据库中" in text and "请一并备份" not in text
    assert f"pg_dump --format=custom --file={info.command.split('--file=')[1].split()[0]}" in text
    assert f"--host=127.0.0.1 --port={pg_server.port}" in text
    assert PASSWORD not in text
    without = server_backup.describe(
        info.__class__(info.server, None, info.target, info.attachments)
    )
    assert "没有安装 PostgreSQL 的 pg_dump" in without and "导出服务器数据库”" not in without


def test_pg_dump_exports_the_server_database(server_workspace) -> None:
    if server_backup.find_pg_dump() is None:
        pytest.skip("pg_dump is not installed")
    path = server_backup.dump_server(
        server_workspace.folder, server_workspace.db, now=datetime(2026, 11, 30, 8, 0)
    )
    assert path.parent == server_workspace.folder.backups
    assert path.name.endswith("-20261130-080000.dump")
    assert path.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    assert not list(server_workspace.folder.backups.glob("*.partial"))


def test_the_local_database_is_not_dumped(workspace, on_postgres) -> None:
    if on_postgres:
        pytest.skip("the workspace is on the server in this run")
    with pytest.raises(UserError, match="立即备份"):
        server_backup.dump_server(workspace.folder, workspace.db)


def test_the_command_line_backup_says_how_on_a_server(
    server_workspace, pg_server, monkeypatch, capsys
) -> None:
    from wenming_desktop.cli import main
    from wenming_desktop.config import ENV_DATABASE_URL

    url = server_workspace.db.engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv(ENV_DATABASE_URL, url)
    for extra in ([], ["-o", str(server_workspace.folder.root / "备份.zip")]):
        code = main(["--data-dir", str(server_workspace.folder.root), "backup", *extra])
        out = capsys.readouterr()
        said = out.out + out.err
        assert code == 1
        assert "pg_dump --format=custom" in said and f"--port={pg_server.port}" in said
        assert "照片和扫描件也在数据库中" in said
        assert PASSWORD not in said
