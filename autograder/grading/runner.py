"""Runs inside the sandbox: execute one notebook's code cells in this fresh process, reporting each on a pipe.

This file is run as a script by the sandbox's Python (the course repository is hidden in there), so it
imports nothing from the autograder package. Usage: python runner.py NOTEBOOK CELL_SECONDS RESULT_FD
Every line written to RESULT_FD is JSON: {"cell": i, "outputs": [...]} after each code cell, then
{"timeout": i} when cell i is interrupted for running too long, and
{"end": "completed" | "error", "detail": "...", "cpu": seconds} once (cpu: the CPU time the whole run
used, when it completed); no "end" line means the process died.

The cells run in an IPython shell inside this process, as a Jupyter kernel would run them but without
starting one: no second interpreter, no messaging, so a notebook costs little more than its own code.
Nothing on the pipe is trusted for points: answers are judged outside, on plain values, so code that
writes to the pipe or forges output can only spoil its own run.
"""
import json
import os
import signal
import sys
import time

MAX_TEXT = 20_000
MAX_ANSWERS_TEXT = 8_000_000  # the grader reads answers from this printed line: never cut a large table short
ANSWERS_MARK = "COURSE-ANSWERS "
MAX_OUTPUTS = 50
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"


def capped(outputs):
    """Outputs small enough to send: long text cut, at most MAX_OUTPUTS, large figures or tables left out."""
    kept = []
    for output in outputs[:MAX_OUTPUTS]:
        output = dict(output)
        limit = MAX_ANSWERS_TEXT if ANSWERS_MARK in output.get("text", "")[:MAX_TEXT] else MAX_TEXT
        if output.get("output_type") == "stream" and len(output.get("text", "")) > limit:
            output["text"] = output["text"][:limit] + "\n[output cut: too long]\n"
        if output.get("output_type") in ("display_data", "execute_result"):
            data = output.get("data", {})
            output["data"] = {k: (v[:MAX_TEXT] if isinstance(v, str) and k != "image/png" else v)
                              for k, v in data.items() if k in ("text/plain", "text/html", "image/png")}
            if len(json.dumps(output["data"])) > 2_000_000:
                output["data"] = {"text/plain": "[a large figure or table, left out]"}
        if output.get("output_type") == "error":
            output["traceback"] = [line[:MAX_TEXT] for line in output.get("traceback", [])[:60]]
        kept.append(output)
    return kept


def hide_own_file_descriptors():
    """Make this process undumpable, so nothing it starts can open the result pipe through /proc."""
    import ctypes

    PR_SET_DUMPABLE = 4
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)


class CellOutputs:
    """The outputs of the cell now running, in the order they appear, as nbformat output dicts."""

    def __init__(self):
        self.items = []

    def stream(self, name, text):
        if self.items and self.items[-1]["output_type"] == "stream" and self.items[-1]["name"] == name:
            self.items[-1]["text"] += text
        else:
            self.items.append({"output_type": "stream", "name": name, "text": text})

    def rich(self, output_type, data, metadata, **extra):
        self.items.append({"output_type": output_type, "data": dict(data), "metadata": dict(metadata or {}), **extra})

    def take(self):
        taken, self.items = self.items, []
        return taken


class StreamToCell:
    """What print() and warnings write to, while a cell runs."""

    encoding = "utf-8"

    def __init__(self, sink, name):
        self.sink, self.name = sink, name

    def write(self, text):
        self.sink.stream(self.name, str(text))
        return len(text)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        pass

    def isatty(self):
        return False


def make_shell(sink):
    """An IPython shell whose displays, results and tracebacks become the current cell's outputs."""
    from IPython.core.displayhook import DisplayHook
    from IPython.core.displaypub import DisplayPublisher
    from IPython.core.interactiveshell import InteractiveShell
    from traitlets.config import Config

    class Publisher(DisplayPublisher):
        def publish(self, data, metadata=None, source=None, *, transient=None, update=False, **kwargs):
            sink.rich("display_data", data, metadata)

        def clear_output(self, wait=False):
            sink.items = [o for o in sink.items if o["output_type"] == "stream"]

    class ResultHook(DisplayHook):
        def write_output_prompt(self):
            pass

        def write_format_data(self, format_dict, md_dict=None):
            sink.rich("execute_result", format_dict, md_dict, execution_count=self.prompt_count)

    config = Config()
    config.HistoryManager.enabled = False
    shell = InteractiveShell.instance(config=config, display_pub_class=Publisher, displayhook_class=ResultHook,
                                      colors="nocolor")

    def record_error(etype, evalue, stb):
        sink.items.append({"output_type": "error", "ename": getattr(etype, "__name__", str(etype)),
                           "evalue": str(evalue), "traceback": list(stb)})

    shell._showtraceback = record_error
    return shell


class CellTimeout(KeyboardInterrupt):
    """Raised inside a cell that has run longer than its budget, as a kernel interrupt would be."""


def run_cells(notebook, cell_seconds, report):
    """Run each code cell in turn, reporting its outputs; a cell over its budget is interrupted."""
    sink = CellOutputs()
    shell = make_shell(sink)
    sys.stdout, sys.stderr = StreamToCell(sink, "stdout"), StreamToCell(sink, "stderr")

    def interrupt(signum, frame):
        raise CellTimeout(f"this cell ran longer than {cell_seconds} seconds")

    for index, cell in enumerate(notebook.get("cells", [])):
        if cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else source
        signal.signal(signal.SIGALRM, interrupt)
        signal.setitimer(signal.ITIMER_REAL, cell_seconds)
        try:
            result = shell.run_cell(source, store_history=True)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        if isinstance(result.error_in_exec, CellTimeout):
            report({"timeout": index})
        report({"cell": index, "outputs": capped(sink.take())})


def main(notebook_path, cell_seconds, result_fd):
    hide_own_file_descriptors()
    os.set_inheritable(result_fd, False)
    results = os.fdopen(result_fd, "w", buffering=1)

    def report(record):
        results.write(json.dumps(record) + "\n")

    os.environ["MPLBACKEND"] = INLINE_BACKEND  # as in JupyterLab: each cell's figures shown, then closed
    try:
        with open(notebook_path, encoding="utf-8") as handle:
            notebook = json.load(handle)
        run_cells(notebook, cell_seconds, report)
        report({"end": "completed", "detail": "", "cpu": round(time.process_time(), 3)})
    except BaseException as error:  # anything the run hit is reported, never raised past the pipe
        report({"end": "error", "detail": f"{type(error).__name__}: {str(error)[:500]}"})
    results.close()
    os._exit(0)  # skip interpreter teardown: atexit hooks and finalizers of the learner's objects


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
