"""The ``digest`` command: a thin layer over functions that tests call directly.

Each command builds a :class:`Reporter`, calls one library function and turns
a :class:`DigestError` into its messages and exit code 1. A traceback is shown
only with ``--verbose``: user errors are messages, not crashes.
"""

from __future__ import annotations

import functools
import gc
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from digest import __version__
from digest import config as config_mod
from digest.report import DigestError, Reporter, count

_ENDS_AFTER = False  # set by entry(): this process ends when the command returns


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
            errors = len(reporter.errors) or 1
            click.echo(f"digest: failed with {count(errors, 'error')}", err=True)
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
@click.option("--clean", is_flag=True,
              help="Ignore the build cache (.digest-cache/): read and render everything.")
@click.option("--jobs", "-j", type=click.IntRange(min=1),
              help="Worker processes for rendering (default: one per CPU core).")
@quiet_verbose
@run
def build(config_path: Path, out: Path | None, base_url: str | None, drafts: bool,
          strict: bool, clean: bool, jobs: int | None, reporter: Reporter) -> int:
    """Render content/ into a static site."""
    from digest.build import build as build_site

    config = load_config(config_path, base_url=base_url)
    if _ENDS_AFTER:
        # The build pauses the cycle collector and runs it when done, over everything
        # made meanwhile (0.9 s at 100,000 articles); a process about to end skips that.
        gc.disable()
    build_site(config, reporter, out=out, drafts=drafts, strict=strict, clean=clean,
               workers=jobs)
    return 0


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--title", help="The digest's title (default: from the folder name).")
@click.option("--force", is_flag=True, help="Write over an existing digest's scaffold files.")
@click.option("--bare", is_flag=True, help="Do not write the example article.")
@quiet_verbose
@run
def init(directory: Path, title: str | None, force: bool, bare: bool, reporter: Reporter) -> int:
    """Create a new digest in DIRECTORY that builds at once."""
    from digest.scaffold import scaffold

    scaffold(directory, reporter, title=title, force=force, example=not bare)
    return 0


@main.command()
@click.argument("title")
@click.option("--topic", "-t", help="Topic slug (default: the config's default_topic).")
@click.option("--date", "-d", help="ISO date or date-time (default: now, digest timezone).")
@click.option("--lang", help="Language of the article, if not the digest's.")
@click.option("--draft", is_flag=True, help="Mark it draft: true (built only with --drafts).")
@config_option
@quiet_verbose
@run
def new(title: str, topic: str | None, date: str | None, lang: str | None, draft: bool,
        config_path: Path, reporter: Reporter) -> int:
    """Write a new article content/<topic>/<week>/<slug>.md with a fresh id."""
    from digest.new import new_article

    config = load_config(config_path)
    new_article(config, title, topic or config.default_topic, reporter, date=date, lang=lang,
                draft=draft)
    return 0


@main.command()
@config_option
@click.option("--site", "site", is_flag=True,
              help="Also check the built site: internal links, feeds, sitemap.")
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path),
              help="The built site to check (default: output_dir from the config, site/).")
@click.option("--base-url", envvar="DIGEST_BASE_URL",
              help="The URL the site was built for (env: DIGEST_BASE_URL).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="json: one JSON report on stdout, for tools.")
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@quiet_verbose
@run
def check(config_path: Path, site: bool, out: Path | None, base_url: str | None, fmt: str,
          strict: bool, reporter: Reporter) -> int:
    """Validate digest.yaml and every article (and with --site, the built site)."""
    import io
    import json

    from digest.check import check as run_check

    if fmt == "json":
        reporter.stream = io.StringIO()
    run_check(config_path, reporter, base_url=base_url, site=site, out=out)
    failed = bool(reporter.errors or (strict and reporter.warnings))
    if fmt == "json":
        report = {"ok": not failed, "errors": len(reporter.errors),
                  "warnings": len(reporter.warnings),
                  "problems": [p.as_dict() for p in reporter.problems]}
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    elif not failed:
        reporter.info(f"check: no errors, {count(len(reporter.warnings), 'warning')}")
    else:
        errors, warnings = len(reporter.errors), len(reporter.warnings)
        click.echo(f"digest: check found {count(errors, 'error')}, {count(warnings, 'warning')}",
                   err=True)
    return 1 if failed else 0


@main.command()
@config_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", "-p", default=8000, show_default=True, type=int,
              help="Port to listen on (0: any free port).")
@click.option("--drafts", is_flag=True, help="Include articles marked draft: true.")
@click.option("--search", is_flag=True,
              help="Also build the search index (its first build is slow on big digests).")
@quiet_verbose
@run
def serve(config_path: Path, host: str, port: int, drafts: bool, search: bool,
          reporter: Reporter) -> int:
    """Build, serve the site locally, rebuild and reload the browser on every change."""
    from digest.serve import serve as run_serve

    run_serve(config_path, reporter, host=host, port=port, drafts=drafts, search=search)
    return 0


@main.command()
@config_option
@click.option("--publish", is_flag=True,
              help="Move every reviewed file that now has a title and a valid date into "
                   "content/<topic>/<week>/.")
@click.option("--dry-run", "-n", is_flag=True, help="With --publish: show, move nothing.")
@quiet_verbose
@run
def review(config_path: Path, publish: bool, dry_run: bool, reporter: Reporter) -> int:
    """List the articles kept out of the site in content/_review/ (and publish complete ones)."""
    from digest import review as review_mod

    config = load_config(config_path)
    if publish:
        moved = review_mod.publish(config, reporter, dry_run=dry_run)
        verb = "would publish" if dry_run else "published"
        left = len(review_mod.files(config)) - (len(moved) if dry_run else 0)
        reporter.info(f"review: {verb} {len(moved)}, {left} still waiting")
        return 1 if reporter.errors else 0
    waiting = review_mod.report(config, reporter)
    reporter.info(f"review: {count(waiting, 'article')} kept for review")
    return 1 if reporter.errors else 0


@main.command()
@config_option
@click.option("--dry-run", "-n", is_flag=True, help="Show what would move; write nothing.")
@quiet_verbose
@run
def stories(config_path: Path, dry_run: bool, reporter: Reporter) -> int:
    """Group every article into stories again; keep story ids set by hand."""
    from digest.grouping.regroup import regroup

    config = load_config(config_path)
    regroup(config, reporter, dry_run=dry_run)
    return 1 if reporter.errors else 0


def _register_optional() -> None:
    """Commands living in their own modules register here, so the CLI has one entry point."""
    try:
        from digest.ingest.cli import ingest
    except ImportError:
        return
    main.add_command(ingest)
    from digest.fetch.cli import fetch

    main.add_command(fetch)


_register_optional()


def entry() -> None:
    """The ``digest`` program: :func:`main`, then an exit that skips the interpreter's teardown.

    A build leaves tens of thousands of objects and modules behind, and Python's
    shutdown frees them one by one and collects their cycles: 0.1 s after a
    10,000-article build, spent on a process that is ending. Every file the
    commands write is closed when they return, so only the output streams
    need flushing. Tests call :func:`main`, which exits the usual way.
    """
    global _ENDS_AFTER
    _ENDS_AFTER = True
    try:
        main()
    except SystemExit as exc:
        if exc.code is not None and not isinstance(exc.code, int):
            raise  # a message: Python prints it and exits 1
        code = exc.code or 0
    else:
        code = 0
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe or stream: nothing more can be shown
            code = code or 1
    os._exit(code)
