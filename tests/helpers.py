"""Shared test helpers: the example files, small synthetic rubrics built and scored in memory."""

from __future__ import annotations

import copy
import dataclasses
import functools
import re
import textwrap
import typing
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from selfeval.audit import Check, audit
from selfeval.examples import Example
from selfeval.forms import FORMS
from selfeval.forms.narrative.models import NarrativeData, NarrativeRubric
from selfeval.inputs import Library
from selfeval.load import parse
from selfeval.pipeline import Evaluation, evaluate
from selfeval.problems import Problem
from selfeval.scoring import NodeResult, ScoreResult, score

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
FILED = TESTS / "fixtures" / "pingluo-2020-self-evaluation.txt"
"""The county's report as filed (text extracted from its PDF), the source of the bundled files."""
RUBRIC = ROOT / "rubrics" / "2020_county.yaml"
DATA = ROOT / "data" / "pingluo_2020.yaml"
TABLE_RUBRIC = ROOT / "rubrics" / "2020_project.yaml"
TABLE_DATA = ROOT / "data" / "jishan_2020.yaml"
TABLE_FILED = TESTS / "fixtures" / "jishan-2020-project-self-evaluation-table.txt"
"""稷山's project table as published (a text extraction, and its cells lined up again)."""
GOLDEN = TESTS / "golden"

D = Decimal


class _Dumper(yaml.CSafeDumper):
    """Writes Decimal as the number it is, so a test file reads back exactly."""


_Dumper.add_representer(Decimal, lambda d, v: d.represent_scalar("tag:yaml.org,2002:float", str(v)))


