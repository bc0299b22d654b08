"""Read a YAML file and remember the line each value came from, for error messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import BuildError

Loc = tuple[str | int, ...]


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


def _parse(text: str, loader: type) -> tuple[yaml.Node | None, Any]:
    return yaml.compose(text, Loader=loader), yaml.load(text, Loader=loader)  # noqa: S506 (safe loaders only)


def load(path: Path, label: str) -> tuple[Any, dict[Loc, int]]:
    """Return the file's data and a path → line map; bad YAML is a BuildError naming the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise BuildError(f"{label}: cannot read the file ({err.strerror})") from None
    except UnicodeDecodeError:
        raise BuildError(f"{label}: expected UTF-8 text, found bytes that are not UTF-8") from None
    try:
        try:
            node, data = _parse(text, getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml: fast
        except yaml.MarkedYAMLError:
            node, data = _parse(text, yaml.SafeLoader)  # libyaml words errors differently: let this one say
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
