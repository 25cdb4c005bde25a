"""Runs inside the sandbox: execute one notebook, and report each cell as it finishes on a private pipe.

This file is run as a script by the sandbox's Python (the course repository is hidden in there), so
it imports nothing from the autograder package. Usage: python runner.py NOTEBOOK CELL_SECONDS RESULT_FD
Every line written to RESULT_FD is JSON: {"cell": i, "outputs": [...]} after each cell, then
{"timeout": i} when cell i is interrupted for running too long, and
{"end": "completed" | "crashed" | "error", "detail": "..."} once. The kernel never inherits RESULT_FD.
"""
import json
import os
import sys

MAX_TEXT = 20_000
MAX_OUTPUTS = 50


def capped(outputs):
    """Outputs small enough to send: long text cut, at most MAX_OUTPUTS, images dropped with a note."""
    kept = []
    for output in outputs[:MAX_OUTPUTS]:
        output = dict(output)
        if output.get("output_type") == "stream" and len(output.get("text", "")) > MAX_TEXT:
            output["text"] = output["text"][:MAX_TEXT] + "\n[output cut: too long]\n"
        if output.get("output_type") in ("display_data", "execute_result"):
            data = output.get("data", {})
            output["data"] = {k: (v[:MAX_TEXT] if isinstance(v, str) else v)
                              for k, v in data.items() if k in ("text/plain", "text/html", "image/png")}
            if len(json.dumps(output["data"])) > 2_000_000:
                output["data"] = {"text/plain": "[a large figure or table, left out]"}
        if output.get("output_type") == "error":
            output["traceback"] = [line[:MAX_TEXT] for line in output.get("traceback", [])[:60]]
        kept.append(output)
    return kept


def hide_own_file_descriptors():
    """Make this process undumpable, so the kernel it starts cannot open the result pipe through /proc."""
    import ctypes

    PR_SET_DUMPABLE = 4
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)


def main(notebook_path, cell_seconds, result_fd):
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import DeadKernelError

    hide_own_file_descriptors()
    results = os.fdopen(result_fd, "w", buffering=1)

    def report(record):
        results.write(json.dumps(record) + "\n")

    class Client(NotebookClient):
        """Interrupts a cell that runs too long, notes which it was, and goes on with the next."""

        async def _async_handle_timeout(self, timeout, cell=None):
            if cell is not None:
                report({"timeout": self.nb.cells.index(cell)})
            return await super()._async_handle_timeout(timeout, cell)

    notebook = nbformat.read(notebook_path, as_version=4)
    client = Client(notebook, timeout=cell_seconds, kernel_name="python3", allow_errors=True,
                    interrupt_on_timeout=True, record_timing=False,
                    resources={"metadata": {"path": os.getcwd()}})
    client.on_cell_executed = lambda cell, cell_index, **_: report(
        {"cell": cell_index, "outputs": capped(cell.get("outputs", []))})
    try:
        client.execute()
        report({"end": "completed", "detail": ""})
    except DeadKernelError as error:
        report({"end": "crashed", "detail": str(error)[:500]})
    except Exception as error:  # anything else the run hit is reported, never raised past the pipe
        report({"end": "error", "detail": f"{type(error).__name__}: {str(error)[:500]}"})
    results.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
