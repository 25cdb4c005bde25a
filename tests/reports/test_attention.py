"""Does the report's opening name who is behind and pick the questions that most need attention?"""
import pandas as pd

from autograder.export import GradeRow
from autograder.reports import attention


def row(student, module, score, status="graded"):
    return GradeRow(student, "", "", module, score, 10.0, status)


def test_behind_names_missing_and_low_students_per_module():
    rows = [row("a", "m1", 9.0), row("b", "m1", 5.0), row("c", "m1", None, "not submitted"), row("a", "m2", 2.0)]
    found = {b.module: b for b in attention.behind(rows)}
    assert found["m1"].missing == ["c"] and [s for s, _ in found["m1"].low] == ["b"]
    assert [s for s, _ in found["m2"].low] == ["a"]


def test_flagged_questions_come_first_then_the_hardest():
    table = pd.DataFrame({"module": ["m"] * 5, "question": ["q1", "q2", "q3", "q4", "q5"],
                          "students": [20, 20, 20, 20, 3], "difficulty": [0.9, 0.3, 0.5, 0.95, 0.0],
                          "discrimination": [0.5, 0.4, -0.2, 0.1, float("nan")],
                          "flag": ["", "", "negative", "weak", "too few"]})
    assert attention.needing_attention(table)["question"].tolist() == ["q3", "q4", "q2"]
