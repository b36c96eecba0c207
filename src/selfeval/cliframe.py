"""The command line's own frame in the run's language: help texts, headings and usage errors.

The commands' help is written as catalogue keys (:func:`said`) and put into words when help
is shown, in the language the run speaks by then (``--lang``, else ``SELFEVAL_LANG``): the
app itself speaks no language. typer writes the frame around it (``Usage:``, ``Options:``,
``[required]``, ``Show this message and exit.``) and its usage errors (``Missing argument
'files'``) in English. In a Chinese run they are said in Chinese here: the help before it is
wrapped, a usage error as 用法 / 运行…查看帮助 / 错误, still exit 2. In an English run typer's
words stand. It goes through click's public hooks (a context's formatter class, a command's
short help); the click classes themselves come from :mod:`selfeval.clickshim`.

The frame also holds the run's standard streams (:func:`guard_streams`): what an encoding
cannot take goes out as backslash escapes, and a stream that fails (a full disk) ends the
run with a message and exit 2 instead of a traceback.
"""

from __future__ import annotations

import codecs
import functools
import io
import os
import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TextIO

from typer import Abort, Context
from typer.core import TyperCommand, TyperGroup

from selfeval import clickshim as ce
from selfeval import i18n
from selfeval.i18n import Lang, Msg, msg, suggest_msg, t

_SAID: dict[str, Msg] = {}
"""The help texts of the commands by the token that stands for each (filled as the app is defined)."""
LANG = "selfeval.lang"
"""Where a context remembers the language ``--lang`` chose (a click context's ``meta``)."""


def said(key: str, /, **args: object) -> str:
    """A help text to put into words when help is shown: a token of the catalogue key and values."""
    token = key if not args else f"{key}({', '.join(f'{k}={v}' for k, v in sorted(args.items()))})"
    _SAID[token] = Msg(key, args)
    return token


def words(text: str) -> str:
    """A help text in the run's language: a token of :func:`said` put into words, other text as it is."""
    said_as = _SAID.get(text)
    return text if said_as is None else said_as.text()


def speak(ctx: Context, lang: Lang | None) -> Lang | None:
    """``--lang``: speak ``lang`` for the rest of the command line's run (until its context closes)."""
    if lang is not None:
        ctx.meta[LANG] = lang
        ctx.with_resource(i18n.speaking(lang))
    return lang


_HEADINGS = {"Arguments": "cli-arguments", "Options": "cli-options", "Commands": "cli-commands"}
_HELPS = {
    "Show this message and exit.": "cli-help-help",
    "Install completion for the current shell.": "cli-help-install-completion",
    "Show completion for the current shell, to copy it or customize the installation.": "cli-help-show-completion",
}
_EXTRAS = re.compile(r"(?P<help>.*?)\s*\[(?P<extras>[^\[\]]*)\]$", re.DOTALL)
"""typer appends a parameter's extras to its help: ``help  [default: 0; required]``."""


def _chinese() -> bool:
    return i18n.current() is Lang.ZH


def _extra(piece: str) -> str | None:
    if piece == "required":
        return t("cli-required")
    for english, key in (("default: ", "cli-default"), ("env var: ", "cli-env-var")):
        if piece.startswith(english):
            return t(key, value=piece.removeprefix(english))
    return None


def _help(text: str) -> str:
    """One parameter's help with typer's English parts said in Chinese."""
    text = words(text)
    if text in _HELPS:
        return t(_HELPS[text])
    m = _EXTRAS.fullmatch(text)
    if m is None:
        return text
    extras = [_extra(p) for p in m["extras"].split("; ")]
    if any(e is None for e in extras):
        return _english(text)  # extras typer says in its own notation (a range): they stand as written
    return f"{_help(m['help'])}  [{'；'.join(e for e in extras if e)}]"


def _usage_args(args: str) -> str:
    return args.replace("[OPTIONS]", t("cli-options-metavar")).replace("COMMAND [ARGS]...", t("cli-command-metavar"))


