"""Score many articles: in worker processes, from the cache when possible, in input order.

Results stream out as soon as they and everything before them are done, and at most a few
articles per worker are in flight, so memory stays flat however large the corpus. Results
travel in their JSON form (`schema.document_dict`), as encoded JSON where they can: workers
send back JSON lines and the cache stores them, so a cached run never builds a `Document`,
and JSON Lines output is never encoded twice.
"""
from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator

from ..errors import InputError
from ..pipeline.document import Document
from ..pipeline.fields import ALL
from ..pipeline.schema import document_dict
from .cache import IDENTITY, ResultCache, identity_end, with_identity
from .result import Result, sentence_count

IN_FLIGHT_PER_JOB = 4
LAZY = frozenset({"text", "sentences"})  # results with these fields are decoded when needed (Result.lazy)

_worker_models: tuple[str | None, tuple[tuple[str, float], ...]] = (None, ())


def _init_worker(models_dir: str | None, thresholds: tuple[tuple[str, float], ...] = (),
                 in_pool: bool = False) -> None:
    global _worker_models
    _worker_models = (models_dir, thresholds)
    if in_pool:  # Ctrl-C is the main process's to handle: it keeps what is done
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    from ..pipeline.scoring import load_models

    load_models(models_dir, thresholds)  # once per worker, before the first article


def _score(document: Document, fields: frozenset[str] = ALL) -> dict:
    from ..pipeline.scoring import analyze

    return document_dict(analyze(document, *_worker_models, fields), fields)


def _score_line(document: Document, fields: frozenset[str] = ALL) -> str:
    """A worker's result as one JSON line: cheaper to send back than the dict it encodes."""
    return json.dumps(_score(document, fields), ensure_ascii=False)


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


class Batch:
    """Scores a stream of documents (and passes input errors through), in order; results
    hold the `fields` asked for (framing.pipeline.fields)."""

    def __init__(self, jobs: int = 1, models_dir: str | None = None, cache: ResultCache | None = None,
                 thresholds: tuple[tuple[str, float], ...] = (), fields: frozenset[str] = ALL):
        self.jobs = max(1, jobs)
        self.fields = fields
        self.models_dir = models_dir
        self.thresholds = thresholds
        self.cache = cache
        self.articles = self.sentences = self.failures = 0

    def _finish(self, result: dict | InputError) -> dict | InputError:
        if isinstance(result, InputError):
            self.failures += 1
            return result
        self.articles += 1
        self.sentences += sentence_count(result)
        return result

    def run(self, items: Iterable[Document | InputError]) -> Iterator[dict | InputError]:
        if self.jobs == 1:
            yield from self._run_here(items)
        else:
            yield from self._run_in_pool(items)

    def _cached(self, item: Document) -> dict | None:
        """The cached result for this text, under this document's own name, place and metadata."""
        stored = self.cache.get(item.text, self.fields, item.unit) if self.cache is not None else None
        line = with_identity(stored, {name: getattr(item, name) for name in IDENTITY}) if stored else None
        if not line:
            return None
        # Decoded when needed: written as JSON Lines, most of a full result never is.
        return Result.lazy(line, identity_end(line, stored)) if LAZY <= self.fields else Result.of_line(line)

    def _store(self, result: dict, text: str) -> dict:
        if self.cache is not None:
            self.cache.put(result, text, self.fields)
        return result

    def _run_here(self, items):
        models_ready = False
        for item in items:
            if isinstance(item, InputError):
                yield self._finish(item)
                continue
            result = self._cached(item)
            if result is None:
                if not models_ready:  # loaded on the first miss: a cached run never loads them
                    _init_worker(self.models_dir, self.thresholds)
                    models_ready = True
                result = self._store(_score(item, self.fields), item.text)
            yield self._finish(result)

    def _run_in_pool(self, items):
        pool = None  # started on the first cache miss: a cached run needs no workers
        pending: deque = deque()  # (ready result | AsyncResult), in input order
        try:
            for item in items:
                if not isinstance(item, InputError):
                    cached = self._cached(item)
                    if cached is None:
                        if pool is None:
                            pool = self._start_pool()
                        item = (pool.apply_async(_score_line, (item, self.fields)), item.text)
                    else:
                        item = cached
                pending.append(item)
                while pending and (len(pending) > self.jobs * IN_FLIGHT_PER_JOB or _ready(pending[0])):
                    yield self._next(pending)
            while pending:
                yield self._next(pending)
        finally:
            if pool is not None:
                pool.terminate()
                pool.join()

    def _start_pool(self):
        # Load the models here first: forked workers then start with them in memory.
        _init_worker(self.models_dir, self.thresholds)
        context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
        return context.Pool(self.jobs, initializer=_init_worker, initargs=(self.models_dir, self.thresholds, True))

    def _next(self, pending: deque) -> dict | InputError:
        head = pending.popleft()
        if isinstance(head, (dict, InputError)):
            return self._finish(head)
        scoring, text = head
        return self._finish(self._store(Result.of_line(scoring.get()), text))


def _ready(entry) -> bool:
    return isinstance(entry, (dict, InputError)) or entry[0].ready()


class Progress:
    """A one-line progress report on stderr, redrawn at most a few times a second."""

    def __init__(self, total_files: int, enabled: bool) -> None:
        self.total = total_files
        self.enabled = enabled
        self.start = self.last = time.monotonic()
        self.files_seen: set[str] = set()

    def update(self, batch: Batch, result: dict | InputError) -> None:
        if not self.enabled:
            return
        self.files_seen.add(result.source if isinstance(result, InputError) else result["path"] or "")
        now = time.monotonic()
        if now - self.last < 0.2:
            return
        self.last = now
        self.draw(batch, now)

    def draw(self, batch: Batch, now: float) -> None:
        elapsed = max(now - self.start, 1e-9)
        done = min(len(self.files_seen), self.total)
        eta = elapsed / done * (self.total - done) if done else 0.0
        sys.stderr.write(f"\r{done}/{self.total} files, {batch.articles} articles, "
                         f"{batch.sentences / elapsed:,.0f} sentences/s, ETA {_clock(eta)}   ")
        sys.stderr.flush()

    def clear(self) -> None:
        """Wipe the line, so that a message can be printed in its place."""
        if self.enabled:
            sys.stderr.write("\r\033[K")

    def close(self, batch: Batch) -> None:
        if self.enabled:
            self.draw(batch, time.monotonic())
            sys.stderr.write("\n")


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
