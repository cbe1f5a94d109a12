"""Where articles are scored: here (`local`, worker processes on this machine) or on a Dask
cluster (`dask`); both yield the same results in the same order, through one interface.

    >>> import framing
    >>> for result in framing.score_paths(["corpus/"], engine="dask", jobs=2):
    ...     print(result["source"], result["scores"]["loaded"]["share"])
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
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


class ScoreRun:
    """One batch run, as the command line makes it and a notebook can: the files behind the
    paths (folders walked, `notes` on what they left out), the engine, the result cache, and,
    iterated, a result dict per article (or sentence record) in input order, an `InputError`
    in place of each bad input. `skip` filters the documents before they are scored (a
    partitioned output drops those it holds). Close it, or use it as a context manager.

    With no `jobs`, one plain article is scored in this process; anything more uses every core.
    """

    def __init__(self, paths: Iterable[str], engine: str = "local", scheduler: str | None = None,
                 jobs: int | None = None, models_dir: str | None = None,
                 thresholds: tuple[tuple[str, float], ...] = (), cache: ResultCache | None = None,
                 options=None, fields: frozenset[str] = ALL,
                 skip: Callable[[Iterable], Iterable] | None = None) -> None:
        from ..reading.files import COLLECTIONS, ReadOptions, expand_paths, format_of

        self.options, self.cache, self.skip = options or ReadOptions(), cache, skip
        self.notes: list[str] = []
        self.files = list(expand_paths(paths, self.options, self.notes))
        one_article = (len(self.files) == 1 and isinstance(self.files[0], str)
                       and format_of(self.files[0]) not in COLLECTIONS and self.options.fields.unit == "article")
        here = one_article and engine == "local" and not scheduler
        self._engine = ExitStack()  # a Dask engine's cluster and client are closed with it
        self.batch = self._engine.enter_context(open_engine(
            engine, jobs or (1 if here else default_jobs()), models_dir, cache, thresholds, scheduler, fields))

    def __iter__(self) -> Iterator[dict | InputError]:
        from ..reading.files import read_documents

        documents = read_documents(self.files, self.options)
        yield from self.batch.run(self.skip(documents) if self.skip else documents)

    def close(self) -> None:
        self._engine.close()
        if self.cache is not None:
            self.cache.close()

    def __enter__(self) -> ScoreRun:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def score_paths(paths: Iterable[str], engine: str = "local", scheduler: str | None = None,
                jobs: int | None = None, models_dir: str | None = None,
                thresholds: dict[str, float] | None = None, cache: bool | str | Path = False,
                options=None, fields: frozenset[str] = ALL) -> Iterator[dict | InputError]:
    """Score files, folders and JSONL/CSV collections: one result dict (the JSON schema) per
    article, or an `InputError` in place of each bad input, in input order; what `framing
    score` runs, with the same cache and workers.

    `cache` True uses the default result cache, a path uses that folder; `options` is a
    `reading.files.ReadOptions` (record fields and unit, include/exclude, size limit);
    `fields` (framing.pipeline.fields) what to compute."""
    from ..classifiers.models_dir import model_versions

    chosen = tuple(sorted((thresholds or {}).items()))
    store = None
    if cache:
        folder = default_cache_dir() if cache is True else Path(cache)
        store = ResultCache(folder, model_versions(models_dir, chosen))
    with ScoreRun(paths, engine, scheduler, jobs, models_dir, chosen, store, options, fields) as run:
        yield from run
