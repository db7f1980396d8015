"""A corpus of hostile inputs, generated (not committed): one entry per kind of trouble.

``build(root)`` writes it and returns, for each file name, what the run must
say about it: a phrase of its one-line message (``None`` for a file that
must load, or may time out when marked ``SLOW``).
"""

from __future__ import annotations

import os
from pathlib import Path

GOOD = "The harbour board said on Tuesday that 40 boats had left the port.\n"
OUTSIDE_TOKEN = "OUTSIDE-7731-TOKEN"
SLOW = "<may time out>"
BIG_BYTES = 50 * 1024 * 1024
LINE_BYTES = 5 * 1024 * 1024

# Inputs shaped to make regular expressions backtrack: long runs of what a number, a date
# or a range is made of, with the ending that makes a match fail.
BACKTRACK: dict[str, str] = {
    "digits.txt": "1" * 100_000 + "x",
    "grouped.txt": "1 " * 40_000 + "%!",
    "commas.txt": "1," * 50_000 + ",",
    "dots.txt": "1." * 50_000,
    "dashes.txt": "1-" * 50_000,
    "words.txt": "hundred " * 20_000 + "thousand",
    "parens.txt": "(" * 50_000 + "1",
    "spaces.txt": "A" + " " * 100_000 + "1",
    "dates.txt": "March 1, " * 20_000 + "and",
    "french.txt": "le 1er " * 20_000 + "de",
}


