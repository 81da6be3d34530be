"""Who is signed in and what their role allows: 管理员 everything, 录入员 records but not users
or restores, 只读 nothing that changes data."""

from __future__ import annotations

from dataclasses import dataclass

ADMIN, CLERK, VIEWER = "admin", "clerk", "viewer"
ROLE_LABELS = {ADMIN: "管理员", CLERK: "录入员", VIEWER: "只读"}


@dataclass(frozen=True)
class Actor:
    username: str
    display_name: str
    role: str

    @property
    def can_write(self) -> bool:
        return self.role in (ADMIN, CLERK)

    @property
    def can_unmask(self) -> bool:
        """Full ID numbers and mobiles: only for a user whose unmasking can be audited."""
        return self.can_write

    @property
    def is_admin(self) -> bool:
        return self.role == ADMIN

    @property
    def label(self) -> str:
        name = self.display_name or self.username
        return f"{name}（{ROLE_LABELS.get(self.role, self.role)}）"
