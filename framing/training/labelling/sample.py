"""Choose the lines to label and write the annotators' batch files.

Lines come from the PTC articles (../shared/data/articles/ptc), from the part neither the
maintainers' news sets nor our own labels cover: a contiguous run of up to `--per-article` lines per
article, so an annotator reads them in order with the headline for context. Articles go
to batches whole; the news test split (`datasets.news_split`) holds a seeded fifth of them.

    python -m framing.training.labelling.sample --data ../shared/data --out /tmp/annotation --prefix q

A later round takes a new `--prefix`, so its ids never meet those of the labels already made.
"""
from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from ..datasets import PTC_ARTICLES, news_split, require_data_dir
from ..tasks.news import OWN_LABELS

MAINTAINER_SETS = ("news/maintainers_news_labels.jsonl", "news/maintainers_news_bulk.jsonl")
SEED = 11


def covered_lines(root: Path) -> dict[str, set[int]]:
    """Lines of PTC articles that the maintainers' sets or our own labels already cover."""
    covered: dict[str, set[int]] = {}
    for path in [root / name for name in MAINTAINER_SETS] + [OWN_LABELS]:
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                if record["dataset"] == "ptc_articles":
                    covered.setdefault(record["doc_id"], set()).add(record["line"])
    return covered


def line_spans(text: str) -> list[tuple[int, int, int]]:
    """(line number, start, end) of each non-empty line, offsets of its stripped text."""
    spans, offset = [], 0
    for number, line in enumerate(text.split("\n")):
        stripped = line.strip()
        if stripped:
            start = offset + line.index(stripped)
            spans.append((number, start, start + len(stripped)))
        offset += len(line) + 1
    return spans


def sample(root: Path, per_article: int, prefix: str = "p", seed: int = SEED) -> list[dict]:
    rng = random.Random(seed)
    covered = covered_lines(root)
    records = []
    for path in sorted((root / PTC_ARTICLES).glob("*.txt")):
        doc_id = path.stem
        text = path.read_text(encoding="utf-8")
        spans = line_spans(text)
        free = [s for s in spans if s[0] not in covered.get(doc_id, set())]
        if not free:
            continue
        first = rng.randrange(max(1, len(free) - per_article + 1))
        split = news_split(doc_id)
        headline = text[spans[0][1]:spans[0][2]]
        for number, start, end in free[first:first + per_article]:
            records.append({"id": f"{prefix}{len(records):05d}", "dataset": "ptc_articles",
                            "doc_id": doc_id, "line": number, "start": start, "end": end,
                            "split": split, "text": text[start:end], "headline": headline})
    return records


def batch_file(documents: list[list[dict]], heading: str) -> str:
    """An annotator's batch: per article a heading with its `heading` field, then `ID<TAB>text` lines."""
    lines = []
    for records in documents:
        lines.append(f"## article {records[0]['doc_id']} (headline: {records[0][heading]})")
        lines += [f"{r['id']}\t{r['text']}" for r in records]
        lines.append("")
    return "\n".join(lines)


def write_batches(records: list[dict], out: Path, batches: int) -> None:
    """`items.jsonl` (what each id points at) and one annotator file per batch."""
    out.mkdir(parents=True, exist_ok=True)
    articles: dict[str, list[dict]] = {}
    for record in records:
        articles.setdefault(record["doc_id"], []).append(record)
    size = -(-len(records) // batches)
    batch, count, number = [], 0, 1
    groups = list(articles.values())
    for index, group in enumerate(groups):
        batch.append(group)
        count += len(group)
        if count >= size or index == len(groups) - 1:
            (out / f"batch{number:02d}.txt").write_text(batch_file(batch, "headline"), encoding="utf-8")
            batch, count, number = [], 0, number + 1
    with open(out / "items.jsonl", "w", encoding="utf-8") as handle:
        for record in records:
            pointer = {k: record[k] for k in ("id", "dataset", "doc_id", "line", "start", "end", "split")}
            handle.write(json.dumps(pointer) + "\n")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data")
    parser.add_argument("--out", required=True)
    parser.add_argument("--per-article", type=int, default=35)
    parser.add_argument("--batches", type=int, default=8)
    parser.add_argument("--prefix", default="p", help="first letter of the ids of this round")
    args = parser.parse_args(argv)
    records = sample(require_data_dir(args.data), args.per_article, args.prefix)
    write_batches(records, Path(args.out), args.batches)
    articles = {r["doc_id"] for r in records}
    tests = {r["doc_id"] for r in records if r["split"] == "test"}
    print(f"{len(records)} lines from {len(articles)} articles ({len(tests)} in the test split)")


if __name__ == "__main__":
    main()
