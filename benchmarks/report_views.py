"""Screenshots of every view of the HTML report, for a person to look at.

    python benchmarks/report_views.py                      # reports/view-*.png (git-ignored)
    python benchmarks/report_views.py --out /tmp/views --size 300

Builds the report of the seeds, of each dev story (../shared/dev/<story>, articles copied to a temporary
folder) and of a generated corpus (benchmarks/make_corpus.py SIZE --seed 7), opens each in headless
Chromium and saves: the fact sheet, the timeline, a card with a timeline and one with a number line,
filtered views (verdict, source, subject, fact, words), the print of a filtered view, the sources, the
claims that met nothing, and a phone-width page. The names of the files say which view each shows.
"""

from __future__ import annotations

import argparse
import shutil
import time
from pathlib import Path
from typing import Any

from report_pages import ROOT, SHARED, chromium, copy_articles, factcheck_html, generated_corpus, workspace

STORIES = ("notre-dame", "xiaomi-su7", "change6", "valencia-floods")


def shoot(driver: Any, out: Path, name: str, element: Any | None = None, full: bool = False) -> None:
    path = out / f"view-{name}.png"
    if element is not None:
        driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", element)
        element.screenshot(str(path))
    elif full:
        height = min(driver.execute_script("return document.documentElement.scrollHeight"), 12000)
        width = driver.get_window_size()["width"]
        driver.set_window_size(width, height)
        driver.save_screenshot(str(path))
        driver.set_window_size(width, 1000)
    else:
        driver.save_screenshot(str(path))
    print(path)


def load(driver: Any, page: Path) -> None:
    driver.get("about:blank")
    driver.get(page.as_uri())
    time.sleep(0.2)
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    if errors:
        raise SystemExit(f"{page}: the browser logged errors: {errors}")


