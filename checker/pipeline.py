"""The pipeline wired end to end: ingest -> reference dates -> frames (cached) -> story -> compare -> report.

Extraction is a map over documents and comparison a reduce over claim
groups; the CLI only calls these functions.

Each document is read, dated and extracted under a time budget
(``doc_timeout`` seconds): the work runs in forked worker processes, and a
worker still busy with one document when its budget is spent is killed and
replaced, the document reported as a Problem of kind "timeout". A separate
process is the only budget that always holds: a regular expression stuck in
C code ignores ``signal.alarm`` and cannot be interrupted from a thread.

The budget is CPU time of the worker (read from /proc), so a loaded machine
does not turn a normal document into a timeout; a wall-clock backstop of
``WALL_FACTOR`` times the budget catches a worker that is blocked rather than
busy. Without /proc the budget is wall clock. Results are put back in path
order, so the output does not depend on the number of workers or on which
finishes first.

Each worker is handed the next document while it works on one, so that it
never waits for the parent to take a result before it can go on; that
document's budget starts when the one before it is answered, and a killed
worker's waiting document goes to the next worker untried.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import hashlib
import multiprocessing
import multiprocessing.connection
import os
import signal
import time
from array import array
from collections import deque
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any, Literal

from checker import __version__, build_cache, store, timings
from checker.document import Document
from checker.ingest import MAX_BYTES, Found, Selection, list_inputs, load_document, load_found, shown_path
from checker.ingest.decode import DecodeError, decode
from checker.ingest.walk import STDIN
from checker.recognize.lazy import compile_pending
from checker.records import Claim, DocumentInfo, Finding, Problem, Report, claims_fingerprint
from checker.textmap import MappedText

Progress = Callable[[int, int, str], None]
# From this many documents, the language data is compiled whole before the workers are forked (they share
# it); below, each worker compiles what its own documents need.
PARALLEL_THRESHOLD = 24
# Seconds one document may take to be read, dated and extracted; 0 turns the budget off.
DOC_TIMEOUT = 20.0
# Seconds a worker gets to exit after it is asked to, before it is killed.
_GRACE = 2.0
# A document may take this many times its CPU budget in wall-clock time (a starved or blocked worker).
WALL_FACTOR = 5.0
_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _cpu_seconds(pid: int | None) -> float | None:
    """User plus system CPU time of process ``pid``, or ``None`` when /proc cannot tell."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            fields = handle.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICKS
    except (OSError, IndexError, ValueError):
        return None


@dataclass(frozen=True)
class Extraction:
    """Documents with their claims, and the problems met on the way.

    The documents keep their facts and raw text but not their analysis text
    (see ``_light``): claims already carry offsets into the raw text.
    """

    documents: list[Document]
    claims: dict[str, list[Claim]]
    problems: list[Problem]
    cached: int
    # Per document (in the order of ``documents``), its claims list and that list's ``claims_fingerprint``,
    # taken as the claims arrived: comparison then need not read thousands of copies' claims again.
    fingerprints: list[tuple[list[Claim], tuple[object, ...]]] = dataclasses.field(default_factory=list)


# A file's bytes and their SHA-256, read once to ask the cache about it.
_Read = tuple[bytes, str]


@dataclass(frozen=True)
class _Job:
    """What a worker does with one file: read it, date it, and (optionally) extract or fetch its claims."""

    claims_dir: Path | None
    use_cache: bool
    extract: bool
    max_bytes: int
    # Claims files (absolute, resolved) not to be trusted even when they verify: changed in a compared range.
    distrust: frozenset[str] = frozenset()


# Equal fingerprints kept as one object: comparing those of thousands of copies then reads none of their parts.
_FINGERPRINTS: dict[tuple[object, ...], tuple[object, ...]] = {}
# Past this many the table starts again: memory stays bounded in a long-lived process (speed only).
_MAX_FINGERPRINTS = 1 << 16


def _interned(fingerprint: tuple[object, ...]) -> tuple[object, ...]:
    if len(_FINGERPRINTS) >= _MAX_FINGERPRINTS:
        _FINGERPRINTS.clear()
    return _FINGERPRINTS.setdefault(fingerprint, fingerprint)


