"""Where output goes: standard output, or a file written atomically.

A file is written to a temporary name in its own folder and put in place only when it is
whole, so a failure leaves the folder as it was. An existing file is kept unless
``force``, and an input of the same run is never overwritten, even with ``force``.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from selfeval import resources
from selfeval.errors import OutputError, os_reason
from selfeval.i18n import msg


def check_target(path: Path, *, force: bool = False, inputs: Iterable[Path] = ()) -> Path:
    """Refuse an output path that cannot or may not be written; return its folder.

    Commands call this before doing any work, so a bad ``--out`` fails fast. Even with
    ``force`` only a regular file is replaced, never a device, a pipe or an input of the run.
    """
    parent = path.parent if str(path.parent) else Path(".")
    try:
        if resources.shipped(path):  # with or without --force: every later run would read it
            raise OutputError(msg("out-is-shipped", path=path))
        if path.is_dir():
            raise OutputError(msg("out-is-directory", path=path))
        if not parent.is_dir():
            raise OutputError(msg("out-no-folder", path=path, folder=parent))
        if path.exists() or path.is_symlink():
            if any(_same(path, p) for p in inputs):
                raise OutputError(msg("out-is-input", path=path))
            if not force:
                raise OutputError(msg("out-exists", path=path))
            if not stat.S_ISREG(path.lstat().st_mode) and not path.is_file():
                raise OutputError(msg("out-not-regular", path=path))
    except OSError as e:  # a name too long, a loop of links
        raise OutputError(msg("out-cannot-write", path=path, reason=os_reason(e))) from e
    return parent


def _same(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


@contextlib.contextmanager
def opened(
    path: Path | None, stdout: IO[bytes], *, force: bool = False, inputs: Iterable[Path] = ()
) -> Iterator[IO[bytes]]:
    """A binary stream for the output: ``stdout``, or a file put in place when the block succeeds."""
    if path is None:
        yield stdout
        stdout.flush()
        return
    parent = check_target(path, force=force, inputs=inputs)
    tmp: str | None = None
    try:
        with _signals_held():  # a signal now would leave a temporary file whose name is not yet known
            try:
                # A short name of its own: the target's name may already be as long as names can be.
                fd, tmp = tempfile.mkstemp(prefix=".selfeval-", suffix=".tmp", dir=parent)
            except OSError as e:
                why = os_reason(e)
                raise OutputError(msg("out-cannot-write-in", path=path, folder=parent, reason=why)) from e
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        if force:
            os.replace(tmp, path)
        else:
            # link() refuses to replace a file that appeared meanwhile; rename() would not.
            os.link(tmp, path)
    except FileExistsError as e:
        raise OutputError(msg("out-exists", path=path)) from e
    except OSError as e:
        raise OutputError(msg("out-cannot-write", path=path, reason=os_reason(e))) from e
    finally:
        if tmp is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)


_HELD = frozenset(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name))


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold termination signals for the block (where the platform can): they arrive just after it."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)
