"""A throw-away PostgreSQL server for the tests: `initdb` + `pg_ctl` in a temporary folder.

The server listens on 127.0.0.1 only, on a free port, with password authentication over TCP
(so a wrong password can be tested) and is stopped and deleted when the session ends. PostgreSQL
refuses to run as root; when the tests run as root (CI containers) the cluster is created and
run as the `postgres` user that Debian's `postgresql` package creates, through `runuser`.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "wenming_test"
PASSWORD = "测试-pw-1"


def find_bin_dir() -> Path | None:
    """Where initdb and pg_ctl are: on PATH, else Debian's /usr/lib/postgresql/<ver>/bin."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), reverse=True)
    return Path(candidates[0]).parent if candidates else None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class PgServer:
    root: Path
    port: int
    bin_dir: Path
    run_as: list[str]

    @property
    def data(self) -> Path:
        return self.root / "data"

    def url(self, database: str = "postgres", password: str = PASSWORD) -> str:
        from urllib.parse import quote

        return (
            f"postgresql+psycopg://{SUPERUSER}:{quote(password, safe='')}"
            f"@127.0.0.1:{self.port}/{database}"
        )

    def admin(self, sql: str) -> None:
        """Run one statement outside a transaction (CREATE/DROP DATABASE) as the superuser."""
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=SUPERUSER, password=PASSWORD,
            dbname="postgres", autocommit=True,
        ) as conn:  # fmt: skip
            conn.execute(sql)  # type: ignore[arg-type]  # test-only SQL built from our names

    def new_database(self, template: str | None = None) -> str:
        name = f"t_{uuid.uuid4().hex[:12]}"
        suffix = f" TEMPLATE {template}" if template else ""
        self.admin(f'CREATE DATABASE "{name}"{suffix}')
        return name

    def drop_database(self, name: str) -> None:
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _pg_ctl(self, *args: str) -> None:
        subprocess.run(
            [*self.run_as, str(self.bin_dir / "pg_ctl"), "-D", str(self.data), *args],
            check=True, capture_output=True,
        )  # fmt: skip

    def stop(self) -> None:
        try:
            self._pg_ctl("-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def start_server() -> PgServer:
    """initdb a cluster in a new temporary folder and start it on a free loopback port."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL is not installed (Debian: apt-get install postgresql)")
    root = Path(tempfile.mkdtemp(prefix="wenming-pg-"))
    run_as: list[str] = []
    if os.geteuid() == 0:
        run_as = ["runuser", "-u", "postgres", "--"]
        shutil.chown(root, user="postgres")
    pwfile = root / "pw"
    pwfile.write_text(PASSWORD + "\n", encoding="utf-8")
    if run_as:
        shutil.chown(pwfile, user="postgres")
    server = PgServer(root, free_port(), bin_dir, run_as)
    subprocess.run(
        [*run_as, str(bin_dir / "initdb"), "-D", str(server.data), "-U", SUPERUSER,
         f"--pwfile={pwfile}", "--auth-local=trust", "--auth-host=scram-sha-256",
         "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
        check=True, capture_output=True,
    )  # fmt: skip
    pwfile.unlink()
    options = (
        f"-c listen_addresses=127.0.0.1 -p {server.port} -k {root} -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    )
    server._pg_ctl("-o", options, "-l", str(root / "server.log"), "-w", "start")
    return server
