"""A lint of the text a reader sees, per language: the faults that appear where words meet values.

Translations are checked one message at a time (catalogues.py); these faults only appear once a
message is filled in and set beside others: a word doubled across a placeholder, "de a unidade"
where Portuguese must contract, "cada de 4 a 6 semanas", "10 দিন-এর", "28 يوم". Each rule comes
from a finding of the back-translation reviews (locales/*/REVIEW.md, ../shared/reviews/).

The lint reads a page's HTML: what is marked as another language (`lang="en"` names and
titles, the language switcher), `translate="no"` names, code and web addresses are not the
page's language and are left out, each as a boundary no rule matches across.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser

# Stands for left-out text (a name, a URL): a boundary, never part of a word.
GAP = "\ufffc"
SKIP_TAGS = {"script", "style", "svg", "template", "code", "pre", "kbd", "samp", "head"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "th", "div", "br", "tr", "nav", "ul"}
ADDRESS = re.compile(r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b(?:tel|mailto|sms):\S+")


@dataclass(frozen=True)
class Finding:
    page: str
    rule: str
    phrase: str

    def __str__(self) -> str:
        return f"{self.page}: {self.rule}: {self.phrase!r}"


class _Text(HTMLParser):
    """The page's own-language text: other-language, untranslatable and code parts become GAP."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.language = ""
        self.parts: list[str] = []
        # (tag, skipped) for each open element; text is kept while no open element is skipped.
        self._open: list[tuple[str, bool]] = []

    def _skipping(self) -> bool:
        return any(skipped for _, skipped in self._open)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.language = (a.get("lang") or "").split("-")[0]
            return
        if tag in BLOCK_TAGS:
            self.parts.append("\n")
        if tag in VOID_TAGS:
            return
        lang = (a.get("lang") or "").split("-")[0]
        skipped = tag in SKIP_TAGS or a.get("translate") == "no" or bool(lang and lang != self.language)
        if skipped and not self._skipping():
            self.parts.append(GAP)
        self._open.append((tag, skipped))

    def handle_endtag(self, tag: str) -> None:
        # Close up to the matching element (HTML lets some end tags be left out).
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i][0] == tag:
                del self._open[i:]
                break
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping():
            self.parts.append(data)


def page_text(html: str) -> tuple[str, str]:
    """(language, text) of a page: its `<html lang>` and the text in that language, NFC."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    text = ADDRESS.sub(GAP, "".join(parser.parts))
    text = re.sub(r"[ \t\r\f\v\u00a0]+", " ", unicodedata.normalize("NFC", text))
    return parser.language, re.sub(r" *\n[\n ]*", "\n", text)


# ---- words ---------------------------------------------------------------------------------------
#
# A word is a run of letters, combining marks and digits: Bengali and Gurmukhi vowel signs and
# virama (U+0981–U+09FE, U+0A01–U+0A75) and Arabic harakat are marks, inside the word they
# belong to. (A `\w` regex stops at them and finds "doubled words" inside one Bengali word.)


def _is_word_char(c: str) -> bool:
    return unicodedata.category(c)[0] in "LMN" or c in "\u200c\u200d"


# The same as a regex character class, for rules written as patterns.
_WORD = r"[^\W_]|[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0981-\u09fe\u0a01-\u0a75\u200c\u200d]"
START = rf"(?<!{_WORD})"
END = rf"(?!{_WORD})"


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int


def words(text: str) -> list[Word]:
    out, start = [], None
    for i, c in enumerate(text + " "):
        if _is_word_char(c):
            start = i if start is None else start
        elif start is not None:
            out.append(Word(text[start:i], start, i))
            start = None
    return out


def _context(text: str, start: int, end: int) -> str:
    """The offending phrase with a few words either side, on one line."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    line_start, line_end = left, len(text) if right < 0 else right
    before = text[line_start:start].split(" ")[-4:]
    after = text[end:line_end].split(" ")[:4]
    # Left-out text (a name, an address) shows as an ellipsis.
    return (" ".join(before) + text[start:end] + " ".join(after)).strip().replace(GAP, "…")


# ---- the rules -----------------------------------------------------------------------------------

Rule = Callable[[str], Iterator[tuple[int, int]]]

# Words a language doubles on purpose ("slowly", "now and then").
REDUPLICATED = {
    "bn": {"একটু", "কখনও", "কখনো", "ধীরে"},
    "pa": {"ਹੌਲੀ", "ਕਦੇ", "ਥੋੜ੍ਹਾ", "ਵੱਖ"},
    "ur": {"الگ", "تھوڑا", "آہستہ", "کبھی"},
}


