"""Render the shared guide source (Markdown with jinja2 blocks) into Markdown per edition.

One edition is one council × language × variant. Rendering is pure: it returns text and
writes nothing, so the site stage can compare it with what is already on disk.
"""

from __future__ import annotations

import datetime
import gettext
import html
import re
from collections.abc import MutableMapping
from dataclasses import dataclass
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2
from babel.dates import format_date, format_time

from parentinfo.data.council import Council
from parentinfo.data.values import Phone
from parentinfo.editions import EDITIONS, VARIANTS
from parentinfo.errors import BuildError
from parentinfo.languages import SOURCE_LANGUAGE


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
#
# A fact is data, never markup: each value is escaped for HTML and for Markdown before it lands
# in a page. Numbers, addresses and names run left to right inside right-to-left sentences, so
# each is its own `dir="ltr"` island (HTML isolates elements with `dir`): without it the Unicode
# bidi algorithm lays out "0808 801 0366" in an Arabic line as "0366 801 0808".

# Characters HTML or Markdown would read as syntax inside a value (markup, emphasis, links,
# attr_list, a heading), as character references in one pass, so none is escaped twice.
_LITERAL = str.maketrans({c: f"&#{ord(c)};" for c in "&<>\\`*_[]{}#"})


def text(value: str) -> str:
    """A value as literal text inside the Markdown source: no HTML, no Markdown, no attr_list."""
    return str(value).translate(_LITERAL)


def _link(href: str, shown: str) -> str:
    # The tag is raw HTML, passed through whole by Markdown: the address needs HTML escaping only.
    return f'<a href="{html.escape(href, quote=True)}" dir="ltr">{text(shown)}</a>'


def tel(phone: Phone) -> str:
    """A tap-to-call link showing the number as people write it."""
    return _link(f"tel:{phone.e164}", phone.national)


def mailto(email: str) -> str:
    return _link(f"mailto:{email}", email)


def sms(code: str) -> str:
    """A text-message short code, linked so a phone opens a new message to it."""
    return _link(f"sms:{code}", code)


def web(url: str) -> str:
    """A link whose text is the address without the scheme, so it can be read aloud or copied."""
    return _link(url, url.split("://", 1)[-1].rstrip("/"))


def in_english(language: str) -> Any:
    """The `en` filter: a name, title or address kept in English (a council's own words).

    In another language's page it is marked `lang="en"` (screen readers switch voice), isolated
    left to right and `translate="no"` (a name, not English left untranslated); in English it is
    just the escaped text.
    """

    def mark(value: Any) -> str:
        if value is None or value == "":
            return ""
        if language == SOURCE_LANGUAGE:
            return text(value)
        return f'<span lang="en" dir="ltr" translate="no">{text(value)}</span>'

    return mark


# Compiled templates shared by every environment in this process, keyed by name and source.
# Each edition gets its own environment (its own language), but all of them are configured alike
# and compile the same sources the same way: compiling once instead of once per edition makes
# rendering 135 editions several times faster.
_COMPILED: dict[tuple[str, str], CodeType] = {}


class _Loader(jinja2.FileSystemLoader):
    """Keeps the line break after `{% endtrans %}`: trim_blocks would join a message to the next line."""

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Any]:
        source, filename, uptodate = super().get_source(environment, template)
        return source.replace("endtrans %}", "endtrans +%}"), filename, uptodate

    def load(
        self, environment: jinja2.Environment, name: str, globals: MutableMapping[str, Any] | None = None
    ) -> jinja2.Template:
        source, filename, uptodate = self.get_source(environment, name)
        code = _COMPILED.get((name, source))
        if code is None:
            code = _COMPILED[(name, source)] = environment.compile(source, name, filename)
        return environment.template_class.from_code(environment, code, environment.make_globals(globals), uptodate)


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
    env.globals.update(tel=tel, mailto=mailto, web=web, sms=sms)
    return env