def mini_rubric(sections: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    """A small valid rubric around the given sections (totals computed from them)."""
    total = sum(s["points"] for s in sections if s.get("type", "standard") == "standard")
    base: dict[str, Any] = {
        "id": "mini",
        "version": "1",
        "title": "测试标准",
        "issuer": "测试厅",
        "document_number": "测〔2020〕1号",
        "year": 2020,
        "total": total,
        "bonus_cap": sum(s["points"] for s in sections if s.get("type") == "bonus"),
        "deduction_cap": sum(s["points"] for s in sections if s.get("type") == "deduction"),
        "sections": sections,
    }
    base.update(extra)
    return base


def mini_data(**extra: Any) -> dict[str, Any]:
    """A small data file for :func:`mini_rubric`."""
    base: dict[str, Any] = {"subject": {"name": "测试县", "year": 2020}, "rubric": {"id": "mini", "version": "1"}}
    base.update(extra)
    return base


def write_yaml(path: Path, obj: Any) -> Path:
    path.write_text(yaml.dump(obj, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@functools.cache
def _loaded(path: Path, stamp: tuple[int, int]) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def load_yaml(path: Path) -> Any:
    """A YAML file's values, to change and write back: each file parsed once (C loader), a fresh copy each call."""
    st = path.stat()
    return copy.deepcopy(_loaded(path, (st.st_mtime_ns, st.st_size)))


def leaf(id: str, points: Any, rule: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"id": id, "title": f"项目{id}", "points": points, "rule": rule, **extra}


def one_leaf(
    rule: dict[str, Any],
    points: Any = 4,
    *,
    section_type: str = "standard",
    rubric_extra: dict[str, Any] | None = None,
    **data: Any,
) -> NodeResult:
    """Score a rubric with a single leaf under a single section; return the leaf's result."""
    section: dict[str, Any] = {"id": "s1", "title": "一", "points": points, "children": [leaf("x", points, rule)]}
    if section_type != "standard":
        section["type"] = section_type
    extra = rubric_extra or {}
    extra.setdefault("figures", {k: {"title": k, "unit": "个"} for k in data.get("figures", {})})
    result = run([section], extra, **data)
    return result.by_id()["x"]


def run(sections: list[dict[str, Any]], rubric_extra: dict[str, Any] | None = None, **data: Any) -> ScoreResult:
    """Score in memory: a rubric of ``sections`` and a data file of ``data``."""
    return _run(sections, rubric_extra, **data)[0]


def audit_run(sections: list[dict[str, Any]], rubric_extra: dict[str, Any] | None = None, **data: Any) -> list[Problem]:
    """Score and audit in memory; findings are placed on the lines of the data file as YAML writes it."""
    result, doc = _run(sections, rubric_extra, **data)
    return audit(result, doc, FORMS["narrative"].checks)


def _run(sections: list[dict[str, Any]], rubric_extra: dict[str, Any] | None = None, **data: Any) -> Any:
    if not any(s.get("type", "standard") == "standard" for s in sections):
        sections = [
            *sections,
            {
                "id": "pad",
                "title": "基本",
                "points": 1,
                "children": [leaf("pad.1", 1, {"kind": "fact", "fact": "pad"})],
            },
        ]
    extra = dict(rubric_extra or {})
    extra.setdefault("facts", {})
    extra["facts"] = {"pad": "占位", **extra["facts"]}
    rubric = NarrativeRubric.model_validate(mini_rubric(sections, **extra))
    doc = parse(yaml.dump(mini_data(**data), Dumper=_Dumper, allow_unicode=True, sort_keys=False), "data.yaml")
    county = NarrativeData.model_validate(doc.data)
    return score(rubric, county, rubric.sections), doc


def evaluate_file(path: Path = DATA) -> Evaluation:
    """The bundled example (or another data file) through the pipeline."""
    return evaluate(path, Library())


def score_file(path: Path = DATA) -> ScoreResult:
    return evaluate_file(path).result


def table(tmp_path: Path, name: str = "t.yaml", **changes: Any) -> Path:
    """A copy of 稷山's table with top-level parts replaced, or rows changed by index: ``r1={...}``."""
    data = load_yaml(TABLE_DATA)
    for key, value in changes.items():
        if re.fullmatch(r"r\d+", key):
            data["indicators"][int(key[1:]) - 1].update(value)
        else:
            data[key] = value
    return write_yaml(tmp_path / name, data)


def changed_copy(tmp_path: Path, name: str = "changed.yaml", **figures: Any) -> Path:
    """A copy of the example with some figures replaced."""
    data = load_yaml(DATA)
    data["figures"].update(figures)
    return write_yaml(tmp_path / name, data)


def county_copy(folder: Path, name: str, file: str | None = None, **figures: Any) -> Path:
    """The example as another county's file (``{file or name}.yaml`` in ``folder``), some figures replaced."""
    data = load_yaml(DATA)
    data["subject"]["name"] = name
    data["figures"].update(figures)
    return write_yaml(folder / f"{file or name}.yaml", data)


# ----------------------------------------------------------------------------- plugins and their examples


def rule_examples() -> list[tuple[str, Example]]:
    """Every worked example in the rule kinds' docstrings, with its kind."""
    from selfeval.examples import split
    from selfeval.rules import RULES

    return [(kind, ex) for kind, cls in RULES.items() for ex in split(cls.__doc__ or "")[1]]


def run_rule_example(example: Example) -> NodeResult:
    """Score a rule kind's example: one leaf of ``points`` (a deduction when ``type: deduction``)
    with its ``rule``, over the data the example gives; ``rubric`` adds declarations (units, metrics)."""
    spec = yaml.safe_load(example.source)
    data = {k: spec[k] for k in ("figures", "facts", "evidence", "judgements", "not_applicable") if k in spec}
    extra = dict(spec.get("rubric") or {})
    for name in ("facts", "evidence"):  # what the rule reads is declared, as validate requires
        extra.setdefault(name, {k: k for k in spec.get(name, {})})
    return one_leaf(
        spec["rule"],
        D(str(spec.get("points", 4))),
        section_type=spec.get("type", "standard"),
        rubric_extra=extra,
        **data,
    )


def check_examples() -> list[tuple[Check, str | None, Example]]:
    """Every worked example in the audit checks' docstrings, with its check and the form it belongs
    to (None for the checks every form shares)."""
    from selfeval.audit import CHECKS
    from selfeval.examples import split

    out: list[tuple[Check, str | None, Example]] = [(c, None, ex) for c in CHECKS for ex in split(c.doc)[1]]
    for name, form in FORMS.items():
        out += [(c, name, ex) for c in form.checks for ex in split(c.doc)[1]]
    return out


def audit_files(rubric: dict[str, Any] | None, data: dict[str, Any], folder: Path) -> list[Problem]:
    """Write ``rubric`` (None: the data names a bundled one) and ``data`` as files in ``folder``,
    run them through the pipeline, and return the audit's findings."""
    library = Library(write_yaml(folder / "rubric.yaml", rubric)) if rubric is not None else Library()
    return evaluate(write_yaml(folder / "data.yaml", data), library).findings


def run_check_example(form: str | None, example: Example, folder: Path) -> list[Problem]:
    """Audit a check's example, for the checks every form shares (``form`` None) or a form's own.
    The example gives ``data`` (completed with a subject) and either ``rubric``, completed into a
    whole rubric of the form (its header, and for an indicator tree the totals of its
    ``sections``, as :func:`mini_rubric` does), or in its data a bundled rubric's ``id`` and
    ``version``."""
    spec = yaml.safe_load(example.source)
    data = dict(spec.get("data") or {})
    if "rubric" not in spec:
        return audit_files(None, {"subject": {"name": "测试县", "year": 2020}, **data}, folder)
    given = dict(spec["rubric"])
    sections = given.pop("sections", [])
    rubric = {**mini_rubric(sections, **given), **({"form": form} if form else {})}
    return audit_files(rubric, mini_data(**data), folder)


def check(source: str, rubric: dict[str, Any] | Path | None, code: str, *problems: tuple[int, int]) -> list[Problem]:
    """Audit a data file's text (as written: its lines are the findings' lines) against ``rubric``
    (a rubric as a dict, a rubric file, or None for the one the data names) and assert that the
    findings of ``code`` are exactly at ``problems``, each ``(line, col)``. Returns those findings."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        data = folder / "data.yaml"
        data.write_text(textwrap.dedent(source).lstrip("\n"), encoding="utf-8")
        if isinstance(rubric, dict):
            rubric = write_yaml(folder / "rubric.yaml", rubric)
        found = [f for f in evaluate(data, Library(rubric)).findings if f.code == code]
    assert sorted((f.line, f.col) for f in found) == sorted(problems), [f"{f.where}: {f.message}" for f in found]
    return found


# ----------------------------------------------------------------------------- the templates' names


def _fields(cls: Any, seen: set[Any]) -> set[str]:
    """Every field name of the record ``cls`` and of the records its fields hold."""
    if cls in seen:
        return set()
    seen.add(cls)
    names: set[str] = set()
    if dataclasses.is_dataclass(cls):
        hints = typing.get_type_hints(cls)
        names |= {f.name for f in dataclasses.fields(cls)}
        for f in dataclasses.fields(cls):
            names |= _fields(hints[f.name], seen)
    for arg in typing.get_args(cls):
        names |= _fields(arg, seen)
    return names


def _path(node: Any) -> list[str] | None:
    """``a.b.c`` as ["a", "b", "c"]; None for an attribute of anything but a name."""
    import jinja2.nodes as j

    if isinstance(node, j.Name):
        return [node.name]
    if isinstance(node, j.Getattr):
        base = _path(node.node)
        return None if base is None else [*base, node.attr]
    return None


def assert_names_exist(source: str, view: Any, extra: frozenset[str] = frozenset()) -> int:
    """Every name ``source`` reads is a field of ``view``; every attribute it reads of one is there
    (followed through the view's records); every other attribute (of a loop's item or a macro's
    argument) is a field of some record the view holds."""
    import jinja2
    import jinja2.nodes as j
    from jinja2 import meta

    tree = jinja2.Environment(autoescape=True).parse(source)  # parsed only, never rendered
    fields = {f.name for f in dataclasses.fields(view)}
    top = meta.find_undeclared_variables(tree)
    assert top - extra <= fields, top - extra - fields
    anywhere = _fields(type(view), set())
    checked = 0
    for node in tree.find_all(j.Getattr):
        path = _path(node)
        if path is None or path[0] == "loop":
            continue
        if path[0] in fields:
            value: Any = view
            for name in path:
                assert (name in value) if isinstance(value, dict) else hasattr(value, name), path
                value = value[name] if isinstance(value, dict) else getattr(value, name)
        else:
            assert set(path[1:]) <= anywhere, path
        checked += 1
    return checked


# ----------------------------------------------------------------------------- a small province
# Counties of hand-checked totals against a rubric of four items, for the province's workbook and page.

SMALL_RUBRIC = """\
id: test-county-2021
version: "1"
title: 2021年度县（市、区）社会救助工作考评指标及评分标准（试行稿）
issuer: 某省民政厅
document_number: 某民发〔2021〕9号
year: 2021
total: 10
deduction_cap: 5
grades:
  - {name: 优, min: 9}
  - {name: 良, min: 8}
  - {name: 合格, min: 6}
  - {name: 不合格, min: 0}
facts:
  plan: 印发实施方案
  report: 按时上报
  satisfied: 满意度达标
figures:
  accidents: {title: 安全责任事故, unit: 起}
sections:
  - id: s1
    number: 一
    title: 工作任务
    points: 6
    children:
      - {id: c1, number: "1", title: 印发实施方案, points: 4, rule: {kind: fact, fact: plan}}
      - {id: c2, number: "2", title: 按时上报, points: 2, rule: {kind: fact, fact: report}}
  - id: s2
    number: 二
    title: 工作效果
    points: 4
    children:
      - {id: c3, number: "3", title: 满意度达标, points: 4, rule: {kind: fact, fact: satisfied}}
  - id: s3
    number: 三
    title: 扣分项
    type: deduction
    points: 5
    children:
      - id: d1
        number: "4"
        title: 发生安全责任事故
        points: 5
        rule: {kind: per_occurrence, metric: accidents, deduct: 2}
"""

SMALL_COUNTY = """\
subject: {{name: {name}, year: 2021{city}}}
rubric: {{id: test-county-2021, version: "1"}}
facts: {{plan: 是, report: {report}, satisfied: {satisfied}}}
figures: {{accidents: {accidents}}}
claims: {{total: {claimed}}}
"""

SMALL_COUNTIES = {
    # name: (地级市, 按时上报, 满意度达标, 事故, 自评总分) → total, grade
    "甲县": ("甲市", "是", "是", "0起", 10),  # 10 优
    "乙县": ("甲市", "否", "是", "0起", 9),  # 8 良, claims 1 more: an error
    "丙县": ("乙市", "是", "否", "0起", 6),  # 6 合格
}


def small_province(folder: Path, cities: bool = True, **more: tuple[str, str, str, str, int]) -> Path:
    """Counties of known totals and grades against a rubric of four items, hand-checked."""
    (folder / "counties").mkdir(parents=True)
    (folder / "标准.yaml").write_text(SMALL_RUBRIC, encoding="utf-8")
    for name, (city, report, satisfied, accidents, claimed) in {**SMALL_COUNTIES, **more}.items():
        place = f", city: {city}" if cities else ""
        text = SMALL_COUNTY.format(
            name=name, city=place, report=report, satisfied=satisfied, accidents=accidents, claimed=claimed
        )
        (folder / "counties" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return folder / "counties"