class _Formatter(ce.HelpFormatter):
    """Click's help formatter, saying its frame in the run's language before it wraps."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if _chinese():
            super().write_usage(prog, _usage_args(args), t("cli-usage") if prefix is None else prefix)
        else:
            super().write_usage(prog, args, prefix)

    def write_heading(self, heading: str) -> None:
        if _chinese() and heading in _HEADINGS:
            self.write(f"{'':>{self.current_indent}}{t(_HEADINGS[heading])}\n")
        else:
            super().write_heading(heading)

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        if not _chinese():
            super().write_dl([(term, _english(text)) for term, text in rows], col_max, col_spacing)
            return
        # Click's layout, measured in terminal cells: a Chinese character takes two.
        from rich.cells import cell_len

        rows = [(term, _help(text)) for term, text in rows]
        first_col = min(max((cell_len(term) for term, _ in rows), default=0), col_max) + col_spacing
        indent = self.current_indent
        for term, text in rows:
            self.write(f"{'':>{indent}}{term}")
            if not text:
                self.write("\n")
                continue
            if cell_len(term) <= first_col - col_spacing:
                self.write(" " * (first_col - cell_len(term)))
            else:
                self.write("\n" + " " * (first_col + indent))
            lines = wrap_cells(text, max(self.width - first_col - indent, 10))
            self.write(("\n" + " " * (first_col + indent)).join(lines) + "\n")

    def write_text(self, text: str) -> None:
        text = words(text)
        if not _chinese():
            super().write_text(text)
            return
        indent = " " * self.current_indent
        width = max(self.width - self.current_indent, 10)
        for paragraph in text.splitlines():
            lines = wrap_cells(paragraph.strip(), width) if paragraph.strip() else [""]
            self.write("".join(f"{indent}{line}".rstrip() + "\n" for line in lines))


_TOKENS = re.compile(r"[!-~]+ *| +|.", re.DOTALL)
"""Units a line may break between: a run of ASCII (a word, an option) with its spaces, or one character."""
_NO_LINE_START = frozenset("，。、；：？！）》」』】〕〗〉］｝”’%％…‥·・,.;:?!)]}")
"""What never starts a line (避头): closing brackets and quotes, and the marks that close a clause."""
_NO_LINE_END = frozenset("（《「『【〔〖〈［｛“‘([{")
"""What never ends a line (避尾): opening brackets and quotes."""
_QUOTES = frozenset("\"'")
"""ASCII quotes, which open or close by where they stand."""


def wrap_cells(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` terminal cells, breaking between Chinese characters
    and between words, by the Chinese rule for line breaks (避头尾): no line starts with closing
    punctuation and none ends with an opening bracket. Where no break obeys it (one long word, then
    a closing mark), the mark hangs past ``width`` at the end of its line rather than start the next."""
    from rich.cells import cell_len

    lines: list[str] = []
    line: list[str] = []
    for token in _TOKENS.findall(text):
        # blanks never break a line themselves (they end one, dropped): the next word decides where
        if not line or not token.strip() or cell_len("".join(line) + token.rstrip()) <= width:
            line.append(token)
            continue
        cut = _break(line, token)
        if cut is None:  # nothing may go down with it: hanging punctuation
            line.append(token)
            continue
        lines.append("".join(line[:cut]).rstrip())
        line = [*line[cut:], token]
        line[0] = line[0].lstrip()
    return [*lines, "".join(line).rstrip()]


def _break(line: list[str], token: str) -> int | None:
    """Where ``line`` breaks before ``token``, which does not fit on it: the tokens from there on go
    down with it. The latest place that leaves neither line start with a closing mark nor the first
    end with an opening one; None when only a closing mark would start the next line."""
    for cut in range(len(line), 0, -1):
        before = "".join(line[:cut])
        if before.strip() and not _closing(before, "".join([*line[cut:], token])) and not _opening(before):
            return cut
    return None if _closing("".join(line), token) else len(line)


def _closing(before: str, after: str) -> bool:
    """Whether ``after`` (its blanks aside) starts with closing punctuation: a closing mark, or an
    ASCII quote right after a word, with no blank between (``"自评得{score}分"``'s last)."""
    head = after.lstrip()[:1]
    return head in _NO_LINE_START or (after[:1] in _QUOTES and before[-1:].strip() != "")


def _opening(before: str) -> bool:
    """Whether ``before`` ends with an opening bracket, or with an ASCII quote after a blank (or
    alone), which opens what follows it."""
    kept = before.rstrip()
    return kept[-1:] in _NO_LINE_END or (kept[-1:] in _QUOTES and kept[-2:-1].strip() == "")


