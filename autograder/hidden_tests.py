"""Running hidden-test code in this process: `coursecheck` is the grader's own copy, and pandas reads each file once."""
from __future__ import annotations

import builtins
import os
import sys
import types
from pathlib import Path

from autograder.learner import coursecheck

# The hidden tests import `coursecheck`; in the grader that name is always the grader's own, unmodified copy.
sys.modules.setdefault("coursecheck", coursecheck)
_TABLES: dict[tuple, object] = {}


def _read_csv_once(path, *args, **kwargs):
    """pandas.read_csv for hidden tests: each data file is parsed once per grading run, and each test gets a copy."""
    import pandas

    if args or not isinstance(path, (str, os.PathLike)):
        return pandas.read_csv(path, *args, **kwargs)
    file = Path(path).resolve()
    stat = file.stat()
    key = (str(file), stat.st_mtime_ns, stat.st_size, repr(sorted(kwargs.items())))
    if key not in _TABLES:
        _TABLES[key] = pandas.read_csv(file, **kwargs)
    return _TABLES[key].copy()


class _PandasForTests(types.ModuleType):
    """pandas as the hidden tests see it: itself, but with read_csv parsing each file once."""

    read_csv = staticmethod(_read_csv_once)

    def __getattr__(self, name):
        import pandas

        return getattr(pandas, name)


_PANDAS = _PandasForTests("pandas")


def _import_for_tests(name, globals=None, locals=None, fromlist=(), level=0):
    module = builtins.__import__(name, globals, locals, fromlist, level)
    return _PANDAS if name == "pandas" and not fromlist and level == 0 else module


TEST_BUILTINS = {**vars(builtins), "__import__": _import_for_tests}


