"""Is the Canvas file a valid import whatever the names hold, with blanks where nothing was graded?"""
import csv

from autograder.export import GradeRow
from autograder.reports.canvas import write_canvas_csv

ROWS = [GradeRow("dsmith", "Smith, Jr.", "Dana", "09-evaluation", 0.0, 30.0, "graded"),
        GradeRow("dsmith", "Smith, Jr.", "Dana", "01-knowledge-of-community", None, 25.0, "not submitted"),
        GradeRow("wjackson", "Jackson", 'Whitney "Wit"', "09-evaluation", 21.5, 30.0, "needs manual grading"),
        GradeRow("wjackson", "Jackson", 'Whitney "Wit"', "01-knowledge-of-community", None, 25.0, "failed to grade"),
        GradeRow("bnguyen", "Nguyễn", "Bảo", "09-evaluation", 12.0, 30.0, "crashed"),
        GradeRow("bnguyen", "Nguyễn", "Bảo", "01-knowledge-of-community", 25.0, 25.0, "graded")]


def test_canvas_columns_points_possible_and_blanks(tmp_path):
    """Header, a Points Possible row, names intact, a real zero as 0, not submitted and failed as blank."""
    path = write_canvas_csv(ROWS, tmp_path / "canvas.csv")
    table = list(csv.reader(path.open(encoding="utf-8", newline="")))
    assert table[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section",
                        "01-knowledge-of-community", "09-evaluation"]
    assert table[1] == ["Points Possible", "", "", "", "", "25", "30"]
    by_id = {row[2]: row for row in table[2:]}
    assert by_id["dsmith"][0] == "Smith, Jr., Dana" and by_id["dsmith"][5:] == ["", "0"]
    assert by_id["wjackson"][0] == 'Jackson, Whitney "Wit"' and by_id["wjackson"][5:] == ["", "21.5"]
    assert by_id["bnguyen"][0] == "Nguyễn, Bảo" and by_id["bnguyen"][5:] == ["25", "12"]
    assert all(len(row) == 7 for row in table)
