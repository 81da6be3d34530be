"""Password hashes: salted scrypt from the standard library (memory-hard), compared in constant
time. Stored as `scrypt$n$r$p$salt$hash` so the cost can be raised later without a migration."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from wenming_desktop.domain.errors import UserError

N, R, P = 2**14, 8, 1  # 16 MiB of memory per hash
MIN_LENGTH = 6


def check_new_password(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise UserError(f"密码至少需要 {MIN_LENGTH} 个字符")


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=N, r=R, p=P, dklen=32)
    return f"scrypt${N}${R}${P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        computed = hashlib.scrypt(
            password.encode("utf-8"),
            salt=bytes.fromhex(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(digest) // 2,
            maxmem=256 * 1024 * 1024,
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(computed.hex(), digest)
