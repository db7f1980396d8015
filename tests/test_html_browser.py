"""The HTML report in a real headless Chromium (Debian's /usr/bin/chromium and chromedriver).

Opens the page from disk, checks that it logs no errors, that the filters and
the search box hide and show cards, and saves a screenshot for a human to look
at (reports/screenshot-report.png, git-ignored).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from checker.report.html_report import HtmlReporter
from tests.test_html_report import HOSTILE, TEXTS, make_report

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ROOT = Path(__file__).resolve().parents[1]
SCREENSHOT = ROOT / "reports" / "screenshot-report.png"

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is absent: run .ci/install-browser.sh (Debian: apt-get install chromium "
                "chromium-driver) to run the browser test", allow_module_level=True)
if not CHROMEDRIVER.exists():
    pytest.fail(f"{CHROMIUM} is installed but {CHROMEDRIVER} is not: apt-get install chromium-driver",
                pytrace=False)

webdriver = pytest.importorskip("selenium.webdriver",
                                reason="selenium is not installed (pip install selenium)")
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    profile = tmp_path_factory.mktemp("chromium-profile")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1600", f"--user-data-dir={profile}"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # An explicit driver path: Selenium Manager downloads nothing.
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_report(browser: Any, tmp_path: Path, html_text: str) -> None:
    page = tmp_path / "report.html"
    page.write_text(html_text, encoding="utf-8")
    browser.get_log("browser")  # drop what an earlier page logged
    browser.get(page.as_uri())


def visible_cards(browser: Any) -> list[Any]:
    return [c for c in browser.find_elements(By.CSS_SELECTOR, "article.card") if c.is_displayed()]


def severe(browser: Any) -> list[dict[str, Any]]:
    return [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]


def test_report_in_a_real_browser(browser: Any, tmp_path: Path) -> None:
    open_report(browser, tmp_path, HtmlReporter(sources=TEXTS).render(make_report()))
    assert severe(browser) == []

    # The filters appear once the script runs; all four cards are shown, conflicts first.
    assert browser.find_element(By.ID, "filters").is_displayed()
    cards = visible_cards(browser)
    verdicts = [c.get_attribute("data-verdict") for c in cards]
    assert verdicts == ["conflict", "conflict", "compatible", "agreement"]
    assert "2031-04-07 and 2031-06 are about 2 months apart" in cards[0].text
    assert browser.find_element(By.ID, "visible-count").text == "Showing all 4 findings."
    marks = [m.text for m in cards[0].find_elements(By.TAG_NAME, "mark")]
    assert marks == ["April 7, 2031", "juin 2031"]

    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SCREENSHOT))

    # Verdict filter: conflicts off leaves the compatible pair and the agreement; on again brings them back.
    browser.find_element(By.CSS_SELECTOR, "input[name=verdict][value=conflict]").click()
    assert [c.get_attribute("data-verdict") for c in visible_cards(browser)] == ["compatible", "agreement"]
    assert browser.find_element(By.ID, "visible-count").text == "Showing 2 of 4 findings."
    assert not browser.find_element(By.ID, "group-conflict").is_displayed()
    browser.find_element(By.CSS_SELECTOR, "input[name=verdict][value=conflict]").click()
    assert len(visible_cards(browser)) == 4

    # Source and attribute filters.
    Select(browser.find_element(By.ID, "filter-source")).select_by_visible_text("wire.html")
    assert [c.get_attribute("data-verdict") for c in visible_cards(browser)] == ["compatible"]
    Select(browser.find_element(By.ID, "filter-source")).select_by_index(0)
    Select(browser.find_element(By.ID, "filter-attribute")).select_by_visible_text("workforce")
    assert [c.get_attribute("data-severity") for c in visible_cards(browser)] == ["soft"]
    Select(browser.find_element(By.ID, "filter-attribute")).select_by_index(0)

    # Search narrows the cards (accent-insensitive), and nothing matching shows the empty note.
    search = browser.find_element(By.ID, "filter-text")
    search.send_keys("far BELOW")
    assert [c.get_attribute("data-severity") for c in visible_cards(browser)] == ["soft"]
    assert browser.find_element(By.ID, "visible-count").text == "Showing 1 of 4 findings."
    search.clear()
    accented = [c for c in cards if "autorité" in c.text]
    search.send_keys("autorite")
    assert 0 < len(visible_cards(browser)) == len(accented)
    search.clear()
    search.send_keys("no such words anywhere")
    assert visible_cards(browser) == []
    assert browser.find_element(By.ID, "no-match").is_displayed()

    # Clearing the filters shows everything again.
    browser.find_element(By.CSS_SELECTOR, "button[type=reset]").click()
    assert len(visible_cards(browser)) == 4
    assert not browser.find_element(By.ID, "no-match").is_displayed()

    # A card's source link lands on the sources table.
    cards[0].find_element(By.CSS_SELECTOR, "figcaption a").click()
    assert browser.execute_script("return location.hash") == cards[0].find_element(
        By.CSS_SELECTOR, "figcaption a").get_attribute("hash")
    assert severe(browser) == []


def test_hostile_text_does_not_run(browser: Any, tmp_path: Path) -> None:
    open_report(browser, tmp_path, HtmlReporter().render(make_report(town=HOSTILE)))
    assert browser.execute_script("return document.images.length") == 0
    assert len(browser.find_elements(By.TAG_NAME, "script")) == 1
    assert HOSTILE in browser.find_element(By.TAG_NAME, "main").text
    assert severe(browser) == []
