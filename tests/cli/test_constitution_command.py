"""`wenming constitution ANSWERS` as a doctor runs it to check a hand-scored paper form."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import run_cli


def _run(tmp_path: Path, *answers: str):
    return run_cli("constitution", *answers, env={"WENMING_DATA_DIR": str(tmp_path / "d")})


def test_prints_the_nine_sums_and_the_judgement(tmp_path: Path) -> None:
    # 平和质 q1=5 → 25; 阴虚质 q10=5, q21=2 → 9 (倾向是), so 平和质 is 基本是
    answers = ["5", "1-1-1-1-1-1-1-1", "5", "1" * 10, "2", "1" * 12]
    done = _run(tmp_path, *answers)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[1].split() == ["平和质", "25", "基本是"]
    assert lines[4].split() == ["阴虚质", "9", "倾向是"]
    assert lines[2].split() == ["气虚质", "4", "否"]
    assert "判定结果：基本是平和质；倾向是阴虚质" in done.stdout
    assert "记入体检的体质：平和质" in done.stdout


def test_wrong_count_and_wrong_digit_are_clear_errors(tmp_path: Path) -> None:
    short = _run(tmp_path, "1" * 32)
    assert short.returncode == 1
    assert "应有 33 个答案，现有 32 个" in short.stderr
    assert short.stdout == ""
    bad = _run(tmp_path, "1" * 20 + "7" + "1" * 12)
    assert bad.returncode == 1
    assert "第 21 个答案“7”不是 1～5 的数字" in bad.stderr
    assert "Traceback" not in bad.stderr
