"""Does autograded/ keep what nbgrader's feedback steps read from a collected submission (its time and its secret)?"""
import nbformat

from autograder.grading.autograded import SUBMISSION_SECRET, autograded_dir, read_record, write_autograded


def test_a_collected_submissions_timestamp_and_secret_are_kept(tmp_path):
    """release_feedback names a student's feedback after submission_secret.txt, read from the autograded folder."""
    submitted = tmp_path / "submitted" / "s1" / "m1"
    submitted.mkdir(parents=True)
    (submitted / "timestamp.txt").write_text("2026-12-03 16:32:55.472359 UTC")
    (submitted / SUBMISSION_SECRET).write_text("f00d" * 32)
    write_autograded(tmp_path, "s1", "m1", {"m1.ipynb": nbformat.v4.new_notebook()}, {"status": "graded"},
                     submitted / "timestamp.txt")
    graded = autograded_dir(tmp_path, "s1", "m1")
    assert (graded / SUBMISSION_SECRET).read_text() == "f00d" * 32
    assert (graded / "timestamp.txt").read_text().startswith("2026-12-03")
    assert read_record(tmp_path, "s1", "m1") == {"status": "graded"}
