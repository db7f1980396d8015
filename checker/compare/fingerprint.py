"""A finding's fingerprint: its identity in a baseline, the same from run to run.

It hashes what the finding itself states and nothing the rest of the run decides: the verdict, whom
its claims name (their own subjects, or their articles' main organizations), its facts and value
dimension, the scope its claims share, its values and the file names of its sources. A subject's
cluster id is left out on purpose: the smallest name of a cluster, or its split by industry, changes
when an unrelated article naming a similar organization is added, and a reviewed finding would come
back as new. Offsets and wording are left out too, so moving or rewording a sentence keeps it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import PurePosixPath

from checker.names import entity_key
from checker.records import Claim


@cache
def _file_name(document: str) -> str:
    # Asked again for every finding of a document: a path object made once per document.
    return PurePosixPath(document.replace("\\", "/")).name


def finding_fingerprint(verdict: str, claims: Iterable[Claim], facts: Iterable[str], dimension: str,
                        scope: Mapping[str, str], values: Iterable[str],
                        document_as: Mapping[str, str] | None = None) -> str:
    """Sixteen hex digits of sha256 over the finding's own verdict, names, facts, scope, values and files.

    ``document_as``: the document a claim's document stands for (one of identical copies compared once
    stands for the copy the finding lists).
    """
    claims = list(claims)
    names = sorted({entity_key(name) for c in claims if (name := c.subject or c.topic)})
    renamed = document_as or {}
    files = sorted({_file_name(renamed.get(c.document, c.document)) for c in claims})
    payload = json.dumps([verdict, names, sorted(facts), dimension, sorted(scope.items()), sorted(values), files],
                         ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]
