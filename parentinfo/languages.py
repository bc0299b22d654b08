"""The languages parentinfo publishes, each named in its own script."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str
    """ISO 639-1 code, as used in `lang`, locale folders and URLs."""
    name: str
    """The language's name in its own script, for the language switcher."""
    english: str
    """The language's name in English, for the README and reports."""
    rtl: bool = False
    """Written right to left."""


LANGUAGES: dict[str, Language] = {
    lang.code: lang
    for lang in (
        Language("en", "English", "English"),
        Language("pl", "Polski", "Polish"),
        Language("ro", "Română", "Romanian"),
        Language("pa", "ਪੰਜਾਬੀ", "Panjabi, Gurmukhi script"),
        Language("ur", "اردو", "Urdu", rtl=True),
        Language("pt", "Português", "Portuguese"),
        Language("es", "Español", "Spanish"),
        Language("ar", "العربية", "Arabic", rtl=True),
        Language("bn", "বাংলা", "Bengali"),
    )
}

SOURCE_LANGUAGE = "en"
VARIANTS = ("standard", "easy-read", "large-text")
# Where each variant's text comes from in docs/: large text is the standard text, typeset larger.
SOURCES = {"standard": "standard", "easy-read": "easy-read", "large-text": "standard"}
