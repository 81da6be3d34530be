"""`wenming self-test` as the office PC (or the bundle) runs it: a subprocess, offscreen."""

from pathlib import Path

from tests.helpers import run_cli


def test_self_test_passes_and_writes_its_report(tmp_path: Path) -> None:
    report = tmp_path / "报告 文件.txt"
    result = run_cli(
        "self-test",
        "--report",
        str(report),
        env={"QT_QPA_PLATFORM": "offscreen", "WENMING_DATA_DIR": str(tmp_path / "用户 数据")},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    text = report.read_text(encoding="utf-8")
    assert text == result.stdout
    for step in ("创建数据库", "写入演示数据", "导出并读回 Excel", "导出并读回 PDF", "打开并关闭"):
        assert f"通过  {step}" in text
    assert text.rstrip().endswith("自检通过")
    assert "失败" not in text


def test_self_test_without_window(tmp_path: Path) -> None:
    result = run_cli("self-test", "--no-window", "--keep", str(tmp_path / "留存 目录"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "打开并关闭主窗口" not in result.stdout
    assert list((tmp_path / "留存 目录").glob("wenming-selftest-*/自检 数据 folder/wenming.db"))
