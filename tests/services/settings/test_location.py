from pathlib import Path

from wenming_desktop.services.settings import location
from wenming_desktop.services.settings.location import is_unc, mount_type

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
server:/export /mnt/office nfs4 rw,relatime 0 0
//nas/share /mnt/nas cifs rw,relatime 0 0
/dev/sdb1 /mnt/nas/local\\040disk ext4 rw 0 0
"""


def test_unc_paths_are_network_paths() -> None:
    assert is_unc(r"\\server\share\文明办数据")
    assert is_unc("//server/share/data")
    assert is_unc(r"\\?\UNC\server\share")
    assert not is_unc(r"\\?\C:\data")
    assert not is_unc(r"C:\Users\文明办\数据")
    assert not is_unc("/home/user/data")


def test_the_longest_mount_point_decides() -> None:
    assert mount_type(Path("/home/a"), MOUNTS) == "ext4"
    assert mount_type(Path("/mnt/office/数据"), MOUNTS) == "nfs4"
    assert mount_type(Path("/mnt/office"), MOUNTS) == "nfs4"
    assert mount_type(Path("/mnt/officework"), MOUNTS) == "ext4"
    assert mount_type(Path("/mnt/nas/wenming"), MOUNTS) == "cifs"
    assert mount_type(Path("/mnt/nas/local disk/x"), MOUNTS) == "ext4"


def test_a_local_folder_gives_no_warning_and_a_share_does(tmp_path: Path, monkeypatch) -> None:
    assert location.network_share_warning(tmp_path) is None
    monkeypatch.setattr(location, "on_network_share", lambda _p: True)
    warning = location.network_share_warning(tmp_path)
    assert warning is not None and "网络共享" in warning and str(tmp_path) in warning


def test_the_command_line_prints_the_warning(tmp_path: Path, monkeypatch, capsys) -> None:
    import wenming_desktop.cli as cli

    assert cli.main(["backup", "--data-dir", str(tmp_path / "local")]) == 0
    assert "网络共享" not in capsys.readouterr().err
    monkeypatch.setattr(cli, "network_share_warning", lambda p: f"“{p}”位于网络共享")
    assert cli.main(["backup", "--data-dir", str(tmp_path / "local")]) == 0
    assert "警告：" in capsys.readouterr().err
