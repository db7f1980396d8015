"""Report benchmark: size and render time of the reports, and how fast Chromium opens the HTML page.

    python benchmarks/report_speed.py                 # generated corpora of 300 and 1,000 articles
    python benchmarks/report_speed.py --sizes 300 --runs 5

For each size a corpus is generated (benchmarks/make_corpus.py N --seed 7), extracted and compared once
(not timed here: benchmarks/run.py measures that), then:

- each report is rendered ``--runs`` times (the median is printed): HTML, terminal (100 columns),
  ClaimReview; the HTML page's size in bytes;
- headless Chromium (Debian's, as for the browser tests) opens the page from disk ``--runs`` times,
  after about:blank each time; printed are the medians of the navigation timing's
  domContentLoadedEventEnd (the page is parsed and its script has run: filters work) and loadEventEnd
  (everything is laid out), both from the start of navigation, and the wall time of the driver's get();
- the page's height as it opens (subject groups collapsed; the browser sizes what lies off screen by
  estimate, content-visibility) and the pages a print of it takes (A4/Letter as Chromium prints), the
  same with every group open (up to 300 articles), and for the view an editor prints most: conflicts
  only, groups open.

The targets (issue 17) are a page of at most 5 MB at 300 articles that opens in under 3 s.
"""

from __future__ import annotations

import argparse
import base64
import json
import statistics
import time
from pathlib import Path
from typing import Any

from report_pages import chromium, cpu_count, generated_corpus, workspace

LIMIT_BYTES = 5_000_000
LIMIT_OPEN_S = 3.0
ALL_OPEN_UP_TO = 300


def _median_time(work: Any, runs: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def _pdf_pages(driver: Any) -> int:
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": True})["data"])
    return pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")


def measure(size: int, runs: int, work: Path) -> dict[str, Any]:
    from checker import pipeline
    from checker.report.claimreview import ClaimReviewReporter
    from checker.report.html_report import HtmlReporter
    from checker.report.terminal import TerminalReporter

    corpus = generated_corpus(size, work / f"corpus{size}")
    paths = sorted(str(p) for p in corpus.iterdir() if p.suffix in {".txt", ".md", ".html"})
    extraction = pipeline.extract(paths, claims_dir=None, use_cache=False, workers=cpu_count())
    report = pipeline.build_report(extraction, pipeline.compare(extraction))
    texts = {doc.path: doc.raw for doc in extraction.documents}
    html_s, page_text = _median_time(lambda: HtmlReporter(sources=texts).render(report), runs)
    text_s, _ = _median_time(lambda: TerminalReporter(width=100, texts=texts).render(report), runs)
    review_s, _ = _median_time(lambda: ClaimReviewReporter(texts=texts).render(report), runs)
    page = work / f"report{size}.html"
    page.write_text(page_text, encoding="utf-8")
    figures: dict[str, Any] = {
        "articles": len(extraction.documents), "claims": len(report.claims), "findings": len(report.findings),
        "html_bytes": page.stat().st_size, "html_render_s": round(html_s, 3), "text_render_s": round(text_s, 3),
        "claimreview_render_s": round(review_s, 3),
    }
    with chromium() as driver:
        loaded, parsed, walls = [], [], []
        for _ in range(runs):
            driver.get("about:blank")
            start = time.perf_counter()
            driver.get(page.as_uri())
            walls.append(time.perf_counter() - start)
            timing = driver.execute_script(
                "var t = performance.getEntriesByType('navigation')[0];"
                "return [t.domContentLoadedEventEnd, t.loadEventEnd];")
            parsed.append(timing[0] / 1000)
            loaded.append(timing[1] / 1000)
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        figures.update({
            "cards": driver.execute_script("return document.querySelectorAll('article.card').length"),
            "open_dom_ready_s": round(statistics.median(parsed), 3),
            "open_load_s": round(statistics.median(loaded), 3),
            "open_wall_s": round(statistics.median(walls), 3),
            "page_height_px": driver.execute_script("return document.documentElement.scrollHeight"),
            "print_pages": _pdf_pages(driver),
            "browser_errors": len(errors),
        })
        if size <= ALL_OPEN_UP_TO:
            # Everything on paper: every group open, nothing filtered (beyond 300 articles a print of
            # hundreds of pages outlasts the driver's two-minute wait).
            driver.execute_script("document.getElementById('expand-all').click();")
            figures["all_open_print_pages"] = _pdf_pages(driver)
            driver.execute_script("document.getElementById('collapse-all').click();")
        # The view an editor prints: the conflicts, every group of them open.
        driver.execute_script(
            "document.querySelectorAll('input[name=verdict]').forEach(function (b) {"
            "  if (b.value !== 'conflict' && b.checked) { b.click(); } });"
            "document.getElementById('expand-all').click();")
        figures["conflicts_print_pages"] = _pdf_pages(driver)
    figures["within_targets"] = (figures["html_bytes"] <= LIMIT_BYTES if size <= 300 else None,
                                 figures["open_load_s"] < LIMIT_OPEN_S if size <= 300 else None)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 1000], help="articles per corpus")
    parser.add_argument("--runs", type=int, default=3, help="renders and page loads per size (median)")
    args = parser.parse_args()
    with workspace() as work:
        for size in args.sizes:
            figures = measure(size, args.runs, work)
            print(json.dumps({"size": size, **figures}), flush=True)


if __name__ == "__main__":
    main()
