"""The tests' temporary folder: memory when it has room, the caller's TMPDIR always kept."""

import tempfile

from tmpdir_for_tests import folder_for_tests, has_room


def test_a_folder_with_room_is_chosen(tmp_path):
    assert folder_for_tests({}, memory=str(tmp_path), room=1) == str(tmp_path)


def test_without_room_the_systems_folder_is_kept(tmp_path):
    assert not has_room(tmp_path, room=1 << 62)
    assert folder_for_tests({}, memory=str(tmp_path), room=1 << 62) == tempfile.gettempdir()


def test_a_missing_folder_has_no_room(tmp_path):
    assert folder_for_tests({}, memory=str(tmp_path / "none"), room=1) == tempfile.gettempdir()


def test_the_callers_tmpdir_is_kept(tmp_path):
    assert folder_for_tests({"TMPDIR": "/elsewhere"}, memory=str(tmp_path), room=1) == "/elsewhere"
