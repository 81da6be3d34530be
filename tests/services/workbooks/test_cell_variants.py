"""ID number cells as other offices write them: a leading quote, a label, dashes, a note."""

from __future__ import annotations

import pytest

from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.workbooks.cells import cell_id_number

NUMBER = "230421197501232060"


@pytest.mark.parametrize(
    "value",
    [
        "'" + NUMBER,
        "身份证：" + NUMBER,
        "身份证号码: " + NUMBER,
        "230421-19750123-2060",
        NUMBER + "（本人）",
    ],
)
def test_decorated_id_numbers(value: str) -> None:
    assert cell_id_number(value) == NUMBER


def test_a_legacy_number_with_dashes() -> None:
    assert cell_id_number("230421-750123-206") == "230421750123206"


def test_a_wrong_number_is_still_refused() -> None:
    with pytest.raises(UserError, match="应为18位"):
        cell_id_number("身份证：23042119750123206")
