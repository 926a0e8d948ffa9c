"""The ``digest`` command: a thin layer over functions that tests call directly.

Each command builds a :class:`Reporter`, calls one library function and turns
a :class:`DigestError` into its messages and exit code 1. A traceback is shown
only with ``--verbose``: user errors are messages, not crashes.
"""

from __future__ import annotations

import functools
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from digest import __version__
from digest import config as config_mod
from digest.report import DigestError, Reporter


def quiet_verbose(fn: Callable[..., Any]) -> Callable[..., Any]:
    fn = click.option("--verbose", "-v", is_flag=True, help="Show debug lines and tracebacks.")(fn)
    return click.option("--quiet", "-q", is_flag=True, help="Show only errors.")(fn)


def config_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--config", "-c", "config_path", default="digest.yaml", show_default=True,
        type=click.Path(dir_okay=False, path_type=Path), help="The digest's configuration file.",
    )(fn)


def run(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Run a command body with a Reporter; map user errors to exit code 1."""

    @functools.wraps(fn)
    def wrapper(*args: Any, quiet: bool = False, verbose: bool = False, **kwargs: Any) -> None:
        reporter = Reporter(quiet=quiet, verbose=verbose)
        try:
            code = fn(*args, reporter=reporter, **kwargs)
        except DigestError as exc:
            shown = set(map(id, reporter.problems))
            for p in exc.problems:
                if id(p) not in shown and p not in reporter.problems:
                    reporter.add(p)
            count = len(reporter.errors) or 1
            click.echo(f"digest: failed with {count} error{'s' * (count != 1)}", err=True)
            if verbose:
                traceback.print_exc()
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("digest: interrupted", err=True)
            sys.exit(130)
        sys.exit(code or 0)

    return wrapper


def load_config(path: Path, **overrides: Any) -> config_mod.Config:
    return config_mod.load(path, overrides)


@click.group()
@click.version_option(__version__, prog_name="digest")
def main() -> None:
    """digest: raw news pages in, a weekly news digest site with feeds out."""


@main.command()
@config_option
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path),
              help="Output folder (default: output_dir from the config, site/).")
@click.option("--base-url", envvar="DIGEST_BASE_URL",
              help="Public URL of the site, e.g. https://user.github.io/repo/ "
                   "(env: DIGEST_BASE_URL; overrides the config).")
@click.option("--drafts", is_flag=True, help="Include articles marked draft: true.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@quiet_verbose
@run
def build(config_path: Path, out: Path | None, base_url: str | None, drafts: bool,
          strict: bool, reporter: Reporter) -> int:
    """Render content/ into a static site."""
    from digest.build import build as build_site

    config = load_config(config_path, base_url=base_url)
    build_site(config, reporter, out=out, drafts=drafts, strict=strict)
    return 0


def _register_optional() -> None:
    """Commands living in their own modules register here, so the CLI has one entry point."""
    try:
        from digest.ingest.cli import ingest
    except ImportError:
        return
    main.add_command(ingest)


_register_optional()
