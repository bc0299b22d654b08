"""The command line: each command calls one stage; one handler turns every error into a clear exit.

Bad input (BuildError) lists every problem and exits 1. Any other error (a full or read-only disk,
a bug) ends with one line `error: …` naming the path where there is one, exit 1, or 130 after
Ctrl+C; `parentinfo --debug` shows the traceback instead, for developers.
"""

from __future__ import annotations

import functools
import http.server
import os
from pathlib import Path
from typing import Any

import click

from parentinfo import build as build_stage
from parentinfo.data.loading import load_councils, own_sources, unconfirmed_warnings
from parentinfo.data.schema import SCHEMA_FILE, json_schema, skeleton
from parentinfo.data.values import SLUG
from parentinfo.errors import BuildError

# Commands that publish into site/: only they can promise a failure left it as it was.
SITE_COMMANDS = {"build", "merge"}


def _root() -> Path:
    return Path.cwd()


def _shown(path: str | os.PathLike[str] | int) -> str:
    """A path as the user would type it: relative to the project when inside it."""
    try:
        return Path(path).resolve().relative_to(_root().resolve()).as_posix()  # type: ignore[arg-type]
    except (TypeError, ValueError):  # a file descriptor, or a path outside the project
        return str(path)


def _unexpected(err: BaseException) -> str:
    """One line for an error that is not bad input."""
    if isinstance(err, OSError) and err.strerror:
        paths = " -> ".join(_shown(f) for f in (err.filename, err.filename2) if f)
        return f"{paths}: {err.strerror}" if paths else err.strerror
    text = " ".join(str(err).split()) or "no message"
    return f"unexpected {type(err).__name__}: {text} (`parentinfo --debug ...` shows where)"


class _Commands(click.Group):
    """A group whose every command's errors end the same way (see the module docstring)."""

    def invoke(self, ctx: click.Context) -> Any:
        debug = bool(ctx.params.get("debug"))
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise  # usage errors: click's own message, exit 2
        except BuildError as err:
            if debug:
                err.__suppress_context__ = False  # show what a stage caught, too
                raise
            for problem in err.problems:
                click.echo(f"error: {problem}", err=True)
            if ctx.invoked_subcommand in SITE_COMMANDS:
                click.echo("Stopped; site/ was not changed.", err=True)
            raise SystemExit(1) from None
        except KeyboardInterrupt:
            if debug:
                raise
            click.echo("\nerror: interrupted", err=True)
            raise SystemExit(130) from None
        except Exception as err:
            if debug:
                raise
            click.echo(f"error: {_unexpected(err)}", err=True)
            raise SystemExit(1) from None


def _warn(warnings: list[str]) -> None:
    if warnings:
        head = "facts left off the pages until confirmed, out of date, or untranslated"
        click.echo(f"\n{len(warnings)} warning(s): {head}:", err=True)
        for w in warnings:
            click.echo(f"warning: {w}", err=True)


@click.group(cls=_Commands)
@click.version_option(package_name="parentinfo", message="parentinfo %(version)s")
@click.option(
    "--debug",
    is_flag=True,
    envvar="PARENTINFO_DEBUG",
    help="On an error, show the Python traceback (for developers).",
)
def main(debug: bool) -> None:
    """Build council guides to child protection conferences for parents and carers."""


@main.command()
@click.option("--council", "councils", multiple=True, metavar="SLUG", help="Build only this council (repeatable).")
@click.option("--language", "languages", multiple=True, metavar="CODE", help="Build only this language (repeatable).")
@click.option("--strict", is_flag=True, help="Fail if any fact is unconfirmed.")
@click.option(
    "--allow-fallback",
    is_flag=True,
    help="Build even if a translation is incomplete: missing text shows in English, marked and announced.",
)
def build(councils: tuple[str, ...], languages: tuple[str, ...], strict: bool, allow_fallback: bool) -> None:
    """Build the site into site/."""
    result = build_stage.build(
        _root(),
        list(councils) or None,
        strict=strict,
        languages=list(languages) or None,
        allow_fallback=allow_fallback,
        progress=click.echo,
    )
    sync = result.sync
    if sync is None:
        raise BuildError("the build published nothing into site/")
    click.echo(
        f"Built {len(result.editions)} edition(s): {len(sync.written)} file(s) written, "
        f"{len(sync.removed)} removed, {sync.unchanged} unchanged."
    )
    _warn(result.warnings)


