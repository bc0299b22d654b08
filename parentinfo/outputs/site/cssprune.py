"""Drops the theme's CSS rules that no page of a build can match.

Material's stylesheet styles every component it offers (search, tabs, code blocks, tooltips…);
a guide uses a few, yet every first view paid for all of them. The site ships no JavaScript, so
the tags, classes, ids and attributes in a build's HTML files are all its pages will ever have:
a selector needing anything else can never match and is left out. Anything this module cannot
judge (pseudo-classes, `:not()`, `:is()`, at-rules other than @media/@supports) is kept.
"""

from __future__ import annotations

import functools
import hashlib
import html
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import tinycss2

# Stylesheets of the theme, pruned per build; the project's own small ones are left whole.
THEME_CSS = ("assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css")

_ATTRIBUTE = re.compile(r"""\[\s*([\w-]+)\s*(?:([~|^$*]?=)\s*("[^"]*"|'[^']*'|[^\]\s]+)\s*([iIsS])?\s*)?\]""")
_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_ID = re.compile(r"#(-?[_a-zA-Z][\w-]*)")
_TAG = re.compile(r"(?:^|[\s>+~])([a-zA-Z][\w-]*)")


@dataclass
class Used:
    """What the HTML of a build contains: the only things its selectors can match."""

    tags: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    attributes: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


# MkDocs writes well-formed HTML and the site has no inline scripts, so a regex reads its tags
# (several times faster than html.parser, which matters: this runs for every build).
_START_TAG = re.compile(r"<([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*/?>")
_HTML_ATTRIBUTE = re.compile(r"""([^\s=>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")


def collect(html_texts: list[str]) -> Used:
    used = Used()
    for text in html_texts:
        for tag, attrs in _START_TAG.findall(text):
            used.tags.add(tag.lower())
            for name, raw in _HTML_ATTRIBUTE.findall(attrs):
                value = html.unescape(raw[1:-1] if raw[:1] in "\"'" and raw else raw)
                used.attributes[name.lower()].add(value)
                if name == "class":
                    used.classes.update(value.split())
                elif name == "id":
                    used.ids.add(value)
    return used


def _selectors(prelude: list) -> list[tuple[str, str]]:
    """A rule's selector list as (selector, selector without any `:name(…)`) pairs.

    tinycss2 already nests brackets and functions, so the list splits at top-level commas; what
    is inside a function such as `:not()` may be negated or optional, so it is not judged.
    """
    groups: list[list] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            groups.append([])
        else:
            groups[-1].append(token)
    pairs = []
    for tokens in groups:
        judged = [t for t in tokens if t.type != "function"]
        pairs.append((tinycss2.serialize(tokens).strip(), tinycss2.serialize(judged)))
    return pairs


@dataclass(frozen=True)
class _Needs:
    """What one selector needs from the pages to match anything."""

    tags: frozenset[str]
    classes: frozenset[str]
    ids: frozenset[str]
    attributes: tuple[tuple[str, str, str, str], ...]

    @classmethod
    def of(cls, text: str) -> _Needs:
        """`text`: a selector with its functional pseudo-classes already left out."""
        attributes = tuple(_ATTRIBUTE.findall(text))
        text = _ATTRIBUTE.sub(" ", text)
        # Tag names start a compound selector; drop classes, ids and pseudo-classes to find them.
        bare = re.sub(r"[.#:]{1,2}-?[\w-]+", " ", text)
        return cls(
            frozenset(t.lower() for t in _TAG.findall(bare)),
            frozenset(_CLASS.findall(text)),
            frozenset(_ID.findall(text)),
            attributes,
        )

    def met_by(self, used: Used) -> bool:
        return (
            self.classes <= used.classes
            and self.ids <= used.ids
            and self.tags <= used.tags
            and all(_attribute_matches(used, *attribute) for attribute in self.attributes)
        )


def _attribute_matches(used: Used, name: str, op: str, raw: str, flag: str) -> bool:
    values = used.attributes.get(name.lower())
    if not values:
        return False
    if not op:
        return True
    wanted = raw.strip("\"'")
    if flag.lower() == "i":
        wanted, values = wanted.lower(), {v.lower() for v in values}
    test = {
        "=": lambda v: v == wanted,
        "~=": lambda v: wanted in v.split(),
        "|=": lambda v: v == wanted or v.startswith(wanted + "-"),
        "^=": lambda v: v.startswith(wanted),
        "$=": lambda v: v.endswith(wanted),
        "*=": lambda v: wanted in v,
    }[op]
    return any(test(v) for v in values)


# A parsed stylesheet: per rule either (selectors with their needs, body) or (at-rule head, rules)
# or kept text. Parsed once per process and content: every build prunes the same theme CSS.
_Rule = tuple[list[tuple[str, _Needs]], str] | tuple[str, list] | str


def _parse(nodes: list) -> list[_Rule]:
    rules: list[_Rule] = []
    for node in nodes:
        if node.type == "qualified-rule":
            selectors = [(text, _Needs.of(judged)) for text, judged in _selectors(node.prelude)]
            rules.append((selectors, tinycss2.serialize(node.content)))
        elif node.type == "at-rule" and node.lower_at_keyword in ("media", "supports") and node.content:
            head = f"@{node.at_keyword}{tinycss2.serialize(node.prelude)}"
            rules.append((head, _parse(tinycss2.parse_rule_list(node.content, True, True))))
        elif node.type in ("at-rule", "qualified-rule"):
            rules.append(node.serialize())
    return rules


@functools.lru_cache(maxsize=8)
def _parsed(css: str) -> list[_Rule]:
    return _parse(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))


def _write(rules: list[_Rule], used: Used) -> str:
    out = []
    for rule in rules:
        if isinstance(rule, str):
            out.append(rule)
        elif isinstance(rule[0], str):
            inner = _write(rule[1], used)
            if inner:
                out.append(f"{rule[0]}{{{inner}}}")
        else:
            kept = [selector for selector, needs in rule[0] if needs.met_by(used)]
            if kept:
                out.append(",".join(kept) + "{" + rule[1] + "}")
    return "".join(out)


def prune(css: str, used: Used) -> str:
    """`css` without the rules (and selectors in a list) that nothing in `used` can match."""
    return _write(_parsed(css), used)


def prune_site(out: Path) -> None:
    """Prune the theme's stylesheets of one built site in place.

    A pruned file gets a new hashed name (and every page its new link): its content depends
    on the pages, so a browser must never reuse a copy cached from a build with other pages.
    """
    pages = sorted(out.rglob("*.html"))
    texts = {page: page.read_text(encoding="utf-8") for page in pages}
    used = collect(list(texts.values()))
    renames: dict[str, str] = {}
    for pattern in THEME_CSS:
        for path in sorted(out.glob(pattern)):
            css = prune(path.read_text(encoding="utf-8"), used)
            stem = path.name.split(".")[0]
            new = path.with_name(f"{stem}.{hashlib.sha256(css.encode()).hexdigest()[:8]}.min.css")
            path.unlink()
            new.write_text(css, encoding="utf-8")
            renames[path.name] = new.name
    for page, text in texts.items():
        updated = text
        for old, new_name in renames.items():
            updated = updated.replace(f'/{old}"', f'/{new_name}"')
        if updated != text:
            page.write_text(updated, encoding="utf-8")
