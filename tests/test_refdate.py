"""Reference-date inference: dateline, report date, year from the text's own past and future."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker.document import Document
from checker.records import DateSource, DocumentInfo, Zone
from checker.refdate import infer_year, resolve_reference_date
from checker.textmap import MappedText

SEEDS = Path(__file__).parents[1] / "seeds"


def make_doc(
    text: str,
    lang: str,
    ref: dt.date | None = None,
    source: DateSource = "unknown",
    zones: tuple[Zone, ...] | None = None,
) -> Document:
    info = DocumentInfo(
        path="t.txt",
        format="txt",
        language=lang,
        reference_date=ref,
        reference_date_source=source,
        sha256="0" * 64,
        characters=len(text),
    )
    return Document(
        info=info,
        raw=text,
        analysis=MappedText.identity(text),
        zones=zones if zones is not None else (Zone(kind="body", start=0, end=len(text)),),
    )


def test_dateline_with_year() -> None:
    doc = resolve_reference_date(make_doc("BERLIN, 4 March 2019 (Agency) - The firm said sales fell.", "en"))
    assert doc.info.reference_date == dt.date(2019, 3, 4)
    assert doc.info.reference_date_source == "dateline"
    assert doc.info.reference_date_evidence == "4 March 2019"


def test_dateline_without_year_takes_the_year_the_text_implies() -> None:
    text = (
        "LYON (Agence) – Le 9 mai, le groupe a indiqué que l'usine, annoncée en février 2012, "
        "sera livrée en mars 2014. Elle ouvrira en mars de l'année prochaine."
    )
    doc = resolve_reference_date(make_doc(text, "fr"))
    assert doc.info.reference_date == dt.date(2013, 5, 9)
    assert doc.info.reference_date_source == "dateline"


def test_report_date_with_relative_year_agreeing_with_an_absolute_one() -> None:
    text = (
        "The tower will open in May next year.\n"
        "According to a report from Some Daily on August 2nd, the builder confirmed the plan. "
        "The tower is planned to open in May 2012."
    )
    doc = resolve_reference_date(make_doc(text, "en"))
    assert doc.info.reference_date == dt.date(2011, 8, 2)
    assert doc.info.reference_date_source == "inferred"
    assert doc.info.reference_date_evidence is not None and "August 2nd" in doc.info.reference_date_evidence


def test_past_and_future_years_bracket_the_year() -> None:
    text = "The bridge was announced in April 2003 and will open in 2006, with more lanes by 2009."
    # 2003..2005 are all consistent; the earliest wins (news is written soon after what it reports)
    assert infer_year(text, "en", 7, 1) == 2003
    assert infer_year(text, "en", 2, 1) == 2004  # April 2003 must already be past


def test_no_year_evidence_leaves_the_date_unknown() -> None:
    doc = resolve_reference_date(make_doc("ROME, 4 March (Agency) - The mayor spoke.", "en"))
    assert doc.info.reference_date is None and doc.info.reference_date_source == "unknown"


def test_plain_text_without_any_date_stays_unknown() -> None:
    doc = resolve_reference_date(make_doc("The mayor spoke about the bridge.", "en"))
    assert doc.info.reference_date is None and doc.info.reference_date_source == "unknown"


def test_boilerplate_is_never_evidence() -> None:
    body = "ROME, 4 March (Agency) - The mayor spoke."
    footer = "\n© 2031 Agency. Published on 1 January 2031."
    text = body + footer
    zones = (
        Zone(kind="body", start=0, end=len(body)),
        Zone(kind="boilerplate", start=len(body), end=len(text)),
    )
    doc = resolve_reference_date(make_doc(text, "en", zones=zones))
    assert doc.info.reference_date is None


def test_metadata_date_is_left_alone() -> None:
    doc = make_doc("PARIS, 3 March 2001 - Text.", "en", ref=dt.date(2010, 1, 2), source="front-matter")
    assert resolve_reference_date(doc) is doc


# --- the sample articles (named here because this is what they are expected to give) ---------------


def _seed(name: str, lang: str) -> Document:
    path = SEEDS / name
    if not path.exists():
        pytest.skip(f"seed {name} not present")
    return make_doc(path.read_text(encoding="utf-8"), lang)


def test_seed_000_report_date() -> None:
    doc = resolve_reference_date(_seed("000_5d9847c6ca2fb02d.txt", "en"))
    assert doc.info.reference_date == dt.date(2025, 10, 21)
    assert doc.info.reference_date_source == "inferred"


def test_seed_001_dateline() -> None:
    doc = resolve_reference_date(_seed("001_de4706f8eca422d9.txt", "fr"))
    assert doc.info.reference_date == dt.date(2025, 10, 16)
    assert doc.info.reference_date_source == "dateline"


def test_seed_002_front_matter_untouched() -> None:
    path = SEEDS / "002_1191e9f27647c6b1.txt"
    if not path.exists():
        pytest.skip("seed 002 not present")
    doc = make_doc(path.read_text(encoding="utf-8"), "en", ref=dt.date(2025, 9, 23), source="front-matter")
    out = resolve_reference_date(doc)
    assert (
        out.info.reference_date == dt.date(2025, 9, 23) and out.info.reference_date_source == "front-matter"
    )


def test_past_events_alone_do_not_pin_the_year() -> None:
    # A founding year says the article was written after it, not in which year.
    text = "TERVOLA, 9 February (Agency) - The firm, which was founded in 1992, said demand remained strong."
    doc = resolve_reference_date(make_doc(text, "en"))
    assert doc.info.reference_date is None and doc.info.reference_date_source == "unknown"
    assert infer_year("The firm was founded in 1992.", "en", 2, 9) is None


def test_a_dateline_without_a_year_keeps_its_day_for_the_story() -> None:
    doc = resolve_reference_date(make_doc("ORSAY, 14 mai (Agence) - La mairie a ouvert un parc.", "fr"))
    assert doc.info.reference_date is None and doc.info.reference_date_source == "unknown"
    assert doc.info.reference_day == "XXXX-05-14"
    assert doc.info.reference_date_evidence == "dateline: 14 mai"


def test_a_sentence_s_own_date_is_no_dateline() -> None:
    doc = resolve_reference_date(make_doc("On March 9, the council approved a new bus line.", "en"))
    assert doc.info.reference_date is None and doc.info.reference_day is None


def test_the_day_the_lead_calls_today() -> None:
    doc = resolve_reference_date(make_doc("今天(3月9日)上午,新的公交线路在市区开通,首班车准时发出。", "zh"))
    assert doc.info.reference_day == "XXXX-03-09"
    assert doc.info.reference_date_evidence == "today: 今天(3月9日)"
    dated = resolve_reference_date(make_doc("Today (March 9, 2022), the council opened a new bus line.", "en"))
    assert dated.info.reference_date == dt.date(2022, 3, 9) and dated.info.reference_date_source == "inferred"


def test_a_publication_stamp_above_the_lead() -> None:
    text = "09-14 08:05 Source: City Desk\nThe council opened a new bus line on the east side."
    zones = (Zone(kind="boilerplate", start=0, end=29), Zone(kind="lead", start=30, end=len(text)))
    doc = resolve_reference_date(make_doc(text, "en", zones=zones))
    assert doc.info.reference_day == "XXXX-09-14" and doc.info.reference_date_evidence == "stamp: 09-14 08:05"
    full = "2022-09-14 08:05\nThe council opened a new bus line on the east side."
    zones = (Zone(kind="metadata", start=0, end=16), Zone(kind="lead", start=17, end=len(full)))
    dated = resolve_reference_date(make_doc(full, "en", zones=zones))
    assert dated.info.reference_date == dt.date(2022, 9, 14) and dated.info.reference_date_source == "stamp"


def test_the_weekday_a_french_article_calls_its_own_dates_it() -> None:
    lead = ("Le ministre de l'Économie a confirmé ce jeudi à la radio les chiffres que le gouvernement avait "
            "annoncés la semaine passée. ")
    text = lead + "Invité de la matinale jeudi 14 mars 2024, il a détaillé le plan."
    doc = resolve_reference_date(make_doc(text, "fr"))
    assert doc.info.reference_date == dt.date(2024, 3, 14)
    assert doc.info.reference_date_source == "inferred"
    # Without a year, the day is kept for the story to place.
    doc = resolve_reference_date(make_doc("Invitée jeudi 14 mars, la ministre a confirmé ce jeudi le chiffre.", "fr"))
    assert doc.info.reference_day == "XXXX-03-14"
    # A date of another weekday is not the article's day.
    other = "Invitée jeudi 14 mars, la ministre a confirmé ce vendredi le chiffre."
    doc = resolve_reference_date(make_doc(other, "fr"))
    assert doc.info.reference_day is None and doc.info.reference_date is None
