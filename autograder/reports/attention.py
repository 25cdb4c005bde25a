"""What an instructor wants first: who is behind, what waits for a person to grade, and the questions that most
need attention, each with the common mistakes the class made on it (from the modules' mistake catalogues)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from autograder.curriculum import Course
from autograder.export import NOT_SUBMITTED
from autograder.grading.autograded import read_record
from autograder.mistakes import load_mistakes
from autograder.reports.analysis import MIN_STUDENTS

BEHIND = 0.6   # below 60% of a module's points, a student is behind
QUESTIONS = 3  # the questions that most need attention


@dataclass(frozen=True)
class Behind:
    """One module's students who are behind: not submitted, and below the threshold."""

    module: str
    missing: list[str]
    low: list[tuple[str, float]]


def behind(rows) -> list[Behind]:
    """Per module, who has not submitted, and who scored below BEHIND of its points."""
    found = []
    for module in sorted({r.module for r in rows}):
        mine = [r for r in rows if r.module == module]
        missing = sorted(r.student_id for r in mine if r.status == NOT_SUBMITTED)
        low = sorted((r.student_id, r.score / r.max_score) for r in mine
                     if r.score is not None and r.max_score and r.score / r.max_score < BEHIND)
        found.append(Behind(module, missing, low))
    return found


def needing_attention(analysis: pd.DataFrame) -> pd.DataFrame:
    """The questions to look at first: flagged ones (enough answers to judge), then the hardest."""
    judged = analysis[analysis["students"] >= MIN_STUDENTS]
    ranked = judged.assign(_unflagged=judged["flag"] == "").sort_values(["_unflagged", "difficulty"])
    return ranked.drop(columns="_unflagged").head(QUESTIONS)


def mistakes_seen(course_dir: Path, the_course: Course, module: str, question: str) -> list[tuple[int, str]]:
    """The catalogued mistakes the class's failed answers to a question matched, most frequent first; failing that,
    the mistakes the catalogue lists for it (count 0)."""
    try:
        catalogue = [m for m in load_mistakes(the_course.module(module).mistakes) if m.question == question]
    except KeyError:  # an assignment that is not one of the course's modules has no catalogue
        return []
    counts: Counter = Counter()
    submitted = course_dir / "submitted"
    for folder in sorted(submitted.glob(f"*/{module}")) if submitted.exists() else []:
        record = read_record(course_dir, folder.parent.name, module) or {}
        said = " ".join(r.get("message") or "" for r in record.get("results", [])
                        if r.get("question") == question and r.get("earned") is not None
                        and r["earned"] < r["possible"])
        for mistake in catalogue:
            if mistake.says and mistake.says in said:
                counts[mistake.description] += 1
                break
    if counts:
        return [(n, what) for what, n in counts.most_common(3)]
    return [(0, m.description) for m in catalogue[:3]]
