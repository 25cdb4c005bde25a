"""The submissions of RELIABILITY.md's cases for the toy module: each makes the files one student hands in."""
import copy
import json

import nbformat

from autograder.notebooks import cells
from autograder.notebooks.submissions import fill, solved

NAME = "toy-module.ipynb"
WRONG_Q1 = "total_attendance = len(sessions)"
WRONG_Q2 = "per_branch = sessions['branch'].value_counts() * 7"


def handed_in(released, source, q1=None, q2=None, extra=None, where=2):
    """A solved copy of the released notebook, with answers replaced and an extra cell if given."""
    notebook = fill(released, source, solved(source))
    by_id = cells.cells_by_id(notebook)
    for gid, code in (("q1_total_attendance", q1), ("q2_per_branch", q2)):
        if code is not None:
            by_id[gid].source = code
    if extra is not None:
        notebook.cells.insert(where, nbformat.v4.new_code_cell(extra))
    return notebook


def as_files(notebook, name=NAME):
    return {name: nbformat.writes(notebook).encode()}


def solved_files(released, source, root, **changes):
    return as_files(handed_in(released, source, **changes))


def edited(mutate, **changes):
    """A scenario: the solved notebook (with changes), then mutate(notebook) applied to it."""
    def make(released, source, root):
        notebook = handed_in(released, source, **changes)
        mutate(notebook)
        return as_files(notebook)
    return make


def cell(notebook, gid):
    return cells.cells_by_id(notebook)[gid]


def _edit_test(nb):
    test = cell(nb, "total_attendance_correct")
    test.source = "pass"
    test.metadata.nbgrader["points"] = 100


def _test_to_markdown(nb):
    index = nb.cells.index(cell(nb, "per_branch_counts"))
    original = nb.cells[index]
    nb.cells[index] = nbformat.v4.new_markdown_cell(original.source, metadata=original.metadata)


def _delete(gid):
    return lambda nb: nb.cells.remove(cell(nb, gid))


def _strip_metadata(nb):
    cell(nb, "per_branch_counts").metadata = {}


def _flip_flags(nb):
    cell(nb, "q1_total_attendance").metadata.nbgrader.update(grade=True, points=50, locked=True)
    cell(nb, "per_branch_counts").metadata.nbgrader.update(solution=True, grade=False)


def _copy_and_edit_test(nb):
    original = cell(nb, "per_branch_counts")
    twin = copy.deepcopy(original)
    twin.source, twin.id = "assert False, 'edited copy'", "twin-cell"
    nb.cells.insert(nb.cells.index(original) + 1, twin)


def _reorder(nb):
    nb.cells.insert(1, nbformat.v4.new_code_cell("helper = 'a cell of my own'"))
    nb.cells.append(nbformat.v4.new_markdown_cell("My notes at the end."))
    check = cell(nb, "q1_check")
    nb.cells.remove(check)
    nb.cells.append(check)


def _latin1(released, source, root):
    notebook = handed_in(released, source, q1="# café total\ntotal_attendance = sessions['attendance'].sum()")
    return {NAME: nbformat.writes(notebook).encode("latin-1")}


def _future(released, source, root):
    data = json.loads(nbformat.writes(handed_in(released, source)))
    data["nbformat"] = 5
    return {NAME: json.dumps(data).encode()}


def _v3(released, source, root):
    return {NAME: nbformat.writes(nbformat.v3.convert.downgrade(handed_in(released, source)), version=3).encode()}


def _other_kernel(released, source, root):
    notebook = handed_in(released, source)
    notebook.metadata["kernelspec"] = {"name": "ir", "display_name": "R", "language": "R"}
    return as_files(notebook)


RIG_EQUAL = ("class Always(float):\n    def __eq__(self, other):\n        return True\n"
             "    def __ne__(self, other):\n        return False\n")
RIG_SUBCLASS = ("import pandas as pd\nclass Rigged(pd.Series):\n    def equals(self, other):\n        return True\n"
                "    def __eq__(self, other):\n        return pd.Series(True, index=self.index)\n")
MONKEYPATCH = ("import math, builtins, pandas, pandas.testing, numpy.testing, coursecheck\n"
               "coursecheck.expect = lambda *a, **k: None\ncoursecheck.check = lambda *a, **k: None\n"
               "pandas.testing.assert_series_equal = lambda *a, **k: None\n"
               "numpy.testing.assert_allclose = lambda *a, **k: None\nmath.isclose = lambda *a, **k: True\n"
               "pandas.Series.equals = lambda self, other: True\nbuiltins.isinstance = lambda *a: True\n")
TRANSFORMER = ("ip = get_ipython()\nip.input_transformers_post.append(lambda lines: [l.replace('assert', 'pass #') "
               "for l in lines])\nip.set_custom_exc((Exception,), lambda *a, **k: None)\n"
               "ip.events.register('post_run_cell', lambda *a: None)\nip.showtraceback = lambda *a, **k: None\n")
DETECT = ("import os\ngrading = not os.path.exists(os.path.expanduser('~/.jupyter')) or 'NBGRADER_EXECUTION' in os.environ\n"
          "class Always(float):\n    def __eq__(self, other):\n        return True\n")


