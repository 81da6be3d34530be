import pytest

from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.passwords import check_new_password, hash_password, verify_password


def test_salted_scrypt_hashes_verify_only_the_right_password() -> None:
    first, second = hash_password("办公室2026"), hash_password("办公室2026")
    assert first.startswith("scrypt$16384$8$1$")
    assert first != second  # a fresh salt each time
    assert "办公室2026" not in first
    assert verify_password("办公室2026", first) and verify_password("办公室2026", second)
    assert not verify_password("办公室2025", first)
    assert not verify_password("", first)


def test_malformed_hashes_never_verify() -> None:
    for stored in ("", "plain", "md5$1$2$3$00$00", "scrypt$x$8$1$00$00", "scrypt$16384$8$1$zz$00"):
        assert not verify_password("anything", stored)


def test_short_passwords_are_refused() -> None:
    with pytest.raises(UserError, match="至少需要 6 个字符"):
        check_new_password("12345")
    check_new_password("123456")
