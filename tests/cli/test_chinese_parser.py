"""The command line's own texts (usage, help, errors) are Chinese, not argparse's English."""

from __future__ import annotations

import re

import pytest

from wenming_desktop.cli import main
from wenming_desktop.cli.parser import ERROR_MESSAGES, translate_error

ENGLISH = re.compile(
    r"usage|positional arguments|options|unrecognized|required|invalid|choice|choose from|"
    r"show this help|show program|error|argument|expected|ambiguous",
    re.IGNORECASE,
)


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    out = capsys.readouterr()
    return int(exit_.value.code or 0), out.out + out.err


@pytest.mark.parametrize(
    "argv", [["--help"], ["-h"], ["export", "--help"], ["export", "hours", "--help"]]
)
def test_help_is_chinese(argv: list[str], capsys) -> None:
    code, text = _run(argv, capsys)
    assert code == 0
    assert "用法：wenming" in text and "选项" in text and "显示本帮助并退出" in text
    assert ENGLISH.search(text) is None, text


def test_the_sections_of_a_command_group_are_chinese(capsys) -> None:
    _code, text = _run(["--help"], capsys)
    assert "位置参数" in text and "显示版本号并退出" in text


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["--bogus"], "无法识别的参数：--bogus"),
        (["export", "hours", "--colour"], "无法识别的参数：--colour"),
        (["export"], "缺少必需的参数：内容"),
        (["frob"], "参数 命令：无效的选择：'frob'（可选：'demo'"),
        (["export", "hours", "--year", "abc"], "参数 --year：无效的取值：'abc'"),
        (["--data-dir"], "参数 --data-dir：需要给出一个值"),
    ],
)
def test_usage_errors_are_chinese(argv: list[str], says: str, capsys, tmp_path) -> None:
    code, text = _run(argv, capsys)
    assert code == 2
    assert text.startswith("用法：wenming")
    assert f"命令行参数错误：{says}" in text
    assert ENGLISH.search(text) is None, text


def test_each_message_template_has_a_translation() -> None:
    samples = {
        "ambiguous option: --ye could match --year, --yes": (
            "选项 --ye 不明确，可能是：--year, --yes"
        ),
        "argument -o/--output: expected at least one argument": "参数 -o/--output：至少给出一个值",
        "argument --x: not allowed with argument --y": "参数 --x：不能与参数 --y 同时使用",
        "one of the arguments --a --b is required": "以下参数必须给出一个：--a --b",
        "argument --flag: ignored explicit argument 'v'": "参数 --flag：不接受取值：'v'",
        "argument n: expected 2 arguments": "参数 n：需要给出 2 个值",
    }
    for english, chinese in samples.items():
        assert translate_error(english) == chinese
    assert translate_error("something new") == "something new"
    assert len(ERROR_MESSAGES) >= 12
