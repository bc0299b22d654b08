"""Checks of PO files and of each translated message: what a translator may and may not change.

A file is checked line by line before Babel reads it (Babel silently repairs a string missing its
closing quote, and reads a truncated file as a shorter one), then its header (charset, plural
rule, review status), then each message against its English.
"""

from __future__ import annotations

import datetime
import gettext
import re
from collections import Counter
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.plurals import get_plural

from parentinfo.data.values import SCRIPT_MARKS, _name, hidden, other_digits

PLACEHOLDER = re.compile(r"%\((\w+)\)s")
REVIEW = re.compile(r"^#? ?Review-Status: (draft|checked by (?P<who>.+) on (?P<date>\d{4}-\d{2}-\d{2}))$", re.M)
# Markup a translation may carry only as often as its English does: HTML and autolinks, inline
# and reference links and their definitions, images, attr_list blocks (`{ … }`, with or without
# the colon: they can set href or on… attributes), URL schemes, entities (with or without the
# semicolon: browsers read both), code, emphasis, bold, and line breaks (which start new
# paragraphs, headings, lists or reference definitions).
MARKUP = re.compile(
    r"<[^>]*>|\]\([^)]*\)|\]\[[^\]]*\]|^\s*\[[^\]]+\]:|!\[|\{+[^{}\n]*\}+|\bon\w+\s*="
    r"|\b(?:javascript|vbscript|tel|mailto|sms|file|data|ftp):(?=\S)|https?://\S+|www\.\S+|`|\*\*|\*|(?<!\w)_|_(?!\w)"
    r"|&#?\w+;?|\n"
    # Markdown blocks at the start of a message: a warning box, a heading, a quote, a list.
    r"|^\s*(?:!!!|\?\?\?|#{1,6}(?=\s)|>|:(?=\s)|[-+](?=\s)|\d+[.)](?=\s))"
    # A web address without its scheme (bit.ly/x, example.org).
    r"|\b[a-z0-9-]{2,}\.[a-z]{2,}\b(?:/\S*)?",
    re.I | re.M,
)
# A translation far longer than its English is not a translation (and a page of it breaks the
# leaflet's layout): more than this many times as long, and over MAX_EXTRA characters.
LONGER = 4
MAX_EXTRA = 200
PLURAL_SAMPLES = range(1001)

_STRING = r'"(?:[^"\\]|\\.)*"'
_KEYWORD_LINE = re.compile(rf"(?:msgctxt|msgid|msgid_plural|msgstr|msgstr\[\d+\])[ \t]+{_STRING}\s*")
_STRING_LINE = re.compile(rf"{_STRING}\s*")
_CHARSET = re.compile(r'^"Content-Type:[^"]*charset=([^\\"\s;]*)', re.I)
_PLURAL_FORMS = re.compile(r'^"Plural-Forms:', re.I)
_LANGUAGE = re.compile(r'^"Language: ([^\\"]*)')


def label_of(path: Path) -> str:
    """`locales/<lang>/LC_MESSAGES/<domain>.po`, relative to the project."""
    parts = path.parts
    return "/".join(parts[-4:]) if len(parts) >= 4 and parts[-4] == "locales" else path.as_posix()


