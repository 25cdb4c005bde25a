"""Does the item analysis find the questions that do not work, and do profiles and progress add up?"""
import dataclasses

import pandas as pd
import pytest

from autograder.curriculum import course
from autograder.export import GradeRow
from autograder.reports.analysis import competency_profiles, item_analysis, manual_progress
from autograder.reports.gradebook_data import ITEM_COLUMNS

STRENGTH = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]  # ten students, weakest first


def items_for(per_question):
    """Item rows from {question: [score of each student]}, one cell per question worth 1 point."""
    rows = [(f"s{i}", "m", q, f"{q}_test", score, 1.0, False, False)
            for q, scores in per_question.items() for i, score in enumerate(scores)]
    return pd.DataFrame(rows, columns=ITEM_COLUMNS)


@pytest.fixture
def analysed():
    strong_pass = [float(s > 0.45) for s in STRENGTH]
    return item_analysis(items_for({
        "q1": strong_pass, "q2": [float(s > 0.25) for s in STRENGTH], "q3": [float(s > 0.65) for s in STRENGTH],
        "q4": [1.0] * 10, "q5": [float(s < 0.25) for s in STRENGTH]})).set_index("question")


def test_difficulty_is_the_share_of_points_earned(analysed):
    assert analysed.loc["q1", "difficulty"] == pytest.approx(0.6) and analysed.loc["q4", "difficulty"] == 1.0


def test_a_question_weaker_students_do_better_on_is_flagged_negative(analysed):
    assert analysed.loc["q5", "discrimination"] < 0 and "negative discrimination" in analysed.loc["q5", "flag"]


def test_a_question_everyone_gets_right_is_flagged_and_good_ones_are_not(analysed):
    assert "everyone got it right" in analysed.loc["q4", "flag"]
    assert analysed.loc["q1", "flag"] == "" and analysed.loc["q1", "discrimination"] > 0.5


def test_questions_come_in_notebook_order():
    analysed = item_analysis(items_for({f"q{n}": [float(s > 0.5) for s in STRENGTH] for n in (10, 2, 1)}))
    assert list(analysed["question"]) == ["q1", "q2", "q10"]


def test_a_question_waiting_for_a_person_is_left_out_of_the_analysis():
    items = items_for({"q1": [1.0] * 10, "q2": [float(s > 0.5) for s in STRENGTH]})
    items.loc[items["question"] == "q1", "pending"] = True
    assert list(item_analysis(items)["question"]) == ["q2"]


def test_profiles_cover_all_nine_competencies_with_gaps_where_nothing_is_assessed():
    the_course = course()
    rows = [GradeRow("ana", "A", "Ana", "09-evaluation", 15.0, 30.0, "graded"),
            GradeRow("ben", "B", "Ben", "09-evaluation", None, 30.0, "not submitted")]
    profiles = competency_profiles(rows, the_course)
    assert list(profiles.columns) == [c.id for c in the_course.competencies] and len(profiles.columns) == 9
    assert profiles.loc["ana", "evaluation"] == 0.5 and profiles.loc["ana"].isna().sum() == 8
    assert profiles.loc["ben"].isna().all()


def test_manual_progress_counts_graded_and_waiting_answers():
    items = pd.DataFrame([("a", "m", "q5", "q5_text", 2.0, 2.0, True, False),
                          ("b", "m", "q5", "q5_text", None, 2.0, False, True),
                          ("c", "m", "q5", "q5_text", None, 2.0, False, True),
                          ("c", "m", "q1", "q1_test", 1.0, 1.0, False, False)], columns=ITEM_COLUMNS)
    progress = manual_progress(items).set_index("module")
    assert progress.loc["m", "graded"] == 1 and progress.loc["m", "waiting"] == 2