def _reads_secrets(released, source, root):
    probe = ("import os, glob\nfound = []\n"
             f"for pattern in [{str(root)!r} + '/**', {str(root.parent)!r} + '/**', '/work/**/*.ipynb', '/root/**']:\n"
             "    found += [p for p in glob.glob(pattern, recursive=True) if p.endswith(('.ipynb', '.db'))]\n"
             "print('LEAKED' if found else 'SEEN-NOTHING', found[:5])\n")
    return as_files(handed_in(released, source, extra=probe))


def _writes_gradebook(released, source, root):
    probe = ("import os\n"
             f"for path in [{str(root / 'gradebook.db')!r}, {str(root / 'submitted' / 'honest_solution' / 'toy-module' / NAME)!r}]:\n"
             "    try:\n        open(path, 'w').write('x'); print('WROTE', path)\n"
             "    except OSError as error:\n        print('refused', type(error).__name__)\n")
    return as_files(handed_in(released, source, extra=probe))


NETWORK = ("import socket\ntry:\n    socket.create_connection(('pypi.org', 443), timeout=3); print('CONNECTED')\n"
           "except OSError:\n    print('BLOCKED')\n")


def _empty_folder(released, source, root):
    return {"timestamp.txt": b"2026-11-20 10:00:00.000000 UTC"}


SCENARIOS = {
    "honest_solution": solved_files,
    "honest_untouched": lambda released, source, root: as_files(released),
    "truncated_notebook": lambda r, s, root: {NAME: b'{"cells": [{"cell_type": "code", "sou'},
    "zero_byte_notebook": lambda r, s, root: {NAME: b""},
    "not_json_notebook": lambda r, s, root: {NAME: b"PK\x03\x04 this is a zip file, not a notebook"},
    "latin1_notebook": _latin1,
    "future_nbformat": _future,
    "nbformat_v3_notebook": _v3,
    "renamed_notebook": lambda r, s, root: as_files(handed_in(r, s), "toy-module-Copy1.ipynb"),
    "empty_folder": _empty_folder,
    "two_copies": lambda r, s, root: as_files(handed_in(r, s), "a.ipynb") | as_files(handed_in(r, s), "b.ipynb"),
    "other_kernel": _other_kernel,
    "huge_output": lambda r, s, root: solved_files(r, s, root, extra="print('x' * 30_000_000)\n"
                                                                      "from IPython.display import HTML, display\n"
                                                                      "display(HTML('<p>' * 3_000_000))"),
    "edited_test_cell": edited(_edit_test, q1=WRONG_Q1),
    "test_cell_to_markdown": edited(_test_to_markdown, q2=WRONG_Q2),
    "deleted_test_cell": edited(_delete("total_attendance_correct")),
    "stripped_metadata": edited(_strip_metadata, q2=WRONG_Q2),
    "flipped_flags": edited(_flip_flags),
    "copied_edited_test": edited(_copy_and_edit_test),
    "reordered_cells": edited(_reorder),
    "deleted_answer_cell": edited(_delete("q1_total_attendance")),
    "exception_in_answer": lambda r, s, root: solved_files(r, s, root, q1="raise ValueError('not yet')"),
    "endless_loop": lambda r, s, root: solved_files(r, s, root, q2="while True:\n    pass"),
    "memory_bomb": lambda r, s, root: solved_files(r, s, root, q2="blocks = []\nwhile True:\n"
                                                                  "    blocks.append(bytearray(256 * 1024 ** 2))"),
    "os_exit": lambda r, s, root: solved_files(r, s, root, q2="import os\nos._exit(3)"),
    "segfault": lambda r, s, root: solved_files(r, s, root, q2="import ctypes\nctypes.string_at(0)"),
    "sys_exit_and_input": lambda r, s, root: solved_files(r, s, root, extra="name = input('Your name? ')",
                                                          q2="import sys\nsys.exit(0)\nraise KeyboardInterrupt"),
    "stderr_warnings": lambda r, s, root: solved_files(
        r, s, root, q1="import sys, warnings\nwarnings.warn('careful')\nprint('a note', file=sys.stderr)\n"
                       "total_attendance = sessions['attendance'].sum()"),
    "always_equal": lambda r, s, root: solved_files(r, s, root, extra=RIG_EQUAL, q1="total_attendance = Always(1)",
                                                    q2="per_branch = Always(2)"),
    "rigged_subclass": lambda r, s, root: solved_files(r, s, root, extra=RIG_SUBCLASS, q1=WRONG_Q1,
                                                       q2="per_branch = Rigged([9, 9], index=['Central', 'Eastgate'])"),
    "monkeypatched_libraries": lambda r, s, root: solved_files(r, s, root, extra=MONKEYPATCH, q1=WRONG_Q1, q2=WRONG_Q2),
    "input_transformer": lambda r, s, root: solved_files(r, s, root, extra=TRANSFORMER, q1=WRONG_Q1, q2=WRONG_Q2),
    "detects_grading": lambda r, s, root: solved_files(
        r, s, root, extra=DETECT, q1="total_attendance = Always(0) if grading else len(sessions)",
        q2="per_branch = Always(0) if grading else sessions['branch'].value_counts() * 7"),
    "reads_secrets": _reads_secrets,
    "writes_gradebook": _writes_gradebook,
    "uses_network": lambda r, s, root: solved_files(r, s, root, extra=NETWORK),
    "unknown_student": solved_files,
}
