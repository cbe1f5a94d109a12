"""Opinion: the writer's own judgement, told apart from reporting (attributed speech is fact)."""
from ..datasets import SourceSpec
from ..features import PATTERN_CUES
from . import TaskConfig

TASK = TaskConfig(
    name="opinion",
    sources=[
        SourceSpec("opinion/checkthat_en.jsonl", "CC BY 4.0 (CLEF CheckThat! 2023-2025 task 2)",
                   keep=lambda r: r.get("ct2025_split") in ("train", "dev")),
        SourceSpec("opinion/mpqa.jsonl", "MPQA 1.2 terms of use (research; Wiebe et al. 2005)",
                   group_field="doc_id"),
    ],
    dev=SourceSpec("opinion/checkthat_en.jsonl", "CC BY 4.0",
                   keep=lambda r: r.get("ct2025_split") == "dev_test",
                   note="CheckThat! 2024 English test, the ct2025 dev_test part"),
    # Who speaks matters here: a judgement attributed to a source is reporting.
    cues=PATTERN_CUES + ("attributed", "quoted"),
)