@dataclass(frozen=True)
class _Done:
    """One file's outcome in a worker: a document with its claims (None when not asked for), or a problem."""

    result: Document | Problem
    claims: list[Claim] | None = None
    cached: bool = False
    # Problems that did not stop the document: a front-matter field ignored, a claims file that did not verify.
    notes: tuple[Problem, ...] = ()
    # The document's own ingest notes, kept in its claims file so that cached runs report them too.
    ingest_notes: tuple[str, ...] = ()
    # The text of its claims file, rendered where the claims were extracted (in parallel), written by the parent.
    claims_text: str | None = None
    # ``claims_fingerprint`` of its claims, taken when the result is made (or received): see ``Extraction``.
    fingerprint: tuple[object, ...] = dataclasses.field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "fingerprint", _interned(claims_fingerprint(self.claims or [])))

    def __reduce__(self) -> tuple[Any, ...]:
        # Sent from a worker, claims that are also in ``claims_text`` travel only as that text and are read
        # from it on arrival: reading the JSON costs the parent less than unpickling the records (0.2 against
        # 0.3 ms an article), and the worker no longer pickles them (0.15 to 0.25 ms). ``store.claims_in``
        # reads back the records ``store.render`` wrote (``tests/test_parallel.py``).
        if self.claims is not None and self.claims_text is not None:
            return _done_from_text, (self.result, self.cached, self.notes, self.ingest_notes, self.claims_text)
        return _Done, (self.result, self.claims, self.cached, self.notes, self.ingest_notes, self.claims_text)


def _done_from_text(result: Document | Problem, cached: bool, notes: tuple[Problem, ...],
                    ingest_notes: tuple[str, ...], claims_text: str) -> _Done:
    try:
        claims = store.claims_in(claims_text)
    except ValueError as exc:  # pydantic's ValidationError: a record that does not read back as it was written
        # Raised here, it would end the whole run where the result is received: it is this document's problem.
        shown = shown_path(result.path)
        message = f"{shown}: internal error while extracting (its claims do not read back: {type(exc).__name__})"
        return _Done(Problem(path=shown, kind="internal", message=message))
    return _Done(result, claims, cached, notes, ingest_notes, claims_text)


def _note(path: str, kind: str, message: str) -> Problem:
    shown = shown_path(path)
    return Problem(path=shown, kind=kind, message=f"{shown}: {message}", fatal=False)  # type: ignore[arg-type]


def _cacheable_bytes(job: _Job, found: Found) -> bytes | None:
    """The bytes of a file whose claims the cache may hold, or None when the cache is not to be asked
    (no cache, nothing to extract, standard input, a file too large, or claims distrusted).

    Raises OSError when the file cannot be read.
    """
    if job.claims_dir is None or not job.use_cache or not job.extract or found.error is not None:
        return None
    if found.path == STDIN:
        return None
    if not os.path.isfile(found.path) or os.path.getsize(found.path) > job.max_bytes:
        return None
    if job.distrust and str(store.claims_file(job.claims_dir, found.display).resolve()) in job.distrust:
        return None
    with open(found.path, "rb") as handle:
        return handle.read(job.max_bytes + 1)


def _read(job: _Job, found: Found) -> _Read | None:
    """The bytes of ``found`` and their SHA-256; None when the cache is not to be asked (``_cacheable_bytes``)."""
    data = _cacheable_bytes(job, found)
    return None if data is None else (data, hashlib.sha256(data).hexdigest())


def _cached(job: _Job, found: Found, known: _Read | None = None) -> _Done | Problem | None:
    """An unchanged, already-extracted document: its cached facts and claims, without parsing it again.

    None when there is nothing usable in the cache; the note to report when its claims file did not verify.
    ``known`` is the file's bytes and digest when they were just read (``_looks_unchanged``).
    """
    if job.claims_dir is None:
        return None
    try:
        known = known or _read(job, found)
        if known is None:
            return None
        data, digest = known
        entry = store.read_cached(job.claims_dir, found.display, digest)
        if entry.state == "unverified":
            return _note(found.display, "cache", f"claims file {entry.path} not used: {entry.reason}; re-extracted")
        if entry.state != "fresh" or entry.info is None or entry.claims is None:
            return None
        raw = decode(data)
    except (OSError, DecodeError):
        return None
    notes = tuple(_note(found.display, "front-matter", note) for note in entry.notes)
    return _Done(_light(entry.info, raw), entry.claims, cached=True, notes=notes, ingest_notes=entry.notes)


