"""selfeval: score a county's self-evaluation against a YAML rubric and render its report."""

__version__ = "0.1.0"
