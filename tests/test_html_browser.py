"""The HTML report in a real headless Chromium (Debian's /usr/bin/chromium and chromedriver).

Opens pages from disk (an invented story, the seeds, every dev story and a generated corpus of 300
articles), checks that they log no errors and that the fact sheet, the cards, the pictures, the filters
(verdict, source, subject, fact), the search and the links work; saves screenshots for a human to look
at (reports/screenshot-*.png, git-ignored; `python benchmarks/report_views.py` writes every view).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from checker.report.html_report import HtmlReporter
from tests.conftest import SEEDS, SHARED
from tests.test_html_report import HOSTILE, TEXTS, make_report
from tests.trust_helpers import factcheck

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "reports"
DEV = SHARED / "dev"
STORIES = sorted(p.name for p in DEV.iterdir() if p.is_dir()) if DEV.is_dir() else []

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


def open_page(browser: Any, page: Path) -> None:
    browser.get("about:blank")
    browser.get_log("browser")  # drop what an earlier page logged
    browser.get(page.as_uri())


def open_report(browser: Any, tmp_path: Path, html_text: str) -> None:
    page = tmp_path / "report.html"
    page.write_text(html_text, encoding="utf-8")
    open_page(browser, page)


def cli_page(folder: Path, *paths: str) -> Path:
    """The HTML report of ``paths`` in ``folder``, written by `factcheck run --format html`."""
    page = folder / "report-under-test.html"
    done = factcheck("run", *paths, "--format", "html", "-o", str(page), "--output-dir", "-", "--claims",
                     str(folder / "claims-cache"), cwd=folder)
    assert done.returncode == 0, done.stderr
    return page


def visible(browser: Any, selector: str) -> list[Any]:
    return [e for e in browser.find_elements(By.CSS_SELECTOR, selector) if e.is_displayed()]


def visible_cards(browser: Any) -> list[Any]:
    return visible(browser, "article.card")


def shown_count(browser: Any) -> int:
    """Cards the filters let through (in a closed group or not)."""
    return int(browser.execute_script(
        "return document.querySelectorAll('article.card:not([hidden])').length"))


def severe(browser: Any) -> list[dict[str, Any]]:
    return [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]


def select(browser: Any, ident: str, containing: str) -> None:
    menu = Select(browser.find_element(By.ID, ident))
    for option in menu.options:
        if containing in option.text:
            menu.select_by_visible_text(option.text)
            return
    raise AssertionError(f"no option with {containing!r} in #{ident}")


def reset(browser: Any) -> None:
    browser.find_element(By.CSS_SELECTOR, "button[type=reset]").click()


def screenshot(browser: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SCREENSHOTS / f"screenshot-{name}.png"))


def drawn(element: Any) -> bool:
    size = element.size
    return size["width"] > 50 and size["height"] > 20


def test_report_in_a_real_browser(browser: Any, tmp_path: Path) -> None:
    open_report(browser, tmp_path, HtmlReporter(sources=TEXTS).render(make_report()))
    assert severe(browser) == []

    # The filters appear once the script runs; every card is shown, one per fact, conflicts first.
    assert browser.find_element(By.ID, "filters").is_displayed()
    cards = visible_cards(browser)
    assert [c.get_attribute("data-verdict") for c in cards] == ["conflict", "conflict", "agreement"]
    assert "These dates are about 2 months apart" in cards[0].text
    assert browser.find_element(By.ID, "visible-count").text == "Showing all 3 facts."
    marks = [m.text for m in cards[0].find_elements(By.TAG_NAME, "mark")]
    assert marks == ["2031", "April 7, 2031", "juin 2031"]
    # The fact sheet: a row per fact, the values as written.
    rows = visible(browser, "tr.sheet-row")
    assert len(rows) == 3 and "April 7, 2031" in rows[0].text and "juin 2031" in rows[0].text
    # Pictures are drawn: a timeline for the opening, a number line for the workforce.
    assert [drawn(svg) for svg in visible(browser, "svg.picture")] == [True, True]
    screenshot(browser, "invented-story")

    # Verdict filter: conflicts off leaves the agreement; on again brings them back.
    browser.find_element(By.CSS_SELECTOR, "input[name=verdict][value=conflict]").click()
    assert [c.get_attribute("data-verdict") for c in visible_cards(browser)] == ["agreement"]
    assert browser.find_element(By.ID, "visible-count").text == "Showing 1 of 3 facts."
    assert len(visible(browser, "tr.sheet-row")) == 1
    note = browser.find_element(By.ID, "filter-note")
    assert note.is_displayed() and note.text.startswith("Filtered view (verdicts hidden: Conflict)")
    browser.find_element(By.CSS_SELECTOR, "input[name=verdict][value=conflict]").click()
    assert len(visible_cards(browser)) == 3 and not note.is_displayed()

    # Source, subject and fact filters.
    select(browser, "filter-source", "Terminal update")
    assert [c.get_attribute("data-fact") for c in visible_cards(browser)] == ["opening"]
    select(browser, "filter-source", "All sources")
    select(browser, "filter-fact", "workforce")
    assert [c.get_attribute("data-severity") for c in visible_cards(browser)] == ["soft"]
    select(browser, "filter-fact", "All facts")
    select(browser, "filter-subject", "Kellbrook")
    assert len(visible_cards(browser)) == 3
    select(browser, "filter-subject", "All subjects")

    # Search narrows the cards (accent-insensitive), and nothing matching shows the empty note.
    search = browser.find_element(By.ID, "filter-text")
    search.send_keys("typically 151")
    assert [c.get_attribute("data-fact") for c in visible_cards(browser)] == ["workforce"]
    search.clear()
    search.send_keys("autorite portuaire")  # "autorité portuaire": quoted on the opening's card and the cost's
    assert [c.get_attribute("data-fact") for c in visible_cards(browser)] == ["opening", "cost"]
    search.clear()
    search.send_keys("no such words anywhere")
    assert visible_cards(browser) == []
    assert browser.find_element(By.ID, "no-match").is_displayed()

    # Clearing the filters shows everything again.
    reset(browser)
    assert len(visible_cards(browser)) == 3
    assert not browser.find_element(By.ID, "no-match").is_displayed()

    # A card's source link lands on the sources table; a fact's name in the sheet on its card.
    link = cards[0].find_element(By.CSS_SELECTOR, "figcaption a")
    link.click()
    assert browser.execute_script("return location.hash") == link.get_attribute("hash")
    rows[1].find_element(By.CSS_SELECTOR, "th a").click()
    assert browser.execute_script("return location.hash") == "#" + cards[1].get_attribute("id")
    assert severe(browser) == []


def test_hostile_text_does_not_run(browser: Any, tmp_path: Path) -> None:
    texts = {p: t.replace("Kellbrook", HOSTILE) for p, t in TEXTS.items()}
    open_report(browser, tmp_path, HtmlReporter(sources=texts).render(make_report(town=HOSTILE)))
    assert browser.execute_script("return document.images.length") == 0
    assert len(browser.find_elements(By.TAG_NAME, "script")) == 1
    assert HOSTILE in browser.find_element(By.TAG_NAME, "main").text
    assert severe(browser) == []


def test_the_seeds(browser: Any, tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    open_page(browser, cli_page(tmp_path, "seeds"))
    assert severe(browser) == []
    # Sources named by their titles or sites, in the sheet's columns.
    headers = [h.text for h in visible(browser, "table.sheet-table thead th")]
    assert "Gasgoo" in headers
    assert not any("_5d98" in h or ".txt" in h for h in headers)
    cards = {c.find_element(By.CSS_SELECTOR, ".card-title").text: c for c in visible_cards(browser)}
    # The brand's announcement: both dates on one timeline.
    announcement = cards["Qijing · announcement"]
    timeline = announcement.find_element(By.CSS_SELECTOR, "svg.picture.timeline")
    assert drawn(timeline)
    labels = [t.text for t in timeline.find_elements(By.CSS_SELECTOR, "text.row-label")]
    assert any(label.startswith("November 2024") for label in labels)
    assert any(label.startswith("25 September 2025") for label in labels)
    assert len(timeline.find_elements(By.CSS_SELECTOR, ".m-conflict")) == 3
    # The team size: both ranges on one number line, the gap between their usual readings visible.
    team = cards["Huawei · team size"]
    line = team.find_element(By.CSS_SELECTOR, "svg.picture.number-line")
    bars = sorted(line.find_elements(By.CSS_SELECTOR, "rect.bar"), key=lambda b: b.rect["x"])
    assert len(bars) == 2
    assert bars[0].rect["x"] + bars[0].rect["width"] <= bars[1].rect["x"] + 1
    assert "more than 100 people (typically 101 to 199)" in team.text
    assert "several hundred people (200 to 999)" in team.text
    screenshot(browser, "seeds")

    select(browser, "filter-fact", "announcement")
    assert [c.find_element(By.CSS_SELECTOR, ".card-title").text for c in visible_cards(browser)] == [
        "Qijing · announcement"]
    reset(browser)
    select(browser, "filter-source", "Gasgoo")
    assert 0 < len(visible_cards(browser)) < len(cards)
    assert all("Gasgoo" in c.text for c in visible_cards(browser))
    reset(browser)
    select(browser, "filter-subject", "Huawei")
    assert {c.get_attribute("data-subject") for c in visible_cards(browser)} == {
        visible_cards(browser)[0].get_attribute("data-subject")}
    reset(browser)
    browser.find_element(By.ID, "filter-text").send_keys("novembre")
    assert [c.find_element(By.CSS_SELECTOR, ".card-title").text for c in visible_cards(browser)] == [
        "Qijing · announcement"]
    assert severe(browser) == []


@pytest.mark.parametrize("story", STORIES)
def test_the_dev_stories(browser: Any, tmp_path: Path, story: str) -> None:
    folder = tmp_path / story
    folder.mkdir()
    for article in sorted((DEV / story).glob("[0-9][0-9][0-9]_*")):
        shutil.copy(article, folder / article.name)
    open_page(browser, cli_page(tmp_path, story))
    assert severe(browser) == []
    cards = visible_cards(browser)
    assert cards
    # Every card with two or more dates or figures has its picture, drawn.
    for card in cards:
        pictures = card.find_elements(By.CSS_SELECTOR, "svg.picture")
        assert all(drawn(p) for p in pictures)
        assert pictures or len(card.find_elements(By.CSS_SELECTOR, ".value")) == 1 or \
            not card.find_elements(By.CSS_SELECTOR, ".values .value mark")
    assert len(visible(browser, "tr.sheet-row")) == len(cards)
    screenshot(browser, f"dev-{story}")
    first = cards[0]
    select(browser, "filter-fact", first.get_attribute("data-fact").split(" / ")[0])
    assert first in visible_cards(browser)
    reset(browser)
    browser.find_element(By.CSS_SELECTOR, "input[name=verdict][value=agreement]").click()
    assert all(c.get_attribute("data-verdict") != "agreement" for c in visible_cards(browser))
    reset(browser)
    assert severe(browser) == []


@pytest.fixture(scope="module")
def corpus_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus300")
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), "300", "--seed", "7", "--out",
                    str(root / "corpus")], check=True, capture_output=True)
    (root / "corpus" / "gold.toml").unlink()
    return cli_page(root, "corpus")


def test_a_generated_corpus_of_300_articles(browser: Any, corpus_page: Path) -> None:
    assert corpus_page.stat().st_size <= 5_000_000
    open_page(browser, corpus_page)
    assert severe(browser) == []
    total = shown_count(browser)
    assert total > 300
    assert browser.execute_script("var ids = Array.from(document.querySelectorAll('[id]'), e => e.id);"
                                  "return ids.length - new Set(ids).size") == 0
    # Facts are grouped by subject and start collapsed: the page opens short.
    groups = browser.find_elements(By.CSS_SELECTOR, "details.subject-sheet")
    assert len(groups) > 50 and not any(g.get_attribute("open") for g in groups)
    assert browser.execute_script("return document.documentElement.scrollHeight") < 20_000
    screenshot(browser, "corpus300")

    # The subject filter opens that subject's groups and shows only its facts.
    select(browser, "filter-subject", groups[0].find_element(By.CSS_SELECTOR, ".subject-name").text)
    shown = visible_cards(browser)
    assert shown and shown_count(browser) == len(shown) < total
    assert len({c.get_attribute("data-subject") for c in shown}) == 1
    reset(browser)
    # Conflicts about one fact, across subjects; a site's articles together.
    for verdict in ("attributed", "updated", "compatible", "agreement"):
        browser.find_element(By.CSS_SELECTOR, f"input[name=verdict][value={verdict}]").click()
    select(browser, "filter-fact", "capacity")
    conflicts = visible_cards(browser)
    assert conflicts and all(c.get_attribute("data-verdict") == "conflict" for c in conflicts)
    assert all(c.get_attribute("data-fact") == "capacity" for c in conflicts)
    note = browser.find_element(By.ID, "filter-note")
    assert "fact: capacity" in note.text and f"of {total} facts" in note.text
    # One row left per subject: the sheet keeps only the columns of the sources that state it.
    assert browser.execute_script(
        "return document.querySelectorAll('tr.sheet-row:not([hidden]) td.none:not([hidden])').length") == 0
    # Printed, the filtered view says it is filtered and hides the form.
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert note.is_displayed() and not browser.find_element(By.ID, "filters").is_displayed()
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    reset(browser)
    select(browser, "filter-source", "All of ")
    by_site = shown_count(browser)
    assert 0 < by_site < total
    reset(browser)
    browser.find_element(By.ID, "filter-text").send_keys("150,000")
    assert 0 < shown_count(browser) < total
    reset(browser)
    # The timeline of dated facts: one strip per dated fact on one axis.
    strips = browser.find_elements(By.CSS_SELECTOR, "li.strip-row")
    assert len(strips) > 40
    # A link to a card inside a closed group opens the group.
    target = browser.find_elements(By.CSS_SELECTOR, "tr.sheet-row th a")[-1]
    browser.execute_script("arguments[0].click()", target)
    card = browser.find_element(By.ID, target.get_attribute("hash")[1:])
    assert card.is_displayed()
    assert severe(browser) == []