def lines(raw: bytes, label: str) -> list[str]:
    """Problems with the file's lines: every line is blank, a comment, a keyword and one complete
    quoted string, or a complete quoted string; each msgid has a msgstr and is given once (Babel
    keeps a repeat silently); the text is UTF-8 and says so."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return [f"{label}:{line}: expected UTF-8 text, found byte {raw[err.start]:#04x}, which is not UTF-8"]
    problems = []
    seen: dict[tuple[str, str], int] = {}  # (msgctxt, msgid) -> line of the msgid
    state, context, msgid, waiting = "", "", "", 0  # waiting: the line of a msgid with no msgstr yet
    for number, row in enumerate(text.removeprefix("\ufeff").split("\n"), 1):
        stripped = row.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not (_KEYWORD_LINE.fullmatch(stripped) or _STRING_LINE.fullmatch(stripped)):
            if stripped.startswith("msgstr"):
                waiting = 0  # a broken msgstr is still the msgstr: one fault, one message
            if stripped.count('"') - stripped.count('\\"') in (1, 3) or not stripped.endswith('"'):
                problems.append(
                    f"{label}:{number}: expected a quoted string closed by '\"', found {row!r}"
                    " (a missing quote, or the file was cut short)"
                )
            else:
                problems.append(
                    f"{label}:{number}: expected a comment, a keyword (msgid, msgstr …) with a quoted string,"
                    f" or a quoted string, found {row!r}"
                )
            continue
        keyword, string = stripped.split('"', 1)[0].strip(), stripped[stripped.index('"') :].rstrip()
        if keyword == "msgctxt" or (keyword == "msgid" and state != "msgctxt"):
            if waiting:
                problems.append(
                    f"{label}:{waiting}: expected a msgstr after this msgid, found {keyword} (line {number})"
                )
            context = ""
        if keyword == "msgid":
            msgid, waiting = "", number
        elif keyword.startswith("msgstr") and waiting:
            first = seen.setdefault((context, msgid), waiting)
            if first != waiting:
                problems.append(f"{label}:{waiting}: msgid {msgid!r}: given twice (first on line {first}); keep one")
            waiting = 0
        state = keyword or state
        if state == "msgctxt":
            context += string[1:-1]
        elif state == "msgid":
            msgid += string[1:-1]
        charset = _CHARSET.match(stripped)
        if charset and charset.group(1).lower() not in ("utf-8", "utf8"):
            problems.append(f"{label}:{number}: expected charset=UTF-8 in the header, found charset={charset.group(1)}")
    if waiting:
        problems.append(f"{label}:{waiting}: expected a msgstr after this msgid, found the end of the file (cut short)")
    return problems


def _line_of(text: str, pattern: re.Pattern[str]) -> int:
    for number, line in enumerate(text.split("\n"), 1):
        if pattern.search(line.strip()):
            return number
    return 1


def header(catalog: Catalog, lang: str, text: str, label: str) -> list[str]:
    """Problems in the header: a plural rule other than the language's, a review status that is
    not 'draft' or 'checked by NAME on YYYY-MM-DD'."""
    problems = []
    declared = _LANGUAGE.match(next((line.strip() for line in text.split("\n") if _LANGUAGE.match(line.strip())), ""))
    if declared and declared.group(1) != lang:
        where = f"{label}:{_line_of(text, _LANGUAGE)}: Language"
        problems.append(f"{where}: expected {lang!r} (the folder it is in), found {declared.group(1)!r}")
    rule = get_plural(lang)
    where = f"{label}:{_line_of(text, _PLURAL_FORMS)}: Plural-Forms"
    expected = f"expected 'nplurals={rule.num_plurals}; plural={rule.plural_expr};' (the CLDR rule for {lang})"
    try:
        forms, cldr = gettext.c2py(catalog.plural_expr), gettext.c2py(rule.plural_expr)  # each compiled once
        same = catalog.num_plurals == rule.num_plurals and all(forms(n) == cldr(n) for n in PLURAL_SAMPLES)
    except (ValueError, SyntaxError, RecursionError):
        problems.append(f"{where}: {expected}, found an expression that cannot be read: {catalog.plural_expr!r}")
    else:
        if not same:
            found = f"nplurals={catalog.num_plurals}; plural={catalog.plural_expr};"
            problems.append(f"{where}: {expected}, found {found!r}")
    match = REVIEW.search(catalog.header_comment or "")
    if match and match.group("who") is not None:
        where = f"{label}:{_line_of(text, re.compile('Review-Status:'))}: Review-Status"
        try:
            _name(match.group("who"))
            datetime.date.fromisoformat(match.group("date"))
        except ValueError:
            problems.append(
                f"{where}: expected 'checked by NAME on YYYY-MM-DD' with a plain name and a real date,"
                f" found {match.group(0).removeprefix('# ')!r}"
            )
    return problems


def forms(message: Message) -> list[str]:
    return list(message.string) if isinstance(message.string, list | tuple) else [message.string or ""]


def ids(message: Message) -> list[str]:
    return list(message.id) if isinstance(message.id, list | tuple) else [message.id]


def _names(names: set[str]) -> str:
    return ", ".join(f"%({n})s" for n in sorted(names)) or "none"


def _invisible(text: str) -> list[str]:
    """Hidden characters a translation may not add (its script's joiners and marks it may)."""
    return [f"U+{ord(c):04X}" for c in hidden(text, SCRIPT_MARKS | {"\n"})]


def single_number_forms(catalog: Catalog) -> set[int]:
    """The plural forms that stand for one number only (Polish 1; Arabic 0, 1 and 2): only those
    may leave the count out ("one year", "two years"); any other would hide which number it is."""
    try:
        index = gettext.c2py(catalog.plural_expr)
    except (ValueError, SyntaxError, RecursionError):
        return set()  # the header check reports it
    numbers: dict[int, int] = Counter(index(n) for n in PLURAL_SAMPLES)
    return {form for form, count in numbers.items() if count == 1}


def message(message: Message, where: str, single: set[int] | None = None) -> list[str]:
    """Placeholders, markup, numbers and length of one translated message against its source;
    `single` are the plural forms that may leave the count out (see single_number_forms)."""
    problems = []
    source = " ".join(ids(message))
    want = set(PLACEHOLDER.findall(source))
    allowed = Counter(m.lower() for m in MARKUP.findall(PLACEHOLDER.sub("", source)))
    longest = max(len(i) for i in ids(message))
    for i, form in enumerate(forms(message)):
        if not form:
            continue
        got = set(PLACEHOLDER.findall(form))
        missing = want - got - ({"count"} if message.pluralizable and i in (single or set()) else set())
        if missing or got - want:
            problems.append(
                f"{where}: placeholders must match the source: expected {_names(want)}, found {_names(got)} in {form!r}"
            )
        tokens = [m.lower() for m in MARKUP.findall(PLACEHOLDER.sub("", form))]
        found = Counter(tokens)
        extra = [m for m in dict.fromkeys(tokens) if found[m] > allowed[m]]
        if extra:
            problems.append(f"{where}: markup not in the source is not allowed: found {', '.join(map(repr, extra))}")
        hidden = [c for c in _invisible(form) if c not in _invisible(source)]
        if hidden:
            problems.append(
                f"{where}: control, bidi or invisible characters are not allowed: found {', '.join(hidden)}"
            )
        # A number a reader could dial or count on comes from the data, never from a translator
        # (checked when the markup is sound, so one fault gives one message).
        added = Counter(re.findall(r"\d+", PLACEHOLDER.sub("", form))) - Counter(
            re.findall(r"\d+", PLACEHOLDER.sub("", source))
        )
        added.update(c for c in other_digits(form) if c not in other_digits(source))  # circled, Roman …
        if added and not extra:
            problems.append(
                f"{where}: numbers not in the source are not allowed: found {', '.join(sorted(added.elements()))}"
            )
        stray = re.sub(r"%\(\w+\)s", "", form)
        if re.search(r"%(?!%)", stray):
            problems.append(f"{where}: a lone '%' breaks formatting; write '%%' or use a placeholder")
        if len(form) > LONGER * longest and len(form) > MAX_EXTRA:
            problems.append(
                f"{where}: expected a translation about as long as its English ({longest} characters),"
                f" found {len(form)} characters"
            )
    return problems
