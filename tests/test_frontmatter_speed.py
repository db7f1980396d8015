"""YAML front matter is read by libyaml first (speed only): what it gives is what the pure-Python loader gives,
and what it cannot read is the pure-Python loader's to read or to reject, in its own words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import frontmatter
from tests.conftest import SEEDS, SHARED

pytestmark = pytest.mark.skipif(frontmatter._libyaml_loader() is None, reason="PyYAML built without libyaml")


def _pure(block: str) -> Any:
    return yaml.load(block, Loader=frontmatter._loader())  # noqa: S506 - a SafeLoader subclass


def _outcome(load: Any, block: str) -> tuple[str, Any]:
    try:
        return "value", load(block)
    except Exception as exc:  # noqa: BLE001 - the outcome compared is the exception itself
        return type(exc).__name__, str(exc)


def _blocks() -> list[str]:
    """The YAML front matter of every article the repository and the shared folder hold."""
    found = []
    roots = [SEEDS, Path(__file__).parent / "data", SHARED / "dev"]
    for root in roots:
        for path in sorted(root.rglob("*")) if root.is_dir() else []:
            if path.suffix not in (".md", ".txt", ".markdown"):
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            # Cut as the reader cuts it (its opening and closing delimiter lines).
            opening = frontmatter._OPEN.match(text)
            if opening is not None and opening.group(1) == "---":
                closing = frontmatter._closing(text, "---", opening.end())
                if closing is not None:
                    found.append(text[opening.end():closing[0]])
    return found


def test_real_front_matter_reads_the_same_through_libyaml() -> None:
    blocks = _blocks()
    assert blocks, "no YAML front matter found to compare"
    for block in blocks:
        assert _outcome(frontmatter._load_yaml, block) == _outcome(_pure, block), block


_scalars = st.one_of(
    st.text(max_size=30), st.integers(), st.floats(allow_nan=False), st.booleans(), st.none(),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
)
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10),
                                                                                                inner, max_size=4),
                       max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(fields=st.dictionaries(st.text(min_size=1, max_size=15), _values, max_size=6),
       flow=st.booleans(), unicode=st.booleans())
def test_any_mapping_reads_the_same_through_libyaml(fields: dict[str, Any], flow: bool, unicode: bool) -> None:
    block = yaml.safe_dump(fields, default_flow_style=flow, allow_unicode=unicode)
    assert _outcome(frontmatter._load_yaml, block) == _outcome(_pure, block)


@pytest.mark.parametrize("block", [
    "title: [unclosed\n",
    "title: 'open\n",
    "a: b: c\n",
    "\tkey: tab first\n",
    "key: value\n  bad indent: x\n",
    "date: 2024-02-30\ntitle: A day that does not exist\n",
    "date: 2024-13-01 10:00:00\n",
    "- a list\n- not a mapping\n",
    "obj: !!python/object:os.system 'echo no'\n",
    "key: \x07 bell\n",
    "key: *undefined_alias\n",
    "[" * 200 + "]" * 200 + "\n",
    "? complex key\n: value\n",
    "key: |\n  literal\n   block\n",
    "key: >\n  folded\n  text\n",
    "anchor: &a [1, 2]\nref: *a\n",
    "empty:\nnull_value: ~\nyes_word: yes\non_word: on\n",
    "quoted: \"\\u00e9t\\u00e9\"\nnumber: 0x1F\noctal: 0o17\nsexagesimal: 1:30\n",
])
def test_awkward_yaml_reads_or_fails_the_same_through_libyaml(block: str) -> None:
    assert _outcome(frontmatter._load_yaml, block) == _outcome(_pure, block)


def test_a_bad_block_is_named_in_the_pure_loaders_words() -> None:
    with pytest.raises(frontmatter.FrontMatterError) as caught:
        frontmatter.read_front_matter("---\ntitle: [unclosed\n---\nBody\n")
    expected = frontmatter._one_line(_outcome_error("title: [unclosed\n"))
    assert str(caught.value) == "invalid YAML front matter: " + expected


def _outcome_error(block: str) -> Exception:
    try:
        _pure(block)
    except yaml.YAMLError as exc:
        return exc
    raise AssertionError("the block was expected not to read")
