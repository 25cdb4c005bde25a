"""Item analysis per question, score distributions per module and competency profiles per student."""
from __future__ import annotations

import pandas as pd

from autograder.curriculum import Course

MIN_STUDENTS = 5          # fewer submissions than this and a discrimination index means nothing
WEAK_DISCRIMINATION = 0.2  # a common rule of thumb for classroom tests: below it, an item separates poorly


def question_scores(items: pd.DataFrame) -> pd.DataFrame:
    """One row per student and question: points earned and possible, only for fully graded questions."""
    graded = items[~items["pending"] & items["score"].notna()]
    pending = items[items["pending"] | items["score"].isna()][["student", "module", "question"]].drop_duplicates()
    per_question = graded.groupby(["student", "module", "question"], as_index=False)[["score", "max_score"]].sum()
    marked = per_question.merge(pending, how="left", indicator=True)
    return marked[marked["_merge"] == "left_only"].drop(columns="_merge").reset_index(drop=True)


def item_analysis(items: pd.DataFrame) -> pd.DataFrame:
    """Per question: difficulty (mean share of points), discrimination (corrected item-total correlation), flags.

    Discrimination correlates a question's score with each student's score on the rest of the module, so a
    question that stronger students miss more often than weaker ones comes out negative.
    """
    scores = question_scores(items)
    rows = []
    for (module, question), group in scores.groupby(["module", "question"], sort=False):
        share = group.set_index("student")["score"] / group["max_score"].iloc[0]
        module_scores = scores[scores["module"] == module]
        rest = module_scores[module_scores["question"] != question].groupby("student")["score"].sum()
        both = pd.concat([share.rename("item"), rest.rename("rest")], axis=1, join="inner")
        enough = len(both) >= MIN_STUDENTS and both["item"].std() > 0 and both["rest"].std() > 0
        discrimination = both["item"].corr(both["rest"]) if enough else float("nan")
        difficulty = share.mean()
        rows.append({"module": module, "question": question, "students": len(share), "difficulty": difficulty,
                     "discrimination": discrimination, "flag": flag(difficulty, discrimination, len(share))})
    table = pd.DataFrame(rows, columns=["module", "question", "students", "difficulty", "discrimination", "flag"])
    number = table["question"].str.extract(r"(\d+)", expand=False).astype(float)
    return table.assign(_n=number).sort_values(["module", "_n"]).drop(columns="_n").reset_index(drop=True)


def flag(difficulty: float, discrimination: float, students: int) -> str:
    """Why a question deserves a second look, in words; empty when it works."""
    if students < MIN_STUDENTS:
        return f"fewer than {MIN_STUDENTS} graded answers: too few to judge"
    if difficulty == 1:
        return "everyone got it right: it does not tell students apart"
    if difficulty == 0:
        return "everyone got it wrong: check the question and its tests"
    if pd.notna(discrimination) and discrimination < 0:
        return "negative discrimination: weaker students did better than stronger ones; check the tests"
    if pd.notna(discrimination) and discrimination < WEAK_DISCRIMINATION:
        return f"weak discrimination (below {WEAK_DISCRIMINATION}): it separates stronger and weaker students poorly"
    return ""


def module_shares(rows) -> pd.DataFrame:
    """Each submitted student's score as a share of the module's maximum (from the export rows)."""
    data = [{"student": r.student_id, "module": r.module, "share": r.score / r.max_score}
            for r in rows if r.score is not None and r.max_score]
    return pd.DataFrame(data, columns=["student", "module", "share"])


def competency_profiles(rows, the_course: Course) -> pd.DataFrame:
    """Students x the nine competencies: share of points earned over the modules assessing each (NaN: none yet)."""
    by_module = {m.id: m.competency for m in the_course.modules}
    earned: dict[tuple[str, str], list[float]] = {}
    for r in rows:
        competency = by_module.get(r.module)
        if competency and r.score is not None and r.max_score:
            totals = earned.setdefault((r.student_id, competency), [0.0, 0.0])
            totals[0] += r.score
            totals[1] += r.max_score
    students = sorted({r.student_id for r in rows})
    table = pd.DataFrame(index=pd.Index(students, name="student"), columns=[c.id for c in the_course.competencies],
                         dtype=float)
    for (student, competency), (points, possible) in earned.items():
        table.loc[student, competency] = points / possible
    return table


def manual_progress(items: pd.DataFrame) -> pd.DataFrame:
    """Per module: written answers graded by a person so far, and those still waiting."""
    manual_cells = items[items["manual"] | items["pending"]].assign(waiting=lambda t: t["pending"] & ~t["manual"])
    summary = manual_cells.groupby("module").agg(graded=("manual", "sum"), waiting=("waiting", "sum"))
    return summary.astype(int).reset_index()
