"""What the clerk is told about a server database that cannot be used (loopback server only)."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy.engine import make_url

from tests.conftest import point_at_server
from tests.pg_server import PASSWORD, PgServer, free_port
from wenming_desktop.config import CONFIG_FILENAME, DataFolder
from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.settings.demo import load_demo
from wenming_desktop.services.settings.workspace import open_workspace
from wenming_desktop.storage import server as server_module
from wenming_desktop.storage.server import CONNECT_TIMEOUT_S, ServerNotInitialised


def folder_with_url(tmp_path, url: str) -> DataFolder:
    folder = DataFolder(tmp_path / "客户端")
    folder.root.mkdir(parents=True)
    (folder.root / CONFIG_FILENAME).write_text(json.dumps({"database_url": url}), "utf-8")
    return folder


def open_error(folder: DataFolder) -> str:
    with pytest.raises(UserError) as caught:
        open_workspace(folder)
    assert "Traceback" not in caught.value.message
    return caught.value.message


def test_closed_port_is_refused_with_the_cause(pg_server: PgServer, tmp_path) -> None:
    port = free_port()
    url = pg_server.url("wenming").replace(f":{pg_server.port}/", f":{port}/")
    message = open_error(folder_with_url(tmp_path, url))
    assert f"127.0.0.1:{port}" in message
    assert "拒绝连接" in message


def test_wrong_password_names_the_user_and_hides_the_password(
    pg_server: PgServer, tmp_path
) -> None:
    message = open_error(folder_with_url(tmp_path, pg_server.url("postgres", "错的密码")))
    assert "用户名或密码错误" in message
    assert "错的密码" not in message and PASSWORD not in message
    assert "wenming_test" in message


def test_missing_database_is_named(pg_server: PgServer, tmp_path) -> None:
    message = open_error(folder_with_url(tmp_path, pg_server.url("没有这个库")))
    assert "没有名为“没有这个库”的数据库" in message


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgresql+psycopg://u:p@/db", "缺少服务器地址"),
        ("postgresql+psycopg://u:p@host:5432", "缺少数据库名"),
        ("mysql://u:p@host/db", "不受支持"),
        ("这不是地址", "格式不正确"),
        ("postgresql+psycopg://u:p@host:端口/db", "端口或服务器地址无法识别"),
        ("postgresql+psycopg://u:p@[::1/db", "端口或服务器地址无法识别"),
        ("postgresql+psycopg://u:p@host:99999/db", "端口 99999 不正确"),
    ],
)
def test_bad_url_is_explained_with_an_example(tmp_path, url: str, expected: str) -> None:
    message = open_error(folder_with_url(tmp_path, url))
    assert expected in message
    assert "postgresql+psycopg://用户名:密码@服务器地址:5432/数据库名" in message


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A loopback port that accepts connections and never answers."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join()
    for conn in accepted:
        conn.close()
    listener.close()


def test_a_server_that_never_answers_times_out_with_the_cause(silent_server: int) -> None:
    assert CONNECT_TIMEOUT_S <= 10
    url = f"postgresql+psycopg://u:p@127.0.0.1:{silent_server}/db"
    engine = server_module.server_engine(url, timeout=2)  # psycopg's shortest timeout
    try:
        with pytest.raises(Exception) as caught:
            engine.connect()
    finally:
        engine.dispose()
    message = server_module.explain_connect_error(caught.value, make_url(url), timeout=2)
    assert "2 秒内没有应答" in message
    assert f"127.0.0.1:{silent_server}" in message


def table_names(server: PgServer, database: str) -> list[str]:
    with psycopg.connect(server.url(database).replace("postgresql+psycopg", "postgresql")) as c:
        rows = c.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema='public'"
        ).fetchall()
    return sorted(r[0] for r in rows)


def test_another_applications_database_is_refused_untouched(pg_server: PgServer, tmp_path) -> None:
    name = pg_server.new_database()
    with psycopg.connect(pg_server.url(name).replace("postgresql+psycopg", "postgresql")) as c:
        c.execute("CREATE TABLE orders (id int primary key, total numeric)")
    folder = DataFolder(tmp_path / "客户端")
    point_at_server(folder, pg_server, name)
    with pytest.raises(UserError, match="其他程序的数据表（orders 等）"):
        open_workspace(folder, initialise=True)
    assert table_names(pg_server, name) == ["orders"]


def test_an_empty_database_is_set_up_only_when_asked(pg_server: PgServer, tmp_path) -> None:
    name = pg_server.new_database()
    folder = DataFolder(tmp_path / "客户端")
    point_at_server(folder, pg_server, name)
    with pytest.raises(ServerNotInitialised, match="是空的，尚未初始化"):
        open_workspace(folder)
    assert table_names(pg_server, name) == []
    open_workspace(folder, initialise=True).close()
    assert {"village", "volunteer", "alembic_version"} <= set(table_names(pg_server, name))
    open_workspace(folder).close()  # initialised: opens without asking again


def test_demo_data_never_goes_into_a_server_database(pg_server: PgServer, tmp_path) -> None:
    name = pg_server.new_database()
    folder = DataFolder(tmp_path / "客户端")
    point_at_server(folder, pg_server, name)
    ws = open_workspace(folder, initialise=True)
    try:
        with pytest.raises(UserError, match="演示数据不会写入"):
            load_demo(ws.db)
    finally:
        ws.close()


def test_self_test_and_demo_folder_stay_local(
    pg_server: PgServer, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wenming_desktop.services.settings.first_start import open_demo
    from wenming_desktop.services.settings.selftest import run_selftest

    name = pg_server.new_database()
    monkeypatch.setenv("WENMING_DATABASE_URL", pg_server.url(name))
    results = run_selftest(None)
    assert all(r.ok for r in results), results
    demo = open_demo(DataFolder(tmp_path / "本机"))
    try:
        assert demo.db.is_sqlite
    finally:
        demo.close()
    assert table_names(pg_server, name) == []
