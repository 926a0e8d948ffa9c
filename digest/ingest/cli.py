"""``digest ingest PATH...``: a thin click layer over :func:`digest.ingest.pipeline.ingest`.

The main ``digest`` group registers this command; it lives here so that the ingest side can
change its options without touching the build side's CLI module.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from digest import config as config_mod
from digest.command_errors import fail
from digest.report import DigestError, Reporter

if TYPE_CHECKING:  # pragma: no cover
    from digest.ingest.pipeline import IngestReport


@click.command("ingest")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--dry-run", "-n", is_flag=True, help="Show what would be written; write nothing.")
@click.option("--topic", "-t", help="File every page under this topic slug.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON on stdout.")
@click.option("--force", is_flag=True,
              help="Replace articles already ingested from the same raw page (a backup is kept "
                   "in .digest/backups/).")
@click.option("--source", "-s", metavar="OUTLET",
              help="The outlet these pages were saved from (a name, alias or domain), for "
                   "pages that print none; a URL of the page's own still wins.")
@click.option("--learn-chrome", is_flag=True,
              help="First relearn each outlet's repeated lines (menus, promos) from the given "
                   "dumps into ingest-chrome.yaml, then ingest with them.")
@click.option("--only-matching", is_flag=True, default=None,
              help="Keep only pages in the digest's languages that match a topic's keywords "
                   "(config: only_matching); the others are counted, not written.")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local",
              show_default=True,
              help="Where the per-page work runs: local processes, or a Dask cluster.")
@click.option("--scheduler", envvar="DIGEST_DASK_SCHEDULER", metavar="ADDRESS",
              help="The Dask scheduler for --executor dask, e.g. tcp://10.0.0.5:8786 "
                   "(or the environment variable DIGEST_DASK_SCHEDULER).")
@click.option("--jobs", "-j", type=click.IntRange(min=1),
              help="Local worker processes (default: one per core; 1: this process only).")
@click.option("--config", "-c", "config_path", default="digest.yaml", show_default=True,
              type=click.Path(dir_okay=False, path_type=Path), help="The digest's configuration.")
@click.option("--quiet", "-q", is_flag=True, help="Show only errors.")
@click.option("--verbose", "-v", is_flag=True, help="Show debug lines.")
def ingest(paths: tuple[Path, ...], dry_run: bool, topic: str | None, as_json: bool, force: bool,
           source: str | None, learn_chrome: bool, only_matching: bool | None, executor: str,
           scheduler: str | None, jobs: int | None, config_path: Path, quiet: bool,
           verbose: bool) -> None:
    """Clean raw pages (PATH: .txt dumps, .html files, .warc/.warc.gz archives, or folders
    of them) into content/.

    With no PATH, the config's raw_dir (raw/) is ingested. Exits 1 when a page failed; a
    page with no date is kept in content/_review/ (see 'digest review'), which is not a
    failure.
    """
    from digest.ingest import executors
    from digest.ingest.pipeline import ingest as run_ingest

    # the report lists every page's problem: the reporter only prints and counts them
    reporter = Reporter(quiet=quiet or as_json, verbose=verbose, remember=False)
    try:
        config = config_mod.load(config_path)
        targets = list(paths) or [Path(config.root) / config.raw_dir]
        runner = executors.make(executor, scheduler, jobs)
        report = run_ingest(targets, config, reporter, dry_run=dry_run, topic=topic, force=force,
                            learn_chrome=learn_chrome, only_matching=only_matching,
                            executor=runner, source=source)
    except DigestError as exc:
        fail(exc, reporter, command="ingest", as_json=as_json)
    if as_json:
        report.write_json(_Echo())  # result by result: an archive's report is long
    elif not quiet:
        verb = "would write" if dry_run else "wrote"
        review = report.count("review")
        kept = f", kept for review {review}" if review else ""
        click.echo(
            f"ingest: {verb} {report.count('written')}{kept}, skipped "
            f"{report.count('skipped')}, failed {report.count('failed')}" + _counted(report),
            err=True,
        )
    failed = report.count("failed")
    report.results.close()
    sys.exit(1 if failed else 0)


class _Echo:
    """Text written to click's stdout as it comes."""

    def write(self, text: str) -> None:
        click.echo(text, nl=False)


def _counted(report: IngestReport) -> str:
    """``; archive records passed over: 3 request record, 1 HTTP 404; dropped ...``"""
    parts = []
    for label, tally in (("archive records passed over", report.passed_over),
                         ("dropped by --only-matching", report.filtered)):
        if tally:
            listed = ", ".join(f"{n} {why}" for why, n in sorted(tally.items()))
            parts.append(f"{label}: {listed}")
    return "".join(f"; {p}" for p in parts)
