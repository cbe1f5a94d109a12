"""News labelled for every dimension: the maintainers' sets and the project's own.

They are the register users score (whole news articles, the writer and sources mixed) and
follow ../shared/ANNOTATION.md, so each classifier trains on them beside its public sets.
Lines that are page debris ("not a sentence") are never scored, so they are not trained on.
"""
from ..datasets import SourceSpec
from ..document_sets import DOCUMENT_SETS, LABELLING

OWN_LABELS = LABELLING / "ptc_news_labels.jsonl"
# Whole documents of mainstream news beside the PTC articles (document_sets.DOCUMENT_SETS):
# MPQA (world press, 2001-2002) and MultiDimNews (2014, 33 countries).
OWN_MPQA_LABELS = DOCUMENT_SETS["mpqa"].labels
OWN_MDN_LABELS = DOCUMENT_SETS["multidimnews"].labels
OWN_LABEL_FILES = (OWN_LABELS, *(s.labels for s in DOCUMENT_SETS.values()))
# Our labels of the whole mainstream documents, by source name (file stem).
MAINSTREAM_SOURCE_NAMES = tuple(s.labels.stem for s in DOCUMENT_SETS.values())
NEWS_SOURCE_NAMES = ("maintainers_news_labels", "maintainers_news_bulk", "ptc_news_labels", *MAINSTREAM_SOURCE_NAMES)
# Each news sentence counts three times: chosen on the cross-source table (weights 1, 3 and 5
# tried; 3 was best or level on the news test split and the left-out sources for all three).
# The speculative recipe weighs our mainstream labels 9 (see its card notes).
NEWS_WEIGHTS = {name: 3.0 for name in NEWS_SOURCE_NAMES}

_LICENCE = ("labels: the framing maintainers (language-model annotation, see "
            "sources/news/ in the data folder); text: PTC articles (none stated) and BABE "
            "(AGPL-3.0), MPQA, CheckThat! train sentences")
OWN_LICENCE = ("labels: this project (two independent language-model annotators and a third "
               "reading, see framing/training/labelling/); text: PTC articles, read from the data folder")


def _sentence(record: dict) -> bool:
    return record.get("note") != "not a sentence"


def news_sources(field: str) -> list[SourceSpec]:
    """The news label sets, labelled for `field` (opinion, speculative or loaded)."""
    specs = [SourceSpec("news/maintainers_news_labels.jsonl", _LICENCE, keep=_sentence,
                        group_field="doc_id", label_field=field),
             SourceSpec("news/maintainers_news_bulk.jsonl", _LICENCE, keep=_sentence,
                        group_field="doc_id", label_field=field)]
    licences = (OWN_LICENCE, *(s.licence for s in DOCUMENT_SETS.values()))
    for path, licence in zip(OWN_LABEL_FILES, licences):
        if path.exists():
            specs.append(SourceSpec(str(path), licence, keep=_sentence, group_field="doc_id", label_field=field))
    return specs
