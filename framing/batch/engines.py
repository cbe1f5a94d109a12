"""Where articles are scored: here (`local`, worker processes on this machine) or on a Dask
cluster (`dask`); both yield the same results in the same order, through one interface.

    >>> import framing
    >>> for result in framing.score_paths(["corpus/"], engine="dask", jobs=2):
    ...     print(result["source"], result["scores"]["loaded"]["share"])
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import InputError
from ..pipeline.fields import ALL
from .cache import ResultCache, default_cache_dir
from .local import Batch, default_jobs

ENGINES = ("local", "dask")


@contextmanager
def open_engine(engine: str = "local", jobs: int | None = None, models_dir: str | None = None,
                cache: ResultCache | None = None, thresholds: tuple[tuple[str, float], ...] = (),
                scheduler: str | None = None, fields: frozenset[str] = ALL) -> Iterator[Batch]:
    """A `Batch` for `engine`: `run(items)` scores documents in order; closed on leaving.

    `scheduler` (tcp://host:8786) implies the Dask engine; the Dask engine without one starts
    a LocalCluster of `jobs` worker processes."""
    if engine == "dask" or scheduler:
        from .dask_engine import DaskBatch, require_dask

        require_dask()
        batch = DaskBatch(jobs or default_jobs(), models_dir, cache, thresholds, fields, scheduler=scheduler)
        try:
            yield batch
        finally:
            batch.close()
    elif engine == "local":
        yield Batch(jobs or default_jobs(), models_dir, cache, thresholds, fields)
    else:
        raise ValueError(f"engine {engine!r}: choose from {', '.join(ENGINES)}")


def score_paths(paths: Iterable[str], engine: str = "local", scheduler: str | None = None,
                jobs: int | None = None, models_dir: str | None = None,
                thresholds: dict[str, float] | None = None, cache: bool | str | Path = False,
                options=None) -> Iterator[dict | InputError]:
    """Score files, folders and JSONL/CSV collections: one result dict (the JSON schema) per
    article, or an `InputError` in place of each bad input, in input order.

    `cache` True uses the default result cache, a path uses that folder; `options` is a
    `reading.ReadOptions` (fields, include/exclude, size limit)."""
    from ..classifiers.models_dir import model_versions
    from ..reading.files import ReadOptions, read_documents

    chosen = tuple(sorted((thresholds or {}).items()))
    store = None
    if cache:
        folder = default_cache_dir() if cache is True else Path(cache)
        store = ResultCache(folder, model_versions(models_dir, chosen))
    try:
        with open_engine(engine, jobs, models_dir, store, chosen, scheduler) as batch:
            yield from batch.run(read_documents(list(paths), options or ReadOptions()))
    finally:
        if store is not None:
            store.close()
