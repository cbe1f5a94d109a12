"""Choose whole MPQA documents to label and write the annotators' batch files.

MPQA 1.2 (../shared/data/opinion/mpqa.jsonl) holds world-press news of 2001-2002 sentence by
sentence, in document order: mainstream articles, where the PTC articles lean to partisan
outlets. Documents of 10 to 30 sentences are drawn in a seeded order until about `--lines`
sentences are taken, and dealt to the batches so that each gets about as many lines.
Documents already labelled (`mpqa_news_labels.jsonl`) are skipped: a later round takes a new
`--prefix`, so its ids never meet those of the labels already made.

    python -m framing.training.labelling.sample_mpqa --data ../shared/data --out /tmp/annotation --prefix n

The records (`items.jsonl`) point at each sentence by document and sentence index (`line`).
"""
from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from pathlib import Path

from ..datasets import MPQA, require_data_dir
from ..tasks.news import OWN_MPQA_LABELS
from .sample import batch_file

SEED = 20261203
SIZES = (10, 30)  # sentences per document: enough context, and many documents (rounds m-o)


def labelled_documents(path: Path = OWN_MPQA_LABELS) -> set[str]:
    if not path.exists():
        return set()
    with open(path, encoding="utf-8") as lines:
        return {json.loads(line)["doc_id"] for line in lines}


def sample(root: Path, lines: int, batches: int, prefix: str = "m", seed: int = SEED,
           skip: frozenset[str] = frozenset(), sizes: tuple[int, int] = SIZES) -> list[list[list[dict]]]:
    """The batches, each a list of documents (none of `skip`, each of `sizes` sentences), each the list of its
    sentences' records."""
    documents: dict[str, list[dict]] = defaultdict(list)
    with open(root / MPQA, encoding="utf-8") as handle:
        for record in map(json.loads, handle):
            documents[record["doc_id"]].append(record)
    whole = sorted(d for d, sentences in documents.items() if sizes[0] <= len(sentences) <= sizes[1]
                   and sorted(s["sentence_index"] for s in sentences) == list(range(len(sentences))))
    random.Random(seed).shuffle(whole)
    chosen, total = [], 0
    for doc_id in (d for d in whole if d not in skip):
        if total >= lines:
            break
        chosen.append(doc_id)
        total += len(documents[doc_id])
    dealt: list[list[str]] = [[] for _ in range(batches)]
    sizes = [0] * batches
    for doc_id in chosen:
        smallest = sizes.index(min(sizes))
        dealt[smallest].append(doc_id)
        sizes[smallest] += len(documents[doc_id])
    out, number = [], 0
    for doc_ids in dealt:  # numbered batch by batch, document by document
        out.append([])
        for doc_id in doc_ids:
            records = []
            for sentence in sorted(documents[doc_id], key=lambda s: s["sentence_index"]):
                records.append({"id": f"{prefix}{number:05d}", "dataset": "mpqa", "doc_id": doc_id,
                                "line": sentence["sentence_index"], "text": " ".join(sentence["text"].split()),
                                "heading": sentence["text"].strip()})  # as the source holds it
                number += 1
            out[-1].append(records)
    return out


def write_batches(batches: list[list[list[dict]]], out: Path) -> None:
    """One annotator file per batch (the first sentence heads each document) and `items.jsonl`."""
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "items.jsonl", "w", encoding="utf-8") as items:
        for number, documents in enumerate(batches, start=1):
            (out / f"batch{number:02d}.txt").write_text(batch_file(documents, "heading"), encoding="utf-8")
        for records in sorted((r for documents in batches for records in documents for r in records),
                              key=lambda r: r["id"]):
            items.write(json.dumps({k: records[k] for k in ("id", "dataset", "doc_id", "line")}) + "\n")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data")
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--lines", type=int, default=780)
    parser.add_argument("--batches", type=int, default=3)
    parser.add_argument("--prefix", default="m", help="first letter of the ids of this round")
    parser.add_argument("--shortest", type=int, default=SIZES[0], help="fewest sentences a document may have")
    parser.add_argument("--longest", type=int, default=SIZES[1],
                        help="most sentences a document may have (once the shorter ones are all labelled)")
    args = parser.parse_args(argv)
    batches = sample(require_data_dir(args.data), args.lines, args.batches, args.prefix,
                     skip=frozenset(labelled_documents()), sizes=(args.shortest, args.longest))
    write_batches(batches, args.out)
    documents = sum(len(b) for b in batches)
    print(f"{sum(len(r) for b in batches for r in b)} sentences of {documents} MPQA documents in {args.batches} batches")


if __name__ == "__main__":
    main()
