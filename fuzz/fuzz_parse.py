"""Fuzz `factcheck parse --jsonl` (and so every recognizer): no exception, every span reproduces its quote."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _harness import instrumented, main  # noqa: E402

with instrumented():
    from checker.recognize import available_dimensions, jsonl

    available_dimensions()  # the recognizers load lazily: import them while instrumenting

LANGS = ("en", "fr", "zh", "en")


def target(data: bytes) -> None:
    """One input: first byte picks the language and whether a reference date is given; the rest is the text."""
    if not data:
        return
    lang = LANGS[data[0] & 3]
    ref_date = "2020-02-29" if data[0] & 2 else None
    text = data[1:].decode("utf-8", "replace")
    line = json.dumps({"id": 1, "text": text, "lang": lang, "ref_date": ref_date})
    out = io.StringIO()
    jsonl.run(io.StringIO(line + "\n"), out)
    answer = json.loads(out.getvalue())
    assert "error" not in answer, answer
    for mention in answer["mentions"]:
        assert 0 <= mention["start"] <= mention["end"] <= len(text)
        assert text[mention["start"]:mention["end"]] == mention["text"]


if __name__ == "__main__":
    main(target)
