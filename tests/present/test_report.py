"""`newsetl report` writes a self-contained page that a real headless browser draws: the run
facts, an event table that sorts and filters, per event the sector tree and the disjoint size
bands with the figures on the bars, the data-quality findings and conflicts beside them, and the
facts with their evidence sentences and source files.

The warehouse is built from files of tests/data: the 2021 World Manufacturing Conference
reported in English and Chinese, a brief English report of it whose band figure disagrees (a
conflict, tests/data/report/wmc2021_brief_en.txt), a fair without a year whose sectors add up
past its total (a data-quality finding, tests/data/report/lakeside_fair_en.txt) and an empty file
(quarantined).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from flows.cli import main
from flows.core.present import report_charts

from conftest import DATA, run_once

pytestmark = pytest.mark.slow  # a real headless browser per test

CHROME_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WMC = "51a5e16f4b784c58"


def browser() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("NEWSETL_BROWSER_TESTS") == "required":
            pytest.fail("chromium is required (NEWSETL_BROWSER_TESTS=required) but not installed")
        pytest.skip("chromium not installed (apt-get install chromium)")
    return found


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("report")
    raw = tmp / "raw"
    raw.mkdir()
    shutil.copy(DATA / "raw" / "en_wmc2021.txt", raw)
    shutil.copy(DATA / "same_event" / "wmc2021_zh.txt", raw)
    for path in (DATA / "report").glob("*.txt"):
        shutil.copy(path, raw)
    (raw / "empty.txt").write_bytes(b"")
    db = tmp / "w.duckdb"
    run_once(raw, db)
    out = tmp / "report.html"
    result = CliRunner().invoke(main, ["report", "--warehouse", str(db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def chrome(report, tmp_path, *args: str, query: str = "") -> subprocess.CompletedProcess:
    """Chromium on the page with a fresh profile; the virtual time budget lets the charts draw."""
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    return subprocess.run(
        [
            browser(),
            *CHROME_FLAGS,
            f"--user-data-dir={profile}",
            "--virtual-time-budget=30000",
            *args,
            report.as_uri() + query,
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )


def dom_of(report, tmp_path, query: str = "") -> str:
    dom = chrome(report, tmp_path, "--dump-dom", query=query).stdout
    assert "<body" in dom, "chromium printed no DOM"
    return dom


def texts(dom: str) -> list[str]:
    """The text of every SVG <text> element: what the charts show."""
    return [re.sub(r"<[^>]+>", "", t) for t in re.findall(r"<text\b[^>]*>(.*?)</text>", dom)]


def table_rows(dom: str) -> list[str]:
    body = dom.split('<table id="event-table">', 1)[1].split("</table>", 1)[0]
    return re.findall(r"<tr data-event=[^>]*>.*?</tr>", body, flags=re.S)


def test_report_is_self_contained(report):
    page = report.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page)
    assert not re.search(r"""<link\b|<script[^>]+src=|@import|url\(\s*["']?\s*(https?:)?//""", page)
    assert len(page.encode()) < 2_000_000, "the page should stay small (Vega bundle ~0.9 MB + data)"
    assert '"Noto Sans CJK SC"' in page and '"WenQuanYi Micro Hei"' in page  # CJK names don't render as boxes


def test_report_header_table_and_evidence_render_in_a_headless_browser(report, tmp_path):
    dom = dom_of(report, tmp_path)
    # every chart drew: by year, WMC sectors and size bands, the fair's sectors
    assert 'data-charts="4"' in dom
    assert dom.count('class="marks"') >= 4
    # the header of run facts
    for fact, value in (
        ("files", "5 known (4 loaded, 1 quarantined)"),
        ("articles", "4 current (en 3, zh 1)"),
        ("quarantined", "1 file(s)"),
        ("data-quality findings", "1"),
    ):
        assert f'data-fact="{fact}">{value}</dd>' in dom, fact
    assert re.search(r'data-fact="from run">[0-9a-z.-]+', dom)
    assert "<code>empty.txt</code>: empty file" in dom
    # the event table: one row per event, with place, figures, languages and DQ flags
    rows = table_rows(dom)
    assert len(rows) == 2
    wmc, fair = rows  # by year, the unknown year last
    assert "World Manufacturing Conference" in wmc and "世界制造业大会" in wmc and "Hefei, Anhui" in wmc
    assert "582.18 bn yuan" in wmc and "en 2 · zh 1" in wmc and "1 conflict" in wmc
    assert "Lakeside Industry Investment Fair" in fair and "unknown year" in fair
    assert 'class="flag warning"' in fair and "sector_parts_exceed_total" in fair
    assert f'href="#event-{WMC}"' in wmc and f'id="event-{WMC}"' in dom
    # the finding beside the sector chart it concerns, with its figures
    assert re.search(
        r'id="chart-sectors-event-86f5a0227b3a4843".*?<aside class="dq">.*?sector_parts_exceed_total'
        r".*?2 sectors add up to 70 projects / 45 billion yuan",
        dom,
        flags=re.S,
    )
    # the conflict beside the facts: which report disagrees, and its sentence
    assert re.search(
        r"Conflicting reports.*?kept <b>7 projects · 90.2 bn yuan</b> from <code>en_wmc2021.txt</code>"
        r".*?<code>wmc2021_brief_en.txt</code> reports",
        dom,
        flags=re.S,
    )
    # evidence sentences with their source files, English and Chinese
    assert re.search(
        r"Among them, there are 7 projects with a total investment of 10 billion yuan and above.*?"
        r"<code>en_wmc2021.txt</code>",
        dom,
        flags=re.S,
    )
    assert re.search(r"大会共促成合作项目703个.*?<code>wmc2021_zh.txt</code>", dom, flags=re.S)


def test_report_charts_put_counts_on_the_bars(report, tmp_path):
    shown = texts(dom_of(report, tmp_path))
    # disjoint size bands 7 / 160 / 536, two derived, projects and yuan on each bar
    for label in ("7 projects · 90.2 bn yuan", "160 projects · 331.71 bn yuan", "536 projects · 160.27 bn yuan"):
        assert label in shown
    assert "below 1 billion yuan" in shown and "10 billion yuan and above" in shown
    # sectors as a tree against the headline total: the sub-sector indented, never a share
    assert "Event total (headline)" in shown and "703 projects · 582.18 bn yuan" in shown
    assert "↳ New and clean energy" in shown and "66 projects · 146.37 bn yuan" in shown
    assert "sub-sector (part of the row above)" in shown
    # by year: the event without a year is its own bucket, flagged
    assert "unknown year" in shown
    assert "1 event · 50 projects · 30 bn yuan · 1 flagged" in shown


def test_report_table_sorts_and_filters(report, tmp_path):
    by_projects = table_rows(dom_of(report, tmp_path, query="?sort=projects&dir=desc"))
    assert "World Manufacturing Conference" in by_projects[0]
    by_projects = table_rows(dom_of(report, tmp_path, query="?sort=projects"))
    assert "Lakeside" in by_projects[0]
    filtered = table_rows(dom_of(report, tmp_path, query="?q=sector_parts"))
    shown = [r for r in filtered if not re.match(r"<tr[^>]*\bhidden", r)]
    assert len(shown) == 1 and "Lakeside" in shown[0]


def test_report_screenshot(report, tmp_path):
    shot = tmp_path / "report.png"
    chrome(report, tmp_path, "--window-size=1300,2400", f"--screenshot={shot}")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 50_000
    keep = os.environ.get("KEEP_REPORT_SCREENSHOT")  # to look at it: KEEP_REPORT_SCREENSHOT=/tmp/r.png
    if keep:
        shutil.copy(shot, keep)


def test_sectors_are_a_tree_not_shares():
    event = {"total_projects": 703, "total_investment_cny": 582.18e9}
    sectors = [
        {
            "sector_level": "sector",
            "sector_code": "manufacturing",
            "sector_name_en": "Manufacturing",
            "parent_sector_code": None,
            "projects": 656,
            "investment_cny": 533.49e9,
        },
        {
            "sector_level": "sector",
            "sector_code": "emerging_industries",
            "sector_name_en": "Emerging",
            "parent_sector_code": None,
            "projects": 463,
            "investment_cny": 435.39e9,
        },
        {
            "sector_level": "parent",
            "sector_code": "emerging_industries",
            "sector_name_en": "Emerging",
            "parent_sector_code": None,
            "projects": 463,
            "investment_cny": 435.39e9,
        },
        {
            "sector_level": "sector",
            "sector_code": "new_energy",
            "sector_name_en": "New energy",
            "parent_sector_code": "emerging_industries",
            "projects": 66,
            "investment_cny": 146.37e9,
        },
    ]
    rows = report_charts.sector_rows(sectors, event)
    assert [r["label"] for r in rows] == [
        "Event total (headline)",
        "Manufacturing",
        "Emerging",
        report_charts.INDENT + "New energy",
    ]
    assert [r["kind"] for r in rows][-1] == "sub-sector (part of the row above)"
    spec = report_charts.sector_chart(sectors, event)
    axes = [layer["encoding"]["y"]["axis"] for layer in spec["layer"] if "y" in layer["encoding"]]
    assert axes and all(a["labelLimit"] == report_charts.LABEL_LIMIT for a in axes)  # long labels cut, not overlapping


def test_years_keep_events_without_a_year():
    events = [
        {"event_year": 2021, "total_projects": 10, "total_investment_cny": 1e9, "dq_issues": 0},
        {"event_year": None, "total_projects": 5, "total_investment_cny": 2e9, "dq_issues": 1},
    ]
    spec = report_charts.year_chart(events)
    labels = [layer for layer in spec["layer"] if layer["mark"]["type"] == "text"][0]["data"]["values"]
    assert [r["label"] for r in labels] == ["2021", "unknown year"]
    assert labels[1]["text"] == "1 event · 5 projects · 2 bn yuan · 1 flagged"
