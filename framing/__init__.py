"""framing: where news writing stops reporting and starts steering, sentence by sentence.

    >>> import framing
    >>> report = framing.analyze("Officials said the storm could strengthen overnight.")
    >>> [s.verdicts["speculative"].label for s in report.sentences]
    ['speculative']
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["analyze", "analyze_table", "to_dataframe", "Document", "Sentence", "Verdict", "Span", "FramingError",
           "__version__"]

from .document import Document, Sentence, Span, Verdict
from .errors import FramingError
from .notebook import analyze_table, to_dataframe


def analyze(text, models_dir: str | None = None, thresholds: dict[str, float] | None = None) -> Document:
    """Segment, score and summarize one article (a string or a `Document`); `thresholds`
    ({"loaded": 0.6, ...}) replace the models' own decision thresholds."""
    from .scoring import analyze as _analyze  # imported on first use: keeps `import framing` light

    return _analyze(text, models_dir, tuple(sorted((thresholds or {}).items())))
