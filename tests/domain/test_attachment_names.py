import hashlib

import pytest

from wenming_desktop.domain.attachment_names import (
    clean_suffix,
    is_valid_sha256,
    is_valid_stored_name,
    is_valid_suffix,
    stored_name_problem,
)

SHA = hashlib.sha256(b"a").hexdigest()


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        (SHA, True),
        (SHA.upper(), False),
        (SHA[:63], False),
        (SHA + "0", False),
        ("ab/../../../wenming.db", False),
        ("/etc/passwd", False),
        ("C:\\Windows\\win.ini", False),
        (None, False),
        (12, False),
    ],
)
def test_sha256_form(value: object, ok: bool) -> None:
    assert is_valid_sha256(value) is ok


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("", True),
        (".jpg", True),
        (".jp g", True),
        (".照片", True),
        ("." + "a" * 15, True),
        ("." + "a" * 16, False),
        ("jpg", False),
        (".", False),
        (".jpg ", False),
        ("..", False),
        ("./x", False),
        ("/../../x", False),
        (".a\\b", False),
        (".a:b", False),
        (".a\x00", False),
        (".tar.gz", False),
        (None, False),
    ],
)
def test_suffix_form(value: object, ok: bool) -> None:
    assert is_valid_suffix(value) is ok


def test_clean_suffix_and_problems() -> None:
    assert clean_suffix(".JPG") == ".jpg"
    assert clean_suffix(".a:b") == ""
    assert clean_suffix("." + "x" * 20) == ""
    assert is_valid_stored_name(SHA, ".png")
    assert stored_name_problem(SHA, ".png") is None
    assert "64位十六进制" in (stored_name_problem("ab/..", "") or "")
    assert "扩展名" in (stored_name_problem(SHA, "/x") or "")
