"""Write output files atomically: a temporary file in the same folder, then a rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from selfeval.errors import OutputError


def check_target(path: Path, *, force: bool = False) -> Path:
    """Refuse an output path that cannot or may not be written; return its folder.

    Commands call this before doing any work, so a bad ``--out`` fails fast.
    """
    parent = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise OutputError(f"{path}: is a directory; give a file name for the output")
    if not parent.is_dir():
        raise OutputError(f"{path}: folder {parent} does not exist")
    if path.exists() and not force:
        raise OutputError(f"{path}: already exists; use --force to overwrite it")
    return parent


def write_atomic(path: Path, content: str | bytes, *, force: bool = False) -> None:
    """Write ``content`` to ``path`` so that it is either whole or absent, never half-written.

    An existing file is kept unless ``force``; a missing or unwritable folder is a usage error.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    parent = check_target(path, force=force)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    except OSError as e:
        raise OutputError(f"{path}: cannot write in {parent} ({e.strerror})") from e
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        if force:
            os.replace(tmp, path)
        else:
            # link() refuses to replace a file that appeared meanwhile; rename() would not.
            os.link(tmp, path)
            os.unlink(tmp)
    except FileExistsError as e:
        raise OutputError(f"{path}: already exists; use --force to overwrite it") from e
    except OSError as e:
        raise OutputError(f"{path}: cannot write ({e.strerror})") from e
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
