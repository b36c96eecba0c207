"""A per-user cache of results: a county scored once is not scored again until something it was
scored from changes.

Each entry is one JSON file (never a pickle: nothing read back is ever run) named by a hash of
everything the result depends on: the data file's bytes and name, the options that change the
result (the rubric given, the ledger's bytes, the language, what the output shows), the rubric
files bundled with the tool, and the tool's version and code (its modules' sizes and times: a
build from a checkout changes without a new version). The entry also lists the rubric and the
files it names, with the hash of their bytes when it was written: an entry whose rubric has
changed since is not used. An entry that does not read (cut short, edited, of another version)
is ignored and written anew. Entries are written whole or not at all (a temporary file, then a
rename), so runs at the same time never read half an entry; the least recently used are removed
when the folder grows past its bound.

Where: ``$SELFEVAL_CACHE_DIR`` if set; else the platform's cache folder (``$XDG_CACHE_HOME/selfeval``
or ``~/.cache/selfeval`` on Linux, ``~/Library/Caches/selfeval`` on macOS,
``%LOCALAPPDATA%\\selfeval\\Cache`` on Windows). ``--no-cache`` or ``SELFEVAL_NO_CACHE=1`` turn it off.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from selfeval import __version__

NO_CACHE_ENV = "SELFEVAL_NO_CACHE"
"""Set (to anything but ``0`` or empty) to turn the cache off, as ``--no-cache`` does."""
CACHE_DIR_ENV = "SELFEVAL_CACHE_DIR"
"""A folder to keep the cache in instead of the platform's."""

SCHEMA = 1
"""The layout of an entry; an entry of another layout is ignored and written anew."""
MAX_BYTES = 200 * 1024 * 1024
"""The most the cache folder holds before the least recently used entries are removed."""
EVICT_EVERY = 32
"""A run that writes fewer entries than this checks the bound one time in this many: the check
reads the whole folder, which would cost a one-file run more than its scoring."""


def folder(environ: Mapping[str, str], platform: str = sys.platform) -> Path | None:
    """The cache folder of the user running, or None when the cache is turned off."""
    if environ.get(NO_CACHE_ENV, "") not in ("", "0"):
        return None
    if environ.get(CACHE_DIR_ENV):
        return Path(environ[CACHE_DIR_ENV])
    try:
        home = Path(environ.get("HOME") or environ.get("USERPROFILE") or Path.home())
    except (RuntimeError, KeyError, OSError):  # no home to be found: no cache, not a failed run
        return None
    if platform.startswith("win"):
        base = environ.get("LOCALAPPDATA")
        return (Path(base) if base else home / "AppData" / "Local") / "selfeval" / "Cache"
    if platform == "darwin":
        return home / "Library" / "Caches" / "selfeval"
    xdg = environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".cache") / "selfeval"


def sha256(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def bundled_fingerprint(rubrics: Path) -> str:
    """The rubrics in a folder (bundled, or on the search path) by name, size and time: a rubric
    added or changed there may change which rubric a data file resolves to."""
    try:
        parts = sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in rubrics.glob("*.yaml"))
    except OSError:
        parts = []
    return sha256(json.dumps(parts).encode())


def rubrics_found(search: tuple[Path, ...]) -> dict[str, object]:
    """The rubrics a data file's reference could resolve to, as parts of a key: each folder of the
    search path and the bundled rubrics, by their files' names, sizes and times."""
    from selfeval import resources

    return {
        "search": [[os.fspath(p), bundled_fingerprint(p)] for p in search],
        "bundled": bundled_fingerprint(resources.RUBRICS),
    }


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """The tool's own modules by name, size and time: a build from a checkout changes its code
    without changing its version, and a result of other code is never read back."""
    root = Path(__file__).resolve().parent
    try:
        parts = sorted((os.fspath(p.relative_to(root)), *_size_time(p)) for p in root.rglob("*.py"))
    except OSError:
        parts = []
    return sha256(json.dumps(parts).encode())


