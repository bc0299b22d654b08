"""The command line: each command calls one stage and turns BuildError into a clear exit."""

from __future__ import annotations

import functools
import http.server
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from . import build as build_stage
from .council import load_councils, unconfirmed_warnings
from .errors import BuildError


def _root() -> Path:
    return Path.cwd()


def _clear_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Bad input ends with every problem listed, exit 1, and no traceback."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except BuildError as err:
            for problem in err.problems:
                click.echo(f"error: {problem}", err=True)
            click.echo("Build stopped; site/ was not changed.", err=True)
            raise SystemExit(1) from None

    return run


def _warn(warnings: list[str]) -> None:
    if warnings:
        click.echo(f"\n{len(warnings)} unconfirmed fact(s), left off the pages until confirmed:", err=True)
        for w in warnings:
            click.echo(f"warning: {w}", err=True)


@click.group()
def main() -> None:
    """Build council guides to child protection conferences for parents and carers."""


@main.command()
@click.option(
    "--council", "councils", multiple=True, metavar="SLUG", help="Build only this council (repeatable)."
)
@click.option("--strict", is_flag=True, help="Fail if any fact is unconfirmed.")
@_clear_errors
def build(councils: tuple[str, ...], strict: bool) -> None:
    """Build the site into site/."""
    result = build_stage.build(_root(), list(councils) or None, strict=strict, progress=click.echo)
    sync = result.sync
    assert sync is not None
    click.echo(
        f"Built {len(result.editions)} edition(s): {len(sync.written)} file(s) written, "
        f"{len(sync.removed)} removed, {sync.unchanged} unchanged."
    )
    _warn(result.warnings)


@main.command()
@_clear_errors
def check() -> None:
    """Check every council data file without building."""
    councils = load_councils(_root())
    click.echo(f"{len(councils)} council file(s) OK.")
    _warn(unconfirmed_warnings(councils))


@main.command()
@click.option("--port", default=8000, show_default=True)
def serve(port: int) -> None:
    """Preview the built site on http://127.0.0.1:PORT/ (this machine only)."""
    site = _root() / "site"
    if not (site / "manifest.json").exists():
        raise click.ClickException("site/ has not been built yet: run `parentinfo build` first")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        click.echo(f"Serving site/ on http://127.0.0.1:{port}/ — press Ctrl+C to stop.")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