def _light(info: DocumentInfo, raw: str) -> Document:
    """A document without its analysis text and offset maps: all that the stages after extraction need.

    The report needs the article's facts and its text (for quotes in context).
    The analysis and its two offset maps take 16 bytes per character more and,
    held for a whole corpus until the report is written, were most of the
    memory of a 10,000-article run.
    """
    return Document(info=info, raw=raw, analysis=MappedText("", array("q"), array("q")), zones=())


def _process(job: _Job, found: Found) -> _Done:
    unchanged = _cached(job, found)
    if isinstance(unchanged, _Done):
        return unchanged
    distrusted = (unchanged,) if unchanged is not None else ()
    # Imported here, not at the top: a parent that only reads cached claims (the gate) never needs the
    # extractor, and a worker forked before it was imported imports it alongside the parent's work.
    from checker.frame.build import extract_claims
    from checker.refdate import resolve_reference_date

    loaded = load_found(found, job.max_bytes)
    if isinstance(loaded, Problem):
        return _Done(loaded)
    doc = resolve_reference_date(loaded)
    notes = distrusted + tuple(_note(doc.path, "front-matter", note) for note in doc.notes)
    if not job.extract:
        return _Done(doc, notes=notes, ingest_notes=doc.notes)
    claims = extract_claims(doc)
    text = None
    if job.claims_dir is not None and found.path != STDIN:
        text = store.render(store.Entry(doc.path, doc.info.sha256, claims, doc.info, doc.notes))
    return _Done(_light(doc.info, doc.raw), claims, notes=notes, ingest_notes=doc.notes, claims_text=text)


# --------------------------------------------------------------------------
# Budgeted map over worker processes
# --------------------------------------------------------------------------

Outcome = tuple[Literal["ok"], Any] | tuple[Literal["timeout"], None] | tuple[Literal["error"], str]
Task = Callable[[Any], Any]


def _run_task(task: Task, item: Any) -> Outcome:
    try:
        return ("ok", task(item))
    except Exception as exc:  # a document must never take the run down with it
        return ("error", " ".join(f"{type(exc).__name__}: {exc}".split())[:300])


def _worker_main(conn: multiprocessing.connection.Connection, task: Task) -> None:
    # The parent owns interruption: a Ctrl-C reaches the whole process group, and workers
    # must neither print a traceback nor stop on their own; the parent ends them.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            build_cache.flush()
            return
        index, item = message
        outcome = _run_task(task, item)
        try:
            conn.send((index, outcome))
        except Exception as exc:  # an unpicklable result is this document's problem, not the run's
            conn.send((index, ("error", f"cannot return the result ({type(exc).__name__})")))
        # What this worker built, kept for the next run (a no-op once it is all kept).
        build_cache.flush(every=_FLUSH_EVERY)


_FORK = multiprocessing.get_context("fork")
# Seconds between two writes of the build cache by a worker that keeps building (it also writes when it ends).
_FLUSH_EVERY = 2.0
# Results received between two freezes of the parent's garbage collector (see ``map_budgeted``).
_FREEZE_EVERY = 200
# Claims files read by the parent between two freezes (see ``_run``): each holds a few records only.
_FREEZE_EVERY_READ = 50
# Items a worker holds at once: the one it works on and the next.
_AHEAD = 2


class _Worker:
    """One forked worker process and the documents handed to it, in the order it works on them."""

    def __init__(self, task: Task) -> None:
        parent_end, child_end = _FORK.Pipe()
        # Blocked across the fork so that the child never runs the parent's handlers.
        old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        try:
            self.process: BaseProcess = _FORK.Process(target=_worker_main, args=(child_end, task), daemon=True)
            self.process.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)
        child_end.close()
        self.conn = parent_end
        # Indices handed over and not yet answered; the first is the one being worked on.
        self.queue: deque[int] = deque()
        self.deadline = 0.0
        self.backstop = 0.0
        self.budget = 0.0
        self.cpu_start: float | None = None

    @property
    def index(self) -> int | None:
        """The item being worked on (None when idle)."""
        return self.queue[0] if self.queue else None

    def give(self, index: int, item: Any, budget: float) -> None:
        """Send one item; its budget starts once the items before it are answered."""
        self.conn.send((index, item))
        self.queue.append(index)
        self.budget = budget
        if len(self.queue) == 1:
            self._start()

    def answered(self) -> None:
        """The first item is answered: the next one's budget starts."""
        self.queue.popleft()
        if self.queue:
            self._start()

    def _start(self) -> None:
        self.cpu_start = _cpu_seconds(self.process.pid)
        now = time.monotonic()
        self.deadline = now + self.budget if self.budget > 0 else float("inf")
        self.backstop = now + self.budget * WALL_FACTOR if self.budget > 0 else float("inf")

    def over_budget(self) -> bool:
        """Whether the current item has used up its budget; moves the deadline on when the worker was starved."""
        now = time.monotonic()
        if now < self.deadline:
            return False
        if now >= self.backstop:
            return True
        used = _cpu_seconds(self.process.pid)
        if used is None or self.cpu_start is None:
            return True  # no /proc: wall clock it is
        left = self.budget - (used - self.cpu_start)
        if left <= 0.01:
            return True
        self.deadline = min(now + left, self.backstop)
        return False

    def stop(self, kill: bool = False) -> list[int]:
        """End the process (at once with ``kill``) and release its pipe; the items it had not started."""
        with contextlib.suppress(OSError, ValueError):
            if kill:
                self.process.kill()
            else:
                self.conn.send(None)
        self.process.join(0 if kill else _GRACE)
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()
        waiting = list(self.queue)[1:]
        self.queue.clear()
        return waiting