@main.command()
@click.argument("shards", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
def merge(shards: tuple[Path, ...]) -> None:
    """Merge site/ folders built elsewhere (e.g. one CI job per council or language) into site/."""
    from parentinfo.publish.merge import merge as merge_stage

    sync = merge_stage(_root(), list(shards))
    click.echo(f"Merged {len(shards)} shard(s): {len(sync.written)} file(s) written, {len(sync.removed)} removed.")


@main.command()
def check() -> None:
    """Check every council file and catalogue without building (run it before committing)."""
    from parentinfo.i18n import catalogues
    from parentinfo.languages import LANGUAGES, SOURCE_LANGUAGE

    own_sources(_root())
    councils = load_councils(_root())
    used = [code for code in LANGUAGES if code != SOURCE_LANGUAGE and any(code in c.languages for c in councils)]
    spare = [code for code in LANGUAGES if code != SOURCE_LANGUAGE and code not in used]
    # Languages a council publishes must be complete; the others must at least be safe.
    # The same verdict as `build`: a council's own untranslated sentences are shown in English.
    problems = catalogues.check(_root(), used, councils=councils)[0] if used else []
    problems += catalogues.check(_root(), spare, allow_incomplete=True, councils=councils)[0] if spare else []
    if problems:
        raise BuildError(catalogues.with_advice(problems))
    count = len(catalogues.DOMAINS) * (len(used) + len(spare))
    click.echo(f"{len(councils)} council file(s) and {count} catalogue(s) OK.")
    _warn(unconfirmed_warnings(councils))


@main.command()
@click.option("--write", is_flag=True, help=f"Write councils/{SCHEMA_FILE} instead of printing it.")
def schema(write: bool) -> None:
    """The council file's JSON Schema, for editors that check YAML while you type."""
    text = json_schema()
    if write:
        (_root() / "councils" / SCHEMA_FILE).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


@main.command()
@click.argument("slug")
def new(slug: str) -> None:
    """Write councils/SLUG.yml: a commented skeleton of every field, to fill in."""
    path = _root() / "councils" / f"{slug}.yml"
    if not SLUG.match(slug):
        raise BuildError(f"{slug!r}: expected lower-case words joined by '-', e.g. 'north-somerset'")
    if path.exists():
        raise BuildError(f"councils/{slug}.yml: already exists; edit it, or choose another name")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(skeleton(slug), encoding="utf-8")
    click.echo(f"Wrote councils/{slug}.yml: fill it in, then run `parentinfo check`.")


@main.command()
@click.option("--port", default=8000, show_default=True)
def serve(port: int) -> None:
    """Preview the built site on http://127.0.0.1:PORT/ (this machine only)."""
    site = _root() / "site"
    if not (site / "manifest.json").exists():
        raise BuildError("site/manifest.json: not found; run `parentinfo build` first")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        click.echo(f"Serving site/ on http://127.0.0.1:{port}/ — press Ctrl+C to stop.")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


@main.group()
def i18n() -> None:
    """Translation catalogues: extract, update, compile and status."""


@i18n.command()
def extract() -> None:
    """Write each catalogue's template (locales/DOMAIN.pot) from the sources."""
    from parentinfo.i18n import catalogues

    for domain, template in catalogues.extract(_root()).items():
        path = catalogues.locales(_root()) / f"{domain}.pot"
        changed = catalogues.write_if_changed(path, catalogues._stable(catalogues.dump(template)))
        click.echo(f"{path.relative_to(_root())}: {len(template)} messages{'' if changed else ' (unchanged)'}")


@i18n.command()
@click.option("--language", "languages", multiple=True, metavar="CODE", help="Only this language.")
def update(languages: tuple[str, ...]) -> None:
    """Update the POTs and every PO file: new messages empty, changed ones marked fuzzy."""
    from parentinfo.i18n import catalogues

    written = catalogues.update(_root(), _languages(languages))
    click.echo("\n".join(written) if written else "All catalogues already up to date.")


@i18n.command(name="compile")
def compile_() -> None:
    """Check every catalogue and compile .mo files (the build does this itself)."""
    from parentinfo.i18n import catalogues
    from parentinfo.publish import publish

    problems, _ = catalogues.check(_root())
    if problems:
        raise BuildError(problems)
    out = _root() / build_stage.WORK / "locales"
    with publish.exclusive(_root(), click.echo):  # a build compiles into the same folder
        catalogues.compile_all(_root(), out, [c for c in catalogues.LANGUAGES])
    click.echo(f"Compiled into {out.relative_to(_root())}/")


@i18n.command()
def status() -> None:
    """Per language: translated %, fuzzy, untranslated and review status."""
    from parentinfo.i18n import catalogues

    problems, statuses = catalogues.check(_root(), allow_incomplete=True)
    click.echo(f"{'language':<26}{'domain':<10}{'translated':>11}{'fuzzy':>7}{'untranslated':>14}  review")
    for s in statuses:
        pct = 100 * s.translated / s.total if s.total else 100
        name = f"{s.lang} ({catalogues.LANGUAGES[s.lang].english})"
        click.echo(f"{name:<26}{s.domain:<10}{pct:>10.0f}%{s.fuzzy:>7}{s.untranslated:>14}  {s.review}")
    if problems:
        raise BuildError(problems)


def _languages(codes: tuple[str, ...]) -> list[str] | None:
    from parentinfo.languages import LANGUAGES, SOURCE_LANGUAGE

    bad = [c for c in codes if c not in LANGUAGES or c == SOURCE_LANGUAGE]
    if bad:
        choices = ", ".join(c for c in LANGUAGES if c != SOURCE_LANGUAGE)
        raise BuildError(f"--language: expected one of {choices}, found {', '.join(map(repr, bad))}")
    return list(codes) or None
