"""selfeval: score a county's self-evaluation against a YAML rubric and render its report.

Importing the package changes nothing in the process: the command line (:mod:`selfeval.cli`)
sets what a run needs when it runs.
"""

__version__ = "0.1.0"
