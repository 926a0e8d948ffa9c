"""The report's rows on disk: read back as they were appended, and printed as JSON whole."""

from __future__ import annotations

import io
import json

from digest.ingest.pipeline import IngestReport
from digest.ingest.results import FileResult, Results


def _report() -> IngestReport:
    report = IngestReport()
    report.results.append(FileResult("raw/a.txt", "written", article="content/x/a.md",
                                     story="s-a", warnings=["no topic keyword matched; ü"]))
    report.results.append(FileResult("raw/b.txt", "skipped", reason="duplicate of raw/a.txt"))
    report.results.append(FileResult("raw/c.txt", "review", reason="no date",
                                     article="content/_review/c.md", story="c"))
    report.passed_over["request record"] += 3
    return report


def test_results_come_back_in_order_and_a_story_can_be_set_afterwards():
    report = _report()
    report.results.set_story("content/x/a.md", "s-final")
    assert [r.file for r in report.results] == ["raw/a.txt", "raw/b.txt", "raw/c.txt"]
    assert report.results[0] == FileResult("raw/a.txt", "written", article="content/x/a.md",
                                           story="s-final",
                                           warnings=["no topic keyword matched; ü"])
    assert report.results[-1].status == "review" and len(report.results) == 3
    assert [r.file for r in report.written] == ["raw/a.txt"]
    assert report.count("skipped") == 1 and report.count("failed") == 0


def test_the_json_report_written_row_by_row_is_the_one_json_dumps_gives():
    for report in (_report(), IngestReport()):
        out = io.StringIO()
        report.write_json(out)
        assert out.getvalue() == json.dumps(report.as_dict(), ensure_ascii=False, indent=2) + "\n"
    assert Results([FileResult("x", "failed")])[0].status == "failed"
