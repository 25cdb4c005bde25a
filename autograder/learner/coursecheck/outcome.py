"""The three outcomes of a check, and the failure a graded test raises."""
from __future__ import annotations

from dataclasses import dataclass

CORRECT, INCORRECT, NOT_ATTEMPTED = "correct", "incorrect", "not attempted"


@dataclass(frozen=True)
class Outcome:
    """The result of one check: its status, the sentence a learner reads, and where it stopped.

    `stage` names the step that failed ("kind", "shape", "range", "values", "chart kind", "labels", "order",
    "groups", "bars", "starts", "sides", "cells", "rule"), `found` what was found there, `what` what was checked and
    `advice` what to try, so a check cell can tell one slip from another and choose its words by what went wrong.
    """

    status: str
    message: str
    stage: str = ""
    found: str = ""
    what: str = ""
    advice: str = ""

    @property
    def passed(self) -> bool:
        return self.status == CORRECT


class CheckFailed(AssertionError):
    """A failed check: IPython and nbgrader show its message as one sentence, not a traceback."""

    def __init__(self, outcome: Outcome):
        super().__init__(outcome.message)
        self.outcome = outcome

    def _render_traceback_(self) -> list[str]:
        return [self.outcome.message]


def incorrect(label: str, what: str, found: str, hint: str, stage: str) -> Outcome:
    """An incorrect outcome: what was checked, what was found, and what to look at."""
    checked = f" Checked: {what}." if what else ""
    advice = f" Try this: {hint}" if hint else ""
    return Outcome(INCORRECT, f"✘ {label}:{checked} Found {found}.{advice}", stage, found, what, hint)


def correct(label: str, what: str) -> Outcome:
    done = f": {what}" if what else ""
    return Outcome(CORRECT, f"✔ {label} passed this check{done}.")
