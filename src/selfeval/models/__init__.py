"""Pydantic models of the inputs: what every rubric and every data file has in common.

Each document family (:mod:`selfeval.forms`) extends :class:`~selfeval.models.rubric.RubricBase`
and :class:`~selfeval.models.data.DataBase` with what its own form needs.
"""
