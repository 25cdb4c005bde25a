"""Answer checks for the course notebooks: correct, incorrect or not attempted, in plain words, never the answer.

In a notebook: `check("q3")` under each question, `hint("q3")` when stuck. In hidden tests: `expect(name, ...)`
and `expect_plot(name, ...)`. The grader judges plain values rebuilt with `decode_answer`, outside the learner's kernel.
"""
from .answers import decode_answer, encode_answer
from .charts import evaluate_plot, plot_facts
from .checkcell import check, check_plot, check_question, check_value, hint
from .fingerprint import Fingerprint, fingerprint, mismatch
from .graded import expect, expect_plot
from .judging import evaluate
from .lastrun import watch as _watch
from .outcome import CORRECT, INCORRECT, NOT_ATTEMPTED, CheckFailed, Outcome
from .values import ABSENT as _ABSENT
from .values import KINDS, NO_EXPECTATION as _NO_EXPECTATION, PlotFacts, Unjudgeable, describe

__all__ = ["check", "check_plot", "hint", "expect", "expect_plot", "evaluate", "evaluate_plot", "plot_facts",
           "encode_answer", "decode_answer", "describe", "check_value", "check_question", "fingerprint", "mismatch",
           "Fingerprint", "CheckFailed", "Outcome", "PlotFacts", "Unjudgeable", "CORRECT", "INCORRECT",
           "NOT_ATTEMPTED", "KINDS", "_ABSENT", "_NO_EXPECTATION"]

_watch()
