from pathlib import Path

from tests.helpers import run_cli
from wenming_desktop.config import DataFolder
from wenming_desktop.domain.access import ADMIN, VIEWER
from wenming_desktop.services.safety import users
from wenming_desktop.services.settings.workspace import open_workspace


def test_commands_sign_in_when_sign_in_is_on(tmp_path: Path) -> None:
    root = tmp_path / "数据"
    ws = open_workspace(DataFolder(root))
    users.add_user(ws.db, "admin", "", ADMIN, "admin-pass")
    users.add_user(ws.db, "viewer", "", VIEWER, "viewer-pass")
    users.set_sign_in_required(ws.db, True)
    ws.close()
    anonymous = run_cli("check", "--data-dir", str(root))
    assert anonymous.returncode == 1 and "已开启登录" in anonymous.stderr
    wrong = run_cli(
        "check", "--data-dir", str(root), env={"WENMING_USER": "viewer", "WENMING_PASSWORD": "x"}
    )
    assert wrong.returncode == 1 and "用户名或密码不正确" in wrong.stderr
    viewer = {"WENMING_USER": "viewer", "WENMING_PASSWORD": "viewer-pass"}
    assert run_cli("check", "--data-dir", str(root), env=viewer).returncode == 0
    made = run_cli("backup", "--data-dir", str(root), env=viewer)
    assert made.returncode == 0, made.stderr
    backup = next(p for p in DataFolder(root).backups.iterdir() if p.suffix == ".db")
    refused = run_cli("restore", str(backup), "--data-dir", str(root), env=viewer)
    assert refused.returncode == 1 and "只有管理员可以恢复备份" in refused.stderr
    admin = {"WENMING_USER": "admin", "WENMING_PASSWORD": "admin-pass"}
    done = run_cli("restore", str(backup), "--data-dir", str(root), env=admin)
    assert done.returncode == 0, done.stderr
