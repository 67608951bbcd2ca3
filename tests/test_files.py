import pytest

from tts_edition.files import atomic_path, scratch_path, write_text


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = write_text(tmp_path / "feed.xml", "old")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("half")
        raise RuntimeError("killed")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["feed.xml"]


def test_a_finished_write_replaces_the_file(tmp_path):
    target = write_text(tmp_path / "feed.xml", "old")
    write_text(target, "new")
    assert target.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["feed.xml"]


def test_scratch_files_are_always_removed(tmp_path):
    with scratch_path(tmp_path, ".pcm") as scratch:
        scratch.write_bytes(b"pcm")
    assert not scratch.exists()
