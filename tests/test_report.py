"""`newsetl report` writes a self-contained page whose charts a real headless browser draws."""
from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from flows.cli import main

from conftest import DATA
from conftest import run_once

CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def browser() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("NEWSETL_BROWSER_TESTS") == "required":
            pytest.fail("chromium is required (NEWSETL_BROWSER_TESTS=required) but not installed")
        pytest.skip("chromium not installed (apt-get install chromium)")
    return found


@pytest.fixture
def report(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(DATA / "raw" / "en_wmc2021.txt", raw)
    db = tmp_path / "w.duckdb"
    run_once(raw, db)
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", "--warehouse", str(db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_report_is_self_contained(report):
    page = report.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']?https?:""", page)
    assert "World Manufacturing Conference" in page


def test_report_charts_render_in_a_headless_browser(report, tmp_path):
    chrome = browser()
    dom = subprocess.run([chrome, *CHROME_FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
                          "--dump-dom", report.as_uri()],
                         capture_output=True, text=True, timeout=120).stdout
    # one bar for the year, two sectors, three size bands (two of them derived)
    assert 'data-rendered="6"' in dom
    assert dom.count('class="derived"') == 2
    assert "703 projects, 582.18 bn yuan" in dom
    shot = tmp_path / "report.png"
    subprocess.run([chrome, *CHROME_FLAGS, f"--user-data-dir={tmp_path / 'profile2'}",
                    "--window-size=1100,900", f"--screenshot={shot}", report.as_uri()],
                   capture_output=True, timeout=120)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