def doubled_words(language: str) -> Rule:
    """The same word twice with only a space between: "a a pessoa", a value repeating its frame."""
    allowed = REDUPLICATED.get(language, set())

    def rule(text: str) -> Iterator[tuple[int, int]]:
        ws = words(text)
        for a, b in zip(ws, ws[1:], strict=False):
            same = a.text.casefold() == b.text.casefold()
            if same and text[a.end : b.start] == " " and not a.text.isdigit() and a.text not in allowed:
                yield a.start, b.end

    return rule


def pattern(regex: str) -> Rule:
    compiled = re.compile(regex, re.I)

    def rule(text: str) -> Iterator[tuple[int, int]]:
        for match in compiled.finditer(text):
            yield match.span()

    return rule


def nested_brackets(text: str) -> Iterator[tuple[int, int]]:
    """A bracket inside a bracket: a title with its own gloss dropped into "( … )"."""
    opened: list[int] = []
    for i, c in enumerate(text):
        if c == "\n":
            opened = []
        elif c == "(":
            if opened:
                yield opened[0], i + 1
            opened.append(i)
        elif c == ")" and opened:
            opened.pop()


def _words(*alternatives: str) -> str:
    return "(?:" + "|".join(alternatives) + ")"


def _seq(*parts: str) -> str:
    """Words in a row, each a whole word, separated by spaces."""
    return START + r"\s+".join(parts) + END


# Portuguese: de/em/por/a + o/a/os/as contract (do, na, pelo, à, …), except where the article
# or pronoun starts an infinitive's clause, which European Portuguese keeps apart: "antes de a
# conferência começar", "não tem de o ler".
PT_INFINITIVE_CLAUSE = r"(?!\s+(?:\w+\s+)?\w+(?:ar|er|ir)\b)"
PT_CONTRACT = _seq(_words("de", "em", "por", "a"), _words("o", "a", "os", "as")) + PT_INFINITIVE_CLAUSE
# Two articles in a row: a value that brings its own article into a sentence that has one
# ("o a pessoa que preside", "el la persona"). Portuguese "a" is also a preposition ("a uma
# pessoa", "um a um", "a entender") and "o" a pronoun after a hyphen ("ajuda-o a entender").
PT_ARTICLES = (
    r"(?<!-)(?:"
    + "|".join(
        (
            _seq(_words("o", "os", "as"), _words("o", "a", "os", "as", "um", "uma")),
            _seq(_words("um", "uma", "uns", "umas"), _words("o", "os", "as", "um", "uma")),
        )
    )
    + ")"
    + PT_INFINITIVE_CLAUSE
)
ES_ARTICLES = _seq(_words("el", "la", "los", "las", "un", "una"), _words("el", "la", "los", "las", "un", "una"))
# Spanish: de + el = del, a + el = al ("de él", with the accent, is a pronoun and stays).
ES_CONTRACT = _seq(_words("de", "a"), "el")
# A frequency word followed by a range's own preposition (reviews §2.2: "cada de 4 a 6 semanas").
ES_EVERY = _seq("cada", _words("de", "entre"))
RO_EVERY = _seq("la", _words("între", "de la"))
PL_EVERY = _seq("co", "od")
# Polish "co najmniej co 15 dni" reads as "at least 15 days apart" (review pl 3.2.2).
PL_AT_LEAST_EVERY = _seq("co", "najmniej", "co")

# Bengali, Panjabi and Urdu join a case ending to the word; written after a hyphen it is tacked
# onto a value ("10 দিন-এর মধ্যে", "(Independent Chairperson)-কে"): the value must carry no case.
# After a name in Latin letters ("Somerset-এ") the hyphen is how Bengali writes it.
CASE_ENDINGS = {
    "bn": ("এর", "ের", "র", "কে", "তে", "এ", "য়", "দের", "রা"),
    "pa": ("ਦਾ", "ਦੇ", "ਦੀ", "ਦੀਆਂ", "ਨੂੰ", "ਤੋਂ", "ਵਿੱਚ", "ਨਾਲ", "ਲਈ"),
    "ur": ("کا", "کے", "کی", "کو", "سے", "میں", "پر"),
}


