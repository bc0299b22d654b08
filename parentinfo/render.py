"""Render the shared guide source (Markdown with jinja2 blocks) into Markdown per edition.

One edition is one council × language × variant. Rendering is pure: it returns text and
writes nothing, so the site stage can compare it with what is already on disk.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from .council import Council, Phone
from .errors import BuildError


@dataclass(frozen=True)
class Edition:
    """One council's guide in one language and one variant."""

    council: Council
    language: str
    variant: str

    @property
    def folder(self) -> str:
        """Where the edition lives under `site/`."""
        return f"{self.council.slug}/{self.language}/{self.variant}"


# ---- helpers the templates call: facts are formatted here, never typed in the source ----------


def tel(phone: Phone) -> str:
    """A tap-to-call link showing the number as people write it."""
    return f"[{phone.national}](tel:{phone.e164})"


def mailto(email: str) -> str:
    return f"[{email}](mailto:{email})"


def web(url: str) -> str:
    """A link whose text is the address without the scheme, so it can be read aloud or copied."""
    shown = url.split("://", 1)[-1].rstrip("/")
    return f"[{shown}]({url})"


class _Loader(jinja2.FileSystemLoader):
    """Keeps the line break after `{% endtrans %}`: trim_blocks would join a message to the next line."""

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Any]:
        source, filename, uptodate = super().get_source(environment, template)
        return source.replace("endtrans %}", "endtrans +%}"), filename, uptodate


def environment(docs: Path, translations: gettext.NullTranslations | None = None) -> jinja2.Environment:
    """The jinja2 environment for the guide source, with gettext installed for one language."""
    env = jinja2.Environment(
        loader=_Loader(docs),
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    # One message per paragraph: line breaks inside {% trans %} are not part of the message.
    env.policies["ext.i18n.trimmed"] = True
    env.install_gettext_translations(translations or gettext.NullTranslations(), newstyle=True)  # type: ignore[attr-defined]
    env.globals.update(tel=tel, mailto=mailto, web=web)
    return env


def _data_text(translations: gettext.NullTranslations | None) -> Callable[[str], str]:
    """Filter for prose from the council files: looked up in the council catalogue."""
    lookup = (translations or gettext.NullTranslations()).gettext
    return lambda text: lookup(text) if text else text


def render_page(env: jinja2.Environment, template: str, context: dict[str, Any]) -> str:
    """One page of one edition, with template mistakes reported by file and line."""
    try:
        return env.get_template(template).render(context)
    except jinja2.TemplateSyntaxError as err:
        raise BuildError(f"docs/{err.name or template}:{err.lineno}: {err.message}") from None
    except jinja2.UndefinedError as err:
        raise BuildError(f"docs/{template}: {err.message} (not a field in the council schema)") from None


def render_edition(
    docs: Path,
    edition: Edition,
    pages: list[str],
    translations: gettext.NullTranslations | None = None,
    data_translations: gettext.NullTranslations | None = None,
    context: dict[str, Any] | None = None,
) -> dict[str, str]:
    """Every page of an edition: {page file name: Markdown}."""
    env = environment(docs, translations)
    env.filters["t"] = _data_text(data_translations)
    values = {
        "council": edition.council,
        "language": edition.language,
        "variant": edition.variant,
        "statement": context or {},
    }
    return {page: render_page(env, f"{edition.variant}/{page}", values) for page in pages}
