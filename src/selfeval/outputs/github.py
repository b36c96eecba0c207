"""GitHub Actions workflow commands: each problem annotates its line in the pull request."""

from __future__ import annotations

from typing import IO

from selfeval.choices import Format
from selfeval.outputs.base import Findings, FormatSpec, Options, write_text
from selfeval.problems import Problem, Severity

_KIND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(p: Problem) -> str:
    """One workflow command."""
    parts = [f"file={_property(p.path)}"]
    if p.line:
        parts += [f"line={p.line}", f"col={p.col or 1}"]
    parts.append(f"title={_property('selfeval ' + p.code)}")
    return f"::{_KIND[p.severity]} {','.join(parts)}::{_data(p.message)}"


SPEC = FormatSpec(format=Format.GITHUB, suffixes=(), binary=False)
"""Annotations for GitHub Actions."""


def findings(findings: Findings, out: IO[bytes], options: Options) -> None:
    write_text(out, "".join(annotation(p) + "\n" for p in sorted(findings.problems, key=Problem.position_key)))
