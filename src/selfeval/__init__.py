"""selfeval: score a county's self-evaluation against a YAML rubric and render its report."""

import os

# selfeval uses no pydantic plugins; without this, importing pydantic scans every installed
# package's entry points, a cost paid on every run.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

__version__ = "0.1.0"
