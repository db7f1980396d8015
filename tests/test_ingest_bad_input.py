"""Unusable inputs become one Problem each, naming the file; the other files still load; nothing raises."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.ingest import MAX_BYTES, load_corpus, load_document

GOOD = "A short but real article sentence about a harbour.\n"

BAD_FILES: dict[str, tuple[bytes, str]] = {
    "invalid_utf8.txt": (b"Caf\xc3\x28 au lait.\n", "encoding"),
    "latin1.txt": ("Le caf\u00e9 est ouvert depuis longtemps.".encode("latin-1"), "encoding"),
    "nul.txt": (b"Some text\x00with a NUL byte.", "binary"),
    "empty.txt": (b"", "empty"),
    "blank.md": (b"  \n\t\n", "empty"),
    "unclosed.md": (b"---\ntitle: Never closed\n\nBody text.\n", "front-matter"),
    "python_tag.md": (b"---\nt: !!python/object/apply:os.system ['echo hi']\n---\nBody.\n", "front-matter"),
    "yaml_list.md": (b"---\n- just\n- a list\n---\nBody.\n", "front-matter"),
    "unclosed_toml.txt": (b"+++\ntitle = \"x\"\nBody.\n", "front-matter"),
    "scripts_only.html": (b"<html><script>var a = 1;</script><style>p{}</style></html>", "empty"),
    "notes.pdf": (b"%PDF-1.4 whatever", "skipped"),
    "README": (b"no extension", "skipped"),
}


@pytest.fixture()
def messy_dir(tmp_path: Path) -> Path:
    for name, (content, _) in BAD_FILES.items():
        (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "utf16.txt").write_bytes("\ufeffUne phrase en fran\u00e7ais, lisible.\n".encode("utf-16-le"))
    (tmp_path / "utf16be.md").write_bytes(b"\xfe\xff" + "An English line.\n".encode("utf-16-be"))
    (tmp_path / ".hidden.txt").write_bytes(b"\xff\xfe\x00bad")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_bytes(b"\x00")
    return tmp_path


def test_each_bad_file_is_one_problem_and_the_rest_loads(messy_dir: Path) -> None:
    corpus = load_corpus([messy_dir])
    by_name = {Path(p.path).name: p for p in corpus.problems}
    assert set(by_name) == set(BAD_FILES)
    for name, (_, kind) in BAD_FILES.items():
        problem = by_name[name]
        assert problem.kind == kind, (name, problem)
        assert name in problem.message and "\n" not in problem.message
        assert problem.fatal == (kind != "skipped")
    assert sorted(Path(d.path).name for d in corpus.documents) == ["good.txt", "utf16.txt", "utf16be.md"]


def test_one_bad_front_matter_line_is_named_and_the_article_is_read(tmp_path: Path) -> None:
    (tmp_path / "bad_toml.md").write_bytes(b'+++\ntitle = "unterminated\nlang = "en"\n+++\nBody text here.\n')
    corpus = load_corpus([tmp_path])
    [doc] = corpus.documents
    [problem] = corpus.problems
    assert doc.info.language == "en" and doc.info.title is None
    assert problem.kind == "front-matter" and not problem.fatal
    assert "line 1" in problem.message and "title" in problem.message and "ignored" in problem.message


def test_messages_say_what_is_wrong(messy_dir: Path) -> None:
    by_name = {Path(p.path).name: p.message for p in load_corpus([messy_dir]).problems}
    assert "not valid UTF-8 (byte 0xe9 at offset" in by_name["latin1.txt"]
    assert "skipped: not an article format (.pdf)" in by_name["notes.pdf"]
    assert "never closed" in by_name["unclosed.md"]


def test_utf16_with_bom_decodes(messy_dir: Path) -> None:
    corpus = load_corpus([messy_dir / "utf16.txt"])
    [doc] = corpus.documents
    assert doc.raw.startswith("Une phrase") and doc.info.language == "fr"


def test_python_tag_is_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    (tmp_path / "x.md").write_text(f"---\na: !!python/object/apply:os.mkdir ['{marker}']\n---\nBody.\n")
    assert load_corpus([tmp_path]).problems[0].kind == "front-matter"
    assert not marker.exists()


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(GOOD)
    (tmp_path / "open.txt").write_text(GOOD)
    path.chmod(0)
    try:
        corpus = load_corpus([tmp_path])
    finally:
        path.chmod(0o644)
    assert [p.kind for p in corpus.problems] == ["unreadable"]
    assert [Path(d.path).name for d in corpus.documents] == ["open.txt"]


def test_missing_path_and_broken_link(tmp_path: Path) -> None:
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    corpus = load_corpus([tmp_path / "absent.txt", tmp_path])
    kinds = sorted((Path(p.path).name, p.kind) for p in corpus.problems)
    assert kinds == [("absent.txt", "unreadable"), ("dangling.txt", "unreadable")]


def test_symlink_loop_is_survived(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "story.txt").write_text(GOOD)
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a")
    (tmp_path / "a" / "self").symlink_to(tmp_path / "a" / "self")  # a link to itself
    corpus = load_corpus([tmp_path])
    assert [Path(d.path).name for d in corpus.documents] == ["story.txt"]


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    [problem] = load_corpus([path]).problems
    assert problem.kind == "too-large"


def test_same_file_twice_loads_once(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(GOOD)
    corpus = load_corpus([tmp_path, tmp_path / "one.txt"])
    assert len(corpus.documents) == 1


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300), st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_arbitrary_bytes_never_raise(data: bytes, name: str) -> None:
    try:
        doc = load_document(name, data)
    except Exception as exc:  # only the documented errors may escape load_document
        assert type(exc).__name__ in ("DecodeError", "ReadError"), exc
        return
    for start in range(0, len(doc.text) + 1, 7):
        span = doc.span(start, min(len(doc.text), start + 5))
        assert doc.raw[span.start:span.end] == span.quote


_PIECES = ["<p>", "</p>", "<div>", "<script>", "</script>", "&amp;", "&#x41;", "&bogus;", "<br/>", "<!--",
           "-->", "<a href='x'>", "</a>", "text", " ", "\n", "+++", "---", "# ", "*", "[l](u)", "é", "\u2013",
           "<", ">", "\"", "&"]
MARKUP = st.lists(st.sampled_from(_PIECES), max_size=60)


@settings(max_examples=300, deadline=None)
@given(MARKUP, st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_arbitrary_markup_never_raises_and_maps_back(parts: list[str], name: str) -> None:
    try:
        doc = load_document(name, "".join(parts).encode())
    except Exception as exc:
        assert type(exc).__name__ in ("DecodeError", "ReadError"), exc
        return
    n = len(doc.text)
    for start in range(n):
        span = doc.span(start, n)
        assert doc.raw[span.start:span.end] == span.quote
    assert all(0 <= z.start < z.end <= n for z in doc.zones)


def test_a_body_that_is_only_a_rule_and_line_ends_loads_or_is_a_problem(tmp_path: Path) -> None:
    # Found by the fuzzer (.ci/fuzz.sh): an empty body after a '---' line raised ValueError.
    from checker.ingest import load_document
    from checker.ingest.decode import DecodeError
    from checker.ingest.readers import ReadError

    for name in ("a.txt", "a.md", "a.html"):
        # DecodeError and ReadError become a one-line problem for the user, as designed; nothing else may escape.
        with contextlib.suppress(DecodeError, ReadError):
            load_document(name, b"----\r\n---\r\n")