def _hand(pool: list[_Worker], slot: int, pending: deque[int], task: Task, items: Sequence[Any],
          budget: float) -> None:
    """Give the next pending item to the worker at ``slot``."""
    index = pending.popleft()
    worker = pool[slot]
    try:
        worker.give(index, items[index], budget)
    except (OSError, ValueError):
        if worker.queue:
            # It died at work: that item's outcome is read from its pipe.
            pending.appendleft(index)
            return
        # It died while idle: replace it, retry once.
        worker.stop(kill=True)
        pool[slot] = _Worker(task)
        pool[slot].give(index, items[index], budget)


def map_budgeted(task: Task, items: Sequence[Any], workers: int, budget: float,
                 on_done: Callable[[int], None] | None = None,
                 meanwhile: Callable[[], None] | None = None) -> list[Outcome]:
    """``task`` over ``items`` in ``workers`` forked processes, ``budget`` seconds per item (0: none).

    Returns one outcome per item, in the order of ``items``: ("ok", result),
    ("timeout", None) or ("error", one-line message). ``task`` must be a
    module-level function; its exceptions become errors, never raises.
    ``meanwhile`` is called once in this process as soon as the workers have their first items.
    """
    outcomes: list[Outcome | None] = [None] * len(items)
    pending = deque(range(len(items)))
    pool: list[_Worker] = []
    received = 0
    # What the workers inherit (language data, libraries) is then left alone by their garbage
    # collector, which would otherwise walk it and copy the pages it touches: 3 to 5 % of their time.
    gc.freeze()
    try:
        pool = [_Worker(task) for _ in range(max(1, min(workers, len(items))))] if items else []
        if not items and meanwhile is not None:
            meanwhile()
        while pending or any(w.queue for w in pool):
            # Every idle worker gets an item; then each busy one the next, so that it need not wait for
            # this process to take its result and hand it more. Not the last items: they go to whichever
            # worker is free first, so that none waits behind a long document while another has nothing to do.
            for slot in range(len(pool)):
                if not pool[slot].queue and pending:
                    _hand(pool, slot, pending, task, items, budget)
            for slot in range(len(pool)):
                if len(pending) > len(pool) and 0 < len(pool[slot].queue) < _AHEAD:
                    _hand(pool, slot, pending, task, items, budget)
            if meanwhile is not None:
                call, meanwhile = meanwhile, None
                call()
            busy = [w for w in pool if w.queue]
            wait = max(0.0, min(w.deadline for w in busy) - time.monotonic())
            ready = multiprocessing.connection.wait([w.conn for w in busy],
                                                    timeout=None if wait == float("inf") else wait)
            for slot, worker in enumerate(pool):
                index = worker.index
                if index is None:
                    continue
                if worker.conn in ready:
                    try:
                        _, outcome = worker.conn.recv()
                    except (EOFError, OSError):
                        worker.process.join(1.0)
                        code = worker.process.exitcode
                        outcome = ("error", f"the worker process died (exit code {code})")
                        pending.extendleft(reversed(worker.stop(kill=True)))
                        pool[slot] = _Worker(task)
                    else:
                        worker.answered()
                elif worker.over_budget():
                    outcome = ("timeout", None)
                    pending.extendleft(reversed(worker.stop(kill=True)))
                    if pending:
                        pool[slot] = _Worker(task)
                else:
                    continue
                outcomes[index] = outcome
                received += 1
                if received % _FREEZE_EVERY == 0:
                    # The results received are kept until the run ends: frozen, the collector no longer walks
                    # them each time the heap has grown by a quarter (at 10,000 articles, a third of this
                    # process's CPU while the workers extract).
                    gc.freeze()
                if on_done:
                    on_done(index)
    finally:
        for worker in pool:
            worker.stop(kill=bool(worker.queue))
    return [o if o is not None else ("error", "not processed") for o in outcomes]