def _english(text: str) -> str:
    """A parameter's help in an English run: its text in words, typer's extras as typer wrote them."""
    m = _EXTRAS.fullmatch(text)
    if m is None:
        return words(text)
    return f"{words(m['help'])}  [{m['extras']}]"


class _Context(ce.Context):
    formatter_class = _Formatter


class Command(TyperCommand):
    """A selfeval command: its help framed in the run's language."""

    context_class = _Context

    def get_short_help_str(self, limit: int = 45) -> str:
        """The line a command has in its group's list: its help in words, cut as click cuts it."""
        text = words(self.short_help or self.help or "")
        return ce.short_help(text, limit) if text else ""


class Group(TyperGroup):
    """The ``selfeval`` group: its help framed, and usage errors said, in the run's language."""

    context_class = _Context

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        # The run speaks the environment's language, or --lang's when it is anywhere on the line:
        # -h is answered as soon as it is read, which can be before --lang is (`-h --lang en`).
        lang = _lang_given(sys.argv[1:] if args is None else list(args)) or i18n.from_env(os.environ)
        with i18n.speaking(lang):
            if not standalone_mode:
                return super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
            code: int | str | None
            try:
                code = self._standalone(args, prog_name, complete_var, windows_expand_args, **extra)
            except SystemExit as e:  # a signal's, or click's for a closed pipe: the streams settle all the same
                code = e.code
            except OSError as e:
                if not stream_failed(e):
                    raise
                code = 2  # said by settle(), which knows which stream failed
            sys.exit(settle(code))

    def _standalone(
        self, args: Sequence[str] | None, prog_name: str | None, complete_var: str | None, expand: bool, **extra: Any
    ) -> int:
        """Run the command line as click's standalone mode does, returning its exit code."""
        try:
            code = super().main(args, prog_name, complete_var, False, expand, **extra)
        except ce.UsageError as e:
            with _language_of(e.ctx):
                show_usage_error(e)
            return e.exit_code
        except ce.ClickException as e:
            e.show()
            return e.exit_code
        except Abort:
            print(t("cli-aborted"), file=sys.stderr)
            return 1
        return code if isinstance(code, int) else 0


def _lang_given(args: list[str]) -> Lang | None:
    """The value of ``--lang`` among a command line's words, if it is given before ``--``."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = arg.removeprefix("--lang=") if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        if value is not None:
            return Lang.EN if value.lower().startswith("en") else Lang.ZH
    return None


@contextmanager
def _language_of(ctx: Any) -> Iterator[None]:
    """The language ``--lang`` chose for a context that has closed, for what is said after it."""
    lang = ctx.meta.get(LANG) if ctx is not None else None
    if lang is None:
        yield
        return
    with i18n.speaking(lang):
        yield


def show_usage_error(e: ce.UsageError) -> None:
    """A usage error on stderr: the usage line, where help is, and what was wrong."""
    if not _chinese() or isinstance(e, ce.NoArgsIsHelpError):
        e.show()
        return
    out = sys.stderr
    if e.ctx is not None:
        print(e.ctx.get_usage(), file=out)
        if e.ctx.command.get_help_option(e.ctx) is not None:
            print(t("cli-try-help", command=f"{e.ctx.command_path} {e.ctx.help_option_names[0]}"), file=out)
        print(file=out)
    print(t("cli-error", message=usage_message(e)), file=out)


def _param_name(param: Any) -> str:
    if param is None:
        return ""
    if getattr(param, "param_type_name", "") == "option":
        return "/".join(param.opts)
    # typer before 0.29 names an argument by human_readable_name; later typers by its name
    return str(getattr(param, "human_readable_name", None) or param.name)


_CHOICE = re.compile(r"(?:Value error, )?(?P<value>.*?) is not one of (?P<choices>.*?)\.?$", re.DOTALL)
"""click's word for a value outside a choice; typer 0.29 and later say it through pydantic (Value error, …)."""
_NOT_VALID = re.compile(r"(?P<value>.*) is not a valid (?P<type>int|integer|float|boolean|UUID)\b")
_TYPES = {"int": "integer", "integer": "integer", "float": "float", "boolean": "boolean", "UUID": "uuid"}
_NO_COMMAND = re.compile(r"No such command '(?P<name>.*?)'")
_EXTRA_ARGS = re.compile(r"Got unexpected extra argument(?:s|\(s\))? \((?P<args>.*)\)")
_OPTION_USAGE = re.compile(r"Option '(?P<name>.*?)' (?P<what>requires|does not take a value)")


