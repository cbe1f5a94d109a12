"""Loaded language: emotionally charged or slanted wording, whoever uses it."""
from ..datasets import SourceSpec
from ..features import PATTERN_CUES
from . import TaskConfig

TASK = TaskConfig(
    name="loaded",
    sources=[SourceSpec("loaded/babe.jsonl", "CC BY-NC-SA 4.0 (BABE, Spinde et al. 2021)")],
    cues=PATTERN_CUES,
)
