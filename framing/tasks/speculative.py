"""Speculative claims: hedges, forecasts, conditionals, alarmist escalation, whoever makes them."""
from ..datasets import SourceSpec
from ..features import PATTERN_CUES
from . import TaskConfig

TASK = TaskConfig(
    name="speculative",
    sources=[
        SourceSpec("speculative/szeged_wiki_bio.jsonl",
                   "CC BY-SA 3.0 (Szeged Uncertainty Corpus, Wikipedia part)",
                   keep=lambda r: r.get("subcorpus") == "wiki", group_field="doc_id"),
        SourceSpec("speculative/pei_jurgens.jsonl", "none stated (Pei and Jurgens 2021)",
                   keep=lambda r: r.get("split") == "train"),
        SourceSpec("speculative/future_statements.jsonl",
                   "none stated (future statements in news; proxy labels)", group_field="doc_id"),
    ],
    dev=SourceSpec("speculative/pei_jurgens.jsonl", "none stated",
                   keep=lambda r: r.get("split") == "val", note="Pei and Jurgens validation split"),
    cues=PATTERN_CUES,
)
