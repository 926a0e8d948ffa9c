"""The build-time SVG charts: right numbers, a text alternative, same bytes every time."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from digest import charts
from digest.config import Topic
from digest.issues import Issue, Section

SVG = "{http://www.w3.org/2000/svg}"
WAR, DIPLOMACY = Topic("war", "War", ()), Topic("diplomacy", "Diplomacy", ())


class _A:  # the charts only count articles; anything in a section will do
    pass


def issue(week: str, **counts: int) -> Issue:
    topics = {"war": WAR, "diplomacy": DIPLOMACY}
    return Issue(week, [Section(topics[t], [_A() for _ in range(n)]) for t, n in counts.items()])


def test_week_ids_count_back_across_the_new_year():
    ids = charts.week_ids("2024-W02", 4)
    assert ids == ("2023-W51", "2023-W52", "2024-W01", "2024-W02")
    assert len(charts.week_ids("2023-W33")) == 12


def test_counts_cover_the_twelve_weeks_up_to_the_latest_issue_including_empty_ones():
    issues = [issue("2023-W10", war=9), issue("2023-W30", war=2, diplomacy=1),
              issue("2023-W33", diplomacy=4)]
    data = charts.weekly_counts(issues, [WAR, DIPLOMACY])
    assert data.weeks[0] == "2023-W22" and data.weeks[-1] == "2023-W33"
    war, diplomacy = data.series
    assert war.counts == (0,) * 8 + (2, 0, 0, 0)  # W10 is outside the window
    assert diplomacy.counts[-1] == 4 and diplomacy.total == 5
    assert data.peak == 4 and data.total(8) == 3
    assert data.issues == {"2023-W10", "2023-W30", "2023-W33"}


def test_no_issue_means_no_chart():
    made = charts.site_charts([], [WAR])
    assert made.weekly == "" and made.sparklines == {} and made.data is None


def test_bar_chart_is_an_image_with_title_desc_and_a_bar_per_topic_week():
    data = charts.weekly_counts([issue("2023-W32", war=3), issue("2023-W33", war=1, diplomacy=2)],
                                [WAR, DIPLOMACY])
    svg = charts.bar_chart(data)
    root = ET.fromstring(svg)  # well-formed XML
    assert root.get("role") == "img"
    labelled = root.get("aria-labelledby").split()
    assert [e.get("id") for e in (root.find(SVG + "title"), root.find(SVG + "desc"))] == labelled
    desc = root.find(SVG + "desc").text
    assert "2023-W22 to 2023-W33" in desc and "6 articles" in desc and "War 4" in desc
    rects = root.findall(f".//{SVG}rect")
    assert len(rects) == 3  # W32 war, W33 war, W33 diplomacy; empty weeks draw nothing
    assert [r.find(SVG + "title").text for r in rects][-1] == "2023-W33 · Diplomacy: 2"
    assert "<script" not in svg and "href" not in svg


def test_taller_bars_stand_for_more_articles():
    data = charts.weekly_counts([issue("2023-W32", war=3), issue("2023-W33", war=1)], [WAR])
    rects = ET.fromstring(charts.bar_chart(data)).iter(SVG + "rect")
    heights = [float(r.get("height")) for r in rects]
    assert heights[0] == 3 * heights[1]


def test_sparkline_describes_its_numbers_and_marks_the_latest_week():
    data = charts.weekly_counts([issue("2023-W32", war=3), issue("2023-W33", war=1)], [WAR])
    svg = charts.sparkline(data.series[0], data.weeks)
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    assert root.find(SVG + "title").text == "War: articles per week, 2023-W22 to 2023-W33"
    assert root.find(SVG + "desc").text.endswith("3, 1; 1 in 2023-W33")
    assert len(root.find(SVG + "polyline").get("points").split()) == 12


def test_titles_are_escaped():
    odd = Topic("odd", "</title><script>x</script>", ())
    data = charts.weekly_counts([Issue("2023-W33", [Section(odd, [_A()])])], [odd])
    made = charts.site_charts([Issue("2023-W33", [Section(odd, [_A()])])], [odd])
    for svg in (charts.bar_chart(data), made.sparklines["odd"]):
        ET.fromstring(svg)
        assert "<script>" not in svg


def test_same_input_same_bytes():
    issues = [issue("2023-W30", war=2, diplomacy=5), issue("2023-W33", diplomacy=4)]
    one = charts.site_charts(issues, [WAR, DIPLOMACY])
    two = charts.site_charts(issues, [WAR, DIPLOMACY])
    assert one.weekly == two.weekly and one.sparklines == two.sparklines
    assert one.colors == {"war": charts.PALETTE[0], "diplomacy": charts.PALETTE[1]}


def test_ticks_are_round_and_cover_the_peak():
    for peak in (0, 1, 2, 3, 4, 5, 7, 9, 10, 13, 37, 99, 250, 1234):
        ticks = charts._ticks(peak)
        assert ticks[0] == 0 and ticks[-1] >= peak and len(ticks) <= 4
