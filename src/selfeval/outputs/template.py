"""Render a report template in Jinja2's sandbox: strict about names, errors at the template's line.

Every template, the bundled ones included, renders sandboxed with ``StrictUndefined``.
The values it receives are data (already escaped for the output format by the caller);
Jinja2 never renders a value as a template.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

from selfeval.errors import TemplateError, TemplateTimeout, TemplateValueTooLarge
from selfeval.i18n import msg

MAX_OUTPUT = 20_000_000
"""Most characters a template may produce (a county's report is some tens of thousands)."""
PER_ROW = 20_000
"""Characters allowed for each row a page lists (a county's row, cells and findings: about 8,000)."""
MAX_WIDTH = 10_000
"""Largest width, count or repetition a template may ask for (padding, ``*``, ``batch``)."""
MAX_SECONDS = 10
"""Longest a template may take to render."""
MAX_MEMORY = 256 * 2**20
"""Most memory a render may take beyond what the process holds when it starts (where the system
can cap it): a template that builds text by doubling it never gets near the output limit."""
_SIZED = {"ljust", "rjust", "center", "zfill", "expandtabs"}
"""String methods whose numeric argument is the size of what they build."""


def each_string(escape: Callable[[str], object], value: Any) -> Any:
    """``value`` as plain data with ``escape`` applied to every string in it: a view model made safe
    for a format. A record (a view model's dataclass) becomes a mapping of its fields, the names a
    template uses."""
    if isinstance(value, str):
        return escape(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: each_string(escape, getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {k: each_string(escape, v) for k, v in value.items()}
    if isinstance(value, list):
        return [each_string(escape, v) for v in value]
    return value


def _env(html: bool) -> Any:
    """A sandboxed environment that also bounds what a template can build."""
    import jinja2
    from jinja2 import nodes
    from jinja2.compiler import CodeGenerator
    from jinja2.exceptions import SecurityError
    from jinja2.runtime import markup_join, str_join
    from jinja2.sandbox import SandboxedEnvironment

    def small(*values: Any) -> None:
        for v in values:
            if isinstance(v, int) and not isinstance(v, bool) and abs(v) > MAX_WIDTH:
                raise SecurityError(f"{v} is larger than the {MAX_WIDTH} a template may ask for")

    def widths(fmt: str) -> None:
        import string

        for _, _, spec, _ in string.Formatter().parse(fmt):
            if spec and "{" in spec:
                raise SecurityError("nested format fields are not allowed")
            small(*(int(n) for n in re.findall(r"\d+", spec or "")))

    def capped(value: Any) -> Any:
        if isinstance(value, (str, list, tuple, dict)) and len(value) > MAX_OUTPUT:
            raise TemplateValueTooLarge
        return value

    class Joined(CodeGenerator):
        def visit_Concat(self, node: nodes.Concat, frame: Any) -> None:
            # a ~ b ~ c: joined by the environment, which bounds the result (s ~ s doubles)
            self.write("environment.joined((")
            for arg in node.nodes:
                self.visit(arg, frame)
                self.write(", ")
            self.write("), context.eval_ctx.volatile or context.eval_ctx.autoescape)")

    class Bounded(SandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**", "%", "+"})
        code_generator_class = Joined

        def joined(self, parts: tuple[Any, ...], markup: bool) -> Any:
            return capped(markup_join(parts) if markup else str_join(parts))

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "+":
                return capped(super().call_binop(context, operator, left, right))
            if operator == "*" and (isinstance(left, (str, list, tuple)) or isinstance(right, (str, list, tuple))):
                small(right if isinstance(left, (str, list, tuple)) else left)
            if operator == "**":
                small(right)
                if isinstance(left, int) and abs(left) > 1 and abs(right) > 64:
                    raise SecurityError("power too large")
            if operator == "%" and isinstance(left, str):
                small(*(int(n) for n in re.findall(r"%[-#0 +]*(\d+)", left)))
            return super().call_binop(context, operator, left, right)

        def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
            if getattr(__obj, "__name__", "") in _SIZED and isinstance(getattr(__obj, "__self__", None), str):
                small(*args)
            return capped(super().call(__context, __obj, *args, **kwargs))

        def wrap_str_format(self, value: Any) -> Any:
            wrapped = super().wrap_str_format(value)
            if wrapped is None:
                return None
            widths(value.__self__)
            return wrapped

    env = Bounded(
        undefined=jinja2.StrictUndefined,
        autoescape=html,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.pop("lipsum", None)  # lipsum(n) builds text of any size
    filters = env.filters
    for name, sized in (("center", (1,)), ("indent", (1,)), ("batch", (1,)), ("slice", (1,)), ("truncate", ())):
        original = filters[name]

        def checked(*args: Any, _f: Any = original, _at: tuple[int, ...] = sized, **kwargs: Any) -> Any:
            small(*(args[i] for i in _at if i < len(args)), *kwargs.values())
            return _f(*args, **kwargs)

        filters[name] = checked
    original_format = filters["format"]

    def format_checked(value: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(value, str):
            small(*(int(n) for n in re.findall(r"%[-#0 +]*(\d+)", value)))
        return original_format(value, *args, **kwargs)

    filters["format"] = format_checked
    for name, f in list(filters.items()):  # join, replace, wordwrap…: what any filter builds is bounded

        def bounded(*args: Any, _f: Any = f, **kwargs: Any) -> Any:
            return capped(_f(*args, **kwargs))

        functools.update_wrapper(bounded, f)  # keeps pass_context and the like
        filters[name] = bounded
    return env


@contextlib.contextmanager
def _deadline(seconds: int) -> Iterator[None]:
    """Stop a render that runs too long (in the main thread, where a timer can interrupt it)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise TemplateTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def _memory_capped(extra: int) -> Iterator[None]:
    """Let a render take at most ``extra`` more bytes of address space (where the system can cap
    it); beyond that an allocation fails with MemoryError, which is reported at the template's line."""
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        with open("/proc/self/statm", encoding="ascii") as fh:
            held = int(fh.read().split()[0]) * resource.getpagesize()
    except (ImportError, OSError, ValueError):  # not Linux: the output and time bounds still hold
        yield
        return
    cap = held + extra
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    if soft != resource.RLIM_INFINITY and soft <= cap:  # already capped tighter
        yield
        return
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


@functools.lru_cache(maxsize=8)
def _compiled(source: str, name: str, html: bool) -> Any:
    """A template compiled in its sandbox. A memo of a pure function: the same text compiles to
    the same template, which rendering never changes."""
    tmpl = _env(html).from_string(source)
    tmpl.name = name
    return tmpl


def render(source: str, name: str, context: dict[str, Any], *, html: bool = False, rows: int = 0) -> str:
    """Render template text in the sandbox; errors name the template's line. With ``html``, every
    value is HTML-escaped as it is printed (Jinja2's autoescape). What a template builds is
    bounded: its output, the sizes it asks for, the time it takes, how deep it recurses. ``rows``
    (the counties of a province's page) raises the output and memory bounds by as much as that
    many rows need, so a page of every county is not refused as too large."""
    import jinja2

    try:
        tmpl = _compiled(source, name, html)
        parts: list[str] = []
        size, limit = 0, MAX_OUTPUT + PER_ROW * rows
        with _deadline(MAX_SECONDS + rows // 1000), _memory_capped(MAX_MEMORY + 8 * PER_ROW * rows):
            for chunk in tmpl.generate(context):
                size += len(chunk)
                if size > limit:
                    raise TemplateError(msg("template-too-large", where=f"{name}:1:1", limit=f"{limit:,}"))
                parts.append(chunk)
        return "".join(parts)
    except TemplateTimeout as e:
        raise TemplateError(msg("template-too-slow", where=f"{name}:{_line(e)}:1", limit=MAX_SECONDS)) from e
    except SyntaxError as e:  # Python's own: more nested blocks than it compiles (IndentationError too)
        raise TemplateError(msg("template-nested", where=f"{name}:{e.lineno or 1}:1")) from e
    except RecursionError as e:
        raise TemplateError(msg("template-recursion", where=f"{name}:{_line(e)}:1")) from e
    except TemplateValueTooLarge as e:
        where, most = f"{name}:{_line(e)}:1", f"{MAX_OUTPUT:,}"
        raise TemplateError(msg("template-value-too-large", where=where, limit=most)) from e
    except MemoryError as e:
        where = f"{name}:{_line(e)}:1"
        raise TemplateError(msg("template-too-much-memory", where=where, limit=MAX_MEMORY // 2**20)) from e
    except jinja2.TemplateSyntaxError as e:
        raise TemplateError(msg("template-syntax", where=f"{name}:{e.lineno}:1", detail=e.message)) from e
    except jinja2.UndefinedError as e:
        raise TemplateError(msg("template-undefined", where=f"{name}:{_line(e)}:1", detail=e.message)) from e
    except jinja2.exceptions.SecurityError as e:
        raise TemplateError(msg("template-sandbox", where=f"{name}:{_line(e)}:1", detail=str(e))) from e
    except jinja2.TemplateError as e:
        raise TemplateError(msg("template-error", where=f"{name}:{_line(e)}:1", detail=str(e))) from e
    except (TypeError, ValueError, ArithmeticError, LookupError) as e:
        detail = f"{type(e).__name__}: {e}"
        raise TemplateError(msg("template-error", where=f"{name}:{_line(e)}:1", detail=detail)) from e


def _line(exc: BaseException) -> int:
    """The template line where rendering failed, from Jinja2's rewritten traceback."""
    line = 0
    tb = exc.__traceback__ or sys.exc_info()[2]
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line or 1
