"""``digest fetch [URL...]``: a thin click layer over :func:`digest.fetch.run.fetch`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from digest import config as config_mod
from digest.command_errors import fail
from digest.report import DigestError, Reporter


@click.command("fetch")
@click.argument("urls", nargs=-1)
@click.option("--dry-run", "-n", is_flag=True,
              help="Read the sources and list the pages that would be fetched; download and "
                   "write nothing.")
@click.option("--no-ingest", is_flag=True, help="Only download into raw/; do not ingest.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON on stdout.")
@click.option("--config", "-c", "config_path", default="digest.yaml", show_default=True,
              type=click.Path(dir_okay=False, path_type=Path), help="The digest's configuration.")
@click.option("--quiet", "-q", is_flag=True, help="Show only errors and the summary.")
@click.option("--verbose", "-v", is_flag=True, help="Show debug lines.")
def fetch(urls: tuple[str, ...], dry_run: bool, no_ingest: bool, as_json: bool,
          config_path: Path, quiet: bool, verbose: bool) -> None:
    """Download new pages from fetch.sources (feeds, sitemaps, pages) and the URLs given
    into raw/, then ingest them. Exits 1 when a URL failed or was blocked."""
    from digest.fetch.run import fetch as run_fetch

    # With --json, stdout carries the report; errors still go to stderr.
    reporter = Reporter(quiet=quiet or as_json, verbose=verbose)
    try:
        config = config_mod.load(config_path)
        report = run_fetch(config, reporter, list(urls), dry_run=dry_run, ingest=not no_ingest)
    except DigestError as exc:
        fail(exc, reporter, command="fetch", as_json=as_json)
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(report.summary(), err=True)  # the one line a CI log keeps
    sys.exit(1 if report.failed else 0)