def _map(task: Task, items: Sequence[Any], workers: int, budget: float,
         on_done: Callable[[int], None] | None, meanwhile: Callable[[], None] | None = None) -> list[Outcome]:
    """In-process without a budget (``budget`` 0, for debugging and profiling), else ``map_budgeted``."""
    if budget > 0:
        if workers > 1 and len(items) >= PARALLEL_THRESHOLD:
            # Compiled once here, the language data is shared by every forked worker. On a few articles each
            # worker compiles only what its documents need, at the same time: that is most of such a run.
            _warm_up()
        return map_budgeted(task, items, workers, budget, on_done, meanwhile)
    if meanwhile is not None:
        meanwhile()
    outcomes: list[Outcome] = []
    for index, item in enumerate(items):
        outcomes.append(_run_task(task, item))
        if on_done:
            on_done(index)
    return outcomes


# --------------------------------------------------------------------------
# Stages
# --------------------------------------------------------------------------

_current_job: _Job | None = None


def _process_current(found: Found) -> _Done:
    # Module level so that a forked worker finds the job without pickling it per file.
    assert _current_job is not None
    return _process(_current_job, found)


@contextlib.contextmanager
def _job(job: _Job) -> Iterator[None]:
    global _current_job
    previous, _current_job = _current_job, job
    try:
        yield
    finally:
        _current_job = previous


_WARM_UP = ("On 3 March 2021, about 40 people said the price rose 5% to $3 million, the mayor said.\n",
            "Le 3 mars 2021, environ 40 personnes ont dit que le prix a augment\u00e9 de 5 % \u00e0 3 millions.\n",
            "2021\u5e743\u67083\u65e5,\u7ea640\u4eba\u8868\u793a\u4ef7\u683c\u4e0a\u6da85%\u81f3300\u4e07\u5143\u3002\n")


@functools.cache
def _warm_up() -> None:
    """Load language data and libraries once in the parent, so forked workers do not spend budgets on it."""
    from checker.frame.build import extract_claims
    from checker.refdate import resolve_reference_date

    for number, text in enumerate(_WARM_UP):
        with contextlib.suppress(Exception):
            extract_claims(resolve_reference_date(load_document(f"warm-up-{number}.txt", text.encode())))
    # The data is built now, its patterns only when a text first needs them: compiled here once, they are
    # shared by every worker instead of compiled again in each.
    compile_pending()
    build_cache.flush()


def _problem(found: Found, outcome: Outcome, budget: float) -> Problem:
    shown = shown_path(found.display)
    if outcome[0] == "timeout":
        return Problem(path=shown, kind="timeout",
                       message=f"{shown}: skipped: reading and extracting took more than {budget:g} s "
                               f"(see --doc-timeout)")
    return Problem(path=shown, kind="internal", message=f"{shown}: internal error while extracting ({outcome[1]})")


Runner = Callable[[Task, Sequence[Any]], list[Outcome]]


def extract_document(job: _Job, found: Found) -> _Done:
    """The map of extraction: one file read, dated and extracted (or its claims read from the cache).

    It takes everything it needs as arguments and returns plain records (both pickle), so a pool that
    does not fork (spawned processes, another machine) can run it: see the ``runner`` of ``extract``.
    """
    return _process(job, found)


