"""Read a YAML file and remember the line each value came from, for error messages."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from parentinfo.errors import BuildError

Loc = tuple[str | int, ...]

# A council file is a page or two of plain fields: anything far bigger, deeper or using YAML's
# anchors and aliases (which can expand a few lines into gigabytes) is refused before parsing.
MAX_BYTES = 32 * 1024
MAX_DEPTH = 20


def _lines(node: yaml.Node, loc: Loc, out: dict[Loc, int]) -> None:
    """Map each path in the document to its 1-based line number."""
    out[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _lines(value, (*loc, key.value), out)
            out[(*loc, key.value)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _lines(item, (*loc, i), out)


def _duplicates(node: yaml.Node | None, label: str) -> list[str]:
    """Keys given twice in one mapping: YAML keeps the last silently, hiding the first value."""
    problems: list[str] = []
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            name = str(key.value)
            if name in seen:
                problems.append(
                    f"{label}:{key.start_mark.line + 1}: {name}: given twice (first on line {seen[name]}); keep one"
                )
            seen.setdefault(name, key.start_mark.line + 1)
            problems += _duplicates(value, label)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            problems += _duplicates(item, label)
    return problems


_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_MERGE = "tag:yaml.org,2002:merge"


def _plain_numbers(loader: Any) -> Any:
    """`loader` reading numbers as YAML 1.2 and people do: YAML 1.1 reads an unquoted 17:00 as
    1020 (base 60) and 020 as 16 (octal), and `<<` merges in keys no check sees. Those stay text
    here, so 17:00 is a time, 020 is refused as a number and `<<` is an unknown field."""
    resolvers = {
        first: [(tag, rx) for tag, rx in found if tag not in (_INT, _FLOAT, _MERGE)]
        for first, found in loader.yaml_implicit_resolvers.items()
    }
    plain: Any = type(f"Plain{loader.__name__}", (loader,), {"yaml_implicit_resolvers": resolvers})
    plain.add_implicit_resolver(_INT, re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789"))
    plain.add_implicit_resolver(
        _FLOAT, re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"), list("-+0123456789.")
    )
    return plain


_FAST = _plain_numbers(getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml: fast
_CLEAR = _plain_numbers(yaml.SafeLoader)  # libyaml words errors differently: this one says them


def _shape(text: str, loader: type, label: str) -> None:
    """Refuse anchors, aliases and deep nesting from the event stream, which never recurses."""
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        line = event.start_mark.line + 1 if event.start_mark else 0
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise BuildError(
                f"{label}:{line}: expected plain values, found a YAML anchor or alias ('&' or '*'); write the value out"
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise BuildError(f"{label}:{line}: expected lists and mappings at most {MAX_DEPTH} deep, found deeper")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _parse(text: str, loader: type, label: str) -> tuple[yaml.Node | None, Any]:
    _shape(text, loader, label)
    return yaml.compose(text, Loader=loader), yaml.load(text, Loader=loader)  # noqa: S506 (safe loaders only)


def load(path: Path, label: str) -> tuple[Any, dict[Loc, int]]:
    """Return the file's data and a path → line map; bad YAML is a BuildError naming the line."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise BuildError(f"{label}: cannot read the file ({err.strerror})") from None
    if len(raw) > MAX_BYTES:
        raise BuildError(f"{label}: expected a file of at most {MAX_BYTES // 1024} KB, found {len(raw) // 1024} KB")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise BuildError(
            f"{label}:{line}: expected UTF-8 text, found byte {raw[err.start]:#04x}, which is not UTF-8"
            " (save the file as UTF-8)"
        ) from None
    try:
        try:
            node, data = _parse(text, _FAST, label)
        except yaml.MarkedYAMLError:
            node, data = _parse(text, _CLEAR, label)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        where = f":{mark.line + 1}" if mark else ""
        context = ""
        if err.context and err.context_mark and (not mark or err.context_mark.line != mark.line):
            context = f"{err.context} that starts on line {err.context_mark.line + 1}, "
        raise BuildError(f"{label}{where}: this is not valid YAML: {context}{err.problem}") from None
    duplicates = _duplicates(node, label)
    if duplicates:
        raise BuildError(duplicates)
    lines: dict[Loc, int] = {}
    if node is not None:
        _lines(node, (), lines)
    return data, lines


def line_of(lines: dict[Loc, int], loc: Loc) -> int | None:
    """The line of `loc`, or of its nearest parent that has one."""
    while loc:
        if loc in lines:
            return lines[loc]
        loc = loc[:-1]
    return lines.get(())