def build(root: Path) -> dict[str, str | None]:
    """Write the hostile corpus under ``root``; returns file name -> expected message phrase."""
    root.mkdir(parents=True, exist_ok=True)
    expected: dict[str, str | None] = {}

    def put(name: str, data: bytes, phrase: str | None) -> None:
        (root / name).write_bytes(data)
        expected[name] = phrase

    put("good.txt", GOOD.encode(), None)
    put("invalid_utf8.txt", b"The port \xc3\x28 reopened.\n", "not valid UTF-8")
    put("utf16_bom.txt", "\ufeffLe port a rouvert mardi apr\u00e8s les travaux.\n".encode("utf-16-le"), None)
    put("latin1.txt", "Le caf\u00e9 du port a rouvert.\n".encode("latin-1"), "not valid UTF-8 (byte 0xe9")
    put("nul.txt", b"The port\x00 reopened.\n", "binary file")
    put("empty.txt", b"", "empty file")
    put("unclosed.md", b"---\ntitle: Never closed\n\nThe port reopened.\n", "never closed")
    put("bad_toml.md", b'+++\ntitle = "unterminated\n+++\nThe port reopened.\n', "front matter")
    put("python_tag.md", f"---\nx: !!python/object/apply:os.mkdir ['{root / 'pwned'}']\n---\nBody.\n".encode(),
        "front matter")
    put("nested.html", b"<div>" * 200_000 + b"The port reopened." + b"</div>" * 200_000, SLOW)
    put("scripts.html", b"<html><body onload=\"alert('x')\"><script>document.write('SCRIPTTEXT')</script>"
                        b"<iframe src=\"javascript:alert(1)\">IFRAMETEXT</iframe>"
                        b"<p onclick=\"steal()\">The harbour reopened on Monday.</p>"
                        b"<img src=x onerror=\"steal()\"><noscript>NOSCRIPTTEXT</noscript></body></html>", None)
    put("Un article \u00e0 lire \u2014 \u00e9t\u00e9.txt", "L'\u00e9t\u00e9 dernier, 40 bateaux ont quitt\u00e9 "
        "le port.\n".encode(), None)
    for name, text in BACKTRACK.items():
        put(name, text.encode(), SLOW)
    with open(root / "huge.txt", "wb") as handle:
        block = (GOOD * 1000).encode()
        for _ in range(BIG_BYTES // len(block) + 1):
            handle.write(block)
    expected["huge.txt"] = "too large"
    put("one_line.txt", (GOOD.strip() + " ").encode() * (LINE_BYTES // len(GOOD)), SLOW)
    # A loop of file links, and a directory link back to its parent.
    os.symlink("loop_b.txt", root / "loop_a.txt")
    os.symlink("loop_a.txt", root / "loop_b.txt")
    expected["loop_a.txt"] = expected["loop_b.txt"] = "symbolic link"
    (root / "sub").mkdir()
    os.symlink("..", root / "sub" / "up")
    # Root reads any file: a FIFO is the input that cannot be read (opening it would block).
    os.mkfifo(root / "pipe.txt")
    expected["pipe.txt"] = "not a regular file"
    # A name with a newline and one that is not valid UTF-8.
    put("two\nlines.txt", GOOD.encode(), None)
    (root / os.fsdecode(b"bad\xffname.txt")).write_bytes(GOOD.encode())
    expected[os.fsdecode(b"bad\xffname.txt")] = "file name is not valid UTF-8"
    # Links that lead outside the folder given: a file beside it, the process's own status, a folder.
    outside = root.parent / "outside"
    outside.mkdir(exist_ok=True)
    (outside / "secret.txt").write_text(f"{OUTSIDE_TOKEN} 40 boats left the port on Tuesday.\n", encoding="utf-8")
    os.symlink(outside / "secret.txt", root / "leak.txt")
    os.symlink("/proc/self/status", root / "status.txt")
    os.symlink(outside, root / "outside_dir")
    expected["leak.txt"] = expected["status.txt"] = expected["outside_dir"] = "symbolic link to a place outside"
    # The checker's own outputs beside the articles; what .gitignore lists.
    (root / "reports").mkdir()
    (root / "reports" / "report.txt").write_text(GOOD, encoding="utf-8")
    (root / "claims").mkdir()
    (root / "claims" / "old.txt").write_text(GOOD, encoding="utf-8")
    put("saved.html", b'<html><head><meta name="generator" content="factcheck 0.1.0"></head><body><p>'
                      + GOOD.encode() + b"</p></body></html>", "a report written by factcheck")
    (root / ".gitignore").write_text("ignored/\n", encoding="utf-8")
    (root / "ignored").mkdir()
    (root / "ignored" / "x.txt").write_text(GOOD, encoding="utf-8")
    # Terminal trouble in text and names; front matter with one bad field.
    put("escapes.txt", "The harbour board \x1b]0;owned\x07\x1b[2Jsaid on Tuesday\u202e that 40 boats had left."
                       "\n".encode(), None)
    put("name\x1b[31m\u202e.txt", GOOD.encode(), None)
    put("bad_date.md", f"---\ndate: 2021-02-30\n---\n{GOOD}".encode(), "is not a valid date; ignored")
    put("bad_toml_date.md", f"+++\ndate = 2021-13-45\n+++\n{GOOD}".encode(), "ignored")
    return expected


_TOWNS = ("Northbridge", "Lowmere", "Eastfold", "Kelvar", "Duncombe")
_MONTHS = ("January", "March", "May", "July", "September", "November")


def make_articles(root: Path, count: int, paragraphs: int = 12) -> Path:
    """``count`` small invented articles (English and French) with dates, counts, money and percentages."""
    root.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        town = _TOWNS[number % len(_TOWNS)]
        lines = [f"---\ntitle: {town} report {number}\ndate: 2019-0{1 + number % 9}-1{number % 9}\n---\n"]
        for para in range(paragraphs):
            month = _MONTHS[(number + para) % len(_MONTHS)]
            if (number + para) % 3 == 0:
                lines.append(f"Le conseil de {town} a annonc\u00e9 le {1 + para} mars 2018 que pr\u00e8s de "
                             f"{20 + para} personnes travaillaient sur le projet, pour {number + 2} millions "
                             f"d'euros, soit {para + 1} % de plus.\n")
            else:
                lines.append(f"The {town} council said in {month} 2018 that over {10 * (para + 1)} workers had "
                             f"joined, at a cost of ${number + para + 1} million, up {para + 2}% on the year "
                             f"before, according to mayor Ann Byrd.\n")
        (root / f"article {number:03d}.md").write_text("\n".join(lines), encoding="utf-8")
    return root
