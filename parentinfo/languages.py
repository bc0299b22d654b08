"""The languages parentinfo publishes, each named in its own script, with its script's facts
(font, line heights), which the web pages and the leaflets both read."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ScriptFont:
    family: str
    """CSS family name."""
    file: str
    """File stem in Debian's fonts-noto-core, without -Regular/-Bold."""
    ranges: tuple[tuple[int, int], ...]
    """Unicode ranges kept: the script, plus the punctuation it uses."""
    line_height: float = 1.6
    """On screen: Nastaliq's tall letters need more room between lines."""
    print_line_height: float = 1.45
    """On paper, at the leaflets' larger sizes and narrower measure."""


# Joiners and general punctuation the scripts use.
COMMON = ((0x2000, 0x206F), (0x25CC, 0x25CC))
# Kept in every subset if the font has them, whatever the text: the space (without it each space
# fell back to another font, breaking the run), digits, ASCII punctuation, no-break space, and the
# danda and double danda, Bengali's and Gurmukhi's full stops, which Unicode puts in the
# Devanagari block (outside either script's range, so the subsets had dropped them). The Noto
# fonts here have no Latin letters: English names still come from the phone's own font.
ALWAYS = ((0x0020, 0x0040), (0x005B, 0x0060), (0x007B, 0x007E), (0x00A0, 0x00A0), (0x0964, 0x0965), *COMMON)
ARABIC = ((0x0600, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF), *COMMON)

# Latin letters: the phone's own font on screen; Noto Sans in the leaflets.
LATIN = ScriptFont("Noto Sans", "NotoSans", ())
NASKH = ScriptFont("Noto Naskh Arabic", "NotoNaskhArabic", ARABIC, 1.8)
NASTALIQ = ScriptFont("Noto Nastaliq Urdu", "NotoNastaliqUrdu", ARABIC, 2.2, 2.1)
BENGALI = ScriptFont("Noto Sans Bengali", "NotoSansBengali", ((0x0980, 0x09FF), *COMMON))
GURMUKHI = ScriptFont("Noto Sans Gurmukhi", "NotoSansGurmukhi", ((0x0A00, 0x0A7F), *COMMON))


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
    script: ScriptFont = LATIN
    """The font it is set in (Noto, from Debian's fonts-noto-core) and the room its script needs."""


LANGUAGES: dict[str, Language] = {
    lang.code: lang
    for lang in (
        Language("en", "English", "English"),
        Language("pl", "Polski", "Polish"),
        Language("ro", "Română", "Romanian"),
        Language("pa", "ਪੰਜਾਬੀ", "Panjabi, Gurmukhi script", script=GURMUKHI),
        Language("ur", "اردو", "Urdu", rtl=True, script=NASTALIQ),
        Language("pt", "Português", "Portuguese"),
        Language("es", "Español", "Spanish"),
        Language("ar", "العربية", "Arabic", rtl=True, script=NASKH),
        Language("bn", "বাংলা", "Bengali", script=BENGALI),
    )
}

SOURCE_LANGUAGE = "en"
