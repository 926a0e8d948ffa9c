"""How a command with ``--json`` ends on a :class:`DigestError` (``digest fetch``, ``ingest``).

Shared so both say the same thing the same way: every problem goes through the one
reporter (once), a ``--json`` run still prints valid JSON on stdout, the exit code is 1.
"""

from __future__ import annotations

import json
import sys
from typing import NoReturn

import click

from digest.report import DigestError, Reporter, count


def fail(exc: DigestError, reporter: Reporter, *, command: str, as_json: bool) -> NoReturn:
    """Report ``exc``'s problems not yet reported, say the command failed, exit 1."""
    for problem in exc.problems:
        if problem not in reporter.problems:
            reporter.add(problem)
    if as_json:
        click.echo(json.dumps({"error": [p.as_dict() for p in exc.problems]}, indent=2))
    else:
        errors = reporter.tally["error"] or 1
        click.echo(f"digest: {command} failed with {count(errors, 'error')}", err=True)
    sys.exit(1)
