"""What the learner's last run of each answer's cell did, so a check can say "your cell stopped with an error"."""
from __future__ import annotations

import ast
import re
from typing import Any

_stopped: dict[str, str] = {}  # answer name -> the error that stopped the last run of the cell that assigns it
_watching = False


def assigned_names(source: str) -> set[str]:
    """The names a cell assigns (at any depth); line by line when the cell does not parse."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set(re.findall(r"^\s*([A-Za-z_]\w*)\s*=(?!=)", source, re.M))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
    return names


def remember(result: Any) -> None:
    """IPython's post_run_cell hook: note which answers a cell was to make, and whether it stopped with an error."""
    error = getattr(result, "error_in_exec", None) or getattr(result, "error_before_exec", None)
    source = getattr(getattr(result, "info", None), "raw_cell", "") or ""
    for name in assigned_names(source):
        if error is None:
            _stopped.pop(name, None)
        else:
            _stopped[name] = type(error).__name__


def stopped_with(name: str) -> str | None:
    """The error that stopped the last run of the cell making `name`, if it did stop."""
    return _stopped.get(name)


def watch() -> None:
    """Listen to the notebook's cell runs (once per kernel); outside IPython there is nothing to listen to."""
    global _watching
    if _watching:
        return
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None:
        shell.events.register("post_run_cell", remember)
        _watching = True
