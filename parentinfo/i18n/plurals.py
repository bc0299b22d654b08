"""Every plural message against the language's CLDR plural rule.

A catalogue picks a plural form by its own `Plural-Forms` header; CLDR (through Babel) says which
category a number is in. Each message is rendered through the compiled catalogue, as the build
renders it, for the numbers that tell the categories apart, and the counted word must be in the
form `locales/<lang>/terms.yml` gives for that category (`plural forms:`): "28 يومًا", not
"28 يوم"; "21 de zile", not "21 zile"; "5 dni roboczych", not "5 dni robocze".
"""

from __future__ import annotations

import gettext
import io
import re
import unicodedata
from pathlib import Path

import babel
from babel.messages.mofile import write_mo

from parentinfo.i18n import catalogues, terms
from parentinfo.i18n.textlint import END, START, arabic_normal

SAMPLES = (1, 2, 5, 11, 21, 28)
# Arabic has six categories: 0, 3 and 100 to 102 are the ones the common numbers miss.
MORE_SAMPLES = {"ar": (0, 3, 100, 101)}
# The counted word of each plural message, found in its English (longest first).
WORDS = ("working day", "day", "week", "month", "year", "minute", "page")
# Arabic short vowels and shadda, which translators write or leave out; the tanwin (U+064B to
# U+064D) stays, it is what marks "28 يومًا".
_SHORT_VOWELS = dict.fromkeys(range(0x064E, 0x0653))


class _Values(dict):
    """Any placeholder besides the count gets a stand-in value."""

    def __missing__(self, key: str) -> str:
        return "63 KB" if key == "size" else "X"


def normal(text: str) -> str:
    return arabic_normal(unicodedata.normalize("NFC", text).translate(_SHORT_VOWELS))


def word_of(english: str) -> str | None:
    return next((w for w in WORDS if re.search(rf"\b{w}s?\b", english)), None)


def shows(text: str, n: int, form: str) -> bool:
    """The counted word in this form: right after the number, or on its own when the
    translation leaves the number out ("يومين", "يوم واحد")."""
    text, form = normal(text), normal(form)
    if re.search(rf"(?<!\d){n}(?!\d)", text):
        return re.search(rf"(?<!\d){n}\s+{re.escape(form)}{END}", text) is not None
    return re.search(rf"{START}{re.escape(form)}{END}", text) is not None


def check(root: Path, lang: str) -> list[str]:
    """Every plural message of the language's catalogues whose text for some n is not in the
    form of n's CLDR category."""
    table, where = terms.plural_forms(catalogues.locales(root), lang)
    locale = babel.Locale.parse(lang)
    categories = {*locale.plural_form.tags, "other"}
    problems = [
        f"{where}: {word}: {', '.join(sorted(set(forms) - categories))} is not a CLDR category of {lang}"
        for word, forms in table.items()
        if set(forms) - categories
    ]
    for domain in catalogues.DOMAINS:
        path = catalogues.po_path(root, lang, domain)
        label = path.relative_to(root).as_posix()
        catalog = catalogues.read(path, lang)
        compiled = io.BytesIO()
        write_mo(compiled, catalog, use_fuzzy=False)
        # The catalogue's own Plural-Forms header chooses the form, as in the build.
        translation = gettext.GNUTranslations(io.BytesIO(compiled.getvalue()))
        for message in catalog:
            if not message.id or not message.pluralizable or not isinstance(message.string, tuple | list):
                continue
            if not all(message.string):
                continue
            singular, plural = message.id[0], message.id[1]
            at = f"{label}:{message.lineno}: msgid {singular!r}"
            word = word_of(singular)
            if word is None or word not in table:
                problems.append(f"{at}: counts a word {where} has no forms for; add it there")
                continue
            for n in (*SAMPLES, *MORE_SAMPLES.get(lang, ())):
                category = locale.plural_form(n)
                forms = table[word].get(category)
                if forms is None:
                    problems.append(f"{where}: {word}: no form for the CLDR category {category!r} (n = {n})")
                    continue
                text = translation.ngettext(singular, plural, n) % _Values(count=n)
                if not any(shows(text, n, form) for form in forms):
                    problems.append(
                        f"{at}: n = {n} (CLDR {category!r}) must say {' or '.join(map(repr, forms))}, found {text!r}"
                    )
    return problems
