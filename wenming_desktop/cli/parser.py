"""The command line's parser, speaking Chinese: usage, help sections and error messages.

argparse writes its own texts in English ("usage:", "options", "unrecognized arguments: …").
They are replaced through argparse's public hooks only, never by changing argparse itself:

- the help formatter's `add_usage` (its `prefix`) and `start_section` (the section headings);
- `-h/--help` added by the parser itself with a Chinese help text (`add_help` is taken over);
- `error(message)`, which receives argparse's English message and translates it by the
  message templates below before printing it.

A gettext catalogue was not used: argparse looks its texts up in the default domain under the
language of the environment (LANGUAGE, LANG…), which a Windows PC does not set.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from typing import Any, NoReturn

USAGE_PREFIX = "用法："

SECTION_TITLES = {
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",  # Python before 3.10
}

# argparse's error messages (Python 3.10–3.13) as patterns, each with its Chinese text. A
# "{…}" in the Chinese text is a group of the pattern; "{message!}" is translated in turn.
ERROR_MESSAGES: tuple[tuple[str, str], ...] = (
    (r"argument (?P<argument>.+?): (?P<message>.*)", "参数 {argument}：{message!}"),
    (r"unrecognized arguments: (?P<values>.*)", "无法识别的参数：{values}"),
    (r"the following arguments are required: (?P<names>.*)", "缺少必需的参数：{names}"),
    (r"one of the arguments (?P<names>.*) is required", "以下参数必须给出一个：{names}"),
    (
        r"invalid choice: (?P<value>.*?) \(choose from (?P<choices>.*)\)",
        "无效的选择：{value}（可选：{choices}）",
    ),
    (r"invalid (?P<type>\S+) value: (?P<value>.*)", "无效的取值：{value}"),
    (r"expected one argument", "需要给出一个值"),
    (r"expected at most one argument", "最多给出一个值"),
    (r"expected at least one argument", "至少给出一个值"),
    (r"expected (?P<count>\d+) arguments?", "需要给出 {count} 个值"),
    (r"ignored explicit argument (?P<value>.*)", "不接受取值：{value}"),
    (r"not allowed with argument (?P<other>.*)", "不能与参数 {other} 同时使用"),
    (
        r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)",
        "选项 {option} 不明确，可能是：{matches}",
    ),
)


def translate_error(message: str) -> str:
    """argparse's English error `message` in Chinese; a message not in ERROR_MESSAGES is
    returned as it is."""
    for pattern, chinese in ERROR_MESSAGES:
        found = re.fullmatch(pattern, message, flags=re.DOTALL)
        if found is None:
            continue
        values = found.groupdict()
        if "{message!}" in chinese:
            chinese = chinese.replace("{message!}", translate_error(values.pop("message")))
        return chinese.format(**values) if values else chinese
    return message


class ChineseHelpFormatter(argparse.HelpFormatter):
    """argparse's help layout with a Chinese usage prefix and section headings."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[Any],
        prefix: str | None = None,
    ) -> None:
        # argparse passes prefix="" when it only wants the program name of a sub-command.
        super().add_usage(usage, actions, groups, USAGE_PREFIX if prefix is None else prefix)

    def start_section(self, heading: str | None) -> None:
        super().start_section(SECTION_TITLES.get(heading or "", heading))


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse with its own texts in Chinese and exit status 2 on a usage error."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        add_help = kwargs.get("add_help", True)
        kwargs["add_help"] = False  # -h/--help below, in Chinese
        super().__init__(*args, **kwargs)
        if add_help:
            self.add_argument(
                "-h", "--help", action="help", default=argparse.SUPPRESS, help="显示本帮助并退出"
            )

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        print(f"命令行参数错误：{translate_error(message)}", file=sys.stderr)
        sys.exit(2)