def _choices(text: str) -> list[str]:
    """``'table', 'json' or 'csv'`` as the choices it lists."""
    return [_unquote(c.strip()) for c in re.split(r",|\bor\b", text) if c.strip()]


def _unquote(text: str) -> str:
    return text[1:-1] if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"" else text


def usage_message(e: ce.UsageError) -> str:
    """What was wrong on the command line, in Chinese; click's words where it says something new."""
    if isinstance(e, ce.MissingParameter):
        param = e.param
        kind = "cli-missing-option" if getattr(param, "param_type_name", "") == "option" else "cli-missing-argument"
        help = words(getattr(param, "help", None) or "")
        return t(kind, name=_param_name(param)) + (t("cli-colon", text=help) if help else "")
    if isinstance(e, ce.NoSuchOption):
        near = "、".join(sorted(e.possibilities or []))
        hint = t("cli-near-options", names=near) if near else ""
        return t("cli-no-such-option", name=e.option_name) + hint
    if isinstance(e, ce.BadParameter):
        name = e.param_hint if isinstance(e.param_hint, str) else _param_name(e.param)
        if m := _CHOICE.match(e.message):
            choices = getattr(getattr(e.param, "type", None), "choices", None)
            listed = [str(getattr(c, "value", c)) for c in choices] if choices else _choices(m["choices"])
            return t("cli-bad-choice", name=name, value=_unquote(m["value"]), choices="、".join(listed))
        if m := _NOT_VALID.match(e.message):
            return t("cli-bad-value", name=name, value=_unquote(m["value"]), type=t(f"cli-type-{_TYPES[m['type']]}"))
        return t("cli-bad-parameter", name=name, message=e.message)
    if m := _OPTION_USAGE.match(e.message):
        key = "cli-option-needs-value" if m["what"] == "requires" else "cli-option-takes-no-value"
        return t(key, name=m["name"])
    if m := _NO_COMMAND.match(e.message):
        group = e.ctx.command if e.ctx is not None else None
        names = group.list_commands(e.ctx) if isinstance(group, TyperGroup) and e.ctx is not None else []
        return t("cli-no-such-command", name=m["name"], hint=suggest_msg(m["name"], names))
    if m := _EXTRA_ARGS.match(e.message):
        return t("cli-extra-arguments", args=m["args"])
    if e.message.startswith("Missing command"):
        return t("cli-missing-command")
    return e.format_message()


# ----------------------------------------------------------------------------- standard streams


class _Guarded(io.RawIOBase):
    """The bytes of a standard stream on their way out, remembering the error a write met, so
    that the run can tell a failed stream from any other error and say which one failed."""

    def __init__(self, raw: Any) -> None:
        super().__init__()
        self._raw = raw
        self.name = getattr(raw, "name", None)
        self.failure: OSError | None = None
        self.discarding = False

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return int(self._raw.fileno())

    def isatty(self) -> bool:
        return bool(self._raw.isatty())

    def write(self, b: Any) -> int | None:
        if self.discarding:
            return memoryview(b).nbytes
        try:
            return self._raw.write(b)  # type: ignore[no-any-return]
        except BrokenPipeError:
            raise  # the reader went away: ended quietly where it is met
        except OSError as e:
            self.failure = e
            raise


_GUARDED: dict[str, _Guarded] = {}
_ESCAPE = "selfeval-escape"


_ESCAPED: set[str] = set()
"""The standard streams that had to write a character as an escape (their encoding lacks it)."""


