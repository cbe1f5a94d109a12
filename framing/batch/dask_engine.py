"""Score on a Dask cluster: the same results, in the same order, as `batch.local.Batch`.

The client reads the inputs (so a bad file or record is an `InputError` exactly as on one
machine, and the result cache is consulted before anything is sent) and cuts the articles
into blocks: up to FILES_PER_TASK articles from separate files, or up to RECORDS_PER_TASK
records of one JSONL/CSV collection. Each block is one Dask task; a worker loads the models
once, when it starts (`ModelsPlugin`, checksums verified by `framing.classifiers.manifest` there too), and
sends back one JSON line per article. Results stream out in input order through a reorder
buffer, with a bounded number of tasks in flight, so memory stays flat. A task whose worker
dies is run again by the scheduler, and one that raises is retried (`RETRIES`).

Dask is an optional extra: `pip install 'framing[dask]'`.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from ..errors import FramingError, InputError
from ..pipeline.document import Document
from ..pipeline.fields import ALL
from ..reading.files import COLLECTIONS
from .cache import ResultCache
from .local import Batch, _init_worker, _score_line
from .result import Result

FILES_PER_TASK = 8
RECORDS_PER_TASK = 1000
IN_FLIGHT_PER_WORKER = 2  # tasks queued per worker: enough to keep it busy, few enough to stay small
RETRIES = 2
INSTALL = "pip install 'framing[dask]'"


class MissingExtra(FramingError):
    """An optional dependency is not installed."""


def require_dask():
    """The `distributed` module, or a one-line error saying how to install it."""
    try:
        import dask  # noqa: F401
        import distributed
    except ImportError:
        raise MissingExtra(f"--engine dask needs Dask and distributed: {INSTALL}") from None
    return distributed


def _score_block(documents: list[Document], models_dir: str | None,
                 thresholds: tuple[tuple[str, float], ...], fields: frozenset[str] = ALL) -> list[str]:
    """A worker's task: each article's result, with the fields asked for, as a JSON line."""
    _init_worker(models_dir, thresholds)  # a no-op after the plugin's first load (load_models is cached)
    return [_score_line(document, fields) for document in documents]


def models_plugin(models_dir: str | None, thresholds: tuple[tuple[str, float], ...]):
    """A worker plugin that loads (and verifies) the models once, when each worker starts."""
    from distributed.diagnostics.plugin import WorkerPlugin

    class ModelsPlugin(WorkerPlugin):
        name = "framing-models"

        def setup(self, worker) -> None:
            _init_worker(models_dir, thresholds)

    return ModelsPlugin()


def _block_key(document: Document) -> str | None:
    """Which block an article may share: its collection's (one per file), or any file's (None)."""
    return document.path or document.source if document.format in COLLECTIONS else None


class _Block:
    """Articles that travel to a worker together, and, once sent, the future of their lines."""

    def __init__(self, key: str | None) -> None:
        self.key = key
        self.documents: list[Document] = []
        self.future = None
        self.lines: list[str] | None = None

    def full(self) -> bool:
        return len(self.documents) >= (FILES_PER_TASK if self.key is None else RECORDS_PER_TASK)


class _Slot:
    """An article's place in the output: the `index`th result of `block`, and the article's
    text (its result is cached under it)."""

    __slots__ = ("block", "index", "text")

    def __init__(self, block: _Block, index: int, text: str) -> None:
        self.block, self.index, self.text = block, index, text


class DaskBatch(Batch):
    """`Batch` on a Dask cluster: at `scheduler` (tcp://host:8786), or on a `LocalCluster` of
    `jobs` worker processes started here and stopped by `close`."""

    def __init__(self, jobs: int = 1, models_dir: str | None = None, cache: ResultCache | None = None,
                 thresholds: tuple[tuple[str, float], ...] = (), fields: frozenset[str] = ALL,
                 scheduler: str | None = None, client=None) -> None:
        super().__init__(jobs, models_dir, cache, thresholds, fields)
        self.scheduler = scheduler
        self.client = client
        self._own: list = []  # the client and cluster this batch started, closed by `close`
        self._connected = False

    def _connect(self):
        if self._connected:
            return self.client
        distributed = require_dask()
        if self.client is None and self.scheduler:
            try:
                self.client = distributed.Client(self.scheduler, timeout="30s")
            except OSError as exc:
                raise FramingError(f"{self.scheduler}: cannot reach the Dask scheduler ({exc})") from None
            self._own.append(self.client)
        elif self.client is None:
            cluster = distributed.LocalCluster(n_workers=self.jobs, threads_per_worker=1, processes=True,
                                               dashboard_address=None)
            self.client = distributed.Client(cluster)
            self._own += [self.client, cluster]
        self.client.register_plugin(models_plugin(self.models_dir, self.thresholds))
        self._connected = True
        return self.client

    def workers(self) -> int:
        threads = self._connect().nthreads()
        return max(1, sum(threads.values()))

    def close(self) -> None:
        for thing in self._own:
            thing.close()
        self._own.clear()
        self.client, self._connected = None, False

    def __enter__(self) -> "DaskBatch":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def run(self, items: Iterable[Document | InputError]) -> Iterator[dict | InputError]:
        pending: deque = deque()  # ready results, errors and _Slots, in input order
        in_flight: deque[_Block] = deque()
        block: _Block | None = None  # the one being filled: runs of consecutive articles form blocks
        limit = None  # tasks in flight; known once connected, on the first cache miss

        def send(block: _Block) -> None:
            nonlocal limit
            client = self._connect()
            limit = limit or self.workers() * IN_FLIGHT_PER_WORKER
            block.future = client.submit(_score_block, block.documents, self.models_dir, self.thresholds,
                                         self.fields, retries=RETRIES, pure=False)
            block.documents = []
            in_flight.append(block)

        for item in items:
            if isinstance(item, InputError):
                pending.append(item)
            elif (cached := self._cached(item)) is not None:
                pending.append(cached)
            else:
                key = _block_key(item)
                if block is not None and block.key != key:
                    send(block)
                    block = None
                block = block or _Block(key)
                pending.append(_Slot(block, len(block.documents), item.text))
                block.documents.append(item)
                if block.full():
                    send(block)
                    block = None
            yield from self._drain(pending, in_flight, limit)
        if block is not None:
            send(block)
        yield from self._drain(pending, in_flight, 0)

    def _drain(self, pending: deque, in_flight: deque, limit: int | None) -> Iterator[dict | InputError]:
        """Yield the head of `pending` while it is ready; wait for it while too many tasks are
        in flight (limit None: nothing sent yet) or at the end (limit 0)."""
        while pending:
            head = pending[0]
            if isinstance(head, _Slot):
                block = head.block
                if block.future is None:  # still being filled
                    return
                if block.lines is None:
                    if not block.future.done() and (limit is None or len(in_flight) < max(limit, 1)):
                        return
                    block.lines = block.future.result()
                    block.future.release()
                    in_flight.remove(block)
                pending.popleft()
                yield self._finish(self._store(Result.of_line(block.lines[head.index]), head.text))
            else:
                pending.popleft()
                yield self._finish(head)


__all__ = ["DaskBatch", "MissingExtra", "require_dask"]