def _run(paths: Sequence[str | os.PathLike[str]], job: _Job, workers: int, budget: float,
         progress: Progress | None, selection: Selection | None = None, runner: Runner | None = None,
         meanwhile: Callable[[], None] | None = None) -> tuple[list[Found], list[_Done | Problem], list[Problem]]:
    found, problems = list_inputs(paths, selection)
    done = 0

    def tick(index: int) -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, len(found), found[index].display)

    outcomes: list[Outcome | None] = [None] * len(found)
    # Unchanged documents are read from the cache here, not in the workers: the workers (and the language
    # data they share) are for the documents left to extract, often one or none of a thousand. Those whose
    # claims files look current are read while the workers extract the others; one that turns out not
    # to be usable after all is extracted after them.
    known: dict[int, _Read] = {}
    if runner is None:
        for index, entry in enumerate(found):
            read = _looks_unchanged(job, entry)
            if read is not None:
                known[index] = read
    looks_unchanged = list(known)

    def read_unchanged() -> None:
        for count, index in enumerate(looks_unchanged, 1):
            unchanged = _unchanged(job, found[index], known.pop(index))
            if unchanged is not None:
                outcomes[index] = ("ok", unchanged)
                tick(index)
            if count % _FREEZE_EVERY_READ == 0:
                # The records read are kept until the run ends: frozen, the collector does not walk them
                # again each time the heap grows (a quarter of the time of reading 1,000 claims files).
                gc.freeze()
        if meanwhile is not None:
            meanwhile()

    skipped = set(looks_unchanged)
    todo = [index for index in range(len(found)) if index not in skipped]
    while todo or looks_unchanged:
        items = [found[index] for index in todo]
        if runner is not None:
            mapped = runner(functools.partial(extract_document, job), items)
        else:
            processes = min(workers, len(items))
            with _job(job):
                mapped = _map(_process_current, items, processes, budget,
                              _ticker(tick, todo),
                              read_unchanged if looks_unchanged or meanwhile else None)
        for index, mapped_outcome in zip(todo, mapped, strict=True):
            outcomes[index] = mapped_outcome
        todo = [index for index in looks_unchanged if outcomes[index] is None]
        looks_unchanged, meanwhile = [], None
    results: list[_Done | Problem] = []
    for entry, outcome in zip(found, outcomes, strict=True):
        assert outcome is not None
        results.append(outcome[1] if outcome[0] == "ok" else _problem(entry, outcome, budget))
    return found, results, problems


def _ticker(tick: Callable[[int], None], order: list[int]) -> Callable[[int], None]:
    """``tick`` of the file at position ``n`` of ``order``."""
    return lambda n: tick(order[n])


def _looks_unchanged(job: _Job, found: Found) -> _Read | None:
    """The bytes and digest of ``found`` when its claims file names that digest and this extractor
    (``_unchanged`` decides); None when it does not."""
    if job.claims_dir is None:
        return None
    try:
        read = _read(job, found)
    except OSError:
        return None
    return read if read is not None and store.header_matches(job.claims_dir, found.display, read[1]) else None


def _unchanged(job: _Job, found: Found, known: _Read | None = None) -> _Done | None:
    """The cached document and claims of an unchanged file; None when it is to be read (and extracted)."""
    try:
        unchanged = _cached(job, found, known)
    except Exception:  # a worker reads it again and reports what is wrong with it
        return None
    return unchanged if isinstance(unchanged, _Done) else None


def _usable(results: list[_Done | Problem], problems: list[Problem]) -> list[_Done]:
    """The results that hold a document; every other one is appended to ``problems``."""
    usable: list[_Done] = []
    for result in results:
        if isinstance(result, Problem):
            problems.append(result)
        elif isinstance(result.result, Problem):
            problems.append(result.result)
        else:
            problems.extend(result.notes)
            usable.append(result)
    return usable


def ingest(paths: Sequence[str | os.PathLike[str]], max_bytes: int = MAX_BYTES, doc_timeout: float = DOC_TIMEOUT,
           workers: int = 1, selection: Selection | None = None) -> tuple[list[Document], list[Problem]]:
    """Read the files into documents, with reference dates resolved, each under the time budget."""
    job = _Job(claims_dir=None, use_cache=False, extract=False, max_bytes=max_bytes)
    _, results, problems = _run(paths, job, workers, doc_timeout, None, selection)
    return [done.result for done in _usable(results, problems) if isinstance(done.result, Document)], problems


