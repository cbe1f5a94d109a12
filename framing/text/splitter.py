"""NLTK Punkt sentence-splitter parameters: trained on news text, stored as plain JSON.

NLTK ships its English Punkt model as a pickle and downloads it at run time; we train our
own parameters on real news (the PTC articles) and keep them as data, so loading a splitter
executes nothing and needs no network. Training uses NLTK's Punkt trainer; splitting uses
`punkt.PunktSplitter`, so scoring never imports NLTK.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from ..classifiers.manifest import record, verify
from ..classifiers.models_dir import SPLITTER_FILE, model_path
from ..errors import ModelError
from .punkt import PunktParameters, PunktSplitter

# Abbreviations common in news that a corpus of a few hundred articles may see too rarely
# for Punkt to learn (lower-case, without the final period, as Punkt stores them).
NEWS_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt",
    "cmdr", "adm", "maj", "pres", "rev", "st", "mt", "ft", "jr", "sr", "inc", "corp", "co",
    "ltd", "bros", "no", "nos", "vs", "v", "etc", "approx", "est", "dept", "univ", "assn",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "e.u", "d.c", "a.m", "p.m", "i.e", "e.g", "ph.d", "u.s.a",
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan",
    "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla",
    "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
}


def news_language_vars():
    """Punkt's English conventions, with curly opening quotes split off the word they open.

    Otherwise `“It` is one token whose first character is not a capital, and Punkt misses
    the sentence break in `he said. “It was…`, the commonest boundary in quoted news.
    `punkt.PunktSplitter` splits words the same way.
    """
    from nltk.tokenize.punkt import PunktLanguageVars

    class NewsLanguageVars(PunktLanguageVars):
        _re_word_start = PunktLanguageVars._re_word_start[:-1] + "\u201c\u2018\u00ab]"

    return NewsLanguageVars()


def train_parameters(texts: list[str], extra_abbreviations: set[str] = NEWS_ABBREVIATIONS) -> dict:
    """Learn Punkt parameters from raw text; returns them as a JSON-ready dict."""
    from nltk.tokenize.punkt import PunktTrainer

    trainer = PunktTrainer(lang_vars=news_language_vars())
    for text in texts:
        trainer.train(text, finalize=False)
    trainer.finalize_training()
    params = trainer.get_params()
    return {
        "format": "framing-punkt/1",
        "abbrev_types": sorted(params.abbrev_types | set(extra_abbreviations)),
        "collocations": sorted([a, b] for a, b in params.collocations),
        "sent_starters": sorted(params.sent_starters),
        "ortho_context": dict(sorted(params.ortho_context.items())),
    }


def tokenizer_from_parameters(data: dict) -> PunktSplitter:
    if data.get("format") != "framing-punkt/1":
        raise ModelError("sentence splitter parameters are of an unknown format")
    return PunktSplitter(PunktParameters(
        abbreviations=frozenset(data["abbrev_types"]),
        collocations=frozenset(tuple(pair) for pair in data["collocations"]),
        sentence_starters=frozenset(data["sent_starters"]),
        orthography=dict(data["ortho_context"])))


def save_parameters(data: dict, path: Path) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n",
                    encoding="utf-8")
    record(path)


@lru_cache(maxsize=4)
def load_tokenizer(path: str | None = None) -> PunktSplitter:
    """The shipped news splitter, or the one at `path`."""
    file = Path(path) if path else model_path(SPLITTER_FILE)
    if not file.is_file():
        raise ModelError(f"{file}: sentence splitter parameters not found "
                         "(run `framing train --task splitter`)")
    try:
        data = json.loads(verify(file).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise ModelError(f"{file}: sentence splitter parameters are not valid JSON") from None
    return tokenizer_from_parameters(data)