# Panjabi and Urdu put a counted noun before a postposition in its oblique form: "1 ਮਹੀਨੇ ਦੇ
# ਅੰਦਰ", "1 مہینے کے اندر", "کام کے دن میں"; a length of time is written in the direct form ("1
# ਮਹੀਨਾ", "1 مہینہ"), so a template that puts a postposition after it breaks for 1 of a unit.
DIRECT_FORMS = {
    "pa": (("ਮਹੀਨਾ", "ਹਫ਼ਤਾ", "ਕੰਮ ਵਾਲਾ ਦਿਨ"), ("ਦੇ", "ਦਾ", "ਦੀ", "ਦੀਆਂ", "ਵਿੱਚ", "ਤੋਂ", "ਨੂੰ", "ਤੱਕ")),
    "ur": (("مہینہ", "ہفتہ", "کام کا دن"), ("کے", "کا", "کی", "میں", "سے", "کو", "پر", "تک")),
}


def direct_before_postposition(language: str) -> Rule:
    nouns, postpositions = (
        "|".join(unicodedata.normalize("NFC", w) for w in group) for group in DIRECT_FORMS[language]
    )
    return pattern(rf"{START}\d+ (?:{nouns}) (?:{postpositions}){END}")


def hyphenated_case(language: str) -> Rule:
    endings = "|".join(unicodedata.normalize("NFC", e) for e in CASE_ENDINGS[language])
    return pattern(rf"[)\d\u0600-\u06ff\u0980-\u09ff\u0a00-\u0a7f]-\s?(?:{endings}){END}")


# Arabic: a number from 3 to 10 counts a plural noun (3 أيام), from 11 to 99 an accusative
# singular (28 يومًا); "28 يوم" and "15 أيام" are wrong (review ar E1, E8). The nouns are the
# time words the guide counts. A singular in construct ("15 يوم عمل") is right for 11 to 99.
AR_PLURAL = ("أيام", "أسابيع", "أشهر", "شهور", "دقائق", "ساعات", "صفحات")
AR_BARE_SINGULAR = ("يوم", "أسبوع", "شهر")  # masculine: 11 to 99 write the tanwin alif (يومًا)
AR_SINGULAR = (*AR_BARE_SINGULAR, "يومًا", "أسبوعًا", "شهرًا", "دقيقة", "ساعة", "صفحة")


def arabic_normal(text: str) -> str:
    """The tanwin written on the alif or on the letter before it, as one spelling (same length)."""
    return text.replace("\u0627\u064b", "\u064b\u0627")


def arabic_counted(text: str) -> Iterator[tuple[int, int]]:
    text = arabic_normal(text)
    for match in re.finditer(rf"{START}(\d+) ((?:{_WORD})+)(?=(?: ((?:{_WORD})+))?)", text):
        n, noun, following = int(match.group(1)), match.group(2), match.group(3)
        end = match.end(2)
        if 3 <= n % 100 <= 10 and n >= 3 and noun in AR_SINGULAR:
            yield match.start(), end
        elif 11 <= n % 100 <= 99 and (noun in AR_PLURAL or (noun in AR_BARE_SINGULAR and following != "عمل")):
            yield match.start(), end


def rules(language: str) -> dict[str, Rule]:
    """The rules for one language, by name."""
    out: dict[str, Rule] = {"doubled word": doubled_words(language), "bracket inside a bracket": nested_brackets}
    if language == "pt":
        out["preposition and article must contract (do, na, pelo, à)"] = pattern(PT_CONTRACT)
        out["two articles in a row"] = pattern(PT_ARTICLES)
    if language == "es":
        out["preposition and article must contract (del, al)"] = pattern(ES_CONTRACT)
        out["two articles in a row"] = pattern(ES_ARTICLES)
        out["'cada' before a range's preposition"] = pattern(ES_EVERY)
    if language == "ro":
        out["'la' before a range's preposition"] = pattern(RO_EVERY)
    if language == "pl":
        out["'co' before a range's preposition"] = pattern(PL_EVERY)
        out["'co najmniej co' (reads as 'at least … apart'): write 'nie rzadziej niż co'"] = pattern(PL_AT_LEAST_EVERY)
    if language in CASE_ENDINGS:
        out["case ending hyphenated onto a value"] = hyphenated_case(language)
    if language in DIRECT_FORMS:
        out["counted noun before a postposition must be oblique"] = direct_before_postposition(language)
    if language == "ar":
        out["number and counted noun disagree (3-10: plural, 11-99: singular with tanwin)"] = arabic_counted
    return out


def lint_text(text: str, language: str, page: str) -> list[Finding]:
    found = []
    for name, rule in rules(language).items():
        for start, end in rule(text):
            found.append(Finding(page, name, _context(text, start, end)))
    return found


def lint_html(html: str, page: str) -> list[Finding]:
    language, text = page_text(html)
    return lint_text(text, language, page)