def _escape(name: str, e: UnicodeError) -> tuple[str | bytes, int]:
    """A file name's undecodable bytes as they came (surrogateescape), any other character the
    encoding lacks as a backslash escape: one character at a time, as a run may mix the two."""
    if not isinstance(e, UnicodeEncodeError):
        raise e
    one = UnicodeEncodeError(e.encoding, e.object, e.start, e.start + 1, e.reason)
    # a byte goes out as it is only where the encoding writes bytes singly (not UTF-16)
    if 0xDC80 <= ord(e.object[e.start]) <= 0xDCFF and "\n".encode(e.encoding) == b"\n":
        return codecs.lookup_error("surrogateescape")(one)
    _ESCAPED.add(name)
    return codecs.backslashreplace_errors(one)


def guard_streams() -> None:
    """Make standard output and standard error take any text, and remember a write that fails
    (see :func:`settle`). Called once, before anything is written."""
    for name in ("stdout", "stderr"):
        codecs.register_error(f"{_ESCAPE}-{name}", functools.partial(_escape, name))
    sys.stdout = _guard(sys.stdout, "stdout")
    sys.stderr = _guard(sys.stderr, "stderr")


def _guard(stream: TextIO | None, name: str) -> TextIO | None:
    if not isinstance(stream, io.TextIOWrapper):
        return stream  # no stream at all (a windowed program), or one a caller put in place
    # Help and messages are Chinese: a stream whose encoding lacks it (latin-1, ascii) gets
    # backslash escapes rather than an exception. A choice PYTHONIOENCODING made stands.
    ours = f"{_ESCAPE}-{name}"
    errors = {"strict": ours, "surrogateescape": ours}.get(stream.errors or "strict", stream.errors)
    buffer = stream.buffer
    raw = buffer.raw if isinstance(buffer, io.BufferedWriter) else buffer  # unbuffered (-u): the raw file
    try:
        usable = isinstance(raw, io.RawIOBase) and not isinstance(raw, _Guarded) and raw.fileno() >= 0
    except (OSError, ValueError):
        usable = False
    if not usable:
        stream.reconfigure(errors=errors)
        return stream
    stream.flush()
    guarded = _GUARDED[name] = _Guarded(raw)
    return io.TextIOWrapper(
        io.BufferedWriter(guarded) if raw is not buffer else guarded,
        encoding=stream.encoding,
        errors=errors,
        newline=None,  # "\n" as os.linesep: what Python's own standard streams do
        line_buffering=stream.line_buffering,
        write_through=stream.write_through,
    )


def stream_failed(e: BaseException) -> bool:
    """Whether ``e`` is the error a write to standard output or standard error met."""
    return any(g.failure is e for g in _GUARDED.values())


def settle(code: int | str | None) -> int | str | None:
    """The run's exit code once what the streams still hold is written: 2 when a stream failed
    (said on standard error while it takes words), 141 when the reader went away."""
    failed = {name: g.failure for name, g in _GUARDED.items() if g.failure is not None}
    for name in ("stdout", "stderr"):
        try:
            stream = getattr(sys, name)
            if stream is not None:
                stream.flush()
        except BrokenPipeError:
            for guarded in _GUARDED.values():
                guarded.discarding = True  # nothing more is worth saying
            return 128 + 13
        except OSError as e:
            failed.setdefault(name, e)
    if not failed and "stdout" in _ESCAPED and sys.stderr is not None and code in (0, None):
        # the result went out, but as escapes no one reads: not a success to build on
        encoding = getattr(sys.stdout, "encoding", "") or ""
        said = msg("stdout-escaped", encoding=encoding)
        try:  # in words the reader can read: English where standard error cannot take Chinese either
            "中".encode(getattr(sys.stderr, "encoding", "") or "utf-8")
            text = said.text()
        except (UnicodeEncodeError, LookupError):
            text = said.text(Lang.EN)
        try:
            print(text, file=sys.stderr, flush=True)
        except OSError:
            pass
        return 2
    if not failed:
        return code
    if "stdout" in failed and "stderr" not in failed and sys.stderr is not None:
        try:
            print(t("stdout-cannot-write", reason=_reason(failed["stdout"])), file=sys.stderr, flush=True)
        except OSError as e:
            failed["stderr"] = e
    for name in failed:
        if name in _GUARDED:
            _GUARDED[name].discarding = True  # what it holds would fail again as the interpreter exits
    return 2


def _reason(e: OSError) -> str:
    import errno

    from selfeval.errors import os_reason

    return t("errno-ENOSPC") if e.errno == errno.ENOSPC else os_reason(e)
