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
