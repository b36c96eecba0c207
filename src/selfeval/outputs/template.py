"""Render a report template in Jinja2's sandbox: strict about names, errors at the template's line.

Every template, the bundled ones included, renders sandboxed with ``StrictUndefined``.
The values it receives are data (already escaped for the output format by the caller);
Jinja2 never renders a value as a template.
"""

from __future__ import annotations

import sys
from typing import Any

from selfeval.errors import TemplateError
from selfeval.i18n import msg


def render(source: str, name: str, context: dict[str, Any], *, html: bool = False) -> str:
    """Render template text in the sandbox; errors name the template's line. With ``html``, every
    value is HTML-escaped as it is printed (Jinja2's autoescape)."""
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(
        undefined=jinja2.StrictUndefined,
        autoescape=html,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    try:
        tmpl = env.from_string(source)
        tmpl.name = name
        return tmpl.render(context)
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
