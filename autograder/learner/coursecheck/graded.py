"""Graded tests: expect() and expect_plot() judge an answer by name, from the data or the learner's earlier answer."""
from __future__ import annotations

import contextlib
import sys
import warnings
from typing import Any, Callable, Iterator

from .charts import evaluate_plot
from .judging import evaluate
from .outcome import CORRECT, CheckFailed, Outcome
from .values import ABSENT, NO_EXPECTATION, Unjudgeable

COMPUTED_RULES = ("expected", "bars", "cells", "starts", "sides")  # rules a test may give as functions
NAMED_RULES = ("cells", "bars")  # rules that may name one of the learner's own answers instead
_recorded: list | None = None


@contextlib.contextmanager
def recording() -> Iterator[list]:
    """While open, expect() and expect_plot() record what they were asked to judge instead of judging it."""
    global _recorded
    calls: list = []
    _recorded = calls
    try:
        yield calls
    finally:
        _recorded = None


def computed(rules: dict, *inputs: Any) -> dict:
    """The rules with each function among COMPUTED_RULES called on `inputs` (none: from the data), quietly."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return {key: rule(*inputs) if key in COMPUTED_RULES and callable(rule) and not isinstance(rule, type) else rule
                for key, rule in rules.items()}


def quietly(judge: Callable[..., Outcome], *args: Any, **rules: Any) -> Outcome:
    """Run a judgement with warnings held back: a warning on stderr would cost a correct answer its points."""
    rules = computed(rules)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return judge(*args, **rules)


def expect(name: str, expected: Any = NO_EXPECTATION, **rules: Any) -> None:
    """A graded test: passes with a line of confirmation, or raises CheckFailed with its sentence.

    `expected` may be a function of no arguments that computes the answer; it is called here, quietly.
    With `given="earlier_answer"` it is a function of one optional argument: called with nothing it computes the
    answer from the data; called with the learner's own earlier answer it computes what follows from that, and an
    answer that follows correctly from the learner's own earlier work passes too (one slip costs one question).
    """
    _judge_or_record("value", name, sys._getframe(1).f_globals, {"expected": expected, **rules})


def expect_plot(name: str, **rules: Any) -> None:
    """A graded test of a chart: passes with a line of confirmation, or raises CheckFailed with its sentence.

    `bars`, `cells`, `starts` and `sides` may be functions, `cells` and `bars` the name of an answer, and
    `given=` works as in `expect`.
    """
    _judge_or_record("plot", name, sys._getframe(1).f_globals, rules)


JUDGES = {"value": evaluate, "plot": evaluate_plot}


def _judge_or_record(judge: str, name: str, namespace: dict, rules: dict) -> None:
    if _recorded is not None:
        _recorded.append((judge, name, rules))
        return
    outcome = answer_outcome(JUDGES[judge], name, namespace, rules)
    if not outcome.passed:
        raise CheckFailed(outcome)
    print(outcome.message)


def answer_outcome(judge: Callable[..., Outcome], name: str, namespace: dict, rules: dict) -> Outcome:
    """Judge the answer `name` in `namespace`; rules may name other answers (cells=, bars=, given=) to look up there."""
    lookup = lambda answer: namespace.get(answer, ABSENT)  # noqa: E731
    rules = {k: lookup(v) if k in NAMED_RULES and isinstance(v, str) else v for k, v in rules.items()}
    given = rules.pop("given", None)
    value = lookup(name)
    outcome = quietly(judge, name, value, **rules)
    if outcome.passed or given is None:
        return outcome
    carried = carried_rules(rules, lookup(given))
    if carried is None:
        return outcome
    try:
        second = quietly(judge, name, value, **carried)
    except Exception:  # the learner's earlier answer is not a table the test can work from
        return outcome
    return from_own_work(second, name, given) if second.passed else outcome


def from_own_work(outcome: Outcome, name: str, given: str) -> Outcome:
    basis = "the rest of your own table" if given == name else f"your own `{given}`"
    return Outcome(CORRECT, outcome.message[:-1] + f", worked out from {basis}.")


def usable(own: Any) -> bool:
    return not (own is ABSENT or own is Ellipsis or own is None or isinstance(own, Unjudgeable))


def carried_rules(rules: dict, own: Any) -> dict | None:
    """The rules worked out from the learner's own earlier answer instead of the data; None when it cannot be used."""
    if not usable(own):
        return None
    try:
        carried = computed(rules, own)
    except Exception:
        return None
    if callable(rules.get("satisfies")):
        test = rules["satisfies"]
        carried["satisfies"] = lambda value: test(value, own)
    return carried