def _size_time(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_size, st.st_mtime_ns


@dataclass(kw_only=True)
class Cache:
    """The cache of one run: where it is, and the parts of every key that the whole run shares."""

    root: Path
    """The folder (see :func:`folder`)."""
    base: Mapping[str, object] = field(default_factory=dict)
    """What every result of the run depends on besides its own file (options, language, ledger)."""
    max_bytes: int = MAX_BYTES
    written: int = 0
    _hashes: dict[str, str | None] = field(default_factory=dict, repr=False)
    """The hash of each rubric file checked so far in this process (a batch names one rubric)."""

    @property
    def entries(self) -> Path:
        return self.root / f"v{SCHEMA}"

    def key(self, **parts: object) -> str:
        """The name of the entry for ``parts`` with the run's shared ones, the tool's version and its code."""
        whole = {"schema": SCHEMA, "version": __version__, "code": code_fingerprint(), **self.base, **parts}
        text = json.dumps(whole, sort_keys=True, default=str)
        return sha256(text.encode("utf-8"))

    def _path(self, key: str) -> Path:
        return self.entries / key[:2] / f"{key}.json"

    def _file_hash(self, path: str) -> str | None:
        if path not in self._hashes:
            try:
                self._hashes[path] = sha256(Path(path).read_bytes())
            except OSError:
                self._hashes[path] = None
        return self._hashes[path]

    def get(self, key: str) -> Any:
        """The payload stored under ``key``, or None when there is none, it does not read, or a file
        it was made from has changed."""
        path = self._path(key)
        try:
            raw = path.read_bytes()
        except OSError:
            return None
        try:
            entry = json.loads(raw)
            if not (
                isinstance(entry, dict)
                and entry.get("schema") == SCHEMA
                and entry.get("version") == __version__
                and entry.get("key") == key
                and isinstance(entry.get("files"), list)
                and "payload" in entry
            ):
                return None
            for name, digest in entry["files"]:
                if not isinstance(name, str) or self._file_hash(name) != digest:
                    return None
        except (ValueError, TypeError):
            return None
        try:
            os.utime(path)  # recently used: the last to be evicted
        except OSError:
            pass
        return entry["payload"]

    def put(self, key: str, payload: object, files: Iterable[Path | str] = ()) -> None:
        """Store ``payload`` (plain JSON) under ``key``, made from ``files`` as they are now; a cache
        that cannot be written (a full disk, a read-only home) is only a slower run."""
        listed = []
        for f in files:
            digest = self._file_hash(os.fspath(f))
            if digest is None:
                return
            listed.append([os.fspath(f), digest])
        entry = {"schema": SCHEMA, "version": __version__, "key": key, "files": listed, "payload": payload}
        path = self._path(key)
        try:
            text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
            path.parent.mkdir(parents=True, exist_ok=True)
            import tempfile  # only a run that writes pays for it

            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    fh.write(text)
                os.replace(tmp, path)  # whole or not at all, whoever else writes it at the same time
            except BaseException:
                with _quietly():
                    os.unlink(tmp)
                raise
        except (OSError, TypeError, ValueError):
            return
        self.written += 1

    def settle(self) -> None:
        """After a run: keep the folder within its bound (see :data:`EVICT_EVERY`)."""
        import random

        if self.written >= EVICT_EVERY or (self.written and random.random() < self.written / EVICT_EVERY):  # noqa: S311
            self.evict()

    def evict(self) -> int:
        """Remove the least recently used entries (and temporary files left by a stopped run) until
        the folder holds at most nine tenths of :attr:`max_bytes`; the number removed."""
        found: list[tuple[float, int, str]] = []
        total = 0
        try:
            tops = list(os.scandir(self.entries))
        except OSError:
            return 0
        for top in tops:
            try:
                inside = list(os.scandir(top.path)) if top.is_dir() else []
            except OSError:
                continue
            for e in inside:
                try:
                    st = e.stat()
                except OSError:
                    continue
                total += st.st_size
                found.append((st.st_mtime, st.st_size, e.path))
        if total <= self.max_bytes:
            return 0
        removed = 0
        for _, size, path in sorted(found):
            if total <= self.max_bytes * 9 // 10:
                break
            with _quietly():
                os.unlink(path)
                removed += 1
            total -= size
        return removed


class _quietly:
    """Ignore what the system says: another run may have removed the same file first."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return exc[0] is not None and issubclass(exc[0], OSError)  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- plain JSON values


def encode(value: object, records: Mapping[str, type] = {}) -> object:
    """A result's value as plain JSON: an exact Decimal as its text, tuples, paths and records
    (the fields of a dataclass among ``records``, by class name) tagged, so that :func:`decode`
    given the same ``records`` gives back the same value."""
    import dataclasses

    from selfeval.problems import Problem

    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, Decimal):
        return {"$d": str(value)}
    if isinstance(value, Path):
        return {"$p": os.fspath(value)}
    if isinstance(value, tuple):
        return {"$t": [encode(v, records) for v in value]}
    if isinstance(value, list):
        return [encode(v, records) for v in value]
    if isinstance(value, Problem):
        return {
            "$problem": {
                "path": value.path,
                "line": value.line,
                "col": value.col,
                "message": value.message,
                "code": value.code,
                "severity": value.severity.value,
                "subject": value.subject,
                "english": value.message_en,
                "values": dict(value.values),
            }
        }
    name = type(value).__name__
    if dataclasses.is_dataclass(value) and records.get(name) is type(value):
        return {"$r": name, "f": {f.name: encode(getattr(value, f.name), records) for f in dataclasses.fields(value)}}
    raise TypeError(f"not kept in the cache: {type(value).__name__}")


def decode(value: Any, records: Mapping[str, type] = {}) -> Any:
    """The value :func:`encode` was given; raises ``ValueError`` or ``TypeError`` for anything else."""
    from selfeval.problems import Problem, Severity

    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, list):
        return [decode(v, records) for v in value]
    if not isinstance(value, dict) or len(value) not in (1, 2):
        raise ValueError("not an encoded value")
    if "$d" in value:
        d = Decimal(value["$d"])
        if not isinstance(value["$d"], str) or not d.is_finite():
            raise ValueError("not a number")
        return d
    if "$p" in value:
        return Path(value["$p"])
    if "$t" in value:
        return tuple(decode(v, records) for v in value["$t"])
    if "$problem" in value:
        p = value["$problem"]
        values = p["values"]
        if not isinstance(values, dict) or not all(isinstance(v, str) for v in values.values()):
            raise TypeError("values")
        return Problem(
            path=_str(p["path"]),
            line=_int(p["line"]),
            col=_int(p["col"]),
            message=_str(p["message"]),
            code=_str(p["code"]),
            severity=Severity(p["severity"]),
            subject=_str(p["subject"]),
            english=_str(p["english"]),
            values=values,
        )
    if "$r" in value:
        cls = records[value["$r"]]
        kinds = _kinds_of(cls)
        given = value["f"]
        if not isinstance(given, dict) or given.keys() != kinds.keys():
            raise ValueError("not the record's fields")
        out = {k: decode(v, records) for k, v in given.items()}
        for k, v in out.items():
            allowed = kinds[k]
            if allowed is not None and (not isinstance(v, allowed) or (type(v) is bool and bool not in allowed)):
                raise TypeError(f"{k} is not of its kind")
        return cls(**out)
    raise ValueError("not an encoded value")


def _str(v: object) -> str:
    if not isinstance(v, str):
        raise TypeError("text")
    return v


def _int(v: object) -> int:
    if not isinstance(v, int) or isinstance(v, bool):
        raise TypeError("number")
    return v


_KINDS: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "int": (int,),
    "bool": (bool,),
    "Decimal": (Decimal,),
    "None": (type(None),),
    "Path": (Path,),
    "tuple": (tuple,),
    "list": (list,),
}


@functools.lru_cache(maxsize=32)
def _kinds_of(cls: type) -> dict[str, tuple[type, ...] | None]:
    """The plain kinds each field of a record may hold, by its annotation (``Decimal | None``,
    ``tuple[str, ...]``); None for a field of other kinds, not checked here. A memo of a pure
    function: a record's fields never change."""
    import dataclasses

    out: dict[str, tuple[type, ...] | None] = {}
    for f in dataclasses.fields(cls):
        if not f.init:
            continue
        kinds: list[type] | None = []
        for part in str(f.type).split(" | "):
            found = _KINDS.get(part.split("[", 1)[0].strip())
            if found is None:
                kinds = None
                break
            kinds += found  # type: ignore[operator]
        out[f.name] = tuple(kinds) if kinds is not None else None
    return out


# ----------------------------------------------------------------------------- one county's output

REPLAYED = ("table", "json", "csv")
"""The formats of one county's ``score`` kept whole: text a pipe or a terminal takes as it is."""


def one_county(
    root: Path | None,
    *,
    files: tuple[str, ...],
    rubric: Path | None,
    search: tuple[Path, ...],
    lang: str,
    format: str,
    width: int,
    ids: bool,
    terminal: bool,
    plain: bool,
) -> tuple[Cache, str] | None:
    """Where the output of ``score FILE`` is kept, and its key; None when it is not kept: the cache
    off, a run that says more than its output (``plain`` false: a ledger, ``--fail-under``, ``-v``,
    ``--gaps``, ``--out``), a format not in :data:`REPLAYED`, or a name that is no plain file.

    The key holds what the output depends on besides the file: the rubric given (and whether it is
    a file or a bundled rubric's id), the search path and the rubrics there, the bundled rubrics,
    the language, the format, the terminal's width, ``--ids`` and whether standard output is a
    terminal."""
    if root is None or not plain or len(files) != 1 or format not in REPLAYED:
        return None
    name = files[0]
    if name == "-" or any(ch in name for ch in "*?["):
        return None
    path = Path(name)
    try:
        if not path.is_file() or path.stat().st_size > 4 * 1024 * 1024:
            return None
        raw = path.read_bytes()
        given = None if rubric is None else [os.fspath(rubric), rubric.exists()]
    except OSError:
        return None
    base = {
        "kind": "score-output",
        "rubric": given,
        **rubrics_found(search),
        "lang": lang,
        "format": format,
        "width": width,
        "ids": ids,
        "terminal": terminal,
    }
    kept = Cache(root=root, base=base)
    return kept, kept.key(data=sha256(raw), path=name)


def replay(found: tuple[Cache, str]) -> tuple[bytes, str] | None:
    """The output bytes and the standard error text kept under ``found``, or None."""
    import base64
    import binascii

    kept, key = found
    entry = kept.get(key)
    if not isinstance(entry, dict) or not isinstance(entry.get("out"), str) or not isinstance(entry.get("err"), str):
        return None
    try:
        return base64.b64decode(entry["out"], validate=True), entry["err"]
    except (binascii.Error, ValueError):
        return None


def keep(found: tuple[Cache, str], out: bytes, err: str, files: Iterable[Path]) -> None:
    """Keep one county's output (its bytes, and what was said on standard error with it)."""
    import base64

    kept, key = found
    kept.put(key, {"out": base64.b64encode(out).decode("ascii"), "err": err}, files)
    kept.settle()