def extract(
    paths: Sequence[str | os.PathLike[str]],
    claims_dir: Path | None = None,
    use_cache: bool = True,
    workers: int = 1,
    progress: Progress | None = None,
    max_bytes: int = MAX_BYTES,
    doc_timeout: float = DOC_TIMEOUT,
    selection: Selection | None = None,
    distrust: Collection[Path] = (),
    runner: Runner | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> Extraction:
    """Ingest and extract claims; with ``claims_dir``, reuse and refresh the per-document cache.

    A document that cannot be read, or is not done within ``doc_timeout``
    seconds, becomes a Problem and the others go on; fresh claims files are
    written atomically under the cache lock as soon as all are known. A
    claims file in ``distrust`` is not reused even when it verifies. An
    article read from stdin is never cached. A cache that cannot be written
    (read-only, full) is one non-fatal problem naming it; the run goes on. ``runner`` maps a task over
    the files in a pool of the caller's (one outcome per file, in order, see ``map_budgeted``) instead of
    the budgeted forked workers. ``meanwhile`` is called once in this process while the workers extract
    (the CLI loads the modules of the stages after extraction then).
    """
    if claims_dir is not None:
        with contextlib.suppress(OSError):  # a cache that cannot be written is reported when it is written
            store.sweep_stale(claims_dir)
    job = _Job(claims_dir=claims_dir, use_cache=use_cache, extract=True, max_bytes=max_bytes,
               distrust=frozenset(str(Path(p).resolve()) for p in distrust))
    with timings.stage("map"):
        found, results, problems = _run(paths, job, workers, doc_timeout, progress, selection, runner, meanwhile)
    from_stdin = {entry.display for entry in found if entry.path == STDIN}
    documents: list[Document] = []
    claims: dict[str, list[Claim]] = {}
    fresh: list[tuple[Document, tuple[str, ...], str | None]] = []
    fingerprints: list[tuple[list[Claim], tuple[object, ...]]] = []
    cached_count = 0
    for result in _usable(results, problems):
        doc = result.result
        if isinstance(doc, Document):
            documents.append(doc)
            claims[doc.path] = result.claims or []
            fingerprints.append((claims[doc.path], result.fingerprint))
            if result.cached:
                cached_count += 1
            elif doc.path not in from_stdin:
                fresh.append((doc, result.ingest_notes, result.claims_text))
    if claims_dir is not None and fresh:
        try:
            with timings.stage("claims-write"):
                store.save_batch(claims_dir, [store.Entry(doc.path, doc.info.sha256, claims[doc.path], doc.info,
                                                          tuple(notes), text) for doc, notes, text in fresh])
        except OSError as exc:
            problems.append(Problem(path=str(claims_dir), kind="cache", fatal=False,
                                    message=f"{shown_path(str(claims_dir))}: cannot write the claims cache "
                                            f"({exc.strerror or exc}); claims not cached"))
    return Extraction(documents, claims, problems, cached_count, fingerprints)


def ground(extraction: Extraction) -> Extraction:
    """The extraction with its undated articles dated by the story where it can (``checker/story.py``)."""
    from checker import story  # imported here: forked workers need none of the stages after extraction

    infos, claims = story.ground([doc.info for doc in extraction.documents], extraction.claims)
    if claims is extraction.claims:
        return extraction
    documents = [doc if doc.info is info else dataclasses.replace(doc, info=info)
                 for doc, info in zip(extraction.documents, infos, strict=True)]
    return Extraction(documents, claims, extraction.problems, extraction.cached, extraction.fingerprints)


def compare(extraction: Extraction) -> list[Finding]:
    """Findings among all the claims of an extraction."""
    from checker.compare.repeats import compare_distinct

    documents = [(doc.info, extraction.claims.get(doc.path, [])) for doc in extraction.documents]
    # A fingerprint taken on arrival holds for a document whose claims the story did not replace.
    fingerprints = ([fingerprint if listed is claims else None
                     for (listed, fingerprint), (_, claims) in zip(extraction.fingerprints, documents, strict=True)]
                    if len(extraction.fingerprints) == len(documents) else [])
    # The claims outlive comparison: the garbage collector need not walk them again each time comparison's
    # own objects fill a generation (a quarter of comparison's time at 40,000 claims, more at 100,000).
    gc.freeze()
    try:
        return compare_distinct(documents, fingerprints)
    finally:
        gc.unfreeze()


def build_report(extraction: Extraction, findings: list[Finding]) -> Report:
    """The report record of one run."""
    infos: list[DocumentInfo] = [doc.info for doc in extraction.documents]
    every = tuple(claim for doc in extraction.documents for claim in extraction.claims.get(doc.path, []))
    return Report(version=__version__, documents=tuple(infos), claims=every, findings=tuple(findings),
                  problems=tuple(extraction.problems))
