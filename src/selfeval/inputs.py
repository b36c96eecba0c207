"""Find and load what a command works on: data files, their rubric, once per batch."""

from __future__ import annotations

import glob
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from selfeval import bundled
from selfeval.errors import InputError, UsageError
from selfeval.load import Document, read_header
from selfeval.models import CountyData, Rubric
from selfeval.validate import check_data, load_data, load_rubric


@dataclass
class LoadedFile:
    """A parsed input file and where it came from."""

    doc: Document
    path: Path

    @property
    def sha256(self) -> str:
        """SHA-256 of the file as it is on disk."""
        return hashlib.sha256(self.path.read_bytes()).hexdigest()


@dataclass
class LoadedRubric(LoadedFile):
    """A checked rubric."""

    rubric: Rubric


@dataclass
class LoadedData(LoadedFile):
    """A checked data file with its rubric."""

    data: CountyData
    rubric: LoadedRubric


@dataclass
class RubricCache:
    """Loads each rubric once per run, however many data files refer to it."""

    explicit: Path | None = None
    _by_path: dict[Path, LoadedRubric] = field(default_factory=dict)
    _bundled: dict[tuple[str, str], Path] | None = None

    def load(self, path: Path, display: str | None = None) -> LoadedRubric:
        key = path.resolve()
        if key not in self._by_path:
            rubric, doc = load_rubric(path, display)
            self._by_path[key] = LoadedRubric(doc, path, rubric)
        return self._by_path[key]

    def bundled(self) -> dict[tuple[str, str], Path]:
        """Bundled rubrics by (id, version), read from their headers only."""
        if self._bundled is None:
            self._bundled = {}
            for p in sorted(bundled.RUBRICS.glob("*.yaml")):
                head = read_header(p.read_text(encoding="utf-8"), ("id", "version"))
                self._bundled[(head.get("id", ""), head.get("version", ""))] = p
        return self._bundled

    def for_data(self, data: CountyData, doc: Document, data_path: Path) -> LoadedRubric:
        """The rubric a data file is scored against: --rubric, else bundled, else its path."""
        if self.explicit is not None:
            return self.load(self.explicit)
        ref = data.rubric
        found = self.bundled().get((ref.id, ref.version))
        if found is not None:
            return self.load(found)
        if ref.path:
            candidate = (data_path.parent / ref.path) if not Path(ref.path).is_absolute() else Path(ref.path)
            if candidate.is_file():
                return self.load(candidate)
        versions = sorted(v for (i, v) in self.bundled() if i == ref.id)
        hint = f"; bundled versions of {ref.id}: {', '.join(versions)}" if versions else ""
        where = f" (looked for {ref.path!r} next to the data file too)" if ref.path else ""
        raise InputError(
            [
                doc.problem(
                    ("rubric",),
                    f"rubric {ref.id} version {ref.version} not found{where}{hint}; give it with --rubric",
                    "rubric",
                )
            ]
        )


def load_checked(path: Path, cache: RubricCache) -> LoadedData:
    """Load a data file, find its rubric and check the one against the other."""
    data, doc = load_data(path)
    lr = cache.for_data(data, doc, path)
    problems = check_data(data, doc, lr.rubric)
    if problems:
        raise InputError(problems)
    return LoadedData(doc, path, data, lr)


def expand(paths: list[str]) -> list[Path]:
    """Files, folders (their *.yaml / *.yml) and globs, in a stable order, without repeats."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted([*p.glob("*.yaml"), *p.glob("*.yml")])
            if not found:
                raise UsageError(f"{raw}: folder has no .yaml files")
            out += found
        elif any(ch in raw for ch in "*?[") and not p.exists():
            matches = sorted(Path(m) for m in glob.glob(raw, recursive=True))
            if not matches:
                raise UsageError(f"{raw}: no files match")
            out += [m for m in matches if m.is_file()]
        else:
            out.append(p)
    seen: set[Path] = set()
    unique = []
    for p in out:
        key = p.resolve() if p.exists() else p
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique
