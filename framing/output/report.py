"""Compare groups of scored articles (outlets, folders, dates): means with 95% intervals.

Reads results written by `framing score --format jsonl` or `--format json`; the HTML form is in
html_report.py.
"""
from __future__ import annotations

import math
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .. import dimensions
from ..errors import FramingError, InputError
from ..pipeline.scores import ArticleScores
from ..reading.files import open_binary
from ..reading.records import json_or_jsonl_records


def read_results(paths: Iterable[str]) -> Iterator[dict | InputError]:
    """Scored articles from result files, JSON Lines or JSON (`framing score --format jsonl`
    or `--format json`); a record that is not one names itself."""
    for path in paths:
        source = "<stdin>" if path == "-" else path
        try:
            stream = open_binary(path)
        except InputError as exc:
            yield exc
            continue
        with stream:
            for where, record in json_or_jsonl_records(stream, source):
                if isinstance(record, dict):
                    record = _checked(record, where)
                yield record


def _checked(record: dict, where: str) -> dict | InputError:
    scores = record.get("scores")
    if not (isinstance(scores, dict) and isinstance(record.get("sentences"), list)):
        return InputError(where, "not a framing result (no scores)")
    missing = [name for name in dimensions.names() if not isinstance(scores.get(name), dict)]
    if missing:
        return InputError(where, f"scored without the {', '.join(missing)} dimension: score it again")
    return record


def folder_of(result: dict) -> str:
    """The folder an article was read from ("." for stdin)."""
    where = result.get("path") or result.get("source") or ""
    return os.path.normpath(os.path.dirname(where) or ".")


def folder_names(folders: Iterable[str]) -> dict[str, str]:
    """A short, unambiguous name for each folder: its path from the parent of the folders'
    common root, so that corpus/herald/world stays whole however deep corpus/ lies, and the
    articles at the root itself are named by it rather than by a dot."""
    distinct = sorted(set(folders))
    try:
        base = os.path.dirname(os.path.commonpath(distinct)) if distinct else ""
    except ValueError:  # absolute and relative paths mixed: no common root
        base = ""
    return {f: os.path.relpath(f, base) if base else f for f in distinct}


RESULT_FIELDS = ("id", "title", "format")  # fields of a result itself that can group articles


def grouping_fields(results: Iterable[dict]) -> list[str]:
    """What `--by` can be for these results: folder, then every metadata field and result
    field some article has a value for."""
    metadata: set[str] = set()
    own: set[str] = set()
    for result in results:
        metadata.update(k for k, v in (result.get("metadata") or {}).items() if v not in (None, ""))
        own.update(k for k in RESULT_FIELDS if result.get(k) not in (None, ""))
    return ["folder"] + sorted(metadata) + [k for k in RESULT_FIELDS if k in own and k not in metadata]


def group_of(result: dict, by: str) -> str:
    """The group an article belongs to by a metadata field or a result field (not folder)."""
    value = (result.get("metadata") or {}).get(by, result.get(by))
    return "(none)" if value in (None, "") else str(value)


def t_quantile(df: int) -> float:
    """The 97.5% quantile of Student's t with `df` degrees of freedom (for 95% intervals)."""
    from scipy.stats import t

    return float(t.ppf(0.975, df))


@dataclass
class Interval:
    mean: float
    low: float
    high: float

    @classmethod
    def of(cls, values: list[float]) -> Interval:
        n = len(values)
        mean = sum(values) / n
        if n < 2:
            return cls(mean, mean, mean)
        sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
        half = t_quantile(n - 1) * sd / math.sqrt(n)
        return cls(mean, max(0.0, mean - half), min(1.0, mean + half))


@dataclass
class Group:
    name: str
    results: list[dict] = field(default_factory=list)

    @property
    def articles(self) -> int:
        return len(self.results)

    @property
    def sentences(self) -> int:
        return sum(s.scored_sentences for s in self.scores)

    def values(self, task: str) -> list[float]:
        return [s[task].share for s in self.scores]

    @property
    def scores(self) -> list[ArticleScores]:
        return [ArticleScores.from_dict(r["scores"]) for r in self.results]

    def interval(self, task: str) -> Interval:
        return Interval.of(self.values(task))


def group_results(results: Iterable[dict], by: str) -> list[Group]:
    """The articles in groups sorted by name: by folder (see `folder_names`) or by a field."""
    results = list(results)
    if by == "folder":
        folders = [folder_of(r) for r in results]
        names = folder_names(folders)
        keys = [names[f] for f in folders]
    else:
        keys = [group_of(r, by) for r in results]
        if results and all(key == "(none)" for key in keys):
            raise FramingError(f"--by {by}: no article has this field; "
                               f"choose from {', '.join(grouping_fields(results))}")
    groups: dict[str, Group] = {}
    for name, result in zip(keys, results):
        groups.setdefault(name, Group(name)).results.append(result)
    return [groups[name] for name in sorted(groups)]


def summary(groups: list[Group], by: str) -> dict:
    return {"by": by, "groups": [
        {"group": g.name, "articles": g.articles, "sentences": g.sentences,
         **{task: {"mean_share": round(i.mean, 4), "ci95": [round(i.low, 4), round(i.high, 4)]}
            for task in dimensions.names() for i in [g.interval(task)]}}
        for g in groups]}


def format_table(groups: list[Group], by: str) -> str:
    """A plain-text table: articles, sentences, and each dimension's mean share [95% CI]."""
    header = [by, "articles", "sentences"] + [f"{task} (mean share, 95% CI)" for task in dimensions.names()]
    rows = [[g.name, str(g.articles), str(g.sentences)]
            + [f"{i.mean:.1%} [{i.low:.1%}, {i.high:.1%}]" for task in dimensions.names() for i in [g.interval(task)]]
            for g in groups]
    widths = [max(len(r[c]) for r in [header] + rows) for c in range(len(header))]
    lines = ["  ".join(cell.ljust(w) if c == 0 else cell.rjust(w) for c, (cell, w) in enumerate(zip(row, widths)))
             for row in [header] + rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


def top_articles(results: Iterable[dict], n: int, dimension: str = "loaded") -> list[dict]:
    """The `n` articles with the highest share of `dimension`'s flagged sentences (more
    flagged sentences first on a tie, then input order)."""
    results = list(results)
    scores = [ArticleScores.from_dict(r["scores"]) for r in results]
    order = sorted(range(len(results)), key=lambda i: (-scores[i][dimension].share, -scores[i][dimension].count, i))
    return [{"source": results[i].get("source"), "id": results[i].get("id"), "title": results[i].get("title"),
             "share": scores[i][dimension].share, "count": scores[i][dimension].count,
             "scored_sentences": scores[i].scored_sentences} for i in order[:n]]


def format_top(top: list[dict], dimension: str) -> str:
    """`rank  share  count/sentences  source [id]`, one article a line."""
    fractions = [f"{a['count']}/{a['scored_sentences']}" for a in top]
    width = max(map(len, fractions), default=0)
    lines = [f"\nthe {len(top)} most {dimension} articles ({dimension} share of their own scored sentences):"]
    lines += [f"{rank:>3}  {a['share']:>4.0%}  {fraction:<{width}}  {a['source']}" + (f"  [{a['id']}]" if a["id"] else "")
              for rank, (a, fraction) in enumerate(zip(top, fractions), start=1)]
    return "\n".join(lines) + "\n"
