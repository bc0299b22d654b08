"""Loading council files: YAML with line numbers, validated by the schema, every problem listed."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any, get_args

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from parentinfo.data import yamlfile
from parentinfo.data.council import SLUG, Contact, Council, Model
from parentinfo.errors import BuildError

INTERNAL_FIELDS = ("slug", "national_contacts")  # set by parentinfo, never written in a file
EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping of fields",
    "model_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
    "greater_than": "a number above 0",
    "too_short": "at least one item (leave the field out for the default)",
    "date_from_datetime_parsing": "a date written YYYY-MM-DD",
    "date_parsing": "a date written YYYY-MM-DD",
    "date_type": "a date written YYYY-MM-DD",
    "time_parsing": "a time written HH:MM, e.g. 09:30",
    "time_type": "a time written HH:MM, e.g. 09:30",
}


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if value == []:
        return "an empty list"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The schema class that holds the field at `loc`, for listing what was expected."""
    for part in loc:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        if field is None:
            return None
        found = model_in(field.annotation)
        if found is None:
            return None
        model = found
    return model


def model_in(annotation: Any) -> type[BaseModel] | None:
    """The model a field's value is a mapping of, if any (a phone number is written as text)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return None if getattr(annotation, "written_as_text", False) else annotation
    for arg in get_args(annotation):
        found = model_in(arg)
        if found:
            return found
    return None


def _problem(err: ErrorDetails, model: type[BaseModel]) -> str:
    """One pydantic error as 'expected …, found …'."""
    kind = err["type"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        holder = _model_at(model, tuple(err["loc"])[:-1])
        names = [n for n in (holder.model_fields if holder else []) if n not in INTERNAL_FIELDS]
        return f"unknown field; expected one of: {', '.join(names)}" if names else "unknown field"
    if kind == "literal_error":
        return f"expected {err['ctx']['expected']}, found {_describe(err['input'])}"
    if kind == "value_error":
        return str(err["ctx"]["error"])
    if kind == "less_than_equal":
        return f"expected a number from 1 to {err['ctx']['le']}, found {_describe(err['input'])}"
    if kind in EXPECTED:
        return f"expected {EXPECTED[kind]}, found {_describe(err['input'])}"
    return f"{err['msg']}, found {_describe(err['input'])}"


def _validate(model: type[Model], data: Any, label: str, lines: dict, **extra: Any) -> Any:
    if data is None:
        raise BuildError(f"{label}: the file is empty; expected the council's fields")
    if not isinstance(data, dict):
        raise BuildError(f"{label}: expected a mapping of fields, found {_describe(data)}")
    try:
        return model.model_validate({**data, **extra})
    except ValidationError as exc:
        problems = []
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            # A missing top-level field has no line of its own; the file's first line would mislead.
            line = None if err["type"] == "missing" and len(loc) == 1 else yamlfile.line_of(lines, loc)
            where = f"{label}:{line}" if line else label
            problems.append(f"{where}: {'.'.join(map(str, loc))}: {_problem(err, model)}")
        raise BuildError(problems) from None


def load_national(root: Path) -> dict[str, Contact]:
    """The shared national organisations, keyed as councils refer to them."""
    path = root / "councils" / "_national.yml"
    if not path.exists():
        return {}
    label = str(path.relative_to(root))
    data, lines = yamlfile.load(path, label)
    problems: list[str] = []
    out: dict[str, Contact] = {}
    for key, value in (data or {}).items():
        try:
            out[key] = _validate(Contact, value, label, {(k[1:]): v for k, v in lines.items() if k[:1] == (key,)})
        except BuildError as err:
            problems += [p.replace(f"{label}: ", f"{label}: {key}.", 1) for p in err.problems]
    if problems:
        raise BuildError(problems)
    return out


def council_files(root: Path) -> list[Path]:
    return sorted(p for p in (root / "councils").glob("*.yml") if not p.name.startswith("_"))


def load_council(path: Path, root: Path, national: dict[str, Contact]) -> Council:
    label = str(path.relative_to(root))
    slug = path.stem
    if not SLUG.fullmatch(slug):
        shown = label if label.isprintable() else f"councils/{path.name!r}"
        raise BuildError(f"{shown}: expected a file name of lower-case words joined by '-', found {path.name!r}")
    data, lines = yamlfile.load(path, label)
    if isinstance(data, dict):
        for key in INTERNAL_FIELDS:
            if key in data:
                raise BuildError(f"{label}:{lines.get((key,), '?')}: {key}: set by parentinfo, remove it from the file")
    council = _validate(Council, data, label, lines, slug=slug)
    unknown = [key for key in council.national if key not in national]
    if unknown:
        line = lines.get(("national",))
        raise BuildError(
            f"{label}:{line}: national: expected keys from councils/_national.yml "
            f"({', '.join(national) or 'none'}), found {', '.join(map(repr, unknown))}"
        )
    return council.model_copy(update={"national_contacts": [national[k] for k in council.national]})


SOURCES = ("councils", "docs", "overrides", "locales", "mkdocs.yml")


def own_sources(root: Path) -> None:
    """The project's sources are its own files: a symbolic link in them could put a file of the
    build machine (say, one in overrides/assets/, which is copied into the site) on the web."""
    links = [
        path.relative_to(root).as_posix()
        for part in SOURCES
        for path in [root / part, *((root / part).rglob("*") if (root / part).is_dir() else [])]
        if path.is_symlink()
    ]
    if links:
        raise BuildError([f"{link}: a symbolic link; the project's sources must be its own files" for link in links])


def load_councils(root: Path, only: list[str] | None = None) -> list[Council]:
    """Every council (or only the named slugs), with all problems in all files raised together."""
    files = council_files(root)
    known = [p.stem for p in files]
    if only:
        missing = [slug for slug in only if slug not in known]
        if missing:
            raise BuildError(f"--council: expected one of {', '.join(known)}, found {', '.join(map(repr, missing))}")
        files = [p for p in files if p.stem in only]
    problems: list[str] = []
    try:
        national = load_national(root)
    except BuildError as err:
        problems += err.problems
        national = {}
    councils = []
    for path in files:
        try:
            councils.append(load_council(path, root, national))
        except BuildError as err:
            problems += err.problems
    if problems:
        raise BuildError(problems)
    if not councils:
        raise BuildError("councils/: expected at least one <slug>.yml council file, found none")
    return councils


STALE_AFTER = datetime.timedelta(days=365)


def unconfirmed_warnings(councils: list[Council], today: datetime.date | None = None) -> list[str]:
    """Facts left off the pages, and councils whose facts are over a year old."""
    today = today or datetime.date.today()
    out = [
        f"councils/{c.slug}.yml: unconfirmed, left off the page: {u.fact} ({u.why})"
        for c in councils
        for u in c.unconfirmed
    ]
    out += [
        f"councils/{c.slug}.yml: checked: facts last checked on {c.checked.isoformat()}, over 12 months ago;"
        " confirm them with the council and update `checked` (pages show the date)"
        for c in councils
        if today - c.checked > STALE_AFTER
    ]
    return out
