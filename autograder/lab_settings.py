"""JupyterLab defaults for this project's environment: no news pop-up covering a learner's first notebook."""
from __future__ import annotations

import json
import sys
from pathlib import Path

OVERRIDES = {"@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False}}


def overrides_path(prefix: Path = Path(sys.prefix)) -> Path:
    """JupyterLab reads overrides.json from <environment>/share/jupyter/lab/settings/."""
    return prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json"


def write_overrides(prefix: Path = Path(sys.prefix)) -> Path:
    """Merge the project's defaults into the environment's overrides.json (other settings are kept)."""
    path = overrides_path(prefix)
    current = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    for plugin, values in OVERRIDES.items():
        current.setdefault(plugin, {}).update(values)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(current, indent=2) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    print(f"JupyterLab defaults written to {write_overrides()}")