def choose(driver: Any, select_id: str, text: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    menu = Select(driver.find_element(By.ID, select_id))
    for option in menu.options:
        if text in option.text:
            menu.select_by_visible_text(option.text)
            return
    raise SystemExit(f"no option {text!r} in #{select_id}")


def reset(driver: Any) -> None:
    from selenium.webdriver.common.by import By

    driver.find_element(By.CSS_SELECTOR, "button[type=reset]").click()
    time.sleep(0.1)


def card_of(driver: Any, title: str) -> Any:
    from selenium.webdriver.common.by import By

    for card in driver.find_elements(By.CSS_SELECTOR, "article.card"):
        if title in card.find_element(By.CSS_SELECTOR, ".card-title").get_attribute("textContent"):
            driver.execute_script("for (let n = arguments[0]; n; n = n.parentElement) { if (n.tagName === 'DETAILS')"
                                  " n.open = true; }", card)
            return card
    raise SystemExit(f"no card titled {title!r}")


def print_view(driver: Any, out: Path, name: str) -> None:
    """The page as it prints (CSS print media), and the PDF's page count."""
    import base64

    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    shoot(driver, out, name)
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": True})["data"])
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    print(f"  {name}: {pdf.count(b'/Type /Page') - pdf.count(b'/Type /Pages')} pages when printed")


def seeds_views(driver: Any, page: Path, out: Path) -> None:
    from selenium.webdriver.common.by import By

    load(driver, page)
    shoot(driver, out, "seeds-1-fact-sheet")
    shoot(driver, out, "seeds-2-timeline", driver.find_element(By.CSS_SELECTOR, "section.timeline"))
    shoot(driver, out, "seeds-3-card-announcement-timeline", card_of(driver, "announcement"))
    shoot(driver, out, "seeds-4-card-team-size-number-line", card_of(driver, "team size"))
    driver.find_element(By.CSS_SELECTOR, "input[name=verdict][value=agreement]").click()
    choose(driver, "filter-source", "Gasgoo")
    driver.execute_script("window.scrollTo(0, 0)")
    shoot(driver, out, "seeds-5-filtered-source-and-verdict")
    print_view(driver, out, "seeds-6-print-of-filtered-view")
    reset(driver)
    driver.find_element(By.ID, "filter-text").send_keys("novembre")
    shoot(driver, out, "seeds-7-search", driver.find_element(By.CSS_SELECTOR, "section.facts"))
    reset(driver)
    for details in driver.find_elements(By.CSS_SELECTOR, "details.unmatched-doc"):
        driver.execute_script("arguments[0].open = true", details)
    shoot(driver, out, "seeds-8-claims-that-met-nothing", driver.find_element(By.CSS_SELECTOR, "section.unmatched"))
    shoot(driver, out, "seeds-9-sources", driver.find_element(By.CSS_SELECTOR, "section.sources"))


def story_views(driver: Any, page: Path, out: Path, story: str) -> None:
    from selenium.webdriver.common.by import By

    load(driver, page)
    shoot(driver, out, f"dev-{story}-1-fact-sheet", full=True)
    cards = driver.find_elements(By.CSS_SELECTOR, "article.card")
    pictured = [c for c in cards if c.find_elements(By.CSS_SELECTOR, "svg.picture")]
    for number, card in enumerate(pictured[:2], start=2):
        shoot(driver, out, f"dev-{story}-{number}-card", card)


def corpus_views(driver: Any, page: Path, out: Path, size: int) -> None:
    from selenium.webdriver.common.by import By

    load(driver, page)
    shoot(driver, out, f"corpus{size}-1-top-collapsed")
    shoot(driver, out, f"corpus{size}-2-page-collapsed", full=True)
    subject = driver.find_elements(By.CSS_SELECTOR, "#filter-subject option")[1].text.rsplit(" (", 1)[0]
    choose(driver, "filter-subject", subject)
    driver.execute_script("window.scrollTo(0, 0)")
    shoot(driver, out, f"corpus{size}-3-subject-filter")
    reset(driver)
    for verdict in ("compatible", "agreement"):
        driver.find_element(By.CSS_SELECTOR, f"input[name=verdict][value={verdict}]").click()
    choose(driver, "filter-fact", "capacity")
    driver.execute_script("window.scrollTo(0, 0)")
    shoot(driver, out, f"corpus{size}-4-conflicts-about-capacity")
    print_view(driver, out, f"corpus{size}-5-print-of-filtered-view")
    reset(driver)
    driver.find_element(By.CSS_SELECTOR, "section.timeline summary").click()
    shoot(driver, out, f"corpus{size}-6-timeline", driver.find_element(By.CSS_SELECTOR, "section.timeline"))


def narrow_view(page: Path, out: Path) -> None:
    with chromium(width=420, height=900) as driver:
        load(driver, page)
        shoot(driver, out, "seeds-10-phone-width")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "reports", help="where the PNG files go")
    parser.add_argument("--size", type=int, default=300, help="articles in the generated corpus")
    parser.add_argument("--dev", type=Path, default=SHARED / "dev", help="the dev stories' folder")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with workspace() as work:
        seeds = work / "seeds-run"
        shutil.copytree(ROOT / "seeds", seeds / "seeds")
        seeds_page = factcheck_html(seeds, work / "seeds.html", work / "seeds-cache", "seeds")
        stories = {}
        for story in STORIES:
            if (args.dev / story).is_dir():
                folder = copy_articles(args.dev / story, work / "dev" / story)
                stories[story] = factcheck_html(folder, work / f"{story}.html", work / f"{story}-cache")
        corpus = generated_corpus(args.size, work / "corpus")
        corpus_page = factcheck_html(corpus, work / "corpus.html", work / "corpus-cache")
        with chromium() as driver:
            seeds_views(driver, seeds_page, args.out)
            for story, page in stories.items():
                story_views(driver, page, args.out, story)
            corpus_views(driver, corpus_page, args.out, args.size)
        narrow_view(seeds_page, args.out)


if __name__ == "__main__":
    main()
