"""``digest check``: every problem of a project (and, with ``--site``, of its built site) at once.

It runs the same loaders as build, so what check accepts, build accepts, and
adds what build tolerates but an editor should fix: articles without a written
``id`` (their derived id would change if the file were renamed, re-sending the
article to feed readers), and every article kept for review in ``content/_review/``
with the line to fill in (:mod:`digest.review`). Nothing is written. The checks of a
built site live in :mod:`digest.check_site`.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from digest import config as config_mod
from digest import content, review, store, theme
from digest.config import Config
from digest.report import DigestError, Reporter


def check(
    config_path: Path,
    reporter: Reporter,
    *,
    base_url: str | None = None,
    site: bool = False,
    out: Path | None = None,
) -> Config | None:
    """Report every problem through ``reporter``; return the config when it loaded."""
    try:
        config = config_mod.load(config_path, {"base_url": base_url})
    except DigestError as exc:
        for p in exc.problems:
            reporter.add(p)
        return None
    check_content(config, reporter)
    check_theme(config, reporter)
    if site:
        from digest.check_site import check_site

        check_site(out or config.root / config.output_dir, config.base_url, reporter)
    return config


def check_content(config: Config, reporter: Reporter) -> int:
    """Validate every article, drafts included; returns how many loaded."""
    articles, problems = store.load(config, drafts=True)
    for p in problems:
        reporter.add(p)
    for a in articles:
        if a.id == content.derived_id(a.topic, a.slug):
            reporter.warning(
                "no 'id' in the front matter; its id would change if the file were renamed",
                a.file, 2, hint=f"write it down: add 'id: {a.id}'",
            )
    waiting = review.report(config, reporter)
    reporter.debug(f"checked {len(articles)} articles, {waiting} kept for review")
    return len(articles)


def check_theme(config: Config, reporter: Reporter) -> None:
    """The theme exists and every template in its chain compiles."""
    try:
        env = theme.environment(config)
    except DigestError as exc:
        for p in exc.problems:
            reporter.add(p)
        return
    for name in env.list_templates(extensions=["html", "xml", "txt"]):
        try:
            env.get_template(name)
        except jinja2.TemplateError as exc:
            reporter.add(theme.template_problem(exc, config))
