"""Render the Chinese self-evaluation report from a view model with Jinja2.

The template decides all wording and layout; this module only hands it plain data.
Every template, the bundled one included, renders in Jinja2's sandbox with
``StrictUndefined``. Every string in the view model is escaped for Markdown before the
template sees it, and Jinja2 never renders a value as a template, so a ``{{ }}`` or a
leading ``#`` in a narrative stays text.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from selfeval import __version__, bundled
from selfeval.audit import Finding
from selfeval.errors import TemplateError
from selfeval.inputs import LoadedData
from selfeval.load import read_text
from selfeval.models import NodeType
from selfeval.numbers import fmt
from selfeval.scoring import NodeResult, ScoreResult, quantize

_MD_INLINE = re.compile(r"([\\`*_\[\]<>|])")
_MD_LINE_START = re.compile(r"^(\s*)(#{1,6}|[>+\-=]|\d+[.)])(?=\s|$)", re.MULTILINE)


def md_escape(value: object) -> object:
    """Escape a string so Markdown shows it as written; other values pass through."""
    if not isinstance(value, str):
        return value
    text = _MD_INLINE.sub(r"\\\1", value)
    return _MD_LINE_START.sub(_escape_marker, text)


def _escape_marker(m: re.Match[str]) -> str:
    marker = m.group(2)
    if marker[0].isdigit():  # "1." → "1\." : a backslash before a digit is not an escape
        return m.group(1) + marker[:-1] + "\\" + marker[-1]
    return m.group(1) + "\\" + marker


def _node_view(r: NodeResult, places: int) -> dict[str, Any]:
    score = quantize(r.score, places)
    return {
        "id": r.id,
        "number": r.node.number or "",
        "title": r.node.title,
        "type": r.type.value,
        "max": fmt(r.max),
        "score": fmt(score),
        "claimed": None if r.claimed is None else fmt(r.claimed),
        "differs": r.claimed is not None and r.claimed != score,
        "not_applicable": r.status == "not_applicable",
        "explanation": r.explanation,
    }


def _is_item(r: NodeResult) -> bool:
    return (r.node.number or "").isdigit()


def _items_view(loaded: LoadedData, result: ScoreResult, r: NodeResult) -> dict[str, Any]:
    """A numbered item: its narrative, each score clause with the computed score."""
    places = result.rubric.rounding.places
    views = {x.id: x for x in r.walk()}
    item = loaded.data.items.get(r.id)
    segments: list[dict[str, Any]] = []
    referenced: set[str] = set()
    if item is not None:
        for seg in item.narrative:
            node = views.get(seg.score) if seg.score else None
            if node is not None:
                referenced.add(node.id)
            segments.append(
                {"text": seg.text, "node": _node_view(node, places) if node is not None else None, "added": False}
            )
    leaves = [x for x in r.walk() if not x.children]
    for leaf in leaves:
        covered = any(a in referenced for a in _ancestors(r, leaf.id))
        if not covered:
            # A clause the narrative does not cover: the report names it by its title.
            segments.append(
                {
                    "text": leaf.node.title if leaf is not r or item is None else "",
                    "node": _node_view(leaf, places),
                    "added": True,
                }
            )
    return {"kind": "item", **_node_view(r, places), "segments": segments}


def _ancestors(root: NodeResult, target: str) -> list[str]:
    """Ids from ``root`` down to ``target`` (inclusive), or [] when not below root."""
    if root.id == target:
        return [root.id]
    for c in root.children:
        below = _ancestors(c, target)
        if below:
            return [root.id, *below]
    return []


def _tree_view(loaded: LoadedData, result: ScoreResult, r: NodeResult) -> dict[str, Any]:
    if _is_item(r) or not r.children:
        return _items_view(loaded, result, r)
    kind = "section" if r.depth == 0 else "indicator"
    return {
        "kind": kind,
        **_node_view(r, result.rubric.rounding.places),
        "children": [_tree_view(loaded, result, c) for c in r.children],
    }


def view_model(loaded: LoadedData, result: ScoreResult, findings: list[Finding], with_audit: bool) -> dict[str, Any]:
    """Everything the report template may use, as plain data (strings, lists, dicts)."""
    data, rubric = loaded.data, result.rubric
    p = rubric.rounding.places
    doc = data.document
    d = doc.date if doc else None
    return {
        "document": {
            "issuers": list(doc.issuers) if doc else [data.subject.name],
            "number": doc.number if doc and doc.number else "",
            "title": doc.title if doc else f"{data.subject.name}{data.subject.year}年度自评报告",
            "addressee": doc.addressee if doc else "",
            "preamble": doc.preamble if doc else "",
            "date": f"{d.year}年{d.month}月{d.day}日" if d else "",
            "attachments_title": doc.attachments_title if doc and doc.attachments_title else "",
        },
        "subject": {"name": data.subject.name, "year": data.subject.year},
        "rubric": {
            "id": rubric.id,
            "version": rubric.version,
            "title": rubric.title,
            "issuer": rubric.issuer,
            "document_number": rubric.document_number,
        },
        "totals": {
            "standard_max": fmt(result.standard_max),
            "standard": fmt(quantize(result.standard, p)),
            "bonus_max": fmt(result.bonus_max),
            "bonus": fmt(quantize(result.bonus, p)),
            "deduction_max": fmt(result.deduction_max),
            "deduction": fmt(quantize(result.deduction, p)),
            "total": fmt(result.total),
            "grade": result.grade,
            "claimed_total": None if result.claimed_total is None else fmt(result.claimed_total),
            "differs": result.claimed_total is not None and result.claimed_total != result.total,
            "vetoes": [v.title for v in result.vetoes],
        },
        "sections": [_tree_view(loaded, result, s) for s in result.sections],
        "attachments": [{"title": a.title, "number": a.number or ""} for a in data.attachments],
        "with_audit": with_audit,
        "findings": [
            {
                "severity": f.severity.value,
                "code": f.code,
                "subject": f.subject,
                "message": f.message,
                # what the report says, and what the evidence gives (or the whole a part exceeds)
                "stated": f.values.get("claimed") or f.values.get("stated") or f.values.get("part", ""),
                "expected": f.values.get("computed") or f.values.get("children") or f.values.get("whole", ""),
            }
            for f in findings
        ],
        "provenance": {
            "rubric_id": rubric.id,
            "rubric_version": rubric.version,
            "rubric_sha256": loaded.rubric.sha256,
            "data_sha256": loaded.sha256,
            "selfeval_version": __version__,
        },
        "types": {t.name.lower(): t.value for t in NodeType},
    }


def render_report(
    loaded: LoadedData,
    result: ScoreResult,
    findings: list[Finding],
    *,
    template: Path | None = None,
    with_audit: bool = False,
) -> str:
    """The report as Markdown text."""
    path = template or bundled.DEFAULT_TEMPLATE
    source = read_text(path, str(path))
    context = escape_all(view_model(loaded, result, findings, with_audit))
    return render_template(source, str(path), context)


def escape_all(value: Any) -> Any:
    """Markdown-escape every string in a view model, so templates print data as text."""
    if isinstance(value, str):
        return md_escape(value)
    if isinstance(value, dict):
        return {k: escape_all(v) for k, v in value.items()}
    if isinstance(value, list):
        return [escape_all(v) for v in value]
    return value


def render_template(source: str, name: str, context: dict[str, Any]) -> str:
    """Render template text in the sandbox; errors name the template's line."""
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    try:
        tmpl = env.from_string(source)
        tmpl.name = name
        return tmpl.render(context)
    except jinja2.TemplateSyntaxError as e:
        raise TemplateError(f"{name}:{e.lineno}:1: template syntax error: {e.message}") from e
    except jinja2.UndefinedError as e:
        raise TemplateError(f"{name}:{_template_line(e)}:1: {e.message} (StrictUndefined)") from e
    except jinja2.exceptions.SecurityError as e:
        raise TemplateError(f"{name}:{_template_line(e)}:1: not allowed in the sandbox: {e}") from e
    except jinja2.TemplateError as e:
        raise TemplateError(f"{name}:{_template_line(e)}:1: template error: {e}") from e
    except (TypeError, ValueError, ArithmeticError, LookupError) as e:
        raise TemplateError(f"{name}:{_template_line(e)}:1: template error: {type(e).__name__}: {e}") from e


def _template_line(exc: BaseException) -> int:
    """The template line where rendering failed, from Jinja2's rewritten traceback."""
    line = 0
    tb = exc.__traceback__ or sys.exc_info()[2]
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line or 1
