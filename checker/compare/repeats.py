"""Comparison whose cost follows distinct documents: identical articles are compared once, then counted.

A corpus often holds one article several times (a wire story on many sites, a
re-run of a folder with copies). Identical articles give identical claims, so
``compare_distinct`` passes ``compare_claims`` one article of each set of
identical ones, with the number of articles it stands for (the counts that
decide a finding see the whole corpus), and then puts every copy's claims and
evidence back into the findings, in the order the plain path gives them.

Articles are identical when their bytes (sha256), format, language and
reference date are (their claims then are too). Speed only: the
findings are those of ``compare_claims`` over every claim
(``tests/test_compare_repeats.py`` compares the two).
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.compare.groups import compare_claims
from checker.records import Claim, DocumentInfo, Finding, claims_fingerprint

# Hex digits of a document's sha256 that begin the ids of its claims (``frame.build``).
_ID_DIGITS = 12


def _identity(info: DocumentInfo) -> tuple[object, ...]:
    return (info.sha256, info.format, info.language, info.language_source, info.reference_date,
            info.reference_date_source)


def compare_distinct(documents: Sequence[tuple[DocumentInfo, list[Claim]]],
                     fingerprints: Sequence[tuple[object, ...] | None] = ()) -> list[Finding]:
    """Every finding among the claims of ``documents`` (in their order), as ``compare_claims`` gives it.

    ``fingerprints``: each document's ``claims_fingerprint`` where the caller took it already (None, or
    none given: taken here).
    """
    known = list(fingerprints) or [None] * len(documents)
    representative: dict[tuple[object, ...], int] = {}
    group_of: list[int] = []
    for index, (info, _) in enumerate(documents):
        first = representative.setdefault(_identity(info), index)
        # Extraction is a function of the bytes, format, language and reference date (the cache is keyed by
        # them and the extractor version): the claims are compared only to guard against a stray claims file.
        group_of.append(first if first == index or _fingerprint(known, documents, first)
                        == _fingerprint(known, documents, index) else index)
    # A claim's id is its document's digest (12 hex digits) and its number: the same bytes read as another
    # format (or dated otherwise) give claims with the same ids, which the plain path merges by id. A set
    # of copies whose digest also begins another set's is left as it is (found per document, not per claim).
    groups = sorted(set(group_of))
    if any(not claim.id.startswith(documents[g][0].sha256[:_ID_DIGITS]) for g in groups for claim in documents[g][1]):
        return compare_claims(claim for _, claims in documents for claim in claims)
    by_prefix: dict[str, set[int]] = {}
    for g in groups:
        by_prefix.setdefault(documents[g][0].sha256[:_ID_DIGITS], set()).add(g)
    mixed = {g for shared in by_prefix.values() if len(shared) > 1 for g in shared}
    copies: dict[int, list[int]] = {}
    for index, group in enumerate(group_of):
        if group != index and group not in mixed:
            copies.setdefault(group, []).append(index)
    if not copies:
        return compare_claims(claim for _, claims in documents for claim in claims)
    copied = {i for others in copies.values() for i in others}
    kept = [i for i in range(len(documents)) if i not in copied]
    weights = {documents[i][0].path: 1 + len(copies.get(i, ())) for i in kept}
    last_copy = {documents[i][0].path: documents[others[-1]][0].path for i, others in copies.items() if others}
    findings = compare_claims((claim for i in kept for claim in documents[i][1]), weights, last_copy)
    # A claim's id is made from its document's digest, so the copies of a claim share its id, and a finding
    # (as the plain path builds it) lists each id once, with the statement of the last copy in the corpus.
    last: dict[str, Claim] = {}
    for others in copies.values():
        if others:
            for claim in documents[others[-1]][1]:
                last[claim.id] = claim
    if not last:
        return findings
    # The finding holds the very evidence objects of its claims: they tell whose claim each entry is.
    document_of = {id(claim.evidence): claim.document for i in kept for claim in documents[i][1]}
    return [_as_last_copy(finding, document_of, last) for finding in findings]


def _fingerprint(known: list[tuple[object, ...] | None], documents: Sequence[tuple[DocumentInfo, list[Claim]]],
                 index: int) -> tuple[object, ...]:
    found = known[index]
    if found is None:
        found = known[index] = claims_fingerprint(documents[index][1])
    return found


def _as_last_copy(finding: Finding, document_of: dict[int, str], last: dict[str, Claim]) -> Finding:
    if not any(claim_id in last for claim_id in finding.claims):
        return finding
    entries = []
    for claim_id, evidence, side in zip(finding.claims, finding.evidence, finding.sides, strict=True):
        copy = last.get(claim_id)
        if copy is not None:
            entries.append((copy.document, claim_id, copy.evidence, side))
        else:
            entries.append((document_of[id(evidence)], claim_id, evidence, side))
    entries.sort(key=lambda entry: (entry[0], entry[1]))
    return finding.model_copy(update={"claims": tuple(e[1] for e in entries),
                                      "evidence": tuple(e[2] for e in entries),
                                      "sides": tuple(e[3] for e in entries)})
