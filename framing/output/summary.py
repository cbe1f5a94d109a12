"""Summaries in words: one article's scores, and a whole corpus's pooled over its sentences.

Every percentage names what it is a share of. A corpus share pools sentences (flagged
sentences of all articles over scored sentences of all articles), so a long article weighs
more than a short one; `report` gives the mean of article shares instead.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .. import dimensions
from ..pipeline.aggregate import VOICES
from ..pipeline.scores import ArticleScores

TOP_ARTICLES = 5


def _count(share: float, total: int) -> int:
    """A count back from a share of `total` (shares are rounded to 4 places, counts are whole)."""
    return round(share * total)


def _pct(count: int, total: int) -> str:
    return f"{count / total:.0%}" if total else "0%"


def dimension_line(task: str, flagged: int, strong: int, writer: int, total: int, extra: str = "") -> str:
    """`loaded 62% of 16 scored sentences (strong 6%): 10 sentences, 10 in the writer's voice, 0 reported`."""
    noun = "sentence" if flagged == 1 else "sentences"
    return (f"   {task} {_pct(flagged, total)} of {total} scored sentences (strong {_pct(strong, total)}): "
            f"{flagged} {noun}, {writer} in the writer's voice, {flagged - writer} reported"
            + (f"; {extra}" if extra else ""))


def voice_line(voices: dict[str, int], total: int) -> str:
    """Who speaks in the scored sentences, apart from any verdict."""
    return f"   voice of the {total} scored sentences: " + ", ".join(f"{v} {voices.get(v, 0)}" for v in VOICES)


def article_lines(scores: ArticleScores) -> list[str]:
    """One line per dimension, then the voice line, for one article's scores."""
    total = scores.scored_sentences
    lines = [dimension_line(d.name, s.count, _count(s.strong_share, total), _count(s.writer_share, total),
                            total, d.summary(s) if d.summary else "")
             for d in dimensions.registered() for s in [scores[d.name]]]
    if scores.voices:
        lines.append(voice_line(scores.voices, total))
    return lines


@dataclass
class Tally:
    flagged: int = 0
    strong: int = 0
    writer: int = 0


@dataclass
class CorpusSummary:
    """Pooled counts over every article added, and the most loaded articles."""

    articles: int = 0
    sentences: int = 0
    scored: int = 0
    voices: dict[str, int] = field(default_factory=lambda: dict.fromkeys(VOICES, 0))
    tallies: dict[str, Tally] = field(default_factory=lambda: {task: Tally() for task in dimensions.names()})
    loaded: list[tuple[float, int, int, str]] = field(default_factory=list)  # share, count, total, name

    def add(self, result: dict) -> None:
        scores = ArticleScores.from_dict(result["scores"])
        total = scores.scored_sentences
        self.articles += 1
        self.sentences += scores.sentences
        self.scored += total
        for voice, n in scores.voices.items():
            self.voices[voice] = self.voices.get(voice, 0) + n
        for task, tally in self.tallies.items():
            s = scores[task]
            tally.flagged += s.count
            tally.strong += _count(s.strong_share, total)
            tally.writer += _count(s.writer_share, total)
        self.loaded.append((scores["loaded"].share, scores["loaded"].count, total,
                            result.get("source") or result.get("id") or "?"))

    def share(self, task: str) -> float:
        return self.tallies[task].flagged / self.scored if self.scored else 0.0

    def strong_share(self, task: str) -> float:
        return self.tallies[task].strong / self.scored if self.scored else 0.0

    def most_loaded(self, n: int = TOP_ARTICLES) -> list[tuple[float, int, int, str]]:
        """The `n` articles with the highest loaded share (more loaded sentences first on a tie,
        then input order)."""
        order = sorted(range(len(self.loaded)), key=lambda i: (-self.loaded[i][0], -self.loaded[i][1], i))
        return [self.loaded[i] for i in order[:n]]

    def as_dict(self) -> dict:
        return {"articles": self.articles, "sentences": self.sentences, "scored_sentences": self.scored,
                "voices": dict(self.voices),
                **{task: {"count": t.flagged, "share": round(self.share(task), 4),
                          "strong_share": round(self.strong_share(task), 4), "writer_count": t.writer}
                   for task, t in self.tallies.items()},
                "most_loaded": [{"source": name, "share": share, "count": count, "scored_sentences": total}
                                for share, count, total, name in self.most_loaded()]}

    def lines(self) -> list[str]:
        out = [f"== corpus: {self.articles} articles, {self.sentences} sentences ({self.scored} scored)"]
        out += [dimension_line(task, t.flagged, t.strong, t.writer, self.scored) for task, t in self.tallies.items()]
        out.append(voice_line(self.voices, self.scored))
        out.append("   most loaded articles (loaded share of their own scored sentences):")
        top = [(f"{share:.0%}", f"{count}/{total}", name) for share, count, total, name in self.most_loaded()]
        width = max((len(fraction) for _, fraction, _ in top), default=0)
        out += [f"     {pct:>4}  {fraction:<{width}}  {name}" for pct, fraction, name in top]
        return out
