"""framing: where news writing stops reporting and starts steering, sentence by sentence.

    >>> import framing
    >>> report = framing.analyze("Officials said the storm could strengthen overnight.")
    >>> [s.verdicts["speculative"].label for s in report.sentences]
    ['speculative']
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["analyze", "score_paths", "analyze_table", "to_dataframe", "Document", "Sentence", "Verdict", "Span", "FramingError",
           "__version__"]

from .errors import FramingError
from .output.notebook import analyze_table, to_dataframe
from .pipeline.document import Document, Sentence, Span, Verdict


def analyze(text, models_dir: str | None = None, thresholds: dict[str, float] | None = None) -> Document:
    """Segment, score and summarize one article (a string or a `Document`); `thresholds`
    ({"loaded": 0.6, ...}) replace the models' own decision thresholds."""
    from .pipeline.scoring import analyze as _analyze  # imported on first use: keeps `import framing` light

    return _analyze(text, models_dir, tuple(sorted((thresholds or {}).items())))


def score_paths(paths, engine: str = "local", scheduler: str | None = None, jobs: int | None = None, **options):
    """Score files, folders and JSONL/CSV collections here or on a Dask cluster (`engine="dask"`,
    or `scheduler="tcp://host:8786"`): a result dict per article, or an `InputError` in place of
    each bad input, in input order. See `framing.batch.engines.score_paths` for the options."""
    from .batch.engines import score_paths as _score_paths

    return _score_paths(paths, engine, scheduler, jobs, **options)
