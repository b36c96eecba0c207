"""The files selfeval ships: rubrics, the Pingluo example and the report templates.

They live at the top of the repository (``rubrics/``, ``data/``, ``templates/``) and the
build copies them into the wheel as ``selfeval/_bundled/``; an editable install reads them
from the checkout instead. Nothing else needs to know which.
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def _root() -> Path:
    packaged = _HERE / "_bundled"
    if packaged.is_dir():
        return packaged
    return _HERE.parent.parent  # src/selfeval/ in a checkout


ROOT = _root()
RUBRICS = ROOT / "rubrics"
DATA = ROOT / "data"
TEMPLATES = ROOT / "templates"
EXAMPLE_DATA = DATA / "pingluo_2020.yaml"
DEFAULT_RUBRIC = RUBRICS / "2020_county.yaml"
"""The rubric of a command that has no data file to name one (a blank ``init``): the example's."""


def shipped(path: Path) -> bool:
    """Whether writing ``path`` would change the installed tool: anything inside the package, or
    an existing bundled rubric, example or template (in a checkout, the folders the build ships)."""
    try:
        real = path.parent.resolve() / path.name
        if real.is_relative_to(_HERE):
            return True
        return path.exists() and any(path.resolve().is_relative_to(d.resolve()) for d in (RUBRICS, DATA, TEMPLATES))
    except (OSError, RuntimeError):  # a loop of links: writing it fails with its own message
        return False
