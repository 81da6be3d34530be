"""The command line on an office server database: an empty one is set up only by init-server."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import run_cli
from tests.pg_server import PASSWORD, PgServer


def test_an_empty_server_database_needs_init_server(pg_server: PgServer, tmp_path: Path) -> None:
    env = {
        "WENMING_DATA_DIR": str(tmp_path / "数据"),
        "WENMING_DATABASE_URL": pg_server.url(pg_server.new_database()),
    }
    refused = run_cli("check", env=env)
    assert refused.returncode == 1
    assert "尚未初始化" in refused.stderr + refused.stdout
    assert "wenming init-server" in refused.stderr + refused.stdout
    assert PASSWORD not in refused.stderr + refused.stdout
    done = run_cli("init-server", env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "服务器数据库已可使用" in done.stdout and PASSWORD not in done.stdout
    assert run_cli("check", env=env).returncode == 0
    demo = run_cli("demo", env=env)
    assert demo.returncode == 1 and "演示数据不会写入" in demo.stderr + demo.stdout