class Marked(gettext.NullTranslations):
    """A language's translations; a message it lacks comes back in English, marked `lang="en"`.

    Only used when the build is told to allow fallback: the page then says so, and screen
    readers switch voice, so English is never passed off as the reader's language.
    """

    def __init__(self, inner: gettext.NullTranslations, language: str) -> None:
        super().__init__()
        self.inner = inner
        self.language = language
        self.fell_back = False
        self.missed: set[str] = set()
        """Every message shown in English so far: a council's untranslated sentences, counted."""
        # Messages of the catalogue and of every fallback catalogue chained to it.
        self._known: dict = {}
        chain: Any = inner
        while chain is not None:
            self._known = {**getattr(chain, "_catalog", {}), **self._known}
            chain = getattr(chain, "_fallback", None)

    def _mark(self, text: str) -> str:
        self.fell_back = True
        self.missed.add(text)
        return f'<span lang="en" dir="ltr">{text}</span>'

    def gettext(self, message: str) -> str:
        if self.language == SOURCE_LANGUAGE or message in self._known:
            return self.inner.gettext(message)
        return self._mark(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        if self.language == SOURCE_LANGUAGE or (singular, 0) in self._known:
            return self.inner.ngettext(singular, plural, n)
        return self._mark(singular if n == 1 else plural)

    def literal(self, message: str) -> str:
        """A council's own sentence, translated, as text: neither its English nor a translation
        may bring markup into the page."""
        if self.language == SOURCE_LANGUAGE or message in self._known:
            return text(self.inner.gettext(message))
        return self._mark(text(message))

    def pgettext(self, context: str, message: str) -> str:
        return self.gettext(message)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        return self.ngettext(singular, plural, n)


def for_language(env: jinja2.Environment, language: str) -> jinja2.Environment:
    """The filters that write values as readers of `language` do: English names marked, times, months."""
    env.filters["en"] = in_english(language)
    env.filters["clock"] = lambda t: clock(t, language)
    env.filters["month"] = lambda d: month(d, language)
    return env


def render_page(env: jinja2.Environment, template: str, context: dict[str, Any]) -> str:
    """One page of one edition, with template mistakes reported by file and line."""
    try:
        return env.get_template(template).render(context)
    except jinja2.TemplateSyntaxError as err:
        raise BuildError(f"docs/{err.name or template}:{err.lineno}: {err.message}") from None
    except jinja2.UndefinedError as err:
        raise BuildError(f"docs/{template}: {err.message} (not a field in the council schema)") from None


def long_date(value: Any, language: str) -> Any:
    """A date written out as readers of `language` write it ("23 listopada 2026"); other values as they are."""
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        value = datetime.date.fromisoformat(value)
    if isinstance(value, datetime.date):
        return format_date(value, format="long", locale="en_GB" if language == SOURCE_LANGUAGE else language)
    return value


def _locale(language: str) -> str:
    return "en_GB" if language == SOURCE_LANGUAGE else language


def clock(value: datetime.time, language: str) -> str:
    """A time of day as readers of `language` write it ("09:30", "9:30 ص"), never split over two
    lines (CLDR puts an ordinary space before AM/PM in some languages)."""
    return format_time(value, format="short", locale=_locale(language)).replace(" ", "\u00a0")


def month(value: datetime.date, language: str) -> str:
    """A month and year as readers of `language` write them ("November 2026", "listopad 2026")."""
    return format_date(value, format="LLLL y", locale=_locale(language))


@dataclass(frozen=True)
class Review:
    """Whether a language's translation has been checked, from its catalogue header."""

    checked_by: str | None = None
    checked_on: str | None = None


def ui(env: jinja2.Environment) -> Any:
    """The macros in docs/_ui.jinja, in the environment's language."""
    return env.get_template("_ui.jinja").make_module()


def _with_notice(markdown: str, notice: str) -> str:
    """Put a notice just under the page's H1 (MkDocs takes the title from the H1)."""
    body = "\n".join("    " + line if line else "" for line in notice.strip().splitlines())
    block = f'!!! note ""\n{body}\n'
    head, sep, rest = markdown.partition("\n")
    return f"{head}\n\n{block}\n{rest.lstrip()}" if head.startswith("# ") else f"{block}\n{markdown}"


def render_edition(
    docs: Path,
    edition: Edition,
    pages: list[str],
    translations: Marked | None = None,
    data_translations: Marked | None = None,
    context: dict[str, Any] | None = None,
    review: Review | None = None,
) -> dict[str, str]:
    """Every page of an edition: {page file name: Markdown}."""
    guide = translations or Marked(gettext.NullTranslations(), SOURCE_LANGUAGE)
    data = data_translations or Marked(gettext.NullTranslations(), SOURCE_LANGUAGE)
    env = for_language(environment(docs, guide), edition.language)  # type: ignore[arg-type]
    env.filters["t"] = lambda words: data.literal(words) if words else words
    values = {
        "council": edition.council,
        "language": edition.language,
        "variant": edition.variant,
        "statement": {k: long_date(v, edition.language) for k, v in (context or {}).items()},
    }
    # The words the site engine puts around every page (site name, edition and language labels)
    # sit where a lang="en" span cannot; if any of them is English, every page says so.
    around = ui(env)
    said = [
        around.site_name(edition.council.name),
        around.editions_label(),
        around.languages_heading(),
        around.pdf_link(2, "1 KB"),  # the leaflet link's words; the numbers do not matter here
        *(around.variant_title(variant) for variant in VARIANTS),
    ]
    frame_english = any('lang="en"' in str(words) for words in said)
    out = {}
    for page in pages:
        guide.fell_back = data.fell_back = False
        text = render_page(env, f"{EDITIONS[edition.variant].source}/{page}", values)
        if edition.language != SOURCE_LANGUAGE:
            english = f"../../{SOURCE_LANGUAGE}/{edition.variant}/{page[: -len('.md')]}.html"
            macros = ui(env)
            checked_on = long_date(review.checked_on, edition.language) if review else None
            # The reviewer's name comes from a PO header: shown as a name, escaped, never as markup.
            checked_by = env.filters["en"](review.checked_by) if review and review.checked_by else None
            notice = str(macros.review_notice(checked_by, checked_on, english))
            if guide.fell_back or data.fell_back or frame_english:
                notice = f"{macros.fallback_notice()}\n\n{notice}"
            text = _with_notice(text, notice)
        out[page] = text
    return out
