"""设置 → 单位服务器: the address kept in config.json and a connection tried (loopback server)."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from tests.pg_server import PASSWORD, SUPERUSER, PgServer
from wenming_desktop.config import CONFIG_FILENAME, DataFolder
from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.settings.server_connection import (
    ServerAddress,
    save_address,
    saved_address,
    try_address,
)
from wenming_desktop.services.settings.workspace import open_workspace


def address(server: PgServer, database: str, password: str = PASSWORD) -> ServerAddress:
    return ServerAddress("127.0.0.1", server.port, database, SUPERUSER, password)


def test_saved_for_this_user_only_and_read_back(tmp_path: Path) -> None:
    folder = DataFolder(tmp_path / "本机")
    (folder.root).mkdir()
    (folder.root / CONFIG_FILENAME).write_text(json.dumps({"other": 1}), "utf-8")
    entered = ServerAddress(" 192.168.1.20 ", 5433, "wenming", "文明办", "p@ss:/word")
    save_address(folder, entered)
    assert saved_address(folder) == ServerAddress("192.168.1.20", 5433, "wenming", "文明办",
                                                  "p@ss:/word")  # fmt: skip
    data = json.loads((folder.root / CONFIG_FILENAME).read_text("utf-8"))
    assert data["other"] == 1  # the rest of config.json is kept
    if os.name != "nt":
        mode = stat.S_IMODE((folder.root / CONFIG_FILENAME).stat().st_mode)
        assert mode == 0o600
    save_address(folder, None)
    assert saved_address(folder) is None
    assert folder.database_url() is None


@pytest.mark.parametrize(
    ("entered", "expected"),
    [
        (ServerAddress("", 5432, "db", "u", ""), "请填写服务器地址"),
        (ServerAddress("h", 0, "db", "u", ""), "端口“0”不正确"),
        (ServerAddress("h", 5432, " ", "u", ""), "请填写数据库名"),
        (ServerAddress("h", 5432, "db", "", ""), "请填写用户名"),
    ],
)
def test_missing_fields_are_named(tmp_path: Path, entered: ServerAddress, expected: str) -> None:
    with pytest.raises(UserError, match=expected):
        save_address(DataFolder(tmp_path), entered)


def test_trying_the_address(pg_server: PgServer, tmp_path: Path) -> None:
    empty = pg_server.new_database()
    assert "这个数据库还是空的" in try_address(address(pg_server, empty))
    with pytest.raises(UserError, match="用户名或密码错误"):
        try_address(address(pg_server, empty, "不对"))
    folder = DataFolder(tmp_path / "本机")
    save_address(folder, address(pg_server, empty))
    open_workspace(folder, initialise=True).close()
    assert "这是本程序的数据库" in try_address(address(pg_server, empty))
