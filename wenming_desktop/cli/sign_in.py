"""Signing in on the command line when sign-in is on: WENMING_USER / WENMING_PASSWORD,
else a prompt in the terminal. Every command that opens the workspace goes through here."""

from __future__ import annotations

import getpass
import os
import sys

from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.safety import users
from wenming_desktop.services.settings.workspace import Workspace

ENV_USER = "WENMING_USER"
ENV_PASSWORD = "WENMING_PASSWORD"


def sign_in(ws: Workspace) -> None:
    """Set the workspace's actor, or raise UserError; nothing to do while sign-in is off."""
    if ws.db.actor is not None or not users.sign_in_required(ws.db):
        return
    name = os.environ.get(ENV_USER, "").strip()
    password = os.environ.get(ENV_PASSWORD, "")
    if not name or not password:
        if not sys.stdin.isatty():
            raise UserError(
                "该数据文件夹已开启登录：请在终端中运行，"
                f"或设置环境变量 {ENV_USER} 和 {ENV_PASSWORD}"
            )
        name = name or input("用户名：").strip()
        password = password or getpass.getpass("密码：")
    ws.db.actor = users.authenticate(ws.db, name, password)
